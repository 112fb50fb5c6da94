package dev.codefactory.app.review;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.review.Category;
import dev.codefactory.domain.review.CodeFile;
import dev.codefactory.domain.review.Compliance;
import dev.codefactory.domain.review.ContextPacker;
import dev.codefactory.domain.review.Requirement;
import dev.codefactory.domain.review.Requirements;
import dev.codefactory.domain.review.ReviewAnswer;
import dev.codefactory.domain.review.ReviewPrompts;
import dev.codefactory.domain.review.ReviewSeverity;
import dev.codefactory.domain.review.Secrets;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.text.Closest;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.ExistingIssue;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REVIEW flow: discovery (the workspace scanner and its limits) → specs matched to files (with reasons, which
 * the person may change; a path given that is not among the files is asked again, naming the closest) → for each spec, its requirements and the matched code (secrets redacted) packed into the
 * model's window and analysed batch by batch, each answer validated (one repair request when malformed; findings
 * citing files or lines that do not exist dropped and counted) → deterministic checks → a report in
 * {@code reports/}, a partial one when stopped: a stop request (at a question, or during a model call, which is
 * cancelled) ends the review at once, keeps what was reviewed until then in that report, and commits or files
 * nothing.
 */
public final class ReviewService implements ReviewUseCase {
    /** Tokens kept free in the window for the instructions and the answer. */
    private static final int RESERVE = 2048;
    private static final int SNIFF = 64 * 1024;
    /** How often the deterministic checks report progress (and look for a stop request). */
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;
    private static final Pattern IDENTIFIER = Pattern.compile("`([A-Za-z_][A-Za-z0-9_.]{2,})`"
            + "|\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\\b");

    private final Path root;
    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ReportRepository> reports;
    private final Supplier<Optional<VersionControl>> git;
    private final Supplier<FactoryConfig> config;
    private final Function<List<String>, ScanRequest> scanRequest;
    private final Clock clock;
    private final Supplier<CodeHostAccess> codeHosts;
    private final Supplier<ProjectFiles> files;

    public ReviewService(Path root, SpecCatalog catalog, LanguageModels models, Supplier<WorkspaceScanner> scanner,
                         Supplier<ReportRepository> reports, Supplier<Optional<VersionControl>> git,
                         Supplier<FactoryConfig> config, Function<List<String>, ScanRequest> scanRequest,
                         Clock clock, Supplier<CodeHostAccess> codeHosts, Supplier<ProjectFiles> files) {
        this.root = root;
        this.files = files;
        this.catalog = catalog;
        this.models = models;
        this.scanner = scanner;
        this.reports = reports;
        this.git = git;
        this.config = config;
        this.scanRequest = scanRequest;
        this.clock = clock;
        this.codeHosts = codeHosts;
    }

    /** What one spec's review found, before it becomes report rows. */
    private static final class SpecWork {
        final Specification spec;
        final String body;
        final List<Requirement> requirements;
        List<String> files = List.of();
        List<String> reasons = List.of();
        /** Every batch's assessments; {@link Compliance} combines several of one requirement. */
        final List<ReviewAnswer.Assessment> assessments = new ArrayList<>();
        final List<ReviewAnswer.ReviewFinding> findings = new ArrayList<>();

        SpecWork(Specification spec, String body, List<Requirement> requirements) {
            this.spec = spec;
            this.body = body;
            this.requirements = requirements;
        }
    }

