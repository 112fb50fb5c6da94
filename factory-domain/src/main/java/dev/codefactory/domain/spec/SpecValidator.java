package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The catalog's rules ({@link Rule}) applied to contract files: each file on its own, then across files (ids
 * unique, relative links resolving). Pure: the only outside knowledge is whether a project path exists.
 */
// implements feature-001/FR-004
public final class SpecValidator {
    private static final List<String> REQUIRED = List.of("id", "title", "status", "created", "updated");
    private static final List<String> STRINGS = List.of("id", "title", "status", "author", "priority");

    private static final int QUOTED = 60;
    /**
     * From how many spec files checking or reading them in parallel pays: below it, starting the common fork-join
     * pool's threads costs more than the work (a 5-spec {@code spec list} started them for nothing).
     */
    public static final int PARALLEL_FROM = 64;

    private final Predicate<String> fileExists;
    private final Placeholders placeholders;
    private final ContractCheck extra;

    /** @param fileExists tells whether a normalised project-relative path names an existing file */
    public SpecValidator(Predicate<String> fileExists) {
        this(fileExists, Placeholders.NONE);
    }

    /**
     * @param fileExists   tells whether a normalised project-relative path names an existing file
     * @param placeholders the templates' placeholder text, which a contract should no longer hold
     */
    public SpecValidator(Predicate<String> fileExists, Placeholders placeholders) {
        this(fileExists, placeholders, ContractCheck.NONE);
    }

    /**
     * @param fileExists   tells whether a normalised project-relative path names an existing file
     * @param placeholders the templates' placeholder text, which a contract should no longer hold
     * @param extra        a further check of each contract whose front matter could be read (the requirement
     *                     ids: {@code domain.trace.RequirementIdCheck}); thread-safe
     */
    public SpecValidator(Predicate<String> fileExists, Placeholders placeholders, ContractCheck extra) {
        this.fileExists = fileExists;
        this.placeholders = java.util.Objects.requireNonNull(placeholders, "placeholders");
        this.extra = java.util.Objects.requireNonNull(extra, "extra");
    }

    /**
     * Validates every source; specifications whose front matter is sound are returned even when they have findings.
     * Files are checked in parallel (the existence predicate must be thread-safe), then compared with each other.
     */
    public Validation validate(Collection<? extends SpecSource> sources) {
        var each = sources.size() >= PARALLEL_FROM ? sources.parallelStream() : sources.stream();
        return combine(each.map(s -> check(s, true)).collect(Collectors.toList()));
    }

    /**
     * One file checked on its own, keeping only what {@link #combine} needs of it: its path, its id, its findings,
     * the links whose targets are looked for once every file is known, and its specification when
     * {@code keepSpecification} (else none is kept, and the file's text can go as soon as this returns). Safe to
     * call from many threads.
     */
    // implements feature-013/NFR-004
    public FileCheck check(SpecSource source, boolean keepSpecification) {
        if (source instanceof SpecSource.Unreadable) {
            return new FileCheck(source.path(), null, 0, null,
                    List.of(((SpecSource.Unreadable) source).problem()), 0, List.of());
        }
        SpecSource.Parsed parsed = (SpecSource.Parsed) source;
        MarkdownBody body = MarkdownBody.of(parsed.body(), parsed.bodyLine());
        List<Finding> own = new ArrayList<>();
        Specification spec = read(parsed, own, body).orElse(null);
        List<PendingLink> links = checkBody(parsed, body, own);
        int linksAt = own.size();
        own.addAll(extra.check(parsed));
        FrontMatter fm = parsed.frontMatter();
        Object id = fm.get("id");
        return new FileCheck(parsed.path(), id instanceof String ? (String) id : null, fm.lineOf("id"),
                keepSpecification ? spec : null, List.copyOf(own), linksAt, links);
    }

