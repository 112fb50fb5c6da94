package dev.codefactory.app.rescue;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.rescue.BuildOutput;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.TestOutcome;
import dev.codefactory.port.change.TestRun;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.FoundFile;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.WorkspaceScanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The build and tests: runs {@code project.test-command} within {@code change.test-timeout} and reads the failures
 * from its output and the JUnit XML reports it wrote. Shared by detection and by the model's fixes (which compare
 * the failures after a fix with those before).
 *
 * <p>The reports are the {@code TEST-*.xml} files under {@code target/surefire-reports}, {@code target/failsafe-reports}
 * and {@code build/test-results} of any module (at most {@value #MAX_DEPTH} folders down) that the run wrote (new,
 * or changed since they were listed before it); folders that never hold them ({@code node_modules}, {@code src}, virtual environments...) are not entered.
 * Each failure's file is made a project path: an absolute path inside the work tree becomes relative, and a JVM path
 * ({@code com/x/FooTest.java}) becomes the file git lists that ends with it. Test names and messages are redacted.
 */
// implements feature-008/FR-006
final class BuildCheck {
    /** How deep modules are looked for (a module's {@code target/surefire-reports} included). */
    static final int MAX_DEPTH = 10;
    /** The most output kept to read failures from (its end). */
    static final int CONSOLE_CHARS = 2 * 1024 * 1024;
    /** The most bytes of one report read. */
    static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;
    /** The most reports read. */
    static final int MAX_REPORTS = 2000;
    /** Lines of output kept as the run's tail. */
    static final int TAIL_LINES = 60;
    private static final Set<String> REPORT_FOLDERS = Set.of("target/surefire-reports", "target/failsafe-reports",
            "build/test-results");
    private static final Set<String> SKIPPED = Set.of("node_modules", "src", "vendor", ".venv", "venv", "env",
            "__pycache__", ".tox", ".nox", ".gradle", ".mvn", ".idea", ".vscode", ".pytest_cache", ".mypy_cache",
            "dist", "bower_components", ".next", ".cache", ".terraform", "coverage", "site-packages");

    private final Supplier<TestRunner> tests;
    private final Supplier<ProjectFiles> files;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<FactoryConfig> config;

    /** @param scanner the project's files as git lists them, where a JVM path's suffix is looked for */
    BuildCheck(Supplier<TestRunner> tests, Supplier<ProjectFiles> files, Supplier<WorkspaceScanner> scanner,
               Supplier<FactoryConfig> config) {
        this.tests = tests;
        this.files = files;
        this.scanner = scanner;
        this.config = config;
    }

    /**
     * The JUnit XML reports there are now, to tell after a run which ones it wrote: a report a run writes is new, or
     * differs from the one before it in time or size. (A clock comparison would read a report an earlier run wrote a
     * moment before, within the coarse file times some file systems keep, as this run's.)
     */
    Reports reportsNow() {
        Map<String, FoundFile> now = new HashMap<>();
        listReports().forEach(r -> now.put(r.path(), r));
        return new Reports(now);
    }

    /** The JUnit XML reports before a run, by path. */
    record Reports(Map<String, FoundFile> byPath) {
        Reports {
            byPath = Map.copyOf(byPath);
        }

        /** True when {@code report} was written after these were listed. */
        boolean written(FoundFile report) {
            FoundFile was = byPath.get(report.path());
            return was == null || !was.modified().equals(report.modified()) || was.size() != report.size();
        }
    }

    /**
     * The failures of one run: {@code console} is what the command printed, {@code before} the reports there were
     * before it (only those it wrote are read).
     */
    List<TestFailure> read(String console, Reports before) {
        return read(console, before, null);
    }

    private List<TestFailure> read(String console, Reports before, Path workTree) {
        List<String> xmls = reports(before);
        List<TestFailure> parsed = BuildOutput.read(console == null ? "" : console, xmls);
        List<TestFailure> out = new ArrayList<>();
        Map<String, String> resolved = resolveAll(parsed, workTree);
        for (TestFailure f : parsed) {
            String path = resolved.getOrDefault(f.path(), f.path());
            out.add(RescueText.redacted(new TestFailure(f.kind(), f.test(), path, f.line(), f.message())));
        }
        return out;
    }

    /** Runs the test command in {@code workTree}, its lines to the dialog; empty when none is configured. */
    Optional<Run> run(Path workTree, RescueDialog dialog) {
        FactoryConfig c = config.get();
        Optional<String> command = c.projectTestCommand().map(String::strip).filter(s -> !s.isEmpty());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Duration limit = c.duration("change.test-timeout");
        dialog.progress("running " + command.get());
        Reports before = reportsNow();
        Console console = new Console(CONSOLE_CHARS);
        TestRun run = tests.get().run(command.get(), workTree, limit, line -> {
            console.add(line);
            dialog.testOutput(RescueText.redact(line));
        }, dialog::stopRequested);
        TestOutcome outcome = run.outcome();
        String text = console.text();
        if (text.isEmpty()) {
            text = run.tail(); // a runner that hands no lines: what it kept
        }
        List<TestFailure> failures = outcome instanceof TestOutcome.Stopped ? List.of()
                : read(text, before, workTree);
        return Optional.of(new Run(outcome.summary(), outcome.passed(), outcome instanceof TestOutcome.TimedOut,
                failures, RescueText.tail(text, TAIL_LINES), outcome instanceof TestOutcome.Stopped,
                command.get()));
    }

    /** The JUnit XML reports under the project's report folders; none when they cannot be listed. */
    private List<FoundFile> listReports() {
        try {
            return files.get().walk("", MAX_DEPTH, BuildCheck::descend, BuildCheck::isReport);
        } catch (FactoryException | java.io.UncheckedIOException e) {
            return List.of(); // the reports cannot be listed: the console alone
        }
    }

    /** The text of the JUnit XML reports written since {@code before} was listed. */
    private List<String> reports(Reports before) {
        ProjectFiles f = files.get();
        List<String> out = new ArrayList<>();
        for (FoundFile report : listReports()) {
            if (out.size() >= MAX_REPORTS) {
                break;
            }
            if (!before.written(report) || report.size() > MAX_REPORT_BYTES) {
                continue;
            }
            try {
                f.readBytes(report.path(), MAX_REPORT_BYTES)
                        .ifPresent(bytes -> out.add(new String(bytes, StandardCharsets.UTF_8)));
            } catch (FactoryException | java.io.UncheckedIOException e) {
                // a report that cannot be read is left out: the console still tells
            }
        }
        return out;
    }

    /** Whether the walk enters folder {@code path}: never where reports are not, only into report folders below. */
    static boolean descend(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (SKIPPED.contains(name) || name.startsWith(".")) {
            return false;
        }
        for (String folder : REPORT_FOLDERS) {
            if (path.equals(folder) || path.endsWith("/" + folder) || path.startsWith(folder + "/")
                    || path.contains("/" + folder + "/")) {
                return true;
            }
        }
        // inside a build's output folder, only the way to the reports
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String parentName = parent.substring(parent.lastIndexOf('/') + 1);
        if (parentName.equals("target")) {
            return name.equals("surefire-reports") || name.equals("failsafe-reports");
        }
        if (parentName.equals("build")) {
            return name.equals("test-results");
        }
        return true;
    }

    /** A JUnit XML report: {@code TEST-*.xml} in a report folder. */
    static boolean isReport(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.startsWith("TEST-") || !name.endsWith(".xml")) {
            return false;
        }
        for (String folder : REPORT_FOLDERS) {
            if (path.startsWith(folder + "/") || path.contains("/" + folder + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Each failure's printed path and the project path it stands for, where one was found. */
    private Map<String, String> resolveAll(List<TestFailure> failures, Path workTree) {
        Map<String, String> out = new HashMap<>();
        Set<String> suffixes = new LinkedHashSet<>();
        ProjectFiles f = files.get();
        for (TestFailure failure : failures) {
            String printed = failure.path();
            if (printed.isEmpty() || out.containsKey(printed)) {
                continue;
            }
            String path = printed.replace('\\', '/');
            if (workTree != null && isAbsolute(path)) {
                String root = workTree.toAbsolutePath().normalize().toString().replace('\\', '/');
                if (path.startsWith(root + "/")) {
                    out.put(printed, path.substring(root.length() + 1));
                }
                continue;
            }
            if (isAbsolute(path)) {
                continue;
            }
            String relative = path.startsWith("./") ? path.substring(2) : path;
            if (kindOf(f, relative) == FileKind.TEXT) {
                if (!relative.equals(printed)) {
                    out.put(printed, relative);
                }
            } else {
                suffixes.add(relative);
            }
        }
        if (suffixes.isEmpty()) {
            return out;
        }
        // the project's files as git lists them (its ignore rules, not a list of build folders of our own)
        List<String> candidates = new ArrayList<>();
        try {
            ScanResult scan = scanner.get().scan(new ScanRequest(List.of(), config.get().scanMaxFileBytes(),
                    Integer.MAX_VALUE));
            scan.files().forEach(file -> candidates.add(file.path()));
        } catch (FactoryException | java.io.UncheckedIOException e) {
            return out;
        }
        for (String suffix : suffixes) {
            candidates.stream().filter(p -> p.endsWith("/" + suffix))
                    .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                    .ifPresent(p -> {
                        for (TestFailure failure : failures) {
                            String rel = failure.path().replace('\\', '/');
                            if ((rel.startsWith("./") ? rel.substring(2) : rel).equals(suffix)) {
                                out.put(failure.path(), p);
                            }
                        }
                    });
        }
        return out;
    }

    private static FileKind kindOf(ProjectFiles f, String path) {
        try {
            return f.kind(path);
        } catch (FactoryException | IllegalArgumentException e) {
            return FileKind.OTHER;
        }
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.length() > 2 && path.charAt(1) == ':' && path.charAt(2) == '/';
    }

    /** The end of a command's output, at most {@code max} characters, kept as lines come. */
    private static final class Console {
        private final int max;
        private final Deque<String> lines = new ArrayDeque<>();
        private long size;

        Console(int max) {
            this.max = max;
        }

        synchronized void add(String line) {
            lines.addLast(line);
            size += line.length() + 1;
            while (size > max && lines.size() > 1) {
                size -= lines.removeFirst().length() + 1;
            }
        }

        synchronized String text() {
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }
    }

    /**
     * One run of the test command.
     *
     * @param outcome  how it ended, in words ({@code TestOutcome.summary})
     * @param passed   it passed
     * @param timedOut it ran out of time
     * @param failures what failed
     * @param tail     the last lines of its output, redacted
     * @param stopped  the person stopped it
     * @param command  the command that ran
     */
    record Run(String outcome, boolean passed, boolean timedOut, List<TestFailure> failures, String tail,
               boolean stopped, String command) {
        Run {
            failures = List.copyOf(failures);
        }

        /** The skeleton's shape: neither stopped nor with its command known. */
        Run(String outcome, boolean passed, boolean timedOut, List<TestFailure> failures, String tail) {
            this(outcome, passed, timedOut, failures, tail, false, "");
        }
    }
}
