package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.app.review.ReviewReport.SpecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A review report rendered by {@link ReviewMarkdown} reads back as the same values. */
// covers feature-012/FR-003
class ReviewMarkdownReaderTest {

    /** What the report's markdown says of {@code r}: scores as whole percentages, texts on one line. */
    private static ReviewDigest expected(ReviewReport r) {
        Map<String, Integer> severities = new LinkedHashMap<>();
        ReviewReport.SEVERITIES.forEach(s -> severities.put(s, r.count(s)));
        List<ReviewDigest.SpecScore> compliance = new ArrayList<>();
        for (SpecResult s : r.specs()) {
            OptionalInt score = s.requirements() > 0 && s.unassessed() == s.requirements() ? OptionalInt.empty()
                    : OptionalInt.of((int) Math.round(s.score() * 100));
            compliance.add(new ReviewDigest.SpecScore(s.specId(), s.title(), score, s.met(), s.partial(), s.missing(),
                    s.contradicted(), s.unassessed()));
        }
        List<ReviewDigest.Finding> findings = new ArrayList<>();
        for (Item f : r.findings()) {
            String location = f.file() + (f.startLine() > 0 ? ":" + f.startLine()
                    + (f.endLine() > f.startLine() ? "-" + f.endLine() : "") : "");
            String category = f.checkRule() == null ? f.category() : f.category() + " (check " + f.checkRule() + ")";
            findings.add(new ReviewDigest.Finding(f.severity(), location, category,
                    f.requirementId() == null ? "" : f.requirementRef().orElse(f.requirementId()),
                    f.message().strip(), f.suggestion().strip()));
        }
        OptionalInt overall = r.overallScore().isPresent()
                ? OptionalInt.of((int) Math.round(r.overallScore().getAsDouble() * 100)) : OptionalInt.empty();
        return new ReviewDigest(r.id(), r.date(), r.scope(), r.specIds(), r.provider(), r.model(), r.commit(),
                r.partial(), r.offline(), overall, severities, compliance, findings);
    }

    private static void roundTrip(ReviewReport report) {
        String markdown = ReviewMarkdown.render(report);
        assertEquals(expected(report), ReviewMarkdownReader.read(markdown).orElseThrow(), markdown);
    }

    @Test
    void a_full_report_reads_back_with_every_severity_category_and_awkward_path() {
        roundTrip(ReviewReportFixtures.full());
    }

    @Test
    void a_partial_report_reads_back_partial() {
        roundTrip(ReviewReportFixtures.partial());
        assertTrue(ReviewMarkdownReader.read(ReviewMarkdown.render(ReviewReportFixtures.partial())).orElseThrow()
                .partial());
    }

    @Test
    void a_spec_level_finding_reads_back() {
        roundTrip(ReviewReportFixtures.specLevel());
    }

    @Test
    void html_pipes_brackets_and_line_breaks_in_texts_read_back_as_written() {
        Item hostile = new Item("SPEC-1", "high", "security", "src/[a]|b.java", 2, 3, "FR-001",
                "<script>alert('x')</script> a | b & c \\ d\nnext line", "\"><img src=x onerror=alert(1)>",
                "fp", "model");
        SpecResult spec = new SpecResult("SPEC-1", "Title <b>|[x]</b>", "contracts/specs/s.md", 4, 1, 1, 1, 0, 1,
                0.375, List.of(), List.of());
        ReviewReport report = new ReviewReport("review-1", ReviewReportFixtures.DATE, List.of("src", "a, \"b\""),
                List.of("SPEC-1"), null, null, null, false, true, List.of(spec), List.of(hostile), List.of(),
                ReviewReportFixtures.metrics(), 0);
        roundTrip(report);
        ReviewDigest read = ReviewMarkdownReader.read(ReviewMarkdown.render(report)).orElseThrow();
        assertEquals("<script>alert('x')</script> a | b & c \\ d\nnext line", read.findings().get(0).message());
        assertEquals(OptionalInt.of(38), read.overall());
    }

    @Test
    void an_unassessed_review_has_no_score() {
        SpecResult spec = new SpecResult("SPEC-1", "T", "contracts/specs/s.md", 3, 0, 0, 0, 0, 3, 0, List.of(),
                List.of());
        ReviewReport report = new ReviewReport("review-2", ReviewReportFixtures.DATE, List.of(), List.of("SPEC-1"),
                null, null, null, false, true, List.of(spec), List.of(), List.of(), ReviewReportFixtures.metrics(), 0);
        roundTrip(report);
        assertEquals(OptionalInt.empty(), ReviewMarkdownReader.read(ReviewMarkdown.render(report)).orElseThrow()
                .overall());
    }

    @Test
    void what_is_not_a_review_report_reads_as_nothing() {
        assertTrue(ReviewMarkdownReader.read("# Trace\n\nno front matter\n").isEmpty());
        assertTrue(ReviewMarkdownReader.read("---\nkind: trace\ndate: \"2026-01-01T00:00:00Z\"\n---\n").isEmpty());
        assertTrue(ReviewMarkdownReader.read("---\nkind: review\ndate: yesterday\n---\n").isEmpty());
        assertTrue(ReviewMarkdownReader.read("---\nkind: review\n").isEmpty());
    }

    @Test
    void a_hand_edited_row_that_does_not_parse_is_left_out() {
        String markdown = ReviewMarkdown.render(ReviewReportFixtures.full())
                .replace("| 7 | 1 | 1 | 0 | 1 |", "| seven | 1 | 1 | 0 | 1 |");
        ReviewDigest read = ReviewMarkdownReader.read(markdown).orElseThrow();
        assertEquals(List.of("SPEC-2"), read.compliance().stream().map(ReviewDigest.SpecScore::specId).toList());
    }
}
