package dev.codefactory.port.llm;

/** Controls a running stream. */
public interface StreamHandle {

    /** Stops the stream and closes its connection at once; idempotent. */
    void cancel();

    /** True once the listener has been told the stream ended, one way or the other. */
    boolean isDone();
}
