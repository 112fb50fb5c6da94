package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectLock;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.report.Report;
import dev.codefactory.domain.spec.Slug;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.spi.ProjectContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports as markdown files in {@code reports/}: {@code <kind>-<yyyy-MM-dd>.md}, then {@code -2}, {@code -3} on the
 * same day, never overwritten; {@code reports/README.md} lists them newest first.
 */
final class MarkdownReportRepository implements ReportRepository {
    static final String FOLDER = "reports";
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{1,9}))?\\.md");
    private static final int HEAD_LINES = 40;

    private final ProjectRoot files;
    private final ProjectLock lock;

    MarkdownReportRepository(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
        this.lock = new ProjectLock(files);
    }

    @Override
    public String save(Report report, String markdown) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(markdown, "markdown");
        LocalDate day = report.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
        String base = Slug.of(report.kind(), "report") + "-" + day;
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        return lock.exclusively(() -> {
            Path dir = files.resolve(FOLDER);
            files.createDirectories(dir, FOLDER);
            for (int n = 1; ; n++) {
                String path = FOLDER + "/" + base + (n == 1 ? "" : "-" + n) + ".md";
                if (AtomicFiles.createNew(files.resolve(path), bytes, path)) {
                    writeIndex();
                    return path;
                }
            }
        });
    }

    @Override
    public List<String> list() {
        Path dir = files.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.md")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !name.toLowerCase(Locale.ROOT).equals("readme.md")
                        && Files.isRegularFile(entry)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new StorageException(FOLDER, "listing", e);
        }
        names.sort(Comparator.comparing((String name) -> nameParts(name)[0]).thenComparing(name -> nameParts(name)[1])
                .thenComparingInt(name -> Integer.parseInt(nameParts(name)[2])).thenComparing(name -> name));
        return names.stream().map(name -> FOLDER + "/" + name).toList();
    }

    /** Kind, date and number of a report's file name, so that {@code -10} comes after {@code -9}. */
    private static String[] nameParts(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return new String[] {name, "", "0"};
        }
        return new String[] {m.group(1), m.group(2), m.group(3) == null ? "1" : m.group(3)};
    }

    /** Rewrites the generated list of {@code reports/README.md}, creating the file or the block when missing. */
    private void writeIndex() {
        List<Entry> entries = new ArrayList<>();
        for (String path : list()) {
            entries.add(entry(path));
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparing(Entry::created)
                .thenComparingInt(Entry::sequence).thenComparing(Entry::name).reversed());
        String block = ReportsReadme.block(entries.stream().map(Entry::name).toList());
        Path file = files.resolve(ReportsReadme.PATH);
        if (!ProjectRoot.existsNoFollow(file)) {
            String text = ReportsReadme.HEADER + block;
            if (AtomicFiles.createNew(file, text.getBytes(StandardCharsets.UTF_8), ReportsReadme.PATH)) {
                return;
            }
        }
        String text = files.readText(file, ReportsReadme.PATH);
        String updated = ReportsReadme.INDEX.put(text, block);
        if (!updated.equals(text)) {
            AtomicFiles.replace(file, updated.getBytes(StandardCharsets.UTF_8), ReportsReadme.PATH);
        }
    }

    /** What orders a report: the date in its name, the {@code created:} instant of its front matter, its number. */
    private Entry entry(String path) {
        String name = path.substring(FOLDER.length() + 1);
        Matcher m = NAME.matcher(name);
        LocalDate date = LocalDate.MIN;
        int sequence = 0;
        if (m.matches()) {
            try {
                date = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException e) {
                date = LocalDate.MIN;
            }
            sequence = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        }
        return new Entry(name, date, created(files.resolve(path)), sequence);
    }

    /** The {@code created:} instant of a report's front matter, or {@link Instant#MIN} when it has none. */
    private static Instant created(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.strip().equals("---")) {
                return Instant.MIN;
            }
            for (int i = 0; i < HEAD_LINES; i++) {
                String line = in.readLine();
                if (line == null || line.strip().equals("---")) {
                    break;
                }
                if (line.startsWith("created:")) {
                    String value = line.substring("created:".length()).strip().replace("\"", "").replace("'", "");
                    return Instant.parse(value);
                }
            }
        } catch (IOException | DateTimeParseException e) {
            return Instant.MIN;
        }
        return Instant.MIN;
    }

    private record Entry(String name, LocalDate date, Instant created, int sequence) {
    }
}
