package dev.codefactory.cli;

import dev.codefactory.app.drift.DriftJson;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.app.trace.TraceJson;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.TraceMatrix;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Which code implements each requirement and which tests cover it, from the links the code and"
                + " tests name, without a model; and a report in reports/trace-DATE.md.",
            "A link is a line holding 'implements SPEC/ID' (code) or 'covers SPEC/ID' (tests), in any comment"
                + " syntax, e.g. '// implements" + " feature-010/FR-003, feature-010/FR-004'; in a test file a JUnit"
                + " @Tag(\"feature-010/FR-003\") is a 'covers' link too. Files come from git (tracked, and untracked"
                + " but not ignored) within scan.max-file-size; contracts/, reports/ and .factory/ are not read.",
            "Orphans are links to a spec or requirement that does not exist, or to a deprecated spec; uncovered are"
                + " the requirements of approved and implemented specs without code, without a test, or both."
                + " Malformed links and links in binary or oversized files are listed as findings."})
// implements feature-010/FR-007, feature-010/FR-008
final class TraceCommand implements Callable<Integer> {
    /** What {@code --fail-on} takes. */
    static final List<String> CONDITIONS = List.of("uncovered", "orphans", "drift");
    private static final int MIN_CELL = 12;

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--fail-on", paramLabel = "WHAT", description = "Exit with 1 when there are such rows:"
            + " uncovered, orphans or drift (repeatable, or comma-separated; drift implies --drift). Without it the"
            + " exit is 0 whatever the matrix holds.", split = ",")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--drift", description = "Also list the specs the code moved on from since they were reconciled"
            + " (as 'factory drift' does), after the matrix.")
    boolean drift;

    @Option(names = "--json", description = "Print the matrix as JSON instead of a table.")
    boolean json;

    @Option(names = "--no-report", description = "Do not save the report in reports/.")
    boolean noReport;

    @Override
    public Integer call() {
        Set<String> conditions = FailOn.conditions(failOn, CONDITIONS);
        boolean withDrift = drift || conditions.contains("drift");
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(root.err(), root.session().terminal() && !json);
        TraceUseCase.TraceOutcome outcome;
        try {
            outcome = root.factory().trace(new TraceUseCase.TraceCommand(!noReport), progress);
        } finally {
            progress.stop();
        }
        DriftUseCase.DriftOutcome drifted = null;
        if (withDrift) {
            DriftCommand.Progress driftProgress = new DriftCommand.Progress(root.err(),
                    root.session().terminal() && !json);
            try {
                drifted = root.factory().drift(new DriftUseCase.DriftCommand(List.of()), driftProgress);
            } finally {
                driftProgress.stop();
            }
        }
        TraceMatrix m = outcome.matrix();
        List<String> failed = new ArrayList<>();
        if (conditions.contains("uncovered") && !m.uncovered().isEmpty()) {
            failed.add("uncovered");
        }
        if (conditions.contains("orphans") && !m.orphans().isEmpty()) {
            failed.add("orphans");
        }
        if (conditions.contains("drift") && !drifted.drifted().isEmpty()) {
            failed.add("drift");
        }
        if (json) {
            Map<String, Object> doc = TraceJson.document(outcome);
            doc.put("failOn", List.copyOf(conditions));
            doc.put("failed", failed);
            if (drifted != null) {
                doc.put("drift", DriftJson.document(drifted));
            }
            out.print(JsonWriter.pretty(doc));
        } else {
            table(out, outcome);
            if (drifted != null) {
                out.println();
                boolean terminal = root.session().terminal();
                DriftView.print(out, drifted, root.style(), terminal ? root.tty().columns() : Integer.MAX_VALUE);
            }
        }
        if (!failed.isEmpty() && !json) {
            spec.commandLine().getErr().println("factory: " + String.join(" and ", failed)
                    + (failed.size() == 1 ? " holds" : " hold") + " (--fail-on); exit 1");
        }
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The matrix as rows cut to the terminal's width (piped: whole), then orphans, uncovered, findings, summary. */
    private void table(PrintWriter out, TraceUseCase.TraceOutcome outcome) {
        TraceMatrix m = outcome.matrix();
        Style style = root.style();
        boolean terminal = root.session().terminal();
        int columns = terminal ? root.tty().columns() : Integer.MAX_VALUE;
        if (m.rows().isEmpty()) {
            out.println("No requirement has an id yet; 'factory spec ids' gives them.");
        } else {
            String[] head = {"REQUIREMENT", "STATUS", "CODE", "TESTS"};
            List<String[]> rows = new ArrayList<>();
            rows.add(head);
            for (TraceMatrix.Row r : m.rows()) {
                rows.add(new String[] {r.ref().toString(), r.status().label(), sites(r.implementing()),
                    sites(r.covering())});
            }
            int[] widths = new int[head.length];
            for (String[] row : rows) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            // on a terminal the two location columns share what the id and status leave
            int room = columns - widths[0] - widths[1] - 6;
            if (terminal && widths[2] + widths[3] > room) {
                int half = Math.max(MIN_CELL, room / 2);
                widths[2] = Math.min(widths[2], half);
                widths[3] = Math.min(widths[3], Math.max(MIN_CELL, room - widths[2]));
            }
            for (int n = 0; n < rows.size(); n++) {
                String[] row = rows.get(n);
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    String cell = Tty.fit(row[i], widths[i]);
                    line.append(cell).append(i < row.length - 1 ? " ".repeat(widths[i] - Tty.width(cell) + 2) : "");
                }
                String text = Tty.fit(line.toString().stripTrailing(), columns);
                out.println(n == 0 ? style.bold(text) : text);
            }
        }
        for (TraceMatrix.Orphan o : m.orphans()) {
            out.println(labelled(style.yellow("orphan"), "orphan", o.site().location() + " " + o.site().kind().word()
                    + " " + o.site().ref() + ": " + o.reason().label(), columns));
        }
        for (TraceMatrix.Uncovered u : m.uncovered()) {
            out.println(labelled(style.yellow("uncovered"), "uncovered", u.ref() + " (" + u.status().label() + "): "
                    + u.missing().label(), columns));
        }
        for (LinkSiteFinding f : m.findings()) {
            out.println(labelled(style.dim("finding"), "finding", f.location() + ": " + f.message(), columns));
        }
        long linked = m.rows().stream().filter(r -> !r.implementing().isEmpty() || !r.covering().isEmpty()).count();
        out.println(m.rows().size() + " requirement(s) in " + outcome.specs() + " spec(s), " + linked + " linked; "
                + m.orphans().size() + " orphan link(s), " + m.uncovered().size() + " uncovered, "
                + m.findings().size() + " finding(s); " + outcome.filesRead() + " file(s) read"
                + outcome.reportPath().map(p -> "; report: " + p).orElse("") + ".");
    }

    /** {@code styled} (the coloured {@code label}), a space and {@code text}, cut to {@code columns}. */
    private static String labelled(String styled, String label, String text, int columns) {
        int room = columns == Integer.MAX_VALUE ? columns : columns - Tty.width(label) - 1;
        return styled + " " + Tty.fit(text.replace('\n', ' '), room);
    }

    /** The first location and how many more: {@code src/A.java:3 +2}; {@code -} for none. */
    private static String sites(List<LinkSite> sites) {
        if (sites.isEmpty()) {
            return "-";
        }
        return sites.get(0).location() + (sites.size() > 1 ? " +" + (sites.size() - 1) : "");
    }

    /** The files read so far on standard error's status line, shown once reading takes longer than a second. */
    private static final class Progress implements TraceUseCase.TraceProgress {
        private final Spinner spinner;
        private volatile String line = "";

        Progress(TerminalWriter err, boolean enabled) {
            this.spinner = Spinner.ticking(err, enabled, () -> line);
        }

        @Override
        public void reading(int done, int total, Duration elapsed) {
            line = "reading files " + done + "/" + total + " · " + elapsed.toSeconds() + " s";
            if (elapsed.toMillis() >= 1000) {
                spinner.start();
            }
        }

        void stop() {
            spinner.stop();
        }
    }
}
