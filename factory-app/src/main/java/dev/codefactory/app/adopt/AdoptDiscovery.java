package dev.codefactory.app.adopt;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.trace.WorkspaceLinks;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.adopt.BuildFiles;
import dev.codefactory.domain.adopt.CodeModule;
import dev.codefactory.domain.adopt.Discovery;
import dev.codefactory.domain.adopt.DocEvidence;
import dev.codefactory.domain.adopt.DocFiles;
import dev.codefactory.domain.adopt.ExistingSpec;
import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.SourcePatterns;
import dev.codefactory.domain.adopt.ThirdPartyCode;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The discovery of an adoption ({@link AdoptService#discover}): the scope, the files listed by the workspace scanner
 * and read on the caller's thread and one helper, the trace links they hold, and the specs the project has.
 */
final class AdoptDiscovery {
    /** How often discovery tells its progress at most, and after how many files at least. */
    private static final long PROGRESS_MILLIS = 250;
    private static final int PROGRESS_FILES = 1_000;
    /** Below this many files to read, a helper thread costs more than it saves. */
    private static final int HELPER_THRESHOLD = 400;
    private static final Pattern NAMED = Pattern.compile("`([^`\\s]+)`|\\]\\(([^)\\s#]+)");

    private final SpecCatalog catalog;
    private final Supplier<ProjectFiles> files;
    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<List<SourceSurvey>> surveys;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;
    private final ThreadFactory threads;

    AdoptDiscovery(SpecCatalog catalog, Supplier<ProjectFiles> files, Supplier<WorkspaceScanner> scanner,
                   Supplier<List<SourceSurvey>> surveys, Supplier<FactoryConfig> config, Clock clock,
                   ThreadFactory threads) {
        this.catalog = catalog;
        this.files = files;
        this.scanner = scanner;
        this.surveys = surveys;
        this.config = config;
        this.clock = clock;
        this.threads = threads;
    }

    /** {@code path} as the project's relative path it names ("" for the whole project), refused when it is none. */
    // implements feature-011/FR-012
    String scope(String path) {
        String p = path == null ? "" : path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals(".")) {
            p = "";
        }
        if (p.isEmpty()) {
            return "";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || List.of(p.split("/")).contains("..")) {
            throw new InvalidCommandException("'" + path + "' is outside the project: give a path inside it,"
                    + " relative to its root (like src/main/java/org/acme/owner), or none for the whole project");
        }
        FileKind kind;
        try {
            kind = files.get().kind(p);
        } catch (UnsafePathException e) {
            throw new InvalidCommandException("cannot adopt '" + path + "': " + e.getMessage());
        }
        if (kind == FileKind.MISSING) {
            throw new InvalidCommandException("there is no '" + p + "' in the project: give a file or folder inside"
                    + " it, relative to its root, or none for the whole project");
        }
        if (kind != FileKind.DIRECTORY && kind != FileKind.TEXT) {
            throw new InvalidCommandException("cannot adopt '" + p + "': it is not a folder or a text file");
        }
        return p;
    }

    /** What a file said: a module, documentation, facts, or why it could not be read. */
    private record Read(CodeModule module, List<DocEvidence> docs, FileFacts facts, String notRead,
                        Set<String> linkedSpecs) {
        Read(CodeModule module, List<DocEvidence> docs, FileFacts facts, String notRead) {
            this(module, docs, facts, notRead, Set.of());
        }

        Read linking(Set<String> specs) {
            return new Read(module, docs, facts, notRead, specs);
        }
    }

    /** What the files say, and the files whose trace links name each spec id (FR-006). */
    record Found(Discovery discovery, Map<String, Set<String>> linked) {
    }

    /** What one file is read as. */
    private enum Reader { BUILD, DOC, SURVEY, PATTERNS }

    private record Todo(SourceFile file, Reader reader, SourceSurvey survey) {
    }

    // implements feature-011/NFR-002
    Found read(String scope, AdoptDialog dialog) {
        dialog.progress("listing the files" + (scope.isEmpty() ? "" : " of " + scope));
        ScanResult scan = scanner.get().scan(new ScanRequest(scope.isEmpty() ? List.of() : List.of(scope),
                config.get().scanMaxFileBytes(), 0));
        List<SourceSurvey> known = surveys.get();
        List<Todo> todo = new ArrayList<>();
        for (SourceFile f : scan.files()) {
            if (leftOut(f.path())) {
                continue;
            }
            Todo t = todo(f, known);
            if (t != null) {
                todo.add(t);
            }
        }
        List<String> notRead = new ArrayList<>();
        for (SkippedFile s : scan.skipped()) {
            if (!leftOut(s.path()) && s.reason() != SkipReason.BINARY && s.reason() != SkipReason.SYMLINK
                    && readable(s.path(), known)) {
                notRead.add(s.path() + ": " + s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
            }
        }
        Read[] found = readAll(todo, dialog);
        List<CodeModule> modules = new ArrayList<>();
        List<FileFacts> facts = new ArrayList<>();
        List<DocEvidence> docs = new ArrayList<>();
        Map<String, Set<String>> linked = new HashMap<>();
        for (int i = 0; i < found.length; i++) {
            Read r = found[i];
            for (String spec : r.linkedSpecs()) {
                linked.computeIfAbsent(spec, k -> new TreeSet<>()).add(todo.get(i).file().path());
            }
            if (r.module() != null) {
                modules.add(r.module());
            }
            docs.addAll(r.docs());
            if (r.facts() != null && !r.facts().isEmpty()) {
                facts.add(r.facts());
            }
            if (r.notRead() != null) {
                notRead.add(r.notRead());
            }
        }
        // one module per folder: a folder with pom.xml and build.gradle is one module (BuildFiles.onePerFolder)
        modules = new ArrayList<>(BuildFiles.onePerFolder(modules));
        modules.sort((a, b) -> a.path().compareTo(b.path()));
        notRead.sort(null);
        for (String n : notRead) {
            dialog.say("not read: " + n);
        }
        return new Found(new Discovery(scope, modules, facts, docs, scan.files().size(), notRead), linked);
    }

    private static Todo todo(SourceFile f, List<SourceSurvey> known) {
        String path = f.path();
        if (BuildFiles.isBuildFile(path)) {
            return new Todo(f, Reader.BUILD, null);
        }
        if (DocFiles.isDoc(path)) {
            return new Todo(f, Reader.DOC, null);
        }
        for (SourceSurvey s : known) {
            if (s.reads(f.language())) {
                return new Todo(f, Reader.SURVEY, s);
            }
        }
        if (SourcePatterns.reads(path, f.language())) {
            return new Todo(f, Reader.PATTERNS, null);
        }
        return null;
    }

    /** Whether a skipped file would have been read (a notice about an image or a jar helps nobody). */
    private static boolean readable(String path, List<SourceSurvey> known) {
        String language = Languages.byName(path).orElse(Languages.TEXT);
        return todo(new SourceFile(path, 0, language, true), known) != null;
    }

    /**
     * Reads the files one at a time (never every text at once, NFR-002), with one helper thread beside the caller
     * when there are many; the results keep the files' order whoever read them.
     */
    // implements feature-011/NFR-001
    private Read[] readAll(List<Todo> todo, AdoptDialog dialog) {
        int total = todo.size();
        Read[] found = new Read[total];
        ProjectFiles reader = files.get();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stop = new AtomicReference<>(false);
        Runnable helper = () -> {
            try {
                for (int i = next.getAndIncrement(); i < total && failure.get() == null && !stop.get();
                     i = next.getAndIncrement()) {
                    found[i] = readOne(reader, todo.get(i));
                    done.incrementAndGet();
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread started = null;
        if (threads != null && total >= HELPER_THRESHOLD) {
            started = threads.newThread(helper);
            started.start();
        }
        dialog.progress("reading " + String.format(Locale.ROOT, "%,d", total) + " files");
        long lastShown = clock.millis();
        int lastCount = 0;
        try {
            for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                found[i] = readOne(reader, todo.get(i));
                int n = done.incrementAndGet();
                long now = clock.millis();
                if (n - lastCount >= PROGRESS_FILES || now - lastShown >= PROGRESS_MILLIS) {
                    lastShown = now;
                    lastCount = n;
                    dialog.progress(String.format(Locale.ROOT, "reading %,d of %,d files", n, total));
                }
                if (dialog.stopRequested()) {
                    stop.set(true);
                    throw new StopRequestedException("stopped while the files were read");
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            if (started != null) {
                WorkspaceLinks.joinUninterruptibly(started);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed != null) {
            throw (Error) failed;
        }
        dialog.progress(String.format(Locale.ROOT, "read %,d files", total));
        return found;
    }

    private static Read readOne(ProjectFiles reader, Todo t) {
        String path = t.file().path();
        String text;
        try {
            Optional<String> read = reader.readText(path);
            if (read.isEmpty()) {
                return new Read(null, List.of(), null, path + ": gone since it was listed");
            }
            text = read.get();
        } catch (FactoryException | java.io.UncheckedIOException e) {
            return new Read(null, List.of(), null, path + ": " + e.getMessage());
        }
        try {
            return read(t, path, text).linking(linkedSpecs(path, text));
        } catch (RuntimeException e) {
            // a reader that fails on one file's content must not end the discovery; the file is listed instead
            return new Read(null, List.of(), null, path + ": could not be read as " + t.file().language() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static Read read(Todo t, String path, String text) {
        switch (t.reader()) {
            case BUILD:
                return new Read(BuildFiles.module(path, text).orElse(null), List.of(), null, null);
            case DOC:
                return new Read(null, DocFiles.read(path, text), null, null);
            case SURVEY:
                return new Read(null, List.of(), testsOnly(t.survey().survey(path, t.file().language(), text,
                        SourcePatterns.isTest(path))), null);
            default:
                return new Read(null, List.of(), testsOnly(SourcePatterns.read(path, t.file().language(), text)),
                        null);
        }
    }

    /**
     * A test file contributes its tests and imports, never surfaces (a test's {@code main} or the routes of a test
     * controller are no capability of the code), whichever survey read it.
     */
    // implements feature-011/FR-002
    private static FileFacts testsOnly(FileFacts facts) {
        if (facts == null || !facts.test() || facts.surfaces().isEmpty()) {
            return facts;
        }
        return new FileFacts(facts.path(), facts.language(), facts.unit(), facts.imports(), List.of(), facts.tests(),
                true);
    }

    /** The ids of the specs the trace links of {@code text} name, read while the text is at hand. */
    private static Set<String> linkedSpecs(String path, String text) {
        List<LinkSite> sites = WorkspaceLinks.linksIn(path, text);
        if (sites.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (LinkSite site : sites) {
            out.add(site.ref().spec().value());
        }
        return out;
    }

    /**
     * What discovery leaves out: the project's own records (the specs are what adoption writes, not what it reads)
     * and installed packages or caches git does not ignore.
     */
    private static boolean leftOut(String path) {
        return ProjectPaths.isRecord(path) || ThirdPartyCode.contains(path);
    }

    /**
     * The specs the project has, with the files read during discovery that link to them and the files they name
     * (FR-006): the files adoption does not read hold no surface a capability could have.
     */
    // implements feature-011/FR-006
    List<ExistingSpec> existingSpecs(Map<String, Set<String>> linked) {
        if (!catalog.initialized()) {
            return List.of();
        }
        List<Specification> specs = catalog.list(SpecQuery.ALL).specs();
        if (specs.isEmpty()) {
            return List.of();
        }
        List<ExistingSpec> out = new ArrayList<>();
        for (Specification s : specs) {
            Set<String> named = new TreeSet<>();
            try {
                files.get().readText(s.path()).ifPresent(text -> named.addAll(namedPaths(text)));
            } catch (FactoryException e) {
                // a spec that cannot be read names nothing; its links and title still count
            }
            out.add(new ExistingSpec(s.id().value(), s.title(), s.path(), linked.getOrDefault(s.id().value(),
                    Set.of()), named));
        }
        return out;
    }

    /** The paths a spec's text names, in backticks or as link targets ({@code path:line} without the line). */
    static Set<String> namedPaths(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            String p = m.group(1) != null ? m.group(1) : m.group(2);
            p = p.replace('\\', '/').replaceAll(":\\d+(-\\d+)?$", "");
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            if ((p.contains("/") || p.matches(".*\\.[A-Za-z0-9]+$")) && !p.contains("://")
                    && !p.startsWith("/") && !p.contains("..")) {
                out.add(p);
            }
        }
        return out;
    }
}
