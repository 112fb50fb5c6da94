package dev.codefactory.cli;

import dev.codefactory.app.review.ReviewJson;
import dev.codefactory.app.review.ReviewReport;
import dev.codefactory.app.review.ReviewShard;
import dev.codefactory.app.review.ReviewUseCase;
import dev.codefactory.app.review.Sarif;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.review.ReviewSeverity;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.review.ReviewDialog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

// implements feature-006/FR-006, feature-006/FR-010
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Check the code against the specs: findings with file and line, a compliance score per spec,"
                + " and a report in reports/review-DATE.md.",
            "Files come from git (tracked, and untracked but not ignored) within scan.max-file-size; each spec is"
                + " matched to files by the paths it names (in backticks, as links, or plainly in the text), the"
                + " names it mentions, its tags and its words (shown, and on a terminal yours to change). The model"
                + " reads each spec's requirements with its code, at most scan.max-files files in all, in calls that"
                + " fit review.context-window; secrets are redacted before any code leaves the machine."
                + " Deterministic checks (secrets in code, implemented specs without code, requirements nothing"
                + " refers to) read every file, also with --offline.",
            "A path typed at a match that is not among the files reviewed is asked again, with the closest one."
                + " Ctrl-C stops at once, at a question or while the model answers (the call is cancelled): the"
                + " report keeps what was reviewed so far, marked partial, nothing is committed or filed, and it"
                + " exits with 130; a second Ctrl-C ends it at once.",
            "On several machines: each runs 'factory review --shard I/N --json > part-I.json' (the specs sorted by id"
                + " and dealt out in turn; a check's finding about no spec goes by its file), and 'factory review"
                + " merge part-*.json' joins them into the report, JSON and SARIF one run would have made."})
