package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.report.ReportMarkdown;
import dev.codefactory.port.report.ReportRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportRepositoryTest {
    @TempDir
    Path root;

    private static Report report(String kind, String at) {
        return new Report(kind, "A " + kind, Instant.parse(at), List.of(),
                List.of(Finding.error("x.rule", "contracts/specs/a.md", 3, "bad")), Map.of());
    }

    private static String save(ReportRepository repo, Report report) {
        return repo.save(report, ReportMarkdown.render(report));
    }

    @Test
    void names_a_report_after_its_kind_and_utc_date() {
        String path = save(Projects.reports(root), report("validation", "2026-01-07T23:30:00-05:00"));
        assertEquals("reports/validation-2026-01-08.md", path);
        assertTrue(Projects.read(root, path).contains("# A validation"));
    }

    @Test
    void a_second_report_on_the_same_day_gets_a_number_and_the_first_is_kept() {
        ReportRepository repo = Projects.reports(root);
        Report first = report("validation", "2026-01-07T09:00:00Z");
        String a = save(repo, first);
        String b = save(repo, report("validation", "2026-01-07T10:00:00Z"));
        String c = save(repo, report("validation", "2026-01-07T11:00:00Z"));
        assertEquals(List.of("reports/validation-2026-01-07.md", "reports/validation-2026-01-07-2.md",
                "reports/validation-2026-01-07-3.md"), List.of(a, b, c));
        assertEquals(ReportMarkdown.render(first), Projects.read(root, a));
    }

    @Test
    void the_index_lists_reports_newest_first() {
        ReportRepository repo = Projects.reports(root);
        save(repo, report("validation", "2026-01-07T09:00:00Z"));
        save(repo, report("review", "2026-01-07T12:00:00Z"));
        save(repo, report("validation", "2026-01-07T15:00:00Z"));
        save(repo, report("validation", "2026-01-05T15:00:00Z"));
        String readme = Projects.read(root, "reports/README.md");
        assertTrue(readme.contains("<!-- factory:reports:start -->\n"
                + "- [validation-2026-01-07-2.md](validation-2026-01-07-2.md)\n"
                + "- [review-2026-01-07.md](review-2026-01-07.md)\n"
                + "- [validation-2026-01-07.md](validation-2026-01-07.md)\n"
                + "- [validation-2026-01-05.md](validation-2026-01-05.md)\n"
                + "<!-- factory:reports:end -->\n"), readme);
    }

    @Test
    void the_index_keeps_the_text_around_it() {
        Projects.layout(root).initialize();
        String before = Projects.read(root, "reports/README.md") + "\nMy notes.\n";
        Projects.write(root, "reports/README.md", before);
        save(Projects.reports(root), report("review", "2026-01-07T12:00:00Z"));
        assertEquals(before.replace("No reports yet.\n", "- [review-2026-01-07.md](review-2026-01-07.md)\n"),
                Projects.read(root, "reports/README.md"));
    }

    @Test
    void list_gives_the_reports_by_name_numbers_in_order_without_the_readme() {
        ReportRepository repo = Projects.reports(root);
        assertEquals(List.of(), repo.list());
        save(repo, report("validation", "2026-01-07T09:00:00Z"));
        save(repo, report("review", "2026-01-08T09:00:00Z"));
        save(repo, report("validation", "2026-01-07T10:00:00Z"));
        assertEquals(List.of("reports/review-2026-01-08.md", "reports/validation-2026-01-07.md",
                "reports/validation-2026-01-07-2.md"), repo.list());
    }
}
