package dev.codefactory.domain.spec;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract of the catalog: a feature spec, an architecture document or a decision record.
 *
 * @param path        project-relative path, forward slashes
 * @param kind        which folder it lives in
 * @param priority    null when the front matter sets none
 * @param author      empty when the front matter sets none
 * @param extra       front matter keys Code-Factory does not know, kept in file order
 * @param sections    the body's sections in file order
 */
public record Specification(String path, SpecKind kind, SpecId id, String title, SpecStatus status,
                            LocalDate created, LocalDate updated, String author, List<String> tags,
                            Priority priority, Map<String, Object> extra, List<Section> sections) {

    /** The front matter keys Code-Factory knows, in the order it writes them. */
    public static final List<String> KNOWN_FIELDS =
            List.of("id", "title", "status", "created", "updated", "author", "tags", "priority");

    public Specification {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(author, "author");
        tags = List.copyOf(tags);
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
        sections = List.copyOf(sections);
    }

    public Optional<Priority> priorityIfSet() {
        return Optional.ofNullable(priority);
    }

    public Optional<Section> section(String heading) {
        return sections.stream().filter(s -> s.heading().equalsIgnoreCase(heading)).findFirst();
    }
}
