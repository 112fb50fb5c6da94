package dev.codefactory.port.report.spi;

import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link ReportRepository} implementations through {@link java.util.ServiceLoader}. */
public interface ReportRepositoryProvider extends Provider {

    ReportRepository create(ProjectContext context);
}
