package dev.codefactory.app.trace;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The TRACE flow: the specs from the catalog, each one's requirements with their ids, the links of the workspace
 * ({@link WorkspaceLinks}) and the evidence recorded in the specs under their requirements
 * ({@link WorkspaceLinks#recorded}, feature-011/FR-010), the {@link TraceMatrix}, and its report. No model is called (NFR-003).
 */
// implements feature-010/FR-007, feature-010/NFR-001
public final class TraceService implements TraceUseCase {
    private final SpecCatalog catalog;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;
    private final Supplier<ReportRepository> reports;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;
    private final ThreadFactory threads;

    /**
     * @param threads makes the threads that read the specs and part of the files while the caller reads the rest
     */
    public TraceService(SpecCatalog catalog, Supplier<WorkspaceScanner> scanner, Supplier<ProjectFiles> files,
                        Supplier<ReportRepository> reports, Supplier<FactoryConfig> config, Clock clock,
                        ThreadFactory threads) {
        this.catalog = catalog;
        this.scanner = scanner;
        this.files = files;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
        this.threads = threads;
    }

    @Override
    public TraceOutcome trace(TraceCommand command, TraceProgress progress) {
        Instant now = clock.instant();
        long maxFileBytes = config.get().scanMaxFileBytes();
        // the specs are read on a thread of their own while this one and a helper read the workspace's files
        FutureTask<List<SpecCatalog.WithRequirements>> specsTask = new FutureTask<>(catalog::listWithRequirements);
        threads.newThread(specsTask).start();
        long start = System.nanoTime();
        WorkspaceLinks.Result links = new WorkspaceLinks(scanner, files, threads, 1).read(
                new ScanRequest(List.of(), maxFileBytes, 0),
                (done, total) -> progress.reading(done, total, Duration.ofNanos(System.nanoTime() - start)));
        List<SpecCatalog.WithRequirements> listed = result(specsTask);
        List<TraceMatrix.Spec> specs = new ArrayList<>();
        List<LinkSite> sites = new ArrayList<>(links.sites());
        List<LinkSiteFinding> findings = new ArrayList<>(links.findings());
        for (SpecCatalog.WithRequirements one : listed) {
            Specification spec = one.spec();
            specs.add(new TraceMatrix.Spec(spec.id(), spec.status(), spec.path(), one.requirements()));
            if (!one.evidence().isEmpty()) { // implements feature-011/FR-010: recorded evidence links as comments do
                WorkspaceLinks.Result recorded = WorkspaceLinks.recorded(spec.id(), spec.path(), one.evidence(),
                        files.get());
                sites.addAll(recorded.sites());
                findings.addAll(recorded.findings());
            }
        }
        Collections.sort(sites);
        Collections.sort(findings);
        TraceMatrix matrix = TraceMatrix.build(specs, sites, findings);
        Optional<String> path = Optional.empty();
        if (command.writeReport()) {
            TraceOutcome unsaved = new TraceOutcome(matrix, now, specs.size(), links.filesRead(), Optional.empty());
            path = Optional.of(reports.get().save(new Report("trace", "Trace", now, List.of(), List.of(), Map.of()),
                    TraceMarkdown.render(unsaved)));
        }
        return new TraceOutcome(matrix, now, specs.size(), links.filesRead(), path);
    }

    /** What {@code task} gave, or what it threw, as it was thrown (a project that is not initialised, say). */
    private static <T> T result(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the specs are read quickly: wait for them, and keep the interrupt
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
