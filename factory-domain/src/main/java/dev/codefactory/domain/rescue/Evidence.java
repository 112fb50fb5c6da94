package dev.codefactory.domain.rescue;

import dev.codefactory.domain.text.ControlCharacters;

import java.util.Objects;

/**
 * What a finding rests on: a place in a file ({@code path}, {@code line}), an excerpt of a command's output or of a
 * file, or both. The excerpt is cleaned of control characters here (it comes from files and commands, which are
 * untrusted), so no caller can show it raw.
 *
 * @param path    the file, relative to the project root with {@code /}; empty when the evidence is not in a file
 * @param line    the 1-based line in {@code path}; 0 when there is none
 * @param excerpt the text shown as evidence (may be empty), control characters escaped
 */
public record Evidence(String path, int line, String excerpt) {
    public Evidence {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(excerpt, "excerpt");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, not " + line);
        }
        path = ControlCharacters.escape(path);
        excerpt = escapeKeepingNewlines(excerpt);
    }

    /** A place in a file, without an excerpt. */
    public static Evidence at(String path, int line) {
        return new Evidence(path, line, "");
    }

    /** An excerpt of output, in no file. */
    public static Evidence output(String excerpt) {
        return new Evidence("", 0, excerpt);
    }

    /** {@code path:line}, {@code path}, or empty. */
    public String location() {
        return path.isEmpty() ? "" : line == 0 ? path : path + ":" + line;
    }

    private static String escapeKeepingNewlines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(ControlCharacters.escape(lines[i]));
        }
        return out.toString();
    }
}