    /**
     * The catalog's outcome from every file's own {@link #check}: the files compared with each other (ids unique),
     * their links looked for, the findings in report order.
     */
    public Validation combine(List<FileCheck> files) {
        List<Finding> findings = new ArrayList<>();
        List<Specification> specs = new ArrayList<>();
        List<FileCheck> withIds = new ArrayList<>();
        for (FileCheck c : files) {
            c.addFindings(findings, fileExists);
            if (c.spec != null) {
                specs.add(c.spec);
            }
            if (c.id != null && SpecId.isValid(c.id)) {
                withIds.add(c);
            }
        }
        specs.sort((a, b) -> a.path().compareTo(b.path())); // not Comparator.comparing: see Finding.BY_LOCATION
        // ids are compared across every file that has a well-formed one, even when its other fields are broken
        withIds.sort((a, b) -> a.path().compareTo(b.path()));
        Map<String, String> firstById = new HashMap<>();
        for (FileCheck c : withIds) {
            String other = firstById.putIfAbsent(c.id, c.path);
            if (other != null) {
                findings.add(Rule.ID_DUPLICATE.error(c.path, c.idLine,
                        "id '" + c.id + "' is already used by " + other + "; give this spec another id"));
            }
        }
        findings.sort(Finding.BY_LOCATION);
        return new Validation(files.size(), specs, findings);
    }

    /**
     * What one file's own checks leave for the checks across files: small, so that a catalog of many thousand
     * files is compared without holding their text.
     */
    public static final class FileCheck {
        private final String path;
        private final String id;
        private final int idLine;
        private final Specification spec;
        private final List<Finding> findings;
        private final int linksAt;
        private final List<PendingLink> links;

        private FileCheck(String path, String id, int idLine, Specification spec, List<Finding> findings,
                          int linksAt, List<PendingLink> links) {
            this.path = path;
            this.id = id;
            this.idLine = idLine;
            this.spec = spec;
            this.findings = findings;
            this.linksAt = linksAt;
            this.links = links;
        }

        /** The file's project-relative path. */
        public String path() {
            return path;
        }

        /** The id its front matter gives, as written (well-formed or not), when it is text. */
        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        /** The line of its front matter's id, or of the opening {@code ---} when it has none. */
        public int idLine() {
            return idLine;
        }

        /** The file's own findings with those of its links, in the order a single pass finds them. */
        private void addFindings(List<Finding> into, Predicate<String> fileExists) {
            into.addAll(findings.subList(0, linksAt));
            for (PendingLink link : links) {
                if (link.resolved == null) {
                    into.add(Rule.LINK_BROKEN.error(path, link.line, "link '" + link.target
                            + "' points outside the project"));
                } else if (!fileExists.test(link.resolved)) {
                    into.add(Rule.LINK_BROKEN.error(path, link.line, "link '" + link.target + "' does not resolve: "
                            + link.resolved + " does not exist"));
                }
            }
            into.addAll(findings.subList(linksAt, findings.size()));
        }
    }

    /** A relative link, looked for once every file is known; {@code resolved} is null when it leaves the project. */
    private record PendingLink(String target, int line, String resolved) {
    }

    /** Reads the front matter of one file into a specification, adding a finding for every field problem. */
    public Optional<Specification> read(SpecSource.Parsed source, List<Finding> findings) {
        return read(source, findings, MarkdownBody.of(source.body(), source.bodyLine()));
    }