    /** One review as it goes: what its steps found so far, for the next steps and the report. */
    private static final class Review {
        final ReviewCommand command;
        final ReviewDialog dialog;
        final long started = System.nanoTime();
        final Instant now;
        List<Specification> chosen = List.of();
        Optional<VersionControl> vcs = Optional.empty();
        /** Where issues are opened ({@code --issues}), null when they are not. */
        CodeHostAccess.IssueTarget issueTarget;
        ScanRequest limits;
        /** Every file git lists outside the contracts, for the deterministic checks. */
        final Map<String, SourceFile> files = new LinkedHashMap<>();
        final List<ReviewReport.Skipped> skipped = new ArrayList<>();
        /** The model, null when the review runs offline or none is available. */
        LanguageModel model;
        String provider = "";
        String modelName = "";
        final List<SpecWork> work = new ArrayList<>();
        final List<String> notReviewed = new ArrayList<>();
        /** The person asked to stop: the report is kept, nothing more is done. */
        boolean stopped;
        /** Something was not reviewed (stopped, or the model failed). */
        boolean partial;
        final Map<String, Long> lineCounts = new HashMap<>();
        final List<ReviewAnswer.ReviewFinding> checks = new ArrayList<>();
        long tokensIn;
        long tokensOut;
        int dropped;

        Review(ReviewCommand command, ReviewDialog dialog, Instant now) {
            this.command = command;
            this.dialog = dialog;
            this.now = now;
        }

        /** The spec the review stopped at (or could not analyse) is listed as not reviewed. */
        void notReviewed(SpecWork w) {
            notReviewed.add(w.spec.id().value());
        }
    }

    /** The flow, one method per step: each reads what the steps before it left in the {@link Review}. */
    @Override
    public ReviewOutcome review(ReviewCommand command, ReviewDialog dialog) {
        Review r = new Review(command, dialog, clock.instant());
        refuseUnready(r);
        discover(r);
        chooseModel(r);
        matchSpecs(r);
        check(r); // the checks first: a stop request during the model's calls then still leaves their findings
        if (r.model != null) {
            analyse(r, plan(r));
        }
        ReviewReport report = report(r);
        String path = reports.get().save(new Report("review", "Review", r.now, command.paths(), List.of(),
                Map.of()), ReviewMarkdown.render(report));
        if (r.stopped) { // the person asked to stop: the partial report is kept, nothing more is done
            return new ReviewOutcome(report, path, Optional.empty(), List.of(), 0, true);
        }
        Optional<String> commit = command.commit() ? commit(r, report, path) : Optional.empty();
        List<String> opened = new ArrayList<>();
        int known = 0;
        if (r.issueTarget != null) {
            known = fileIssues(report, path, command.issuesAt(), r.issueTarget, opened, dialog);
        }
        return new ReviewOutcome(report, path, commit, opened, known, false);
    }

    /**
     * Checks the paths and the specs named, and where issues would be opened, before any work is done: no origin on
     * GitHub, or no token, is said at once.
     */
    private void refuseUnready(Review r) {
        checkPaths(r.command.paths());
        r.chosen = choose(catalog.list(SpecQuery.ALL).specs(), r.command.specIds());
        r.vcs = git.get();
        if (r.command.issuesAt() != null) {
            r.issueTarget = codeHosts.get().issueTarget(r.vcs.orElseThrow(() -> new InvalidCommandException(
                    "--issues needs a git repository whose origin is on GitHub; issues were not opened")));
        }
    }

    /** Discovery: the files git lists (the contracts left out) and those the scanner skipped, with why. */
    private void discover(Review r) {
        r.limits = scanRequest.apply(r.command.paths());
        // every file git lists, for the deterministic checks: scan.max-files limits only what the model is sent
        ScanResult scan = scanner.get().scan(new ScanRequest(r.limits.paths(), r.limits.maxFileBytes(), 0));
        for (SourceFile f : scan.files()) {
            if (!isContract(f.path())) {
                r.files.put(f.path(), f);
            }
        }
        for (SkippedFile s : scan.skipped()) {
            r.skipped.add(new ReviewReport.Skipped(s.path(), label(s.reason()), s.detail()));
        }
        sayEmptyPaths(r.command.paths(), scan, r.dialog);
    }

    /** The model the specs are analysed with, unless offline; none available means the deterministic checks only. */
    private void chooseModel(Review r) {
        if (r.command.offline()) {
            return;
        }
        try {
            LanguageModels.Selection selection = models.select();
            r.dialog.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
            r.model = models.open(selection.providerId(), "review", r.command.useCache(), r.dialog::stopRequested);
            r.provider = selection.providerId();
        } catch (FactoryException e) {
            r.dialog.say("No model is available (" + e.getMessage() + "); running the deterministic checks only.");
        }
    }

