package dev.codefactory.adapter.llm.openai;

import java.net.URI;

/** Where the three OpenAI wire-format providers differ: addresses, the auth header, the token limit field. */
interface Flavour {

    /** This flavour's endpoints at {@code base}, built through {@code targets}, sending {@code apiKey} if any. */
    Endpoints bind(Targets targets, URI base, String apiKey);

    /** {@code max_completion_tokens} for OpenAI and Azure, {@code max_tokens} for servers that copy the old API. */
    String maxTokensField();

    /** OpenAI's base may be given with or without {@code /v1}; the paths add it back. */
    static URI withoutV1(URI base) {
        String s = base.toString();
        s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return URI.create(s.endsWith("/v1") ? s.substring(0, s.length() - 3) : s);
    }
}