final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to review, relative to the"
            + " project root (default: the whole project); one that does not exist is an error.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "ID", description = "Review against this spec only (repeatable).")
    List<String> specIds = new ArrayList<>();

    @Option(names = "--offline", description = "No model: the deterministic checks only.")
    boolean offline;

    @Option(names = "--commit", description = "Commit the report and the reports index.")
    boolean commit;

    @Option(names = "--no-cache", description = "Ask the model again even when an answer is cached.")
    boolean noCache;

    @Option(names = {"-y", "--yes"}, description = "Take the matched files as they are, without asking.")
    boolean yes;

    @Option(names = "--json", description = "Print the report as JSON instead of a summary.")
    boolean json;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write SARIF 2.1.0 (for GitHub code scanning)"
            + " to FILE.")
    Path sarif;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit with 1 when a finding is this severe or"
            + " more: critical, high, medium, low or info.")
    String failOn;

    @Option(names = "--issues", paramLabel = "SEVERITY", description = "Open a GitHub issue (label code-factory) for"
            + " each finding this severe or more; findings an issue already tracks (by fingerprint) are not filed"
            + " again. Origin must be on GitHub and a token set: checked before the review starts.")
    String issues;

    @Option(names = "--shard", paramLabel = "I/N", description = "Review shard I of N only (1 <= I <= N): every"
            + " N-th spec by id, and the checks' findings that go with them; print it with --json for 'factory"
            + " review merge'. Not with --commit or --issues.")
    String shard;

    @Override
    public Integer call() {
        if (issues != null && ReviewSeverity.parse(issues).isEmpty()) {
            throw new InvalidCommandException("--issues takes critical, high, medium, low or info, not '" + issues
                    + "'");
        }
        ReviewSeverity threshold = threshold(failOn);
        ReviewShard share = shard == null ? null : ReviewShard.parse(shard);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = root.session().terminal() && !yes && !json;
        Dialog dialog = new Dialog(root.err(), interactive, root.session().terminal() && !json);
        CodeFactory factory = root.factory();
        root.interrupts().stoppable(); // Ctrl-C: the review stops at once and keeps a partial report
        ReviewUseCase.ReviewOutcome outcome;
        try {
            outcome = factory.review(new ReviewUseCase.ReviewCommand(paths, specIds, offline, commit, !noCache,
                    issues == null ? null : ReviewSeverity.parse(issues).orElseThrow().label(), share),
                    dialog);
        } finally {
            dialog.clearProgress();
        }
        if (outcome.stopped()) {
            err.println(root.style().yellow("Stopped:") + " what was reviewed so far is kept in "
                    + outcome.reportPath() + ", marked partial; run 'factory review' again for a whole review.");
            err.flush();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("stopped", true);
                m.put("partial", true);
                m.put("id", outcome.report().id());
                m.put("report", outcome.reportPath());
                out.print(JsonWriter.pretty(m));
            }
            return ExitCodes.STOPPED;
        }
        return finish(outcome, json ? ReviewJson.render(outcome.report(), share) : null, sarif, threshold);
    }

    /**
     * A finished review's output (or merged shards'): the SARIF file when asked, the JSON {@code json} or the
     * summary, and the exit code: failure when partial, findings at {@code threshold} or more, else OK.
     */
    int finish(ReviewUseCase.ReviewOutcome outcome, String json, Path sarif, ReviewSeverity threshold) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReviewReport report = outcome.report();
        if (sarif != null) {
            Path target = root.session().workingDirectory().resolve(sarif);
            try {
                Files.writeString(target, Sarif.render(report, CodeFactory.version()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the SARIF file " + target + ": " + e.getMessage(), e);
            }
        }
        if (json != null) {
            out.print(json);
        } else {
            summary(out, report, outcome);
        }
        if (report.partial()) {
            err.println("factory: the review stopped before the end; " + outcome.reportPath() + " is marked partial.");
            return ExitCodes.FAILURE;
        }
        return threshold != null && report.failsAt(threshold.label()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** {@code --fail-on}'s severity; null when not given. */
    static ReviewSeverity threshold(String failOn) {
        return failOn == null ? null : ReviewSeverity.parse(failOn).orElseThrow(() ->
                new InvalidCommandException("--fail-on takes critical, high, medium, low or info, not '" + failOn
                        + "'"));
    }

    private void summary(PrintWriter out, ReviewReport report, ReviewUseCase.ReviewOutcome outcome) {
        Style style = root.style();
        for (ReviewReport.SpecResult s : report.specs()) {
            String score = s.requirements() > 0 && s.unassessed() == s.requirements() ? "  n/a"
                    : String.format(Locale.ROOT, "%4.0f%%", s.score() * 100);
            out.println(String.format(Locale.ROOT, "%-12s %s  %s  (%d requirements: %d met, %d partial,"
                    + " %d missing, %d contradicted, %d unassessed; %d files)", s.specId(), score,
                    s.title(), s.requirements(), s.met(), s.partial(), s.missing(), s.contradicted(), s.unassessed(),
                    s.matchedFiles().size()));
        }
        for (ReviewReport.Item f : report.findings()) {
            String where = f.file() + (f.startLine() == 0 ? "" : ":" + f.startLine()
                    + (f.endLine() > f.startLine() ? "-" + f.endLine() : ""));
            String severity = f.severity();
            String shown = severity.equals("critical") || severity.equals("high") ? style.red(severity)
                    : severity.equals("medium") ? style.yellow(severity) : style.dim(severity);
            out.println(shown + " " + where + " [" + f.category() + "] " + f.message());
        }
        outcome.issues().forEach(url -> out.println("opened " + url));
        out.println(report.findings().size() + " finding(s), " + report.skipped().size() + " file(s) skipped; report: "
                + outcome.reportPath() + outcome.commit().map(c -> ", committed as " + c.substring(0, 7)).orElse("")
                + ".");
    }

    private String readLine(String prompt) {
        return root.input().readLine(prompt);
    }

    /**
     * Matches shown (and, on a terminal, changed: a path that is not among the files is asked again), progress on
     * one line of standard error, its seconds going on while the model answers.
     */
    private final class Dialog implements ReviewDialog {
        private static final String PROMPT = "  Enter to keep these, '-' to skip this spec, or the paths to use"
                + " instead: ";
        private final TerminalWriter err;
        private final boolean interactive;
        private final Spinner ticker;
        /** What the progress line says, with the time it was told (System.nanoTime); null before any progress. */
        private volatile Progress progress;

        Dialog(TerminalWriter err, boolean interactive, boolean showProgress) {
            this.err = err;
            this.interactive = interactive;
            this.ticker = Spinner.ticking(err, showProgress, this::progressLine);
        }

        @Override
        public List<String> confirmMatches(String specId, String specTitle, List<SpecMatcher.Match> matches) {
            clearProgress();
            if (!json) {
                err.println(specId + " " + specTitle + ": " + (matches.isEmpty() ? "no matching files"
                        : matches.size() + " file(s)"));
                for (SpecMatcher.Match m : matches) {
                    err.println("  " + m.path() + root.style().dim("  (" + String.join("; ", m.reasons()) + ")"));
                }
            }
            List<String> paths = matches.stream().map(SpecMatcher.Match::path).toList();
            return interactive ? ask(paths) : paths;
        }

        @Override
        public List<String> confirmMatchesAgain(String specId, String specTitle, List<SpecMatcher.Match> matches,
                                                String problem) {
            if (!interactive) {
                return null;
            }
            err.println("  " + root.style().yellow(problem));
            return ask(matches.stream().map(SpecMatcher.Match::path).toList());
        }

        /** The person's answer to the matches {@code paths}: them (Enter, or the end of input), none ('-'), others. */
        private List<String> ask(List<String> paths) {
            String line = readLine(PROMPT);
            if (line == null || line.isBlank()) {
                return paths;
            }
            if (line.strip().equals("-")) {
                return List.of();
            }
            return List.of(line.strip().split("\\s+"));
        }

        @Override
        public void say(String message) {
            clearProgress();
            if (!json) {
                err.println(message);
                err.flush();
            }
        }

        @Override
        public void checking(int done, int total, Duration elapsed, Duration left) {
            progress(done, total, "", "checking files", elapsed, left);
        }

        // implements feature-006/FR-008
        @Override
        public void progress(int done, int total, String specId, String what, Duration elapsed, Duration left) {
            if (total == 0) {
                return;
            }
            int width = 20;
            int filled = done * width / total;
            progress = new Progress("[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total,
                    (specId.isEmpty() ? "" : specId + " ") + what, elapsed, left, System.nanoTime());
            ticker.start();
            ticker.redraw();
        }

        /**
         * The progress line now, the seconds told plus those since (a model call does not say how it goes): the bar,
         * the count and the seconds first, so that a narrow terminal, which cuts the rest, still shows them ticking.
         */
        private String progressLine() {
            Progress p = progress;
            Duration since = Duration.ofNanos(System.nanoTime() - p.at());
            Duration left = p.left().minus(since);
            return p.bar() + " · " + p.elapsed().plus(since).toSeconds() + " s · " + p.what()
                    + (p.left().isZero() ? "" : " · ~" + Math.max(0, left.toSeconds()) + " s left");
        }

        void clearProgress() {
            ticker.stop();
        }

        @Override
        public boolean stopRequested() {
            return root.interrupts().requested();
        }
    }

    /** A progress report: its bar and count, what is being done, the time so far and left then, and when it came. */
    private record Progress(String bar, String what, Duration elapsed, Duration left, long at) {
    }
}
