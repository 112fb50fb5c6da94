package dev.codefactory.port.audit;

/**
 * Where every language model call and every request to a code host is recorded: {@code .factory/audit.jsonl}, one
 * JSON object a line.
 */
public interface AuditLog {

    /** Appends one model call; entries from concurrent processes never interleave within a line. */
    void append(AuditEntry entry);

    /** Appends one request to a code host, the same way. */
    void append(HostCallEntry entry);
}
