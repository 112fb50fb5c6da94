package dev.codefactory.port.llm;

/**
 * Receives a streamed generation. Exactly one of {@link #onComplete} and {@link #onError} is called, once, after
 * any number of {@link #onToken} calls; all on one thread at a time.
 */
public interface StreamListener {

    void onToken(String token);

    /** The whole generation; its finish reason is {@code CANCELLED} when the stream was cancelled. */
    void onComplete(Generation generation);

    void onError(LanguageModelException error);
}
