package dev.codefactory.domain.review;

import java.util.Optional;

/** How well the code meets one requirement, as the reviewing model judged it. */
public enum Verdict {
    /** The code does what the requirement says. */
    MET,
    /** Some of it is done. */
    PARTIAL,
    /** No code for it was found. */
    MISSING,
    /** The code does something the requirement rules out. */
    CONTRADICTED;

    /** The verdict {@code text} names, ignoring case and surrounding blanks; empty for null or unknown text. */
    public static Optional<Verdict> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Verdict v : values()) {
            if (v.name().equalsIgnoreCase(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The share of the requirement this verdict earns in the compliance score: 1, 0.5, 0 and 0. */
    public double credit() {
        switch (this) {
            case MET:
                return 1.0;
            case PARTIAL:
                return 0.5;
            default:
                return 0.0;
        }
    }
}
