package dev.codefactory.app.mirror;

import dev.codefactory.app.review.ReviewDigest;
import dev.codefactory.app.review.ReviewMarkdownReader;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.report.ReportRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports of a project as the web mirror shows them (feature-012, FR-003): every file under {@code reports/}
 * that the report repository lists, with its kind and date read from its name ({@code review-2026-12-07-2.md});
 * review reports read back into their structure; the trend of the reviews over time; and the change log
 * ({@code reports/change-log.md}). Hand-edited or older reports that do not parse are shown as text and left out
 * of the trend, which says so.
 */
// implements feature-012/FR-003
public final class ReportMirror {
    /** The name of the change log, {@code reports/change-log.md} without its folder and extension. */
    public static final String CHANGE_LOG = "change-log";
    private static final Pattern NAME = Pattern.compile("(.+?)-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{1,9}))?");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private final Supplier<ReportRepository> reports;
    private final Supplier<ProjectFiles> files;

    public ReportMirror(Supplier<ReportRepository> reports, Supplier<ProjectFiles> files) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * A report in the list.
     *
     * @param name     the file name without {@code .md}: the report's address
     * @param path     project-relative
     * @param kind     {@code review}, {@code trace}, {@code rescue}, {@code validation}..., {@code change-log}, or
     *                 {@code other} for a name without a date
     * @param date     the date in its name, if any
     * @param sequence its number on that day (1 for the first)
     */
    public record Entry(String name, String path, String kind, Optional<LocalDate> date, int sequence) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * One report with its text.
     *
     * @param review  for a review report, its structure; empty for other kinds and for one that does not parse
     * @param problem why a review report's structure is missing; empty otherwise
     */
    public record Shown(Entry entry, String markdown, Optional<ReviewDigest> review, Optional<String> problem) {
        public Shown {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** One review in the trend: its overall score in percent (empty when nothing was assessed), its findings. */
    public record Point(String name, Instant date, OptionalInt score, Map<String, Integer> severities) {
        public Point {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(score, "score");
            severities = Map.copyOf(severities);
        }

        /** All findings of the review. */
        public int findings() {
            return severities.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The reviews over time, oldest first, and the names of the review reports that could not be read. */
    public record Trend(List<Point> points, List<String> skipped) {
        public Trend {
            points = List.copyOf(points);
            skipped = List.copyOf(skipped);
        }
    }

    /** Every report, the newest date first (undated ones last, by name); the change log among them. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (String path : reports.get().list()) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.endsWith(".md")) {
                out.add(entry(path, file.substring(0, file.length() - 3)));
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.date().orElse(LocalDate.MIN)).reversed()
                .thenComparing(Comparator.comparingInt(Entry::sequence).reversed())
                .thenComparing(Entry::name));
        return out;
    }

    /** The report named {@code name} (its file name without {@code .md}), or empty when there is none. */
    public Optional<Shown> report(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<Entry> entry = list().stream().filter(e -> e.name().equals(name)).findFirst();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = read(entry.get().path());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!entry.get().kind().equals("review")) {
            return Optional.of(new Shown(entry.get(), text.get(), Optional.empty(), Optional.empty()));
        }
        Optional<ReviewDigest> review = parse(text.get());
        return Optional.of(new Shown(entry.get(), text.get(), review, review.isPresent() ? Optional.empty()
                : Optional.of("this review report could not be read back (edited by hand, or an older format)")));
    }

    /** The change log, {@code reports/change-log.md}, or empty when no change has been made. */
    public Optional<Shown> changeLog() {
        return report(CHANGE_LOG);
    }

    /** One point per review report that reads back, oldest first; the others named in {@link Trend#skipped}. */
    public Trend trend() {
        List<Point> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Entry e : list()) {
            if (!e.kind().equals("review")) {
                continue;
            }
            Optional<ReviewDigest> review = read(e.path()).flatMap(ReportMirror::parse);
            if (review.isEmpty()) {
                skipped.add(e.name());
                continue;
            }
            ReviewDigest r = review.get();
            points.add(new Point(e.name(), r.date(), r.overall(), r.severities()));
        }
        points.sort(Comparator.comparing(Point::date).thenComparing(Point::name));
        skipped.sort(Comparator.naturalOrder());
        return new Trend(points, skipped);
    }

    /** The text of the report at {@code path}; empty when it is not UTF-8 text or may not be read (a link). */
    private Optional<String> read(String path) {
        try {
            return files.get().readText(path);
        } catch (UnsafePathException e) {
            return Optional.empty();
        }
    }

    private static Optional<ReviewDigest> parse(String markdown) {
        try {
            return ReviewMarkdownReader.read(markdown);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // a hand-edited escape: shown as text, left out of the trend
        }
    }

    private static Entry entry(String path, String name) {
        if (name.equals(CHANGE_LOG)) {
            return new Entry(name, path, CHANGE_LOG, Optional.empty(), 0);
        }
        Matcher m = NAME.matcher(name);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.parse(m.group(2));
                int sequence = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                return new Entry(name, path, m.group(1), Optional.of(date), sequence);
            } catch (DateTimeParseException e) {
                return new Entry(name, path, "other", Optional.empty(), 0);
            }
        }
        return new Entry(name, path, "other", Optional.empty(), 0);
    }
}
