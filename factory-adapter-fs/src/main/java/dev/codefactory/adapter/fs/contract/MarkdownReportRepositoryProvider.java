package dev.codefactory.adapter.fs.contract;

import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.report.spi.ReportRepositoryProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ReportRepository} "markdown": reports as markdown files in reports/. */
public final class MarkdownReportRepositoryProvider implements ReportRepositoryProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public MarkdownReportRepositoryProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public ReportRepository create(ProjectContext context) {
        return new MarkdownReportRepository(context);
    }
}
