package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.app.review.ReviewReport.Metrics;
import dev.codefactory.app.review.ReviewReport.RequirementResult;
import dev.codefactory.app.review.ReviewReport.Skipped;
import dev.codefactory.app.review.ReviewReport.SpecResult;
import dev.codefactory.domain.review.Category;
import dev.codefactory.domain.review.ReviewAnswer.ReviewFinding;
import dev.codefactory.domain.review.ReviewSeverity;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports to render: every severity and category, awkward paths, partial, empty. */
final class ReviewReportFixtures {
    static final Instant DATE = Instant.parse("2026-03-04T05:06:07Z");

    private ReviewReportFixtures() {
    }

    static Item item(String severity, String category, String file, int start, int end, String source) {
        return new Item("SPEC-1", severity, category, file, start, end, "R-2",
                "A " + severity + " " + category + " problem", "Fix it", "fp-" + severity + "-" + category, source);
    }

    static SpecResult spec(String id, int requirements, int met, double score) {
        return new SpecResult(id, "Title of " + id, "specs/" + id.toLowerCase() + ".md", requirements, met, 1, 1, 0,
                requirements - met - 2, score, List.of("src/Main.java"), List.of("named in the spec"));
    }

    static Metrics metrics() {
        return new Metrics(12, 3456, Map.of("java", 10, "markdown", 2), 12000, 3400, 83_400);
    }

    /** Every severity and every category, plus check findings, spaces and non-ASCII in paths. */
    static ReviewReport full() {
        List<Item> findings = new ArrayList<>();
        String[] severities = {"info", "low", "medium", "high", "critical"};
        for (int i = 0; i < ReviewReport.CATEGORIES.size(); i++) {
            String severity = severities[i % severities.length];
            findings.add(item(severity, ReviewReport.CATEGORIES.get(i), "src/main/App" + i + ".java", 10 + i,
                    10 + i, "model"));
        }
        findings.add(item("critical", "security", "config/app settings.yml", 3, 3, "check:secret"));
        findings.add(item("high", "correctness", "docs/résumé 東京.md", 7, 12, "model"));
        findings.add(item("low", "maintainability", "src/Whole.java", 0, 0, "check:todo-comment"));
        findings.add(new Item("SPEC-2", "medium", "compliance", "src/Pipe.java", 4, 4, null,
                "Uses a | b where\nthe spec says c", "Use c | d", "fp-pipe", "model"));
        return new ReviewReport("review-2026-03-04", DATE, List.of("src"), List.of("SPEC-1", "SPEC-2"), "ollama",
                "qwen2.5-coder:7b", "0123456789abcdef", false, false,
                List.of(spec("SPEC-1", 10, 7, 0.8), spec("SPEC-2", 4, 2, 0.5)), findings,
                List.of(new Skipped("assets/logo.png", "binary", ""),
                        new Skipped("big|file.txt", "too large", "2 MB > 1 MB")),
                metrics(), 3);
    }

    /** Stopped after SPEC-1 of SPEC-1, SPEC-2, SPEC-3. */
    static ReviewReport partial() {
        return new ReviewReport("review-2026-03-04-2", DATE, List.of(), List.of("SPEC-1", "SPEC-2", "SPEC-3"),
                "ollama", "qwen2.5-coder:7b", null, true, false, List.of(spec("SPEC-1", 10, 7, 0.8)),
                List.of(item("high", "compliance", "src/A.java", 5, 9, "model")), List.of(), metrics(), 0);
    }

    /** The spec file of {@link #specLevel()}'s finding. */
    static final String SPEC_PATH = "contracts/specs/user login.md";

    /**
     * A model finding about a spec as a whole (it names no file, such as a missing feature), made into a report row
     * as the review makes it, beside one that names a file.
     */
    static ReviewReport specLevel() {
        ReviewFinding missing = new ReviewFinding("SPEC-1", ReviewSeverity.HIGH, Category.COMPLIANCE, null, 0, 0,
                "R-2", "Account locking is not implemented anywhere", "Add a lock check");
        ReviewFinding inFile = new ReviewFinding("SPEC-1", ReviewSeverity.LOW, Category.MAINTAINABILITY,
                "src/Login.java", 4, 6, null, "The hash check is inline", null);
        return new ReviewReport("review-spec-level", DATE, List.of(), List.of("SPEC-1"), "ollama", "m", null, false,
                false, List.of(spec("SPEC-1", 3, 1, 0.5)), List.of(Item.of(missing, SPEC_PATH, "model"),
                        Item.of(inFile, SPEC_PATH, "model")), List.of(), metrics(), 0);
    }

