package dev.codefactory.app.trace;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.adopt.RecordedEvidence;
import dev.codefactory.domain.change.Impact;
import dev.codefactory.domain.markdown.Fence;
import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.trace.Link;
import dev.codefactory.domain.trace.LinkFinding;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.Links;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.domain.trace.RequirementRef;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The links of the workspace (feature-010, FR-006, FR-013): every file the {@link WorkspaceScanner} lists (git's
 * index and ignore rules, its size and binary limits) is read through {@link ProjectFiles} and scanned line by line
 * with {@link Links#scan}; a test file (by {@link Impact#isTest}, the rule change orders use) also links with a
 * JUnit {@code @Tag}. The project's own records are not read: {@code contracts/} (the specs are what is linked to,
 * not links), {@code reports/} and {@code .factory/}, as review leaves them out.
 *
 * <p>Malformed references become findings with file:line; a binary file or one over the size limit whose first
 * bytes hold a link gets a finding saying its links are not read. No model is involved (NFR-003).
 */
// implements feature-010/NFR-001
public final class WorkspaceLinks {
    /** How much of a skipped (binary or oversized) file is looked at for links it would hold. */
    private static final int SKIPPED_HEAD = 256 * 1024;

    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;
    private final ThreadFactory threads;
    private final int helpers;

    /**
     * @param scanner lists the workspace's files
     * @param files   reads them (paths relative to the working tree, as the scanner gives them)
     */
    public WorkspaceLinks(Supplier<WorkspaceScanner> scanner, Supplier<ProjectFiles> files) {
        this(scanner, files, null, 0);
    }

