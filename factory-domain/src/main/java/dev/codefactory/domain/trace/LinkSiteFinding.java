package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * Something wrong with the links of a file of the workspace (feature-010, FR-013): a reference meant as a link
 * that is not a valid one, or links in a file that is not read (binary, over the size limit).
 *
 * @param path    the file, relative to the working tree, {@code /} separators
 * @param line    the 1-based line, or 0 when the finding is about the whole file
 * @param text    the reference as written, or "" for a whole file (untrusted: escape it to show it)
 * @param message what is wrong and what to do, for a person
 */
public record LinkSiteFinding(String path, int line, String text, String message)
        implements Comparable<LinkSiteFinding> {
    public LinkSiteFinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (the whole file) or more: " + line);
        }
    }

    /** {@code path:line}, or the path alone for a whole file. */
    public String location() {
        return line == 0 ? path : path + ":" + line;
    }

    @Override
    public int compareTo(LinkSiteFinding other) {
        int c = path.compareTo(other.path);
        if (c == 0) {
            c = Integer.compare(line, other.line);
        }
        return c != 0 ? c : message.compareTo(other.message);
    }
}
