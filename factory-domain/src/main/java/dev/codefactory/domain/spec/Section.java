package dev.codefactory.domain.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A markdown section: its heading text, level (1 for {@code #}), the 1-based line of the heading in the file, and
 * its content up to the next heading of the same or a higher level (subsections included), as written.
 */
public record Section(String heading, int level, int line, String content) {
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    public Section {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(content, "content");
    }

    /** True when the content holds nothing but blank lines and HTML comments. */
    public boolean isBlank() {
        return content.contains("<!--") ? COMMENT.matcher(content).replaceAll("").isBlank() : content.isBlank();
    }
}