    /**
     * Specs matched to files: for each spec, its requirements and the files ranked for it, as the person confirms
     * them. A stop request (at a question or before it) asks no more questions.
     */
    private void matchSpecs(Review r) {
        Map<String, String> texts = new HashMap<>();
        Function<String, String> head = path -> texts.computeIfAbsent(path, p -> readHead(p));
        int maxFiles = config.get().positive("review.max-files-per-spec");
        for (Specification spec : r.chosen) {
            if (r.stopped || r.dialog.stopRequested()) { // Ctrl-C at a question or before it: no more are asked
                r.stopped = true;
                r.notReviewed.add(spec.id().value());
                continue;
            }
            String body = readSpec(spec);
            int bodyStart = bodyStartLine(body);
            SpecWork w = new SpecWork(spec, body, Requirements.of(spec.id().value(), body.substring(offsetOfLine(body,
                    bodyStart)), bodyStart));
            List<SpecMatcher.Match> matches = SpecMatcher.rank(new SpecMatcher.SpecInfo(spec.id().value(),
                    spec.title(), spec.tags(), spec.status().label(), body, spec.path()),
                    new ArrayList<>(r.files.keySet()), head, maxFiles);
            List<String> confirmed;
            try {
                confirmed = confirmed(spec, matches, r.files.keySet(), r.dialog);
            } catch (StopRequestedException stop) {
                r.stopped = true;
                r.notReviewed.add(spec.id().value());
                continue;
            }
            List<String> files = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (String path : confirmed) {
                if (!r.files.containsKey(path)) {
                    r.dialog.say(spec.id().value() + ": " + path + " is not among the files reviewed; left out.");
                    continue;
                }
                files.add(path);
                matches.stream().filter(m -> m.path().equals(path)).findFirst()
                        .ifPresent(m -> reasons.add(path + ": " + String.join("; ", m.reasons())));
            }
            w.files = files;
            w.reasons = reasons;
            r.work.add(w);
        }
    }

    /** The deterministic checks; when a stop request ends them early, the review is partial and stops. */
    private void check(Review r) {
        r.partial = r.stopped || !deterministicChecks(r.work, r.files, r.lineCounts, r.checks, r.skipped, r.dialog);
        r.stopped = r.partial; // the checks end early only when asked to stop
    }

    /**
     * Each spec's requirements and the matched code the model is sent (secrets redacted), packed into batches that
     * fit the model's window; a spec whose requirements alone do not fit is said and left out.
     */
    private Map<SpecWork, List<ContextPacker.Batch>> plan(Review r) {
        Set<String> sent = modelFiles(r.work, r.limits.maxFiles(), r.skipped, r.dialog);
        int window = config.get().positive("review.context-window");
        Map<SpecWork, List<ContextPacker.Batch>> plans = new LinkedHashMap<>();
        for (SpecWork w : r.work) {
            if (w.files.isEmpty() || w.requirements.isEmpty()) {
                continue;
            }
            List<CodeFile> code = new ArrayList<>();
            for (String path : w.files) {
                if (!sent.contains(path)) {
                    continue;
                }
                String text = fullText(path);
                if (text != null) {
                    code.add(new CodeFile(path, r.files.get(path).language(),
                            Secrets.redact(text, Secrets.find(path, text))));
                }
            }
            if (code.isEmpty()) {
                continue;
            }
            try {
                plans.put(w, ContextPacker.pack(w.requirements, code, Math.max(512, window - RESERVE)));
            } catch (IllegalArgumentException e) {
                r.dialog.say(w.spec.id().value() + ": its requirements alone do not fit the model's window ("
                        + e.getMessage() + "); raise review.context-window. Not analysed.");
            }
        }
        return plans;
    }

