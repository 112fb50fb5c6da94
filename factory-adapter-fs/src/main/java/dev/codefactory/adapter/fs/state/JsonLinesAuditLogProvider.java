package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.spi.AuditLogProvider;
import dev.codefactory.port.spi.ProjectContext;

/**
 * Provides {@link AuditLog} "jsonl": one JSON line per language model call or code host request in
 * .factory/audit.jsonl.
 */
public final class JsonLinesAuditLogProvider implements AuditLogProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public JsonLinesAuditLogProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public AuditLog create(ProjectContext context) {
        return new JsonLinesAuditLog(context);
    }
}
