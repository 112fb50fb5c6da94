package dev.codefactory.port.audit.spi;

import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link AuditLog} implementations through {@link java.util.ServiceLoader}. */
public interface AuditLogProvider extends Provider {

    AuditLog create(ProjectContext context);
}
