package dev.codefactory.adapter.llm.internal;

import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.Usage;
import java.util.function.Predicate;

/** What a provider's chunk handler reports while a stream is read: tokens, counts, the end, a mid-stream error. */
public final class StreamState {
    private final Predicate<String> tokens;
    private final StringBuilder text = new StringBuilder();
    private long inputTokens;
    private long outputTokens;
    private FinishReason finishReason;
    private boolean finished;
    private boolean completeAtEnd;
    private LanguageModelException error;

    StreamState(Predicate<String> tokens) {
        this.tokens = tokens;
    }

    /** A piece of the answer; empty pieces are dropped, and so is anything after a cancel. */
    public void token(String piece) {
        if (piece != null && !piece.isEmpty() && tokens.test(piece)) {
            text.append(piece);
        }
    }

    public void inputTokens(long count) {
        inputTokens = count;
    }

    public void outputTokens(long count) {
        outputTokens = count;
    }

    public void finishReason(FinishReason reason) {
        finishReason = reason;
    }

    /** The provider said the answer is complete; anything after it is not read. */
    public void finished() {
        finished = true;
    }

    /**
     * For formats without an end marker (Gemini): the answer is complete if the stream now ends cleanly. Reading
     * goes on, so counts sent after it are still taken.
     */
    public void completeAtEnd() {
        completeAtEnd = true;
    }

    /** The provider reported an error inside the stream. */
    public void error(LanguageModelException e) {
        error = e;
    }

    boolean isFinished() {
        return finished;
    }

    boolean isCompleteAtEnd() {
        return completeAtEnd;
    }

    LanguageModelException error() {
        return error;
    }

    String text() {
        return text.toString();
    }

    FinishReason finishReasonOr(FinishReason fallback) {
        return finishReason == null ? fallback : finishReason;
    }

    Usage usage() {
        return new Usage(inputTokens, outputTokens);
    }
}
