package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/**
 * The catalog's rules ({@link Rule}) applied to contract files: each file on its own, then across files (ids
 * unique, relative links resolving). Pure: the only outside knowledge is whether a project path exists.
 */
public final class SpecValidator {
    private static final List<String> REQUIRED = List.of("id", "title", "status", "created", "updated");
    private static final List<String> STRINGS = List.of("id", "title", "status", "author", "priority");

    private final Predicate<String> fileExists;

    /** @param fileExists tells whether a normalised project-relative path names an existing file */
    public SpecValidator(Predicate<String> fileExists) {
        this.fileExists = fileExists;
    }

    /** Validates every source; specifications whose front matter is sound are returned even when they have findings. */
    public Validation validate(Collection<? extends SpecSource> sources) {
        List<Finding> findings = new ArrayList<>();
        List<Specification> specs = new ArrayList<>();
        List<SpecSource.Parsed> withIds = new ArrayList<>();
        for (SpecSource source : sources) {
            if (source instanceof SpecSource.Unreadable) {
                findings.add(((SpecSource.Unreadable) source).problem());
                continue;
            }
            SpecSource.Parsed parsed = (SpecSource.Parsed) source;
            List<Finding> own = new ArrayList<>();
            read(parsed, own).ifPresent(specs::add);
            checkBody(parsed, own);
            findings.addAll(own);
            if (parsed.frontMatter().get("id") instanceof String && SpecId.isValid((String) parsed.frontMatter().get("id"))) {
                withIds.add(parsed);
            }
        }
        specs.sort(Comparator.comparing(Specification::path));
        // ids are compared across every file that has a well-formed one, even when its other fields are broken
        withIds.sort(Comparator.comparing(SpecSource.Parsed::path));
        Map<String, String> firstById = new HashMap<>();
        for (SpecSource.Parsed parsed : withIds) {
            String id = (String) parsed.frontMatter().get("id");
            String other = firstById.putIfAbsent(id, parsed.path());
            if (other != null) {
                findings.add(Rule.ID_DUPLICATE.error(parsed.path(), parsed.frontMatter().lineOf("id"),
                        "id '" + id + "' is already used by " + other + "; give this spec another id"));
            }
        }
        findings.sort(Finding.BY_LOCATION);
        return new Validation(sources.size(), specs, findings);
    }

    /** Reads the front matter of one file into a specification, adding a finding for every field problem. */
    public Optional<Specification> read(SpecSource.Parsed source, List<Finding> findings) {
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
        Map<String, Object> extra = new LinkedHashMap<>();
        fm.values().forEach((k, v) -> {
            if (!Specification.KNOWN_FIELDS.contains(k)) {
                extra.put(k, v);
            }
        });
        String author = text(fm, "author");
        return Optional.of(new Specification(path, kind.get(), new SpecId(id), text(fm, "title"), status,
                created, updated, author == null ? "" : author, tags, priority, extra,
                MarkdownBody.of(source.body(), source.bodyLine()).sections()));
    }

    private void checkBody(SpecSource.Parsed source, List<Finding> findings) {
        String path = source.path();
        MarkdownBody body = MarkdownBody.of(source.body(), source.bodyLine());
        List<Section> sections = body.sections();
        for (String required : SpecKind.ofPath(path).map(SpecKind::requiredSections).orElse(List.of())) {
            Optional<Section> found = sections.stream()
                    .filter(s -> s.level() == 2 && s.heading().equalsIgnoreCase(required)).findFirst();
            if (found.isEmpty()) {
                findings.add(Rule.SECTION_MISSING.error(path, source.bodyLine(),
                        "required section '## " + required + "' is missing"));
            } else if (found.get().isBlank()) {
                findings.add(Rule.SECTION_EMPTY.error(path, found.get().line(),
                        "required section '## " + required + "' is empty"));
            }
        }
        for (Link link : body.links()) {
            if (!link.isRelative() || link.pathPart().isEmpty()) {
                continue;
            }
            Optional<String> target = resolve(path, link.pathPart());
            if (target.isEmpty()) {
                findings.add(Rule.LINK_BROKEN.error(path, link.line(),
                        "link '" + link.target() + "' points outside the project"));
            } else if (!fileExists.test(target.get())) {
                findings.add(Rule.LINK_BROKEN.error(path, link.line(),
                        "link '" + link.target() + "' does not resolve: " + target.get() + " does not exist"));
            }
        }
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
            return LocalDate.parse((String) v);
        } catch (DateTimeParseException e) {
            findings.add(Rule.DATE_FORMAT.error(path, fm.lineOf(key),
                    "field '" + key + "' is '" + v + "', not a date; write it YYYY-MM-DD"));
            return null;
        }
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