    private Optional<Specification> read(SpecSource.Parsed source, List<Finding> findings, MarkdownBody body) {
        FrontMatter fm = source.frontMatter();
        String path = source.path();
        int before = findings.size();
        for (String key : REQUIRED) {
            Object v = fm.get(key);
            if (v == null || (v instanceof String && ((String) v).isBlank())) {
                findings.add(Rule.FIELD_REQUIRED.error(path, fm.lineOf(key),
                        "required field '" + key + "' is " + (fm.has(key) ? "empty" : "missing")
                                + " in the front matter"));
            }
        }
        for (String key : STRINGS) {
            Object v = fm.get(key);
            if (v != null && !(v instanceof String)) {
                findings.add(Rule.FIELD_TYPE.error(path, fm.lineOf(key),
                        "field '" + key + "' must be text, found " + describe(v)));
            }
        }
        List<String> tags = tags(fm, path, findings);
        String id = text(fm, "id");
        if (id != null && !id.isBlank() && !SpecId.isValid(id)) {
            findings.add(Rule.ID_FORMAT.error(path, fm.lineOf("id"),
                    "id '" + id + "' is not valid: use " + SpecId.FORMAT_DESCRIPTION));
        }
        String statusText = text(fm, "status");
        SpecStatus status = null;
        if (statusText != null && !statusText.isBlank()) {
            status = SpecStatus.parse(statusText).orElse(null);
            if (status == null) {
                findings.add(Rule.STATUS_UNKNOWN.error(path, fm.lineOf("status"),
                        "unknown status '" + statusText + "'; use one of " + SpecStatus.labels()));
            }
        }
        String priorityText = text(fm, "priority");
        Priority priority = null;
        if (priorityText != null) {
            priority = Priority.parse(priorityText).orElse(null);
            if (priority == null) {
                findings.add(Rule.PRIORITY_UNKNOWN.error(path, fm.lineOf("priority"),
                        "unknown priority '" + priorityText + "'; use one of " + Priority.labels()));
            }
        }
        LocalDate created = date(fm, "created", path, findings);
        LocalDate updated = date(fm, "updated", path, findings);
        if (created != null && updated != null && updated.isBefore(created)) {
            findings.add(Rule.DATE_ORDER.error(path, fm.lineOf("updated"),
                    "updated " + updated + " is before created " + created));
        }
        Optional<SpecKind> kind = SpecKind.ofPath(path);
        if (findings.size() > before || kind.isEmpty()) {
            return Optional.empty();
        }
        Reconciled.problem(fm.get(Reconciled.FIELD)).ifPresent(problem -> findings.add(new Finding(
                Rule.RECONCILED_FORMAT.id(), Severity.WARNING, path, fm.lineOf(Reconciled.FIELD), problem)));
        Map<String, Object> extra = new LinkedHashMap<>();
        fm.values().forEach((k, v) -> {
            if (!Specification.KNOWN_FIELDS.contains(k)) {
                extra.put(k, v);
            }
        });
        String author = text(fm, "author");
        return Optional.of(new Specification(path, kind.get(), new SpecId(id), text(fm, "title"), status,
                created, updated, author == null ? "" : author, tags, priority, extra,
                body.sections()));
    }

    /** The body's own findings into {@code findings}; its relative links, to look for once every file is known. */
    private List<PendingLink> checkBody(SpecSource.Parsed source, MarkdownBody body, List<Finding> findings) {
        String path = source.path();
        List<Section> sections = body.sections();
        // unfinished work (placeholder text, an outline) is a warning in a draft and an error once approved
        boolean draft = SpecStatus.parse(String.valueOf(source.frontMatter().get("status")))
                .map(s -> s == SpecStatus.DRAFT).orElse(false);
        for (String required : SpecKind.ofPath(path).map(SpecKind::requiredSections).orElse(List.of())) {
            Optional<Section> found = sections.stream()
                    .filter(s -> s.level() == 2 && s.heading().equalsIgnoreCase(required)).findFirst();
            if (found.isEmpty()) {
                findings.add(Rule.SECTION_MISSING.error(path, source.bodyLine(),
                        "required section '## " + required + "' is missing"));
            } else if (found.get().isBlank()) {
                findings.add(Rule.SECTION_EMPTY.error(path, found.get().line(),
                        "required section '## " + required + "' is empty"));
            } else if (MarkdownBody.of(found.get().content(), found.get().line() + 1).proseLines().isEmpty()) {
                findings.add(Rule.SECTION_OUTLINE.finding(path, found.get().line(), "required section '## "
                        + required + "' holds only sub-headings and comments; write its content (fine in a draft,"
                        + " not once approved)", draft));
            }
        }
        Optional<SpecKind> kind = SpecKind.ofPath(path);
        if (kind.isPresent()) {
            for (MarkdownBody.Line line : body.proseLines()) {
                if (placeholders.match(kind.get(), line.text()).isPresent()) {
                    findings.add(Rule.SECTION_PLACEHOLDER.finding(path, line.number(), sectionOf(sections, line)
                            + " still holds the template's text \"" + shorten(line.text().strip()) + "\"; write it,"
                            + " or delete the line (fine in a draft, not once approved)", draft));
                }
            }
        }
        List<PendingLink> pending = new ArrayList<>(0);
        for (Link link : body.links()) {
            if (!link.isRelative() || link.pathPart().isEmpty()) {
                continue;
            }
            pending.add(new PendingLink(link.target(), link.line(), resolve(path, link.pathPart()).orElse(null)));
        }
        return pending.isEmpty() ? List.of() : List.copyOf(pending);
    }

