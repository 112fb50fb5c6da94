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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    @Override
    public ReviewOutcome review(ReviewCommand command, ReviewDialog dialog) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        checkPaths(command.paths());
        List<Specification> all = catalog.list(SpecQuery.ALL).specs();
        List<Specification> chosen = choose(all, command.specIds());
        Optional<VersionControl> vcs = git.get();
        CodeHostAccess.IssueTarget issueTarget = null;
        if (command.issuesAt() != null) { // no origin on GitHub, or no token: said before any work is done
            issueTarget = codeHosts.get().issueTarget(vcs.orElseThrow(() -> new InvalidCommandException(
                    "--issues needs a git repository whose origin is on GitHub; issues were not opened")));
        }
        ScanRequest limits = scanRequest.apply(command.paths());
        // every file git lists, for the deterministic checks: scan.max-files limits only what the model is sent
        ScanResult scan = scanner.get().scan(new ScanRequest(limits.paths(), limits.maxFileBytes(), 0));
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        for (SourceFile f : scan.files()) {
            if (!isContract(f.path())) {
                byPath.put(f.path(), f);
            }
        }
        List<ReviewReport.Skipped> skipped = new ArrayList<>();
        for (SkippedFile s : scan.skipped()) {
            skipped.add(new ReviewReport.Skipped(s.path(), label(s.reason()), s.detail()));
        }
        sayEmptyPaths(command.paths(), scan, dialog);
        Map<String, String> texts = new HashMap<>();
        Function<String, String> head = path -> texts.computeIfAbsent(path, p -> readHead(p));

        LanguageModel model = null;
        String provider = "";
        if (!command.offline()) {
            try {
                LanguageModels.Selection selection = models.select();
                dialog.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
                model = models.open(selection.providerId(), "review", command.useCache(), dialog::stopRequested);
                provider = selection.providerId();
            } catch (FactoryException e) {
                dialog.say("No model is available (" + e.getMessage() + "); running the deterministic checks only.");
            }
        }

        List<SpecWork> work = new ArrayList<>();
        List<String> notReviewed = new ArrayList<>();
        boolean stopped = false;
        int maxFiles = config.get().positive("review.max-files-per-spec");
        for (Specification spec : chosen) {
            if (stopped || dialog.stopRequested()) { // Ctrl-C at a question or before it: no more are asked
                stopped = true;
                notReviewed.add(spec.id().value());
                continue;
            }
            String body = readSpec(spec);
            int bodyStart = bodyStartLine(body);
            SpecWork w = new SpecWork(spec, body, Requirements.of(spec.id().value(), body.substring(offsetOfLine(body,
                    bodyStart)), bodyStart));
            List<SpecMatcher.Match> matches = SpecMatcher.rank(new SpecMatcher.SpecInfo(spec.id().value(),
                    spec.title(), spec.tags(), spec.status().label(), body, spec.path()),
                    new ArrayList<>(byPath.keySet()), head, maxFiles);
            List<String> confirmed;
            try {
                confirmed = confirmed(spec, matches, byPath.keySet(), dialog);
            } catch (StopRequestedException stop) {
                stopped = true;
                notReviewed.add(spec.id().value());
                continue;
            }
            List<String> files = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (String path : confirmed) {
                if (!byPath.containsKey(path)) {
                    dialog.say(spec.id().value() + ": " + path + " is not among the files reviewed; left out.");
                    continue;
                }
                files.add(path);
                matches.stream().filter(m -> m.path().equals(path)).findFirst()
                        .ifPresent(m -> reasons.add(path + ": " + String.join("; ", m.reasons())));
            }
            w.files = files;
            w.reasons = reasons;
            work.add(w);
        }

        // the checks first: a stop request during the model's calls then still leaves their findings
        Map<String, Long> lineCounts = new HashMap<>();
        List<ReviewAnswer.ReviewFinding> checks = new ArrayList<>();
        boolean partial = stopped || !deterministicChecks(work, byPath, lineCounts, checks, skipped, dialog);
        stopped = partial; // the checks end early only when asked to stop

        long tokensIn = 0;
        long tokensOut = 0;
        int dropped = 0;
        String modelName = "";
        if (model != null) {
            Set<String> sent = modelFiles(work, limits.maxFiles(), skipped, dialog);
            int window = config.get().positive("review.context-window");
            Map<SpecWork, List<ContextPacker.Batch>> plans = new LinkedHashMap<>();
            int total = 0;
            for (SpecWork w : work) {
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
                        code.add(new CodeFile(path, byPath.get(path).language(),
                                Secrets.redact(text, Secrets.find(path, text))));
                    }
                }
                if (code.isEmpty()) {
                    continue;
                }
                try {
                    List<ContextPacker.Batch> batches = ContextPacker.pack(w.requirements, code,
                            Math.max(512, window - RESERVE));
                    plans.put(w, batches);
                    total += batches.size();
                } catch (IllegalArgumentException e) {
                    dialog.say(w.spec.id().value() + ": its requirements alone do not fit the model's window ("
                            + e.getMessage() + "); raise review.context-window. Not analysed.");
                }
            }
            int done = 0;
            long analysisStart = System.nanoTime();
            for (Map.Entry<SpecWork, List<ContextPacker.Batch>> plan : plans.entrySet()) {
                SpecWork w = plan.getKey();
                if (partial) {
                    notReviewed.add(w.spec.id().value());
                    continue;
                }
                List<ContextPacker.Batch> batches = plan.getValue();
                Set<String> ids = new HashSet<>();
                w.requirements.forEach(r -> ids.add(r.id()));
                for (int i = 0; i < batches.size(); i++) {
                    if (dialog.stopRequested()) {
                        partial = true;
                        stopped = true;
                        notReviewed.add(w.spec.id().value());
                        break;
                    }
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - analysisStart);
                    Duration left = done == 0 ? Duration.ZERO : elapsed.dividedBy(done).multipliedBy(total - done);
                    dialog.progress(done, total, w.spec.id().value(), "batch " + (i + 1) + " of " + batches.size(),
                            elapsed, left);
                    ContextPacker.Batch batch = batches.get(i);
                    ReviewPrompts.Prompt prompt = ReviewPrompts.analyse(w.spec.id().value(), w.spec.title(), batch,
                            i + 1, batches.size());
                    try {
                        Generation g = model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
                        tokensIn += g.usage().inputTokens();
                        tokensOut += g.usage().outputTokens();
                        modelName = g.model();
                        ReviewAnswer.Parsed parsed;
                        try {
                            parsed = ReviewAnswer.parse(w.spec.id().value(), g.text(), ids, lineExists(byPath));
                        } catch (IllegalArgumentException malformed) {
                            ReviewPrompts.Prompt repair = ReviewPrompts.repair(g.text(), malformed.getMessage());
                            Generation fixed = model.generate(GenerationRequest.of(repair.system(), repair.user()));
                            tokensIn += fixed.usage().inputTokens();
                            tokensOut += fixed.usage().outputTokens();
                            try {
                                parsed = ReviewAnswer.parse(w.spec.id().value(), fixed.text(), ids,
                                        lineExists(byPath));
                            } catch (IllegalArgumentException stillMalformed) {
                                dialog.say(w.spec.id().value() + ": the model's answer to batch " + (i + 1)
                                        + " could not be read, even after a repair request ("
                                        + stillMalformed.getMessage() + "); that batch is left out.");
                                done++;
                                continue;
                            }
                        }
                        dropped += parsed.droppedFindings();
                        merge(w, parsed);
                    } catch (StopRequestedException stop) { // Ctrl-C while the model answered: call cancelled
                        partial = true;
                        stopped = true;
                        notReviewed.add(w.spec.id().value());
                        break;
                    } catch (LanguageModelException e) {
                        dialog.say(w.spec.id().value() + ": the model failed (" + e.getMessage() + "); the report"
                                + " is marked partial.");
                        partial = true;
                        notReviewed.add(w.spec.id().value());
                        break;
                    }
                    done++;
                }
            }
            if (!stopped) {
                dialog.progress(done, total, "", "done", Duration.ofNanos(System.nanoTime() - analysisStart),
                        Duration.ZERO);
            }
        }

        ReviewReport report = report(now, command, chosen, work, checks, skipped, byPath, lineCounts, provider,
                modelName, partial, notReviewed, model == null, tokensIn, tokensOut, dropped,
                Duration.ofNanos(System.nanoTime() - started));
        String markdown = ReviewMarkdown.render(report);
        String path = reports.get().save(new Report("review", "Review", now, command.paths(), List.of(),
                Map.of()), markdown);
        if (stopped) { // the person asked to stop: the partial report is kept, nothing more is done
            return new ReviewOutcome(report, path, Optional.empty(), List.of(), 0, true);
        }
        Optional<String> commit = Optional.empty();
        if (command.commit()) {
            if (vcs.isEmpty()) {
                dialog.say("Not committed: the project is not in a git repository.");
            } else {
                Path workTree = vcs.get().workTree().toAbsolutePath().normalize();
                List<String> paths = List.of(rel(workTree, path), rel(workTree, "reports/README.md"));
                commit = Optional.of(vcs.get().commit(CommitRequest.only("review: " + report.id()
                        + (partial ? " (partial)" : ""), paths)).id());
            }
        }
        List<String> opened = new ArrayList<>();
        int known = 0;
        if (issueTarget != null) {
            known = fileIssues(report, path, command.issuesAt(), issueTarget, opened, dialog);
        }
        return new ReviewOutcome(report, path, commit, opened, known, false);
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

    private ReviewReport report(Instant now, ReviewCommand command, List<Specification> chosen, List<SpecWork> work,
                                List<ReviewAnswer.ReviewFinding> checks, List<ReviewReport.Skipped> skipped,
                                Map<String, SourceFile> files, Map<String, Long> lineCounts, String provider,
                                String model, boolean partial, List<String> notReviewed, boolean offline,
                                long tokensIn, long tokensOut, int dropped, Duration duration) {
        List<ReviewReport.SpecResult> specs = new ArrayList<>();
        List<ReviewReport.Item> items = new ArrayList<>();
        for (SpecWork w : work) {
            Compliance.Score s = Compliance.of(w.requirements, w.assessments);
            specs.add(new ReviewReport.SpecResult(w.spec.id().value(), w.spec.title(), w.spec.path(), s.requirements(),
                    s.met(), s.partial(), s.missing(), s.contradicted(), s.unassessed(), s.value(), w.files,
                    w.reasons));
            for (ReviewAnswer.ReviewFinding f : w.findings) {
                items.add(ReviewReport.Item.of(f, w.spec.path(), "model"));
            }
        }
        for (ReviewAnswer.ReviewFinding f : checks) {
            items.add(ReviewReport.Item.of(f, f.file(), f.category() == Category.SECURITY ? "check:secret"
                    : f.category() == Category.TEST_GAP ? "check:unreferenced-requirement" : "check:no-matching-code"));
        }
        long lines = lineCounts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> languages = new TreeMap<>();
        for (SourceFile f : files.values()) {
            languages.merge(f.language(), 1, Integer::sum);
        }
        String date = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String id = nextReportId("review-" + date);
        List<String> specIds = chosen.stream().map(s -> s.id().value()).toList(); // those a stop left unmatched too
        String head = git.get().flatMap(v -> v.log(null, 1).stream().findFirst()).map(c -> c.id()).orElse("");
        if (partial && !notReviewed.isEmpty()) {
            skipped.add(new ReviewReport.Skipped("(specs)", "not reviewed", "stopped before "
                    + String.join(", ", notReviewed)));
        }
        return new ReviewReport(id, now, command.paths().isEmpty() ? List.of(".") : command.paths(), specIds,
                provider, model, head, partial, offline, specs, items, skipped,
                new ReviewReport.Metrics(files.size(), lines, languages, tokensIn, tokensOut, duration.toMillis()),
                dropped);
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
        try {
            return Files.readString(root.resolve(spec.path()), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new FactoryException("cannot read " + spec.path() + ": " + e.getMessage());
        }
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
        Path file = root.resolve(path);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(SNIFF);
            if (Languages.looksBinary(bytes, bytes.length)) {
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The whole file when it is text within the size limit (checked again: it may have changed since the scan). */
    private String fullText(String path) {
        Path file = root.resolve(path);
        byte[] bytes;
        try {
            if (Files.isSymbolicLink(file) || Files.size(file) > config.get().scanMaxFileBytes()) {
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
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