    /** Offline, nothing found, nothing skipped, no spec reviewed. */
    static ReviewReport empty() {
        return new ReviewReport("review-empty", DATE, List.of(), List.of(), null, null, null, false, true,
                List.of(), List.of(), List.of(), new Metrics(0, 0, Map.of(), 0, 0, 5), 0);
    }

    /**
     * A finding naming its requirement by its stable id and one naming a requirement without an id by its place
     * number (feature-010/FR-005).
     */
    static ReviewReport stableIds() {
        ReviewFinding stable = new ReviewFinding("feature-006", ReviewSeverity.HIGH, Category.COMPLIANCE,
                "src/Login.java", 3, 4, "FR-002", "Passwords are stored in clear", "Hash them");
        ReviewFinding positional = new ReviewFinding("feature-006", ReviewSeverity.LOW, Category.TEST_GAP, null, 0, 0,
                "R3", "No test loads the login page", null);
        return new ReviewReport("review-stable-ids", DATE, List.of(), List.of("feature-006"), "ollama", "m", null,
                false, false, List.of(spec("feature-006", 3, 1, 0.5)), List.of(Item.of(stable, SPEC_PATH, "model"),
                        Item.of(positional, SPEC_PATH, "model")), List.of(), metrics(), 0);
    }

    /**
     * Two specs' requirement rows (feature-010/FR-009): feature-006 with stable ids, verdicts and links (one
     * requirement implemented in two places, one with a long text holding a pipe and markup), feature-007 without
     * ids (R1, R2), unassessed and linked to nothing.
     */
    static ReviewReport requirementRows() {
        RequirementRef fr1 = RequirementRef.parse("feature-006/FR-001");
        RequirementRef fr2 = RequirementRef.parse("feature-006/FR-002");
        String longText = "A reset link is sent by e-mail | and <b>only</b> by e-mail, to the address on the account,"
                + " never to one typed into the form";
        List<RequirementResult> ids = List.of(
                new RequirementResult("feature-006", "FR-001", longText, 14, "met",
                        List.of(new LinkSite(fr1, LinkKind.IMPLEMENTS, "src/reset/Reset Mailer.java", 3),
                                new LinkSite(fr1, LinkKind.IMPLEMENTS, "src/reset/Tokens.java", 9)),
                        List.of(new LinkSite(fr1, LinkKind.COVERS, "test/ResetTest.java", 20))),
                new RequirementResult("feature-006", "FR-002", "The link expires after an hour.", 15, "contradicted",
                        List.of(), List.of(new LinkSite(fr2, LinkKind.COVERS, "test/ResetTest.java", 31))));
        List<RequirementResult> positional = List.of(
                new RequirementResult("feature-007", "R1", "Sessions end after a day.", 12, "unassessed", List.of(),
                        List.of()),
                new RequirementResult("feature-007", "R2", "A session can be ended by hand.", 13, "unassessed",
                        List.of(), List.of()));
        SpecResult withIds = new SpecResult("feature-006", "Password reset", "contracts/specs/feature-006.md", 2, 1,
                0, 0, 1, 0, 0.5, List.of("src/reset/Tokens.java"), List.of("src/reset/Tokens.java: links"), ids);
        SpecResult withoutIds = new SpecResult("feature-007", "Sessions", "contracts/specs/feature-007.md", 2, 0, 0,
                0, 0, 2, 0, List.of(), List.of(), positional);
        return new ReviewReport("review-requirements", DATE, List.of(), List.of("feature-006", "feature-007"),
                "ollama", "m", null, false, false, List.of(withIds, withoutIds), List.of(), List.of(), metrics(), 0);
    }
}