    /** "'## Overview'": the heading of the section a line is in, or "the text before the first heading". */
    private static String sectionOf(List<Section> sections, MarkdownBody.Line line) {
        Section in = null;
        for (Section s : sections) {
            if (s.line() < line.number()) {
                in = s;
            }
        }
        return in == null ? "the text before the first heading" : "'" + "#".repeat(in.level()) + " " + in.heading() + "'";
    }

    private static String shorten(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED - 3) + "...";
    }

    /** Resolves a relative link against the folder of {@code from}; empty when it climbs out of the project. */
    static Optional<String> resolve(String from, String relative) {
        List<String> parts = new ArrayList<>(List.of(from.split("/")));
        parts.remove(parts.size() - 1);
        for (String segment : relative.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment.replace("%20", " "));
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static List<String> tags(FrontMatter fm, String path, List<Finding> findings) {
        Object v = fm.get("tags");
        if (v == null) {
            return List.of();
        }
        if (v instanceof List && ((List<?>) v).stream().allMatch(t -> t instanceof String)) {
            List<String> out = new ArrayList<>();
            ((List<?>) v).forEach(t -> out.add((String) t));
            return out;
        }
        findings.add(Rule.FIELD_TYPE.error(path, fm.lineOf("tags"),
                "field 'tags' must be a list of text, like [auth, backend], found " + describe(v)));
        return List.of();
    }

    private static LocalDate date(FrontMatter fm, String key, String path, List<Finding> findings) {
        Object v = fm.get(key);
        if (!(v instanceof String) || ((String) v).isBlank()) {
            if (v != null && !(v instanceof String)) {
                findings.add(Rule.FIELD_TYPE.error(path, fm.lineOf(key),
                        "field '" + key + "' must be a date written YYYY-MM-DD, found " + describe(v)));
            }
            return null;
        }
        try {
            return isoDate((String) v);
        } catch (DateTimeException e) {
            findings.add(Rule.DATE_FORMAT.error(path, fm.lineOf(key),
                    "field '" + key + "' is '" + v + "', not a date; write it YYYY-MM-DD"));
            return null;
        }
    }

    /**
     * {@code LocalDate.parse(text)}, which for the usual YYYY-MM-DD needs no date formatter: initialising
     * java.time's formatters cost every spec list about 8 ms (feature-013/NFR-001). Other forms (a year of five
     * digits or more, with its sign) go to the formatter, so what is accepted is exactly what it accepts.
     */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day); // a DateTimeException for a month or day out of range
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits of {@code text} from {@code from} to {@code to} write, or -1. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String text(FrontMatter fm, String key) {
        Object v = fm.get(key);
        return v instanceof String ? (String) v : null;
    }

    private static String describe(Object v) {
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof Boolean) {
            return "the boolean " + v;
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        return "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
