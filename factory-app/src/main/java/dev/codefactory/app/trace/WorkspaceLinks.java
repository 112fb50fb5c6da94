package dev.codefactory.app.trace;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.change.Impact;
import dev.codefactory.domain.trace.Link;
import dev.codefactory.domain.trace.LinkFinding;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.Links;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
public final class WorkspaceLinks {
    /** How much of a skipped (binary or oversized) file is looked at for links it would hold. */
    private static final int SKIPPED_HEAD = 256 * 1024;

    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;

    /**
     * @param scanner lists the workspace's files
     * @param files   reads them (paths relative to the working tree, as the scanner gives them)
     */
    public WorkspaceLinks(Supplier<WorkspaceScanner> scanner, Supplier<ProjectFiles> files) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.files = Objects.requireNonNull(files, "files");
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

    /** Reads the links of the files {@code request} lists ({@link ScanRequest#everything()} for the whole tree). */
    public Result read(ScanRequest request) {
        Objects.requireNonNull(request, "request");
        ScanResult scan = scanner.get().scan(request);
        ProjectFiles reader = files.get();
        List<LinkSite> sites = new ArrayList<>();
        List<LinkSiteFinding> findings = new ArrayList<>();
        int read = 0;
        for (SourceFile file : scan.files()) {
            if (isRecord(file.path())) {
                continue;
            }
            String text = text(reader, file.path(), request.maxFileBytes());
            if (text == null) {
                continue; // gone, grown over the limit or turned binary since the scan: as if skipped
            }
            read++;
            scanText(file.path(), text, Impact.isTest(file.path()), sites, findings);
        }
        for (SkippedFile skipped : scan.skipped()) {
            if (!isRecord(skipped.path()) && (skipped.reason() == SkipReason.BINARY
                    || skipped.reason() == SkipReason.TOO_LARGE)) {
                unread(reader, skipped, findings);
            }
        }
        Collections.sort(sites);
        Collections.sort(findings);
        return new Result(sites, findings, read);
    }

    /** Scans the lines of one text into {@code sites} and {@code findings}. */
    static void scanText(String path, String text, boolean testFile, List<LinkSite> sites,
                         List<LinkSiteFinding> findings) {
        if (!mayLink(text, testFile)) {
            return; // most files: no word that starts a link, nothing to split
        }
        int line = 1;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                Links links = Links.scan(text.substring(start, end), testFile);
                for (Link link : links.links()) {
                    sites.add(new LinkSite(link.ref(), link.kind(), path, line));
                }
                for (LinkFinding f : links.findings()) {
                    findings.add(new LinkSiteFinding(path, line, f.text(), f.message()));
                }
            }
            start = end + 1;
            line++;
        }
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

    /** The file as text (UTF-8, else Latin-1), or null when it is gone, over the limit or binary. */
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
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The project's own records, which review leaves out too: specs, reports, the factory's state. */
    static boolean isRecord(String path) {
        return path.startsWith("contracts/") || path.startsWith("reports/") || path.startsWith(".factory/");
    }
}