    /**
     * The analysis: the batches sent to the model spec by spec, with progress; a stop request or a failing model
     * ends it, and the specs not analysed then are listed as not reviewed.
     */
    private void analyse(Review r, Map<SpecWork, List<ContextPacker.Batch>> plans) {
        int total = plans.values().stream().mapToInt(List::size).sum();
        int done = 0;
        long analysisStart = System.nanoTime();
        for (Map.Entry<SpecWork, List<ContextPacker.Batch>> plan : plans.entrySet()) {
            SpecWork w = plan.getKey();
            if (r.partial) {
                r.notReviewed(w);
                continue;
            }
            List<ContextPacker.Batch> batches = plan.getValue();
            Set<String> ids = new HashSet<>();
            w.requirements.forEach(q -> ids.add(q.id()));
            for (int i = 0; i < batches.size(); i++) {
                if (r.dialog.stopRequested()) {
                    r.partial = true;
                    r.stopped = true;
                    r.notReviewed(w);
                    break;
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - analysisStart);
                Duration left = done == 0 ? Duration.ZERO : elapsed.dividedBy(done).multipliedBy(total - done);
                r.dialog.progress(done, total, w.spec.id().value(), "batch " + (i + 1) + " of " + batches.size(),
                        elapsed, left);
                if (!analyseBatch(r, w, ids, batches.get(i), i + 1, batches.size())) {
                    break;
                }
                done++;
            }
        }
        if (!r.stopped) {
            r.dialog.progress(done, total, "", "done", Duration.ofNanos(System.nanoTime() - analysisStart),
                    Duration.ZERO);
        }
    }

    /**
     * One batch sent to the model, its answer validated (one repair request when malformed; a batch whose answer
     * still cannot be read is said and left out) and merged into the spec's work. False when the analysis of this
     * spec ends here: a stop request during the call (which is cancelled), or a failing model.
     */
    private boolean analyseBatch(Review r, SpecWork w, Set<String> ids, ContextPacker.Batch batch, int number,
                                 int of) {
        String specId = w.spec.id().value();
        ReviewPrompts.Prompt prompt = ReviewPrompts.analyse(specId, w.spec.title(), batch, number, of);
        try {
            Generation g = r.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
            r.tokensIn += g.usage().inputTokens();
            r.tokensOut += g.usage().outputTokens();
            r.modelName = g.model();
            ReviewAnswer.Parsed parsed;
            try {
                parsed = ReviewAnswer.parse(specId, g.text(), ids, lineExists(r.files));
            } catch (IllegalArgumentException malformed) {
                ReviewPrompts.Prompt repair = ReviewPrompts.repair(g.text(), malformed.getMessage());
                Generation fixed = r.model.generate(GenerationRequest.of(repair.system(), repair.user()));
                r.tokensIn += fixed.usage().inputTokens();
                r.tokensOut += fixed.usage().outputTokens();
                try {
                    parsed = ReviewAnswer.parse(specId, fixed.text(), ids, lineExists(r.files));
                } catch (IllegalArgumentException stillMalformed) {
                    r.dialog.say(specId + ": the model's answer to batch " + number + " could not be read, even"
                            + " after a repair request (" + stillMalformed.getMessage() + "); that batch is left"
                            + " out.");
                    return true;
                }
            }
            r.dropped += parsed.droppedFindings();
            merge(w, parsed);
            return true;
        } catch (StopRequestedException stop) { // Ctrl-C while the model answered: call cancelled
            r.partial = true;
            r.stopped = true;
            r.notReviewed(w);
            return false;
        } catch (LanguageModelException e) {
            r.dialog.say(specId + ": the model failed (" + e.getMessage() + "); the report is marked partial.");
            r.partial = true;
            r.notReviewed(w);
            return false;
        }
    }

    /** Commits the report and the reports' index ({@code --commit}), when the project is in a git repository. */
    private Optional<String> commit(Review r, ReviewReport report, String path) {
        if (r.vcs.isEmpty()) {
            r.dialog.say("Not committed: the project is not in a git repository.");
            return Optional.empty();
        }
        Path workTree = r.vcs.get().workTree().toAbsolutePath().normalize();
        List<String> paths = List.of(rel(workTree, path), rel(workTree, "reports/README.md"));
        return Optional.of(r.vcs.get().commit(CommitRequest.only("review: " + report.id()
                + (r.partial ? " (partial)" : ""), paths)).id());
    }

