package dev.codefactory.port.llm;

/** Tokens counted by the provider; 0 when it did not say. */
public record Usage(long inputTokens, long outputTokens) {
    public static final Usage UNKNOWN = new Usage(0, 0);
}
