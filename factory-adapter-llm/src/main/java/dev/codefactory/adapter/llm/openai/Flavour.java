package dev.codefactory.adapter.llm.openai;

import java.net.URI;

/** Where the three OpenAI wire-format providers differ: addresses, the auth header, the token limit field. */
interface Flavour {

    URI chatUri(URI base, String model);

    URI modelsUri(URI base);

    /** The header carrying the key: {@code Authorization} (with {@code Bearer}) or Azure's {@code api-key}. */
    String authHeader();

    String authValue(String key);

    /** {@code max_completion_tokens} for OpenAI and Azure, {@code max_tokens} for servers that copy the old API. */
    String maxTokensField();

    /** OpenAI's base may be given with or without {@code /v1}; the paths add it back. */
    static URI withoutV1(URI base) {
        String s = base.toString();
        return s.endsWith("/v1") ? URI.create(s.substring(0, s.length() - 3)) : base;
    }
}
