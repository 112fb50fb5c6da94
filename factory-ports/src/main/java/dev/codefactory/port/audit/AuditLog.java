package dev.codefactory.port.audit;

/** Where every language model call is recorded: {@code .factory/audit.jsonl}, one JSON object a line. */
public interface AuditLog {

    /** Appends one entry; entries from concurrent processes never interleave within a line. */
    void append(AuditEntry entry);
}
