package dev.codefactory.app;

import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.ModelInfo;
import dev.codefactory.port.llm.StreamHandle;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.util.List;

/** A provider an embedder adds with {@code addProvider}: its model answers "echo: " and the last message. */
final class EchoProvider implements LanguageModelProvider {
    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String displayName() {
        return "Echo (test)";
    }

    @Override
    public LanguageModel create(LanguageModelSettings settings) {
        return new LanguageModel() {
            @Override
            public String providerId() {
                return "echo";
            }

            @Override
            public Generation generate(GenerationRequest r) {
                String last = r.messages().get(r.messages().size() - 1).content();
                return new Generation("echo: " + last, "echo-1", FinishReason.STOP,
                        Usage.UNKNOWN);
            }

            @Override
            public StreamHandle stream(GenerationRequest r, StreamListener l) {
                Generation g = generate(r);
                l.onToken(g.text());
                l.onComplete(g);
                return new StreamHandle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }

            @Override
            public List<ModelInfo> listModels() {
                return List.of(new ModelInfo("echo-1", 0));
            }
        };
    }
}
