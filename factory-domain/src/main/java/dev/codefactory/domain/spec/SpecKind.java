package dev.codefactory.domain.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of contract, each in its own folder under {@code contracts/}. */
public enum SpecKind {
    SPEC("contracts/specs", "feature", List.of("Overview", "Requirements")),
    ARCHITECTURE("contracts/architecture", "arch", List.of("Overview")),
    DECISION("contracts/decisions", "adr", List.of("Context", "Decision"));

    private final String folder;
    private final String idPrefix;
    private final List<String> requiredSections;

    SpecKind(String folder, String idPrefix, List<String> requiredSections) {
        this.folder = folder;
        this.idPrefix = idPrefix;
        this.requiredSections = requiredSections;
    }

    /** The folder, relative to the project root, with forward slashes. */
    public String folder() {
        return folder;
    }

    /** Generated ids are {@code <prefix>-NNN}. */
    public String idPrefix() {
        return idPrefix;
    }

    /** Level-two sections that must be present and non-empty. */
    public List<String> requiredSections() {
        return requiredSections;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose folder holds {@code path} (project-relative, forward slashes). */
    public static Optional<SpecKind> ofPath(String path) {
        for (SpecKind k : values()) {
            if (path.startsWith(k.folder + "/")) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<SpecKind> parse(String text) {
        for (SpecKind k : values()) {
            if (k.label().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
