package dev.codefactory.cli;

import dev.codefactory.app.drift.DriftUseCase.DriftOutcome;
import dev.codefactory.domain.drift.DriftFile;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.drift.DriftStatus;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.RequirementId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A drift run for a person (feature-010, FR-011): one row per spec, then each drifted spec's files with their
 * commits and line counts and its requirements, then the findings and a summary. Shared by {@code factory drift}
 * and {@code factory trace --drift}.
 */
final class DriftView {
    private DriftView() {
    }

    /**
     * Prints {@code outcome}, each line cut to {@code columns} ({@link Integer#MAX_VALUE}: whole, when piped).
     */
    static void print(PrintWriter out, DriftOutcome outcome, Style style, int columns) {
        if (outcome.rows().isEmpty()) {
            out.println("No spec to look at; 'factory spec new' writes one.");
            return;
        }
        String[] head = {"SPEC", "STATUS", "RECONCILED", "FILES", "LINES", "REQUIREMENTS"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (DriftRow r : outcome.rows()) {
            boolean counted = r.status() != DriftStatus.NEVER_RECONCILED && r.status() != DriftStatus.COMMIT_MISSING;
            rows.add(new String[] {r.spec(), r.status().label(), r.reconciled().map(DriftView::shortId).orElse("-"),
                counted ? String.valueOf(r.files().size()) : "-", counted ? "+" + r.added() + " -" + r.removed() : "-",
                requirements(r)});
        }
        int[] widths = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Tty.width(safe(row[i])));
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = safe(row[i]);
                line.append(cell).append(i < row.length - 1 ? " ".repeat(widths[i] - Tty.width(cell) + 2) : "");
            }
            String text = Tty.fit(line.toString().stripTrailing(), columns);
            if (n == 0) {
                out.println(style.bold(text));
            } else {
                DriftStatus status = outcome.rows().get(n - 1).status();
                out.println(status.drift() ? style.yellow(text) : text);
            }
        }
        for (DriftRow r : outcome.rows()) {
            if (!r.status().drift() && r.finding().isEmpty()) {
                continue;
            }
            out.println();
            out.println(style.bold(Tty.fit(safe(r.spec() + " (" + r.path() + "): " + r.status().label()
                    + r.since().map(s -> " since " + shortId(s)).orElse("")), columns)));
            for (DriftFile f : r.files()) {
                String commits = f.commits().stream().limit(3).map(DriftView::shortId).collect(Collectors.joining(", "))
                        + (f.commits().size() > 3 ? " +" + (f.commits().size() - 3) : "");
                out.println(Tty.fit(safe("  " + f.path() + f.renamedFrom().map(p -> " (was " + p + ")").orElse("")
                        + (f.deleted() ? " (deleted)" : "") + "  +" + f.added() + " -" + f.removed() + "  "
                        + f.commits().size() + " commit(s)" + (commits.isEmpty() ? "" : ": " + commits)
                        + (f.linked() ? "" : "  [matched]")
                        + (f.requirements().isEmpty() ? "" : "  " + join(f.requirements()))), columns));
            }
            if (!r.editedRequirements().isEmpty()) {
                out.println(Tty.fit(safe("  edited in the spec since: " + String.join(", ", r.editedRequirements())),
                        columns));
            }
            r.finding().ifPresent(f -> out.println(Tty.fit(safe("  " + f), columns)));
        }
        for (LinkSiteFinding f : outcome.linkFindings()) {
            out.println(style.dim("finding") + " " + Tty.fit(safe(f.location() + ": " + f.message()),
                    columns == Integer.MAX_VALUE ? columns : columns - 8));
        }
        out.println();
        out.println(summary(outcome));
    }

    /** {@code N spec(s): D drifted, S in sync, R never reconciled, M with a missing commit; HEAD abc1234.} */
    static String summary(DriftOutcome outcome) {
        List<DriftRow> rows = outcome.rows();
        long inSync = rows.stream().filter(r -> r.status() == DriftStatus.IN_SYNC).count();
        long never = rows.stream().filter(r -> r.status() == DriftStatus.NEVER_RECONCILED).count();
        long missing = rows.stream().filter(r -> r.status() == DriftStatus.COMMIT_MISSING).count();
        return rows.size() + " spec(s): " + outcome.drifted().size() + " drifted, " + inSync + " in sync, " + never
                + " never reconciled, " + missing + " with a missing commit; HEAD " + shortId(outcome.head()) + ".";
    }

    /** The requirements of a row: those whose linked lines changed, then those edited in the spec (marked). */
    private static String requirements(DriftRow r) {
        List<String> out = new ArrayList<>();
        r.changedRequirements().forEach(id -> out.add(id.toString()));
        r.editedRequirements().forEach(id -> out.add(id + " (spec)"));
        return out.isEmpty() ? "-" : String.join(", ", out);
    }

    private static String join(List<RequirementId> ids) {
        return ids.stream().map(RequirementId::toString).collect(Collectors.joining(", "));
    }

    private static String shortId(String id) {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }

    /** Paths and findings come from the repository: shown with control characters made visible. */
    private static String safe(String text) {
        return ControlCharacters.escape(text);
    }
}
