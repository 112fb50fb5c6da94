package dev.codefactory.app.drift;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.WorkspaceLinks;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.drift.Drift;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.drift.FileChange;
import dev.codefactory.domain.drift.LinkedLine;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.spec.Reconciled;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.vcs.ChangesSince;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link DriftUseCase} over the catalog, the workspace's links ({@link WorkspaceLinks}), review's name and word
 * matching ({@link SpecMatcher}, as {@code review.max-files-per-spec} ranks it, without the person's confirmation)
 * and git's history ({@link dev.codefactory.port.vcs.History#changesSince}).
 *
 * <p>Changes are counted from the reconciled commit to {@code HEAD}; when the commit right after it recorded the
 * {@code reconciled} line itself (a change order's commit, a committed review), they are counted from that commit,
 * so the reconciliation's own changes are not drift. The history is read once per commit counted from, whatever the
 * number of specs reconciled there.
 */
// implements feature-010/FR-011, feature-010/FR-012, feature-010/FR-013, feature-010/NFR-003
public final class DriftService implements DriftUseCase {
    private static final int HEAD_BYTES = 64 * 1024;

    private final Path root;
    private final SpecCatalog catalog;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;
    private final Supplier<VersionControl> vcs;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;

    /**
     * @param vcs the project's repository, or an exception that says how to make one
     */
    public DriftService(Path root, SpecCatalog catalog, Supplier<WorkspaceScanner> scanner,
                        Supplier<ProjectFiles> files, Supplier<VersionControl> vcs, Supplier<FactoryConfig> config,
                        Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.files = Objects.requireNonNull(files, "files");
        this.vcs = Objects.requireNonNull(vcs, "vcs");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DriftOutcome drift(DriftCommand command, DriftProgress progress) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(progress, "progress");
        Instant start = clock.instant();
        List<Specification> specs = chosen(catalog.list(SpecQuery.ALL).specs(), command.specIds());
        VersionControl git = vcs.get();
        String head = git.resolve("HEAD").orElseThrow(() -> new ProjectStateException(
                "the repository has no commit yet: drift counts changes since a commit; commit first"));
        String prefix = prefix(git);
        boolean anyReconciled = specs.stream().anyMatch(s -> s.extra().containsKey(Reconciled.FIELD));
        WorkspaceLinks.Result links = new WorkspaceLinks.Result(List.of(), List.of(), 0);
        List<String> candidates = List.of();
        FactoryConfig c = config.get();
        if (anyReconciled) {
            progress.step("reading links", Duration.between(start, clock.instant()));
            ScanRequest everything = new ScanRequest(List.of(), c.scanMaxFileBytes(), 0);
            ScanResult scan = scanner.get().scan(everything); // once: the links are read from the same listing
            links = new WorkspaceLinks(() -> request -> request.equals(everything) ? scan
                    : scanner.get().scan(request), files).read(everything);
            links = withRecorded(links);
            candidates = new ArrayList<>();
            for (SourceFile f : scan.files()) {
                if (!f.path().startsWith("contracts/")) {
                    candidates.add(f.path());
                }
            }
        }
        Map<String, List<LinkedLine>> linksBySpec = new HashMap<>();
        for (LinkSite site : links.sites()) {
            linksBySpec.computeIfAbsent(site.ref().spec().value(), k -> new ArrayList<>())
                    .add(new LinkedLine(site.path(), site.line(), site.ref().id()));
        }
        Map<String, String> heads = new HashMap<>();
        History history = new History(git, progress, start);
        List<DriftRow> rows = new ArrayList<>();
        int done = 0;
        for (Specification spec : specs) {
            progress.specs(done++, specs.size(), Duration.between(start, clock.instant()));
            rows.add(row(spec, git, history, prefix, linksBySpec.getOrDefault(spec.id().value(), List.of()),
                    candidates, heads, c));
        }
        progress.specs(done, specs.size(), Duration.between(start, clock.instant()));
        rows.sort(Comparator.comparing(DriftRow::spec).thenComparing(DriftRow::path));
        return new DriftOutcome(start, head, rows, links.findings());
    }

    /**
     * {@code links} with the evidence recorded in the specs under their requirements, which counts as their links
     * as trace counts it (feature-011/FR-010).
     */
    // implements feature-011/FR-010
    private WorkspaceLinks.Result withRecorded(WorkspaceLinks.Result links) {
        List<LinkSite> sites = new ArrayList<>(links.sites());
        List<LinkSiteFinding> findings = new ArrayList<>(links.findings());
        for (SpecCatalog.WithRequirements listed : catalog.listWithRequirements()) {
            if (!listed.evidence().isEmpty()) {
                WorkspaceLinks.Result recorded = WorkspaceLinks.recorded(listed.spec().id(), listed.spec().path(),
                        listed.evidence(), files.get());
                sites.addAll(recorded.sites());
                findings.addAll(recorded.findings());
            }
        }
        Collections.sort(sites);
        Collections.sort(findings);
        return new WorkspaceLinks.Result(sites, findings, links.filesRead());
    }

    private DriftRow row(Specification spec, VersionControl git, History history, String prefix,
                         List<LinkedLine> links, List<String> candidates, Map<String, String> heads,
                         FactoryConfig c) {
        String id = spec.id().value();
        Object field = spec.extra().get(Reconciled.FIELD);
        if (field == null) {
            return DriftRow.neverReconciled(id, spec.path());
        }
        Optional<String> problem = Reconciled.problem(field);
        if (problem.isPresent()) {
            return DriftRow.commitMissing(id, spec.path(), String.valueOf(field), problem.get());
        }
        String reconciled = (String) field;
        String specPath = prefix + spec.path();
        try {
            Optional<ChangesSince> fromReconciled = history.since(reconciled);
            if (fromReconciled.isEmpty()) {
                return DriftRow.commitMissing(id, spec.path(), reconciled, missing(git, reconciled));
            }
            String since = recordedBy(git, fromReconciled.get(), reconciled, specPath).orElse(reconciled);
            ChangesSince changes = since.equals(reconciled) ? fromReconciled.get()
                    : history.since(since).orElseThrow();
            Map<String, FileChange> byPath = new HashMap<>();
            for (ChangesSince.ChangedFile f : changes.files()) {
                List<FileChange.Lines> ranges = new ArrayList<>();
                f.changed().forEach(r -> ranges.add(new FileChange.Lines(r.first(), r.last())));
                byPath.put(f.path(), new FileChange(f.path(), f.renamedFrom(), f.deleted(), f.added(), f.removed(),
                        f.commits(), ranges));
            }
            List<String> matched = new ArrayList<>();
            if (!candidates.isEmpty()) {
                String body = git.textAt("HEAD", specPath).orElse("");
                for (SpecMatcher.Match m : SpecMatcher.rank(new SpecMatcher.SpecInfo(id, spec.title(), spec.tags(),
                        spec.status().label(), body, spec.path()), candidates, p -> heads.computeIfAbsent(p,
                        this::head), c.positive("review.max-files-per-spec"))) {
                    matched.add(m.path());
                }
            }
            Optional<String> warning = fromReconciled.get().ancestor() ? Optional.empty()
                    : Optional.of("the reconciled commit " + reconciled.substring(0, 7) + " is not in HEAD's history"
                    + " (rewritten by a rebase, an amend or a force-push); the changes are counted from it all the"
                    + " same: review the spec and reconcile it again");
            return Drift.row(id, spec.path(), reconciled, since, git.textAt(since, specPath),
                    git.textAt("HEAD", specPath).orElse(""), links, matched, byPath, warning);
        } catch (FactoryException e) {
            return DriftRow.commitMissing(id, spec.path(), reconciled, "cannot read the history since "
                    + reconciled.substring(0, 7) + ": " + e.getMessage());
        }
    }

    /**
     * The commit right after {@code reconciled} when it is the one that recorded {@code reconciled} in the spec: the
     * oldest commit since that changed the spec, a child of {@code reconciled}, whose spec holds the id.
     */
    private static Optional<String> recordedBy(VersionControl git, ChangesSince changes, String reconciled,
                                               String specPath) {
        Optional<ChangesSince.ChangedFile> spec = changes.file(specPath);
        if (spec.isEmpty() || spec.get().commits().isEmpty()) {
            return Optional.empty();
        }
        String oldest = spec.get().commits().get(spec.get().commits().size() - 1);
        if (!git.resolve(oldest + "^").map(reconciled::equals).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> text = git.textAt(oldest, specPath);
        return text.isPresent() && text.get().contains(Reconciled.FIELD + ": " + Reconciled.yaml(reconciled))
                ? Optional.of(oldest) : Optional.empty();
    }

    /** Why the reconciled commit is not here, and what to do. */
    private static String missing(VersionControl git, String reconciled) {
        String id = reconciled.substring(0, 7);
        if (git.shallow()) {
            return "the reconciled commit " + id + " is not in this shallow clone (beyond its boundary): fetch the"
                    + " history (git fetch --unshallow; in CI, check out with the full history, e.g. fetch-depth: 0)"
                    + " and run drift again";
        }
        return "the reconciled commit " + id + " no longer exists: the history was rewritten (a rebase, an amend, a"
                + " force-push); review the spec against the code and reconcile it again (factory review --commit, or"
                + " set reconciled to the commit it matches)";
    }

    /** A file's first 64 KB as text for matching, null when it cannot be read as text. */
    private String head(String path) {
        try {
            byte[] bytes = files.get().head(path, HEAD_BYTES).orElse(null);
            return bytes == null || Languages.looksBinary(bytes, bytes.length) ? null
                    : new String(bytes, StandardCharsets.UTF_8);
        } catch (FactoryException e) {
            return null; // a path that may not be read is not matched
        }
    }

    /** The project root's path inside the working tree, with a trailing {@code /}; empty when they are one. */
    private String prefix(VersionControl git) {
        String p = git.workTree().toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        return p.isEmpty() ? "" : p + "/";
    }

    /** The specs named (ids or paths), in the order given; every spec when none is named. */
    private static List<Specification> chosen(List<Specification> all, List<String> named) {
        if (named.isEmpty()) {
            return all;
        }
        Set<Specification> out = new LinkedHashSet<>();
        for (String n : named) {
            String wanted = n.replace('\\', '/');
            Specification spec = all.stream().filter(s -> s.id().value().equals(wanted) || s.path().equals(wanted))
                    .findFirst().orElseThrow(() -> new SpecNotFoundException(n));
            out.add(spec);
        }
        return new ArrayList<>(out);
    }

    /** The history read once per commit counted from. */
    private final class History {
        private final VersionControl git;
        private final DriftProgress progress;
        private final Instant start;
        private final Map<String, Optional<ChangesSince>> since = new HashMap<>();

        History(VersionControl git, DriftProgress progress, Instant start) {
            this.git = git;
            this.progress = progress;
            this.start = start;
        }

        /** The changes since {@code commit}, empty when it is not in the repository. */
        Optional<ChangesSince> since(String commit) {
            Optional<ChangesSince> known = since.get(commit);
            if (known != null) {
                return known;
            }
            Optional<ChangesSince> read = Optional.empty();
            if (git.resolve(commit).isPresent()) {
                progress.step("reading the history since " + commit.substring(0, 7),
                        Duration.between(start, clock.instant()));
                read = Optional.of(git.changesSince(commit));
            }
            since.put(commit, read);
            return read;
        }
    }
}
