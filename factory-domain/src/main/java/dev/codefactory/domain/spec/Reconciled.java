package dev.codefactory.domain.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The front matter field {@code reconciled: <full commit id>} (feature-010, FR-010): the commit a spec was last
 * reconciled against (it became implemented, a change order implemented it, a review found it compliant). Drift
 * counts from there.
 */
// implements feature-010/FR-010
public final class Reconciled {
    /** The front matter key. */
    public static final String FIELD = "reconciled";

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");
    // what YAML's core schema would read as a number rather than text: then the id is written quoted
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

    private Reconciled() {
    }

    /** True for a full commit id as git writes it: 40 lowercase hexadecimal digits. */
    public static boolean isCommitId(String text) {
        return text != null && COMMIT_ID.matcher(text).matches();
    }

    /**
     * The YAML text of the field's value, written as {@code status:}'s is: plain, or double-quoted in the rare case
     * that the plain id would read as a number.
     *
     * @throws IllegalArgumentException when {@code commitId} is not a full commit id
     */
    public static String yaml(String commitId) {
        if (!isCommitId(commitId)) {
            throw new IllegalArgumentException("not a full commit id: " + commitId);
        }
        return NUMBER.matcher(commitId).matches() ? "\"" + commitId + "\"" : commitId;
    }

    /** The commit a spec records in {@code reconciled}, when it holds a full commit id. */
    public static Optional<String> of(Specification spec) {
        Object value = spec.extra().get(FIELD);
        return value instanceof String && isCommitId((String) value) ? Optional.of((String) value) : Optional.empty();
    }

    /** The problem with the field's value as written, empty when there is none (or no field). */
    public static Optional<String> problem(Object value) {
        if (value == null || value instanceof String && isCommitId((String) value)) {
            return Optional.empty();
        }
        if (value instanceof Number) { // a commit id of digits only, written without the quotes YAML needs
            return Optional.of("reconciled " + value + " is read as a number, not a commit id: write the id in double"
                    + " quotes, reconciled: \"<40 hexadecimal digits>\" (factory spec status writes it so)");
        }
        return Optional.of("reconciled '" + value + "' is not a full commit id (40 hexadecimal digits, as git"
                + " rev-parse HEAD prints it); set it again with factory spec status, or remove the line");
    }
}
