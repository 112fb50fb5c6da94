package dev.codefactory.adapter.llm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import dev.codefactory.testkit.llm.WireFormatContractTest;

/** The contract suite on the testkit's OpenAI fake server, shared by the three providers of that wire format. */
// covers feature-003/NFR-001
abstract class OpenAiWireContractTest extends WireFormatContractTest<OpenAiFakeServer> {
    protected static final String KEY = "sk-test-0123456789abcdefSECRET";
    protected final ObjectMapper json = new ObjectMapper();

    @Override
    protected OpenAiFakeServer startServer() {
        return OpenAiFakeServer.start();
    }

    @Override
    protected String secretKey() {
        return KEY;
    }

    protected String delta(String token) {
        return OpenAiFakeServer.delta(token);
    }
}
