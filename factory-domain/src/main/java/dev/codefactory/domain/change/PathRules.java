package dev.codefactory.domain.change;

import dev.codefactory.domain.text.ControlCharacters;
import java.util.Locale;
import java.util.Optional;

/** The shape every path a model may write must have; shared by {@link EditBlocks} and {@link ChangeSafety}. */
public final class PathRules {

    private PathRules() {
    }

    /**
     * Why {@code path} may not be written, phrased to be shown to a person or a model, or empty when its shape is
     * fine. Checks the text only: whether the file exists, is binary or is planned is the caller's business.
     */
    public static Optional<String> problem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("a file path is empty: name the file relative to the project root");
        }
        return clause(path).map(c -> shown(path) + " " + c);
    }

    /** {@link #problem} as an {@link EditProblem} of {@code path}, or empty when its shape is fine. */
    static Optional<EditProblem> editProblem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of(EditProblem.general("a file path is empty: name the file relative to the project root"));
        }
        return clause(path).map(c -> new EditProblem(shown(path), "it " + c));
    }

    /** What is wrong with a non-blank {@code path}, as a clause without its subject ("is absolute: ..."). */
    private static Optional<String> clause(String path) {
        if (path.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character: use a plain relative path");
        }
        if (!shown(path).equals(path)) {
            return Optional.of("contains control characters (shown as ^X or <U+XXXX>): name the file with"
                    + " printable characters only");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("contains backslashes: use forward slashes (src/main/App.java)");
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of("is absolute: give the path relative to the project root");
        }
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                return Optional.of("contains a '..' segment: stay inside the project, relative to its root");
            }
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                return Optional.of("is inside .git: Git's own files are never edited; leave it out");
            }
        }
        if (segments[0].toLowerCase(Locale.ROOT).equals(".factory")) {
            return Optional.of("is inside .factory: Code-Factory's own files are never edited; leave it out");
        }
        return Optional.empty();
    }

    /** {@code path} with its control characters (tab and line feed too) shown as {@link ControlCharacters} does. */
    private static String shown(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if (c < 0x20 || ControlCharacters.isUnsafe(c)) {
                out.append(ControlCharacters.visible(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
