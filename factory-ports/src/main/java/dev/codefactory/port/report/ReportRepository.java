package dev.codefactory.port.report;

import dev.codefactory.domain.report.Report;
import java.util.List;

/** Where reports live: {@code reports/<kind>-YYYY-MM-DD[-N].md}, with {@code reports/README.md} as their index. */
public interface ReportRepository {

    /**
     * Writes a rendered report under a new name (never over an earlier one) and lists it in the index.
     *
     * @return the project-relative path written
     */
    String save(Report report, String markdown);

    /** The project-relative paths of the reports, newest name last. */
    List<String> list();
}
