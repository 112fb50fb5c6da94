package dev.codefactory.domain.change;

import java.util.Locale;
import java.util.Optional;

/** The shape every path a model may write must have; shared by {@link EditBlocks} and {@link ChangeSafety}. */
final class PathRules {

    private PathRules() {
    }

    /**
     * Why {@code path} may not be written, phrased to be shown to a person or a model, or empty when its shape is
     * fine. Checks the text only: whether the file exists, is binary or is planned is the caller's business.
     */
    static Optional<String> problem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("a file path is empty: name the file relative to the project root");
        }
        return clause(path).map(c -> path.replace('\0', '?') + " " + c);
    }

    /** {@link #problem} as an {@link EditProblem} of {@code path}, or empty when its shape is fine. */
    static Optional<EditProblem> editProblem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of(EditProblem.general("a file path is empty: name the file relative to the project root"));
        }
        return clause(path).map(c -> new EditProblem(path.replace('\0', '?'), "it " + c));
    }

    /** What is wrong with a non-blank {@code path}, as a clause without its subject ("is absolute: ..."). */
    private static Optional<String> clause(String path) {
        if (path.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character: use a plain relative path");
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
}