    /** The label every issue Code-Factory files carries; their bodies end with the finding's fingerprint. */
    static final String ISSUE_LABEL = "code-factory";
    private static final Pattern FINGERPRINT = Pattern.compile("<!-- code-factory:fingerprint=([0-9a-f]+) -->");

    /** Opens an issue per finding at or above {@code threshold} that no existing issue tracks; returns how many were. */
    private int fileIssues(ReviewReport report, String reportPath, String threshold,
                           CodeHostAccess.IssueTarget target, List<String> opened, ReviewDialog dialog) {
        RepositoryRef ref = target.repository();
        CodeHost host = target.host();
        Set<String> tracked = new HashSet<>();
        for (ExistingIssue issue : host.issues(ref, ISSUE_LABEL, 1000)) {
            Matcher m = FINGERPRINT.matcher(issue.body());
            while (m.find()) {
                tracked.add(m.group(1));
            }
        }
        int known = 0;
        for (ReviewReport.Item f : report.findings()) {
            if (ReviewReport.rank(f.severity()) > ReviewReport.rank(threshold)) {
                continue;
            }
            if (tracked.contains(f.fingerprint())) {
                known++;
                continue;
            }
            String where = f.file() + (f.startLine() > 0 ? ":" + f.startLine() : "");
            String title = "[" + f.severity() + "] " + (f.message().length() > 100 ? f.message().substring(0, 100)
                    + "..." : f.message());
            String body = "**" + f.severity() + "** " + f.category() + (where.isEmpty() ? "" : " at `" + where + "`")
                    + (f.specId() == null || f.specId().isEmpty() ? "" : " (" + f.specId()
                    + (f.requirementId() == null ? "" : " " + f.requirementId()) + ")") + "\n\n" + f.message()
                    + (f.suggestion().isEmpty() ? "" : "\n\nSuggestion: " + f.suggestion()) + "\n\nFound by `factory"
                    + " review` (" + reportPath + ").\n\n<!-- code-factory:fingerprint=" + f.fingerprint() + " -->\n";
            opened.add(host.createIssue(ref, new IssueDraft(title, body, List.of(ISSUE_LABEL, f.severity()))).url());
            tracked.add(f.fingerprint());
        }
        dialog.say("Issues: " + opened.size() + " opened, " + known + " already tracked.");
        return known;
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    private static List<Specification> choose(List<Specification> all, List<String> ids) {
        if (ids.isEmpty()) {
            return all.stream().filter(s -> s.status() != SpecStatus.DEPRECATED).toList();
        }
        List<Specification> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(s -> s.id().value().equals(id)).findFirst().orElseThrow(() ->
                    new InvalidCommandException("no spec with id '" + id + "'; `factory spec list` shows them")));
        }
        return out;
    }

    /**
     * The paths the person confirms for {@code spec}: asked again, naming the closest existing path, as long as the
     * answer names a file that is not among {@code known} and the dialog asks again.
     */
    private static List<String> confirmed(Specification spec, List<SpecMatcher.Match> matches, Set<String> known,
                                          ReviewDialog dialog) {
        String id = spec.id().value();
        List<String> confirmed = dialog.confirmMatches(id, spec.title(), matches);
        while (true) {
            List<String> unknown = confirmed.stream().filter(p -> !known.contains(p)).toList();
            if (unknown.isEmpty()) {
                return confirmed;
            }
            List<String> problems = new ArrayList<>();
            for (String p : unknown) {
                problems.add(p + " is not among the files reviewed" + Closest.path(p, known)
                        .map(c -> " (did you mean " + c + "?)").orElse(""));
            }
            List<String> again = dialog.confirmMatchesAgain(id, spec.title(), matches, String.join("; ", problems));
            if (again == null) {
                return confirmed; // left out, each said
            }
            confirmed = again;
        }
    }

    private static void merge(SpecWork w, ReviewAnswer.Parsed parsed) {
        w.assessments.addAll(parsed.assessments());
        w.findings.addAll(parsed.findings());
    }

    /**
     * The checks that need no model, over every file of the review (not only those the model is sent), with
     * progress; adds their findings to {@code out}. Returns false when a stop request ended them early (the files
     * not read are then reported as not checked).
     */
    private boolean deterministicChecks(List<SpecWork> work, Map<String, SourceFile> files, Map<String, Long> lines,
                                        List<ReviewAnswer.ReviewFinding> out, List<ReviewReport.Skipped> skipped,
                                        ReviewDialog dialog) {
        Set<String> words = new HashSet<>();
        int total = files.size();
        int done = 0;
        long start = System.nanoTime();
        long shown = start - PROGRESS_EVERY_NANOS;
        for (SourceFile f : files.values()) {
            long now = System.nanoTime();
            if (now - shown >= PROGRESS_EVERY_NANOS) {
                if (dialog.stopRequested()) {
                    skipped.add(new ReviewReport.Skipped("(files)", "not checked", "stopped after " + done + " of "
                            + total + " files; the specs were not analysed either"));
                    return false;
                }
                Duration elapsed = Duration.ofNanos(now - start);
                dialog.checking(done, total, elapsed, done == 0 ? Duration.ZERO
                        : elapsed.dividedBy(done).multipliedBy(total - done));
                shown = now;
            }
            done++;
            String text = fullText(f.path());
            if (text == null) {
                continue;
            }
            lines.put(f.path(), text.lines().count());
            addWords(text, words);
            for (Secrets.Hit hit : Secrets.find(f.path(), text)) {
                out.add(new ReviewAnswer.ReviewFinding("", ReviewSeverity.CRITICAL, Category.SECURITY, f.path(),
                        hit.line(), hit.line(), null, "a secret (" + hit.kind() + ") is written in the code",
                        "move it to a secret store or an environment variable, and rotate it: it is in git history"));
            }
        }
        for (SpecWork w : work) {
            String specId = w.spec.id().value();
            if (w.spec.status() == SpecStatus.IMPLEMENTED && w.files.isEmpty()) {
                out.add(new ReviewAnswer.ReviewFinding(specId, ReviewSeverity.HIGH, Category.COMPLIANCE,
                        w.spec.path(), 1, 1, null, specId + " is marked implemented but no code matches it",
                        "name the files or identifiers it is implemented in, or set its status back to approved"));
            }
            for (Requirement r : w.requirements) {
                List<String> names = identifiers(r.text());
                if (names.isEmpty()) {
                    continue;
                }
                boolean referred = names.stream().anyMatch(n -> words.containsAll(List.of(n.split("\\."))));
                if (!referred) {
                    out.add(new ReviewAnswer.ReviewFinding(specId, ReviewSeverity.LOW, Category.TEST_GAP,
                            w.spec.path(), Math.max(1, r.line()), Math.max(1, r.line()), r.id(),
                            r.id() + " names " + String.join(", ", names) + " but no code or test refers to it",
                            "implement it, or add a test that names it"));
                }
            }
        }
        return true;
    }

    /**
     * The files the model is sent: each spec's best matches in turn (every spec's first, then every spec's second,
     * ...), at most {@code maxFiles} different files in all (0: no limit). The matched files left out are reported
     * as skipped; the deterministic checks read them all the same.
     */
    private static Set<String> modelFiles(List<SpecWork> work, int maxFiles, List<ReviewReport.Skipped> skipped,
                                          ReviewDialog dialog) {
        Set<String> sent = new HashSet<>();
        Set<String> left = new LinkedHashSet<>();
        int rounds = work.stream().mapToInt(w -> w.files.size()).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (SpecWork w : work) {
                if (round >= w.files.size() || w.requirements.isEmpty()) {
                    continue;
                }
                String path = w.files.get(round);
                if (maxFiles == 0 || sent.size() < maxFiles || sent.contains(path)) {
                    sent.add(path);
                } else {
                    left.add(path);
                }
            }
        }
        left.removeAll(sent);
        for (String path : left) {
            skipped.add(new ReviewReport.Skipped(path, label(SkipReason.OVER_FILE_LIMIT), "matched, but not sent to"
                    + " the model: scan.max-files is " + maxFiles + " (the deterministic checks read it)"));
        }
        if (!left.isEmpty()) {
            dialog.say(left.size() + " matched file(s) not sent to the model: scan.max-files is " + maxFiles
                    + "; raise it to send more (the report lists them as skipped).");
        }
        return sent;
    }

    /** A skip reason as the report writes it: {@code over file limit}. */
    private static String label(SkipReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Each path the review is limited to must name a file or folder of the project: a missing one is a usage error
     * naming it; one leading outside the project is refused
     * ({@link dev.codefactory.domain.project.UnsafePathException}).
     */
    private void checkPaths(List<String> paths) {
        for (String path : paths) {
            String normal = normalPath(path);
            if (normal.isEmpty() || normal.equals(".")) {
                continue; // the whole project
            }
            if (files.get().kind(normal) == FileKind.MISSING) {
                throw new InvalidCommandException("there is no file or folder '" + path + "' in the project ("
                        + root + "); review paths are relative to the project root");
            }
        }
    }

    /** Says which of the paths the review is limited to hold no file git lists (all ignored, say). */
    private static void sayEmptyPaths(List<String> paths, ScanResult scan, ReviewDialog dialog) {
        for (String path : paths) {
            String normal = normalPath(path);
            if (normal.isEmpty() || normal.equals(".")) {
                continue;
            }
            boolean any = scan.files().stream().anyMatch(f -> under(f.path(), normal))
                    || scan.skipped().stream().anyMatch(f -> under(f.path(), normal));
            if (!any) {
                dialog.say(path + ": git lists no file there (ignored, or an empty folder), so nothing of it is"
                        + " reviewed.");
            }
        }
    }

    private static boolean under(String file, String path) {
        return file.equals(path) || (file.startsWith(path) && file.charAt(path.length()) == '/');
    }

    /** A path as the scanner reads it: {@code /} separators, no {@code ./} in front, no {@code /} at the end. */
    private static String normalPath(String path) {
        return path.replace('\\', '/').replaceAll("/+", "/").replaceAll("^(\\./)+|/+$", "");
    }

    /** Every identifier-like word of {@code text} ({@code [A-Za-z_][A-Za-z0-9_]*}), into {@code words}. */
    private static void addWords(String text, Set<String> words) {
        int start = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean part = c == '_' || (c < 128 && Character.isLetterOrDigit(c));
            if (part && !inWord) {
                inWord = true;
                start = i;
            } else if (!part && inWord) {
                inWord = false;
                if (!Character.isDigit(text.charAt(start))) {
                    words.add(text.substring(start, i));
                }
            }
        }
    }

    private static List<String> identifiers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The report: each spec's compliance, the model's findings and the checks', what was skipped, the metrics. */
    private ReviewReport report(Review r) {
        List<ReviewReport.SpecResult> specs = new ArrayList<>();
        List<ReviewReport.Item> items = new ArrayList<>();
        for (SpecWork w : r.work) {
            Compliance.Score s = Compliance.of(w.requirements, w.assessments);
            specs.add(new ReviewReport.SpecResult(w.spec.id().value(), w.spec.title(), w.spec.path(), s.requirements(),
                    s.met(), s.partial(), s.missing(), s.contradicted(), s.unassessed(), s.value(), w.files,
                    w.reasons));
            for (ReviewAnswer.ReviewFinding f : w.findings) {
                items.add(ReviewReport.Item.of(f, w.spec.path(), "model"));
            }
        }
        for (ReviewAnswer.ReviewFinding f : r.checks) {
            items.add(ReviewReport.Item.of(f, f.file(), f.category() == Category.SECURITY ? "check:secret"
                    : f.category() == Category.TEST_GAP ? "check:unreferenced-requirement" : "check:no-matching-code"));
        }
        long lines = r.lineCounts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> languages = new TreeMap<>();
        for (SourceFile f : r.files.values()) {
            languages.merge(f.language(), 1, Integer::sum);
        }
        String date = r.now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String id = nextReportId("review-" + date);
        List<String> specIds = r.chosen.stream().map(s -> s.id().value()).toList(); // those a stop left unmatched too
        String head = git.get().flatMap(v -> v.log(null, 1).stream().findFirst()).map(c -> c.id()).orElse("");
        if (r.partial && !r.notReviewed.isEmpty()) {
            r.skipped.add(new ReviewReport.Skipped("(specs)", "not reviewed", "stopped before "
                    + String.join(", ", r.notReviewed)));
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - r.started);
        return new ReviewReport(id, r.now, r.command.paths().isEmpty() ? List.of(".") : r.command.paths(), specIds,
                r.provider, r.modelName, head, r.partial, r.model == null, specs, items, r.skipped,
                new ReviewReport.Metrics(r.files.size(), lines, languages, r.tokensIn, r.tokensOut,
                        duration.toMillis()), r.dropped);
    }

    private String nextReportId(String base) {
        Set<String> taken = new HashSet<>(reports.get().list());
        for (int n = 1; ; n++) {
            String id = base + (n == 1 ? "" : "-" + n);
            if (!taken.contains(id + ".md") && !taken.contains("reports/" + id + ".md") && !taken.contains(id)) {
                return id;
            }
        }
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    private static boolean isContract(String path) {
        return path.startsWith("contracts/") || path.startsWith("reports/") || path.startsWith(".factory/");
    }

    private String readSpec(Specification spec) {
        Optional<String> text;
        try {
            text = files.get().readText(spec.path());
        } catch (FactoryException e) {
            throw new FactoryException("cannot read " + spec.path() + ": " + e.getMessage());
        }
        return text.orElseThrow(() -> new FactoryException("cannot read " + spec.path() + ": "
                + root.resolve(spec.path()))).replace("\r\n", "\n"); // as a missing file's error names it
    }

    /** The first line after the front matter (1-based), or 1 when there is none. */
    private static int bodyStartLine(String text) {
        if (!text.startsWith("---\n")) {
            return 1;
        }
        int end = text.indexOf("\n---\n", 3);
        return end < 0 ? 1 : (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.max(0, Math.min(offset, text.length()));
    }

    /** Up to 64 KB of a file as UTF-8 text, for matching; null when it cannot be read as text. */
    private String readHead(String path) {
        byte[] bytes;
        try {
            bytes = files.get().head(path, SNIFF).orElse(null);
        } catch (FactoryException e) {
            return null; // a path that may not be read (through a link, say) is not matched
        }
        if (bytes == null || Languages.looksBinary(bytes, bytes.length)) {
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The whole file when it is text within the size limit (checked again: it may have changed since the scan). */
    private String fullText(String path) {
        byte[] bytes;
        try {
            bytes = files.get().readBytes(path, config.get().scanMaxFileBytes()).orElse(null);
        } catch (FactoryException e) {
            return null; // a path that may not be read (through a link, say) is not read
        }
        if (bytes == null) {
            return null;
        }
        if (Languages.looksBinary(bytes, bytes.length)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // not UTF-8: every byte still shown as a char
        }
    }

    /** Whether {@code path} is a reviewed file with at least {@code line} lines. */
    private java.util.function.BiPredicate<String, Integer> lineExists(Map<String, SourceFile> files) {
        Map<String, Long> counts = new HashMap<>();
        return (path, line) -> {
            if (!files.containsKey(path) || line == null || line < 1) {
                return false;
            }
            long count = counts.computeIfAbsent(path, p -> {
                String text = fullText(p);
                return text == null ? 0L : text.lines().count();
            });
            return line <= count;
        };
    }

    private String rel(Path workTree, String projectRelative) {
        return workTree.relativize(root.toAbsolutePath().normalize().resolve(projectRelative)).toString()
                .replace('\\', '/');
    }
}
