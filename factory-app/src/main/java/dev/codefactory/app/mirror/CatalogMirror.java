package dev.codefactory.app.mirror;

import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.app.drift.DriftUseCase.DriftCommand;
import dev.codefactory.app.spec.ValidateSpecsUseCase;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.Section;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import dev.codefactory.domain.drift.DriftRow;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.files.FoundFile;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.VersionControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Collections;

/**
 * The catalog and the spec pages of the web mirror (feature-012, FR-001, FR-002), built from the use cases the
 * project already has: the catalog's validation (every spec, architecture document and decision with its findings),
 * trace, drift and the git history. All filtering, searching, sorting and linking is here, none in the web adapter.
 *
 * <p>Speed (NFR-001): the validated catalog is kept and rebuilt only when a file under {@code contracts/} changed
 * (the fingerprint is the paths, sizes and modification times of those files: one walk, no read, at most once per
 * {@link #FRESHNESS}); the
 * trace matrix, which scans the workspace, is kept for {@link #TRACE_TTL} and shared by every spec page.
 */
// implements feature-012/FR-001
public final class CatalogMirror {
    /** How long one trace of the workspace serves the spec pages before it is made again. */
    public static final Duration TRACE_TTL = Duration.ofSeconds(10);
    /** How long the catalog is served without looking whether a file under {@code contracts/} changed. */
    public static final Duration FRESHNESS = Duration.ofSeconds(1);
    /** How many commits of a spec's file its page shows. */
    public static final int HISTORY = 20;
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+?\\.md)(#[^)\\s>]*)?>?\\s*\\)");
    private static final Pattern ID_MENTION = Pattern.compile("\\b[a-z][a-z0-9]*-\\d{3,}\\b");

    private final ValidateSpecsUseCase catalog;
    private final TraceUseCase trace;
    private final DriftUseCase drift;
    private final Supplier<Optional<VersionControl>> vcs;
    private final Supplier<ProjectFiles> files;
    private final Clock clock;
    private final Object lock = new Object();
    private Snapshot snapshot;
    private Instant checkedAt;
    private TraceMatrix matrix;
    private Instant matrixAt;

    public CatalogMirror(ValidateSpecsUseCase catalog, TraceUseCase trace, DriftUseCase drift,
                         Supplier<Optional<VersionControl>> vcs, Supplier<ProjectFiles> files, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.drift = Objects.requireNonNull(drift, "drift");
        this.vcs = Objects.requireNonNull(vcs, "vcs");
        this.files = Objects.requireNonNull(files, "files");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the catalog page asks: filters (null or blank for any), words to search and the sort. */
    public record CatalogQuery(String status, String tag, String priority, String q, String sort, boolean descending) {
        public static final CatalogQuery ALL = new CatalogQuery(null, null, null, null, "id", false);
        public static final List<String> SORTS = List.of("id", "title", "status", "priority", "updated");

        /** A query from request parameters; {@code sort} is a field of {@link #SORTS}, {@code -field} descending. */
        public static CatalogQuery of(String status, String tag, String priority, String q, String sort) {
            String field = sort == null || sort.isBlank() ? "id" : sort;
            boolean descending = field.startsWith("-");
            return new CatalogQuery(status, tag, priority, q, descending ? field.substring(1) : field, descending);
        }

        /** The sort as {@link #of} reads it. */
        public String sortParam() {
            return (descending ? "-" : "") + sort;
        }
    }

    /** One line of the catalog: a spec's front matter, its file and how many errors and warnings it has. */
    public record CatalogEntry(String id, String kind, String title, String status, String priority,
                               List<String> tags, LocalDate created, LocalDate updated, String path, int errors,
                               int warnings) {
        public CatalogEntry {
            tags = List.copyOf(tags);
        }
    }

    /**
     * The catalog as a query asks it, with the counts per status of the whole catalog and the values its filters
     * offer.
     */
    public record CatalogView(List<CatalogEntry> entries, int total, Map<String, Integer> statusCounts,
                              List<String> statuses, List<String> tags, List<String> priorities) {
        public CatalogView {
            entries = List.copyOf(entries);
            statusCounts = Collections.unmodifiableMap(new LinkedHashMap<>(statusCounts));
        }
    }

    /** One requirement of a spec: where it is, its text, the code and tests linked to it ({@code file:line}). */
    public record RequirementView(String id, int line, String text, List<String> implementing, List<String> covering,
                                  String coverage) {
    }

    /** A spec's drift: the status's label, the reconciled commit, the files changed since and what to do. */
    public record DriftView(String status, boolean drifted, Optional<String> reconciled, List<String> files,
                            Optional<String> finding) {
    }

    /** One spec linking to another, by id, with its title. */
    public record SpecLink(String id, String title) {
    }

    /**
     * Everything a spec's page shows (FR-002): {@code source} is the file's text, {@code body} the markdown after
     * its front matter.
     */
    public record SpecView(CatalogEntry entry, Specification spec, String source, String body,
                           List<Finding> findings, List<RequirementView> requirements, DriftView drift,
                           List<CommitInfo> history,
                           List<SpecLink> outgoing, List<SpecLink> incoming) {
    }

    private record Item(CatalogEntry entry, Specification spec, String text, List<Finding> findings) {
    }

    private record Snapshot(String fingerprint, Validation validation, Map<String, Item> byId,
                            Map<String, String> idByPath, Map<String, List<String>> outgoing) {
    }

    /** The catalog filtered, searched (every word, any case, in title or body) and sorted as {@code query} asks. */
    public CatalogView catalog(CatalogQuery query) {
        Snapshot s = snapshot();
        List<String> words = query.q() == null ? List.of()
                : List.of(query.q().toLowerCase(Locale.ROOT).split("\\s+")).stream().filter(w -> !w.isBlank())
                .toList();
        List<CatalogEntry> entries = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> tags = new TreeSet<>();
        Set<String> priorities = new TreeSet<>();
        for (Item item : s.byId().values()) {
            CatalogEntry e = item.entry();
            counts.merge(e.status(), 1, Integer::sum);
            tags.addAll(e.tags());
            if (!e.priority().isEmpty()) {
                priorities.add(e.priority());
            }
            if (blank(query.status()) || e.status().equals(query.status())) {
                if ((blank(query.tag()) || e.tags().contains(query.tag()))
                        && (blank(query.priority()) || e.priority().equals(query.priority()))
                        && words.stream().allMatch(w -> item.text().contains(w))) {
                    entries.add(e);
                }
            }
        }
        Comparator<CatalogEntry> order = switch (query.sort() == null ? "id" : query.sort()) {
            case "title" -> Comparator.comparing((CatalogEntry e) -> e.title().toLowerCase(Locale.ROOT));
            // statuses in their lifecycle's order and priorities by rank (low to critical), not by name; a value that
            // is not a valid one sorts first
            case "status" -> Comparator.comparingInt((CatalogEntry e) -> SpecStatus.parse(e.status())
                    .map(st -> st.ordinal() + 1).orElse(0));
            case "priority" -> Comparator.comparingInt((CatalogEntry e) -> Priority.parse(e.priority())
                    .map(p -> p.ordinal() + 1).orElse(0));
            case "updated" -> Comparator.comparing(CatalogEntry::updated);
            default -> Comparator.comparing(CatalogEntry::id);
        };
        order = order.thenComparing(CatalogEntry::id);
        entries.sort(query.descending() ? order.reversed() : order);
        Map<String, Integer> statusCounts = new LinkedHashMap<>();
        for (SpecStatus status : SpecStatus.values()) {
            Integer n = counts.get(status.label());
            if (n != null) {
                statusCounts.put(status.label(), n);
            }
        }
        counts.forEach(statusCounts::putIfAbsent);
        return new CatalogView(entries, s.byId().size(), statusCounts,
                List.copyOf(statusCounts.keySet()), List.copyOf(tags), List.copyOf(priorities));
    }

    /** Every finding of the catalog's validation, by file then line. */
    public List<Finding> findings() {
        return snapshot().validation().findings().stream()
                .sorted(Comparator.comparing(Finding::file).thenComparingInt(Finding::line)).toList();
    }

    /** The trace matrix of the workspace, at most {@link #TRACE_TTL} old (made without writing a report). */
    public TraceMatrix trace() {
        synchronized (lock) {
            Instant now = clock.instant();
            if (matrix == null || matrixAt.plus(TRACE_TTL).isBefore(now)) {
                matrix = trace.trace(new TraceCommand(false)).matrix();
                matrixAt = now;
            }
            return matrix;
        }
    }

    /** The id of the spec that {@code href}, a link in the spec file {@code fromPath}, points to, if it is one. */
    public Optional<String> linkedSpec(String fromPath, String href) {
        Matcher m = MD_LINK.matcher("](" + href + ")");
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot().idByPath().get(resolve(fromPath, m.group(1))));
    }

    /**
     * The page of the spec {@code id}.
     *
     * @throws SpecNotFoundException when no spec has that id
     */
    // implements feature-012/FR-002
    public SpecView spec(String id) {
        Snapshot s = snapshot();
        Item item = s.byId().get(id);
        if (item == null) {
            throw new SpecNotFoundException(id);
        }
        String path = item.entry().path();
        String source = files.get().readText(path).orElse("");
        List<RequirementView> requirements = new ArrayList<>();
        TraceMatrix m = trace();
        for (TraceMatrix.Row row : m.rows()) {
            if (row.ref().spec().value().equals(id)) {
                String rid = row.ref().id().toString();
                String coverage = row.implementing().isEmpty() && row.covering().isEmpty() ? "none"
                        : row.implementing().isEmpty() ? "tests only"
                        : row.covering().isEmpty() ? "code only" : "code and tests";
                requirements.add(new RequirementView(rid, row.line(), row.text(), sites(row.implementing()),
                        sites(row.covering()), coverage));
            }
        }
        List<SpecLink> outgoing = s.outgoing().getOrDefault(id, List.of()).stream()
                .map(o -> new SpecLink(o, s.byId().get(o).entry().title())).toList();
        List<SpecLink> incoming = new ArrayList<>();
        s.outgoing().forEach((from, tos) -> {
            if (tos.contains(id)) {
                incoming.add(new SpecLink(from, s.byId().get(from).entry().title()));
            }
        });
        incoming.sort(Comparator.comparing(SpecLink::id));
        List<CommitInfo> history = vcs.get().map(v -> v.log(null, path, HISTORY)).orElse(List.of());
        return new SpecView(item.entry(), item.spec(), source, body(source), item.findings(), requirements,
                driftOf(id), history, outgoing, incoming);
    }

    private DriftView driftOf(String id) {
        if (vcs.get().isEmpty()) {
            return new DriftView("not a git repository", false, Optional.empty(), List.of(),
                    Optional.of("drift needs git history; run factory serve in a git work tree"));
        }
        List<DriftRow> rows = drift.drift(new DriftCommand(List.of(id)), DriftUseCase.DriftProgress.NONE).rows();
        if (rows.isEmpty()) {
            return new DriftView("not reconciled", false, Optional.empty(), List.of(), Optional.empty());
        }
        DriftRow row = rows.get(0);
        String status = row.reconciled().isEmpty() ? "not reconciled" : row.status().label();
        return new DriftView(status, row.status().drift(), row.reconciled(),
                row.files().stream().map(f -> f.path()).toList(), row.finding());
    }

    private static String body(String source) {
        String text = source.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            return text;
        }
        int next = text.indexOf('\n', end + 4);
        return next < 0 ? "" : text.substring(next + 1);
    }

    private static List<String> sites(List<LinkSite> sites) {
        return sites.stream().map(l -> l.path() + ":" + l.line()).toList();
    }

    /**
     * Reads and validates the catalog now, so that the first page does not wait for it (the server calls this on a
     * thread of its own as it starts; a page asked for meanwhile waits for this one read rather than making another).
     */
    public void warm() {
        snapshot();
    }

    private Snapshot snapshot() {
        synchronized (lock) {
            Instant now = clock.instant();
            if (snapshot != null && checkedAt.plus(FRESHNESS).isAfter(now)) {
                return snapshot;
            }
            String fingerprint = fingerprint();
            if (snapshot == null || !snapshot.fingerprint().equals(fingerprint)) {
                snapshot = build(fingerprint, catalog.validate(ValidateSpecsCommand.all()).validation());
            }
            checkedAt = now;
            return snapshot;
        }
    }

    private String fingerprint() {
        StringBuilder out = new StringBuilder();
        for (SpecKind kind : SpecKind.values()) {
            for (FoundFile f : files.get().walk(kind.folder(), 8, d -> true, p -> p.endsWith(".md"))) {
                out.append(f.path()).append('\u0000').append(f.size()).append('\u0000')
                        .append(f.modified().toEpochMilli()).append('\n');
            }
        }
        return out.toString();
    }

    private static Snapshot build(String fingerprint, Validation validation) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        for (Finding f : validation.findings()) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Item> byId = new TreeMap<>();
        Map<String, String> idByPath = new HashMap<>();
        for (Specification spec : validation.specifications()) {
            List<Finding> found = byFile.getOrDefault(spec.path(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Finding::line)).toList();
            int errors = (int) found.stream().filter(f -> f.severity() == Severity.ERROR).count();
            CatalogEntry entry = new CatalogEntry(spec.id().value(), spec.kind().label(), spec.title(),
                    spec.status().label(), spec.priorityIfSet().map(Priority::label).orElse(""), spec.tags(),
                    spec.created(), spec.updated(), spec.path(), errors, found.size() - errors);
            StringBuilder text = new StringBuilder(spec.title()).append('\n');
            for (Section section : spec.sections()) {
                text.append(section.heading()).append('\n').append(section.content()).append('\n');
            }
            byId.putIfAbsent(entry.id(), new Item(entry, spec, text.toString().toLowerCase(Locale.ROOT), found));
            idByPath.put(spec.path(), entry.id());
        }
        Map<String, List<String>> outgoing = new TreeMap<>();
        for (Item item : byId.values()) {
            Set<String> to = new TreeSet<>();
            Matcher links = MD_LINK.matcher(item.text());
            while (links.find()) {
                String target = idByPath.get(resolve(item.entry().path(), links.group(1)));
                if (target != null) {
                    to.add(target);
                }
            }
            Matcher ids = ID_MENTION.matcher(item.text());
            while (ids.find()) {
                if (byId.containsKey(ids.group())) {
                    to.add(ids.group());
                }
            }
            to.remove(item.entry().id());
            if (!to.isEmpty()) {
                outgoing.put(item.entry().id(), List.copyOf(to));
            }
        }
        return new Snapshot(fingerprint, validation, byId, idByPath, outgoing);
    }

    private static String resolve(String fromPath, String href) {
        if (href.contains(":") || href.startsWith("/")) {
            return href.startsWith("/") ? href.substring(1) : "";
        }
        List<String> parts = new ArrayList<>(List.of(fromPath.split("/")));
        parts.remove(parts.size() - 1);
        for (String segment : href.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