    /**
     * @param scanner lists the workspace's files
     * @param files   reads them (paths relative to the working tree, as the scanner gives them)
     * @param threads makes the helper threads that read files beside the caller's (null: none)
     * @param helpers how many helper threads at most (0: the caller reads every file)
     */
    public WorkspaceLinks(Supplier<WorkspaceScanner> scanner, Supplier<ProjectFiles> files, ThreadFactory threads,
                          int helpers) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.files = Objects.requireNonNull(files, "files");
        if (helpers < 0 || helpers > 0 && threads == null) {
            throw new IllegalArgumentException("helpers need a thread factory, and cannot be negative: " + helpers);
        }
        this.threads = threads;
        this.helpers = helpers;
    }

    /**
     * What a read found.
     *
     * @param sites     every link, by path and line
     * @param findings  malformed references and unread files with links, by path and line
     * @param filesRead how many files were read
     */
    public record Result(List<LinkSite> sites, List<LinkSiteFinding> findings, int filesRead) {
        public Result {
            sites = List.copyOf(sites);
            findings = List.copyOf(findings);
        }
    }

    /** Told how far a read is: {@code done} of {@code total} files. */
    @FunctionalInterface
    public interface Progress {
        void read(int done, int total);
    }

    /** Reads the links of the files {@code request} lists ({@link ScanRequest#everything()} for the whole tree). */
    public Result read(ScanRequest request) {
        return read(request, (done, total) -> { });
    }

    /** As {@link #read(ScanRequest)}, telling {@code progress} after every 100 files and at the end. */
    public Result read(ScanRequest request, Progress progress) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        ScanResult scan = scanner.get().scan(request);
        ProjectFiles reader = files.get();
        List<SourceFile> todo = scan.files().stream().filter(f -> !isRecord(f.path())).toList();
        FileLinks[] found = new FileLinks[todo.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int total = todo.size();
        Runnable work = () -> {
            try {
                for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                    SourceFile file = todo.get(i);
                    found[i] = readFile(reader, file.path(), request.maxFileBytes());
                    int n = done.incrementAndGet();
                    if (n % 100 == 0) {
                        synchronized (progress) {
                            progress.read(n, total);
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        // helper threads read beside the caller: the files are many and small, the work is reading and scanning
        List<Thread> started = new ArrayList<>();
        for (int h = 0; h < Math.min(helpers, total / 500); h++) {
            Thread t = threads.newThread(work);
            t.start();
            started.add(t);
        }
        work.run();
        for (Thread t : started) {
            joinUninterruptibly(t);
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed != null) {
            throw (Error) failed;
        }
        List<LinkSite> sites = new ArrayList<>();
        List<LinkSiteFinding> findings = new ArrayList<>();
        int read = 0;
        for (FileLinks f : found) {
            if (f != null) {
                read++;
                sites.addAll(f.sites());
                findings.addAll(f.findings());
            }
        }
        for (SkippedFile skipped : scan.skipped()) {
            if (!isRecord(skipped.path()) && (skipped.reason() == SkipReason.BINARY
                    || skipped.reason() == SkipReason.TOO_LARGE)) {
                unread(reader, skipped, findings);
            }
        }
        progress.read(total, total);
        Collections.sort(sites);
        Collections.sort(findings);
        return new Result(sites, findings, read);
    }

    /** The links of one file, or null when it is gone, over the limit or binary (as if the scan had skipped it). */
    private static FileLinks readFile(ProjectFiles reader, String path, long maxBytes) {
        String text = text(reader, path, maxBytes);
        if (text == null) {
            return null;
        }
        if (!mayLink(text, true)) {
            return NONE; // most files: no word a link starts with
        }
        List<LinkSite> sites = new ArrayList<>(0);
        List<LinkSiteFinding> findings = new ArrayList<>(0);
        scanText(path, text, Impact.isTest(path), sites, findings);
        return new FileLinks(sites, findings);
    }

    private record FileLinks(List<LinkSite> sites, List<LinkSiteFinding> findings) {
    }

    private static final FileLinks NONE = new FileLinks(List.of(), List.of());

    /** Waits for {@code t} to end; an interrupt is kept for later and the wait goes on (the reads are short). */
    public static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The links in {@code text}, the content of the file at {@code path} (a test file by {@link Impact#isTest} also
     * links with {@code @Tag}), in line order; malformed references are left out. For a caller that holds the text
     * already (review's matching).
     */
    public static List<LinkSite> linksIn(String path, String text) {
        List<LinkSite> sites = new ArrayList<>();
        scanText(path, text, Impact.isTest(path), sites, new ArrayList<>());
        return sites;
    }

    /** Scans the lines of one text into {@code sites} and {@code findings}. */
    static void scanText(String path, String text, boolean testFile, List<LinkSite> sites,
                         List<LinkSiteFinding> findings) {
        if (!mayLink(text, testFile)) {
            return; // most files: no word that starts a link, nothing to split
        }
        boolean markdown = isMarkdown(path);
        if (!markdown) {
            scanWordLines(path, text, testFile, sites, findings);
            return;
        }
        Fence open = null;
        int line = 1;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (markdown) { // a fenced block in markdown is an example, not a link (an HTML comment is one)
                Fence fence = Fence.of(text.substring(start, end).stripTrailing());
                boolean skip = open != null || fence != null;
                if (open == null) {
                    open = fence;
                } else if (fence != null && fence.closes(open, false)) {
                    open = null;
                }
                if (skip) {
                    start = end + 1;
                    line++;
                    continue;
                }
            }
            if (end > start) {
                scanLine(path, text.substring(start, end), line, testFile, sites, findings);
            }
            start = end + 1;
            line++;
        }
    }

    /**
     * {@link #scanText} outside markdown: only the lines that hold a word a link starts with are cut out and scanned
     * (a line without one holds no link and no finding); the others are only counted.
     */
    private static void scanWordLines(String path, String text, boolean testFile, List<LinkSite> sites,
                                      List<LinkSiteFinding> findings) {
        int n = text.length();
        int implementsAt = text.indexOf("implements");
        int coversAt = text.indexOf("covers");
        int tagAt = testFile ? text.indexOf("Tag(") : -1;
        int line = 1;
        int start = 0; // where line number 'line' starts
        while (true) {
            int word = firstOf(implementsAt, firstOf(coversAt, tagAt));
            if (word < 0) {
                return;
            }
            for (int br = text.indexOf('\n', start); br >= 0 && br < word; br = text.indexOf('\n', start)) {
                start = br + 1;
                line++;
            }
            int end = text.indexOf('\n', word);
            if (end < 0) {
                end = n;
            }
            scanLine(path, text.substring(start, end), line, testFile, sites, findings);
            start = end + 1;
            line++;
            if (start >= n) {
                return;
            }
            implementsAt = implementsAt >= 0 && implementsAt < start ? text.indexOf("implements", start) : implementsAt;
            coversAt = coversAt >= 0 && coversAt < start ? text.indexOf("covers", start) : coversAt;
            tagAt = tagAt >= 0 && tagAt < start ? text.indexOf("Tag(", start) : tagAt;
        }
    }

    /** The smaller of two indexes that are not -1, or -1 when both are. */
    private static int firstOf(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** The links and findings of one line, numbered {@code line}. */
    private static void scanLine(String path, String text, int line, boolean testFile, List<LinkSite> sites,
                                 List<LinkSiteFinding> findings) {
        Links links = Links.scan(text, testFile);
        for (Link link : links.links()) {
            sites.add(new LinkSite(link.ref(), link.kind(), path, line));
        }
        for (LinkFinding f : links.findings()) {
            findings.add(new LinkSiteFinding(path, line, f.text(), f.message()));
        }
    }

    private static boolean isMarkdown(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    /** Whether {@code text} holds a word a link starts with (a cheap look before the line-by-line scan). */
    private static boolean mayLink(String text, boolean testFile) {
        return text.contains("implements") || text.contains("covers") || testFile && text.contains("Tag(");
    }

    /** A finding for a binary or oversized file whose first bytes hold a link: those links are not read. */
    private static void unread(ProjectFiles reader, SkippedFile skipped, List<LinkSiteFinding> findings) {
        byte[] head;
        try {
            head = reader.head(skipped.path(), SKIPPED_HEAD).orElse(null);
        } catch (FactoryException e) {
            return; // a path that may not be read is not looked at
        }
        if (head == null) {
            return;
        }
        List<LinkSite> sites = new ArrayList<>();
        List<LinkSiteFinding> ignored = new ArrayList<>();
        scanText(skipped.path(), new String(head, StandardCharsets.ISO_8859_1), Impact.isTest(skipped.path()), sites,
                ignored);
        if (sites.isEmpty()) {
            return;
        }
        String why = skipped.reason() == SkipReason.BINARY ? "it is a binary file"
                : "it is over the size limit (" + skipped.detail() + "; scan.max-file-size)";
        findings.add(new LinkSiteFinding(skipped.path(), 0, "", "holds links (" + sites.get(0).ref()
                + (sites.size() > 1 ? " and more" : "") + ") that are not read: " + why
                + "; move them to a text file, or raise scan.max-file-size"));
    }

    /**
     * The file as Latin-1 text, or null when it is gone, over the limit or binary. Latin-1 maps every byte to one
     * char without decoding: the links, their words and their line breaks are ASCII, which reads the same in UTF-8,
     * and a UTF-8 character elsewhere on a line changes nothing that a link is made of (nor its line number).
     */
    private static String text(ProjectFiles reader, String path, long maxBytes) {
        byte[] bytes;
        try {
            bytes = reader.readBytes(path, maxBytes).orElse(null);
        } catch (FactoryException e) {
            return null; // a path that may not be read (through a link, say) is not read
        }
        if (bytes == null || Languages.looksBinary(bytes, bytes.length)) {
            return null;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The evidence recorded in spec {@code specId} ({@code specPath}) under its requirements, as links
     * (feature-011/FR-010): each location implements or covers {@code specId/FR-00N} at its file and line (line 1 for
     * a whole file), as a link comment there would. A location whose file is not in the project (it was moved or
     * deleted since) is a finding at the spec's line instead, as a malformed link is.
     *
     * @param files tells what is at a path of the project
     */
    // implements feature-011/FR-010
    public static Result recorded(SpecId specId, String specPath, List<RecordedEvidence.Entry> evidence,
                                  ProjectFiles files) {
        List<LinkSite> sites = new ArrayList<>();
        List<LinkSiteFinding> findings = new ArrayList<>();
        for (RecordedEvidence.Entry e : evidence) {
            RequirementRef ref = new RequirementRef(specId, RequirementId.parse(e.requirement()));
            String path = e.at().path();
            FileKind kind;
            try {
                kind = path.isBlank() ? FileKind.MISSING : files.kind(path);
            } catch (FactoryException unsafe) { // outside the project, through a link: no file of it
                kind = FileKind.MISSING;
            }
            if (kind == FileKind.TEXT || kind == FileKind.BINARY) {
                sites.add(new LinkSite(ref, e.implementing() ? LinkKind.IMPLEMENTS : LinkKind.COVERS, path,
                        Math.max(1, e.at().line())));
            } else {
                findings.add(new LinkSiteFinding(specPath, e.line(), e.at().toString(), "the evidence of " + ref
                        + " names " + e.at() + ", " + (kind == FileKind.MISSING ? "which does not exist"
                        : "which is no file") + ": correct the location (path:line), or remove it"));
            }
        }
        Collections.sort(sites);
        Collections.sort(findings);
        return new Result(sites, findings, 0);
    }

    /** The project's own records, which review leaves out too: specs, reports, the factory's state. */
    static boolean isRecord(String path) {
        return ProjectPaths.isRecord(path);
    }
}
