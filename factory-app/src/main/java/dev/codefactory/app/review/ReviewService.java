package dev.codefactory.app.review;

import static dev.codefactory.app.review.Review.label;

import dev.codefactory.app.codehost.CodeHostAccess;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.review.Review.SpecWork;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.review.Category;
import dev.codefactory.domain.review.Compliance;
import dev.codefactory.domain.review.ContextPacker;
import dev.codefactory.domain.review.ReviewAnswer;
import dev.codefactory.domain.review.Verdict;
import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.workspace.ProjectPaths;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.ExistingIssue;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;
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
    private final Path root;
    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ReportRepository> reports;
    private final Supplier<Optional<VersionControl>> git;
    private final Function<List<String>, ScanRequest> scanRequest;
    private final Clock clock;
    private final Supplier<CodeHostAccess> codeHosts;
    private final Supplier<ProjectFiles> files;
    private final ReviewMatching matching;
    private final ReviewChecks checks;
    private final ReviewAnalysis analysis;

    public ReviewService(Path root, SpecCatalog catalog, LanguageModels models, Supplier<WorkspaceScanner> scanner,
                         Supplier<ReportRepository> reports, Supplier<Optional<VersionControl>> git,
                         Supplier<FactoryConfig> config, Function<List<String>, ScanRequest> scanRequest,
                         Clock clock, Supplier<CodeHostAccess> codeHosts, Supplier<ProjectFiles> files,
                         Supplier<FileFactsCache> factsCache, String build, ThreadFactory threads) {
        this.root = root;
        this.files = files;
        this.catalog = catalog;
        this.models = models;
        this.scanner = scanner;
        this.reports = reports;
        this.git = git;
        this.scanRequest = scanRequest;
        this.clock = clock;
        this.codeHosts = codeHosts;
        ReviewFiles reader = new ReviewFiles(root, files, config);
        ReviewFacts.Store facts = new ReviewFacts.Store(factsCache, build);
        this.matching = new ReviewMatching(config, reader, facts);
        this.checks = new ReviewChecks(reader, facts);
        this.analysis = new ReviewAnalysis(config, reader, threads);
    }

    @Override
    public ReviewOutcome merge(List<ReviewPart> parts) {
        ReviewReport merged = ReviewMerge.merge(parts);
        String date = merged.date().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        ReviewReport report = ReviewMerge.withId(merged, nextReportId("review-" + date));
        String path = reports.get().save(new Report("review", "Review", report.date(),
                report.scope().equals(List.of(".")) ? List.of() : report.scope(), List.of(), Map.of()),
                ReviewMarkdown.render(report));
        return new ReviewOutcome(report, path, Optional.empty(), List.of(), 0, false);
    }

    /** The flow, one method per step: each reads what the steps before it left in the {@link Review}. */
    // implements feature-006/FR-010
    @Override
    public ReviewOutcome review(ReviewCommand command, ReviewDialog dialog) {
        Review r = new Review(command, dialog, clock.instant());
        refuseUnready(r);
        discover(r);
        chooseModel(r);
        matching.matchSpecs(r);
        checks.check(r); // the checks first: a stop request during the model's calls then still leaves their findings
        if (r.model != null) {
            Map<SpecWork, List<ContextPacker.Batch>> plans = analysis.plan(r); // all specs' plans: the same budget
            if (command.shard() != null) {
                List<String> ids = r.chosen.stream().map(s -> s.id().value()).toList();
                plans.keySet().removeIf(w -> !command.shard().ownsSpec(w.spec.id().value(), ids));
            }
            analysis.analyse(r, plans);
        }
        ReviewReport report = report(r);
        String path = !command.saveReport() ? "" : reports.get().save(new Report("review", "Review", r.now,
                command.paths(), List.of(), Map.of()), ReviewMarkdown.render(report));
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

    /** Commits the report and the reports' index ({@code --commit}), when the project is in a git repository. */
    private Optional<String> commit(Review r, ReviewReport report, String path) {
        if (r.vcs.isEmpty()) {
            r.dialog.say("Not committed: the project is not in a git repository.");
            return Optional.empty();
        }
        Path workTree = r.vcs.get().workTree().toAbsolutePath().normalize();
        List<String> paths = new ArrayList<>(List.of(rel(workTree, path), rel(workTree, "reports/README.md")));
        ReviewReconciliation.reconcile(catalog, report).forEach(spec -> paths.add(rel(workTree, spec)));
        return Optional.of(r.vcs.get().commit(CommitRequest.only("review: " + report.id()
                + (r.partial ? " (partial)" : ""), paths)).id());
    }

    /** The label every issue Code-Factory files carries; their bodies end with the finding's fingerprint. */
    static final String ISSUE_LABEL = "code-factory";
    private static final Pattern FINGERPRINT = Pattern.compile("<!-- code-factory:fingerprint=([0-9a-f]+) -->");

    /** Opens an issue per finding at or above {@code threshold} that no existing issue tracks; returns how many were. */
    // implements feature-006/FR-007
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
     * Each path the review is limited to must name a file or folder of the project: a missing one is a usage error
     * naming it; one leading outside the project is refused
     * ({@link dev.codefactory.domain.project.UnsafePathException}).
     */
    // implements feature-006/FR-002
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

    /** The report: each spec's compliance, the model's findings and the checks', what was skipped, the metrics. */
    private ReviewReport report(Review r) {
        List<ReviewReport.SpecResult> specs = new ArrayList<>();
        List<ReviewReport.Item> items = new ArrayList<>();
        for (SpecWork w : r.work) {
            Compliance.Score s = Compliance.of(w.requirements, w.assessments);
            specs.add(new ReviewReport.SpecResult(w.spec.id().value(), w.spec.title(), w.spec.path(), s.requirements(),
                    s.met(), s.partial(), s.missing(), s.contradicted(), s.unassessed(), s.value(), w.files,
                    w.reasons, requirementResults(w, r.links.getOrDefault(w.spec.id().value(), Map.of()))));
            for (ReviewAnswer.ReviewFinding f : w.findings) {
                items.add(ReviewReport.Item.of(f, w.spec.path(), "model"));
            }
        }
        for (ReviewAnswer.ReviewFinding f : r.checks) {
            items.add(ReviewReport.Item.of(f, f.file(), f.category() == Category.SECURITY ? "check:secret"
                    : f.category() == Category.TEST_GAP ? "check:unreferenced-requirement" : "check:no-matching-code"));
        }
        if (r.command.shard() != null) { // this shard's share of the findings only; the others report the rest
            List<String> ids = r.chosen.stream().map(s -> s.id().value()).toList();
            ReviewShard shard = r.command.shard();
            items.removeIf(i -> ReviewShard.ownerOf(i, ids, shard.count()) != shard.index());
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

    /**
     * Each requirement of a spec with its verdict ({@code unassessed} when the model gave none, as offline) and the
     * sites that link to it by its stable id ({@code links}: per requirement id, as the matching step read them).
     */
    private static List<ReviewReport.RequirementResult> requirementResults(SpecWork w,
                                                                           Map<String, List<LinkSite>> links) {
        Map<String, Verdict> verdicts = Compliance.verdicts(w.assessments);
        List<ReviewReport.RequirementResult> rows = new ArrayList<>();
        for (Requirement q : w.requirements) {
            Verdict v = verdicts.get(q.id());
            List<LinkSite> sites = links.getOrDefault(q.id(), List.of());
            rows.add(new ReviewReport.RequirementResult(w.spec.id().value(), q.id(), q.text(), q.line(),
                    v == null ? "unassessed" : v.name().toLowerCase(Locale.ROOT),
                    sites.stream().filter(l -> l.kind() == LinkKind.IMPLEMENTS).toList(),
                    sites.stream().filter(l -> l.kind() == LinkKind.COVERS).toList()));
        }
        return rows;
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
        return ProjectPaths.isRecord(path);
    }

    private String rel(Path workTree, String projectRelative) {
        return workTree.relativize(root.toAbsolutePath().normalize().resolve(projectRelative)).toString()
                .replace('\\', '/');
    }
}
