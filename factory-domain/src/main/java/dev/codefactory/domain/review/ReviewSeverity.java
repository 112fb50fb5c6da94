package dev.codefactory.domain.review;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious a REVIEW finding is, most serious first. Finer than the report's {@code Severity} because a review
 * ranks its findings and maps them to SARIF levels.
 */
public enum ReviewSeverity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is {@code other} or more serious (a threshold test: {@code HIGH.isAtLeast(MEDIUM)}). */
    public boolean isAtLeast(ReviewSeverity other) {
        return ordinal() <= other.ordinal();
    }

    /** The lower-case name, as models write it and reports show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity {@code text} names, ignoring case and surrounding blanks; empty for null or unknown text. */
    public static Optional<ReviewSeverity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (ReviewSeverity s : values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The SARIF {@code result.level}: critical and high are errors, medium a warning, low and info notes. */
    public String sarifLevel() {
        switch (this) {
            case CRITICAL:
            case HIGH:
                return "error";
            case MEDIUM:
                return "warning";
            default:
                return "note";
        }
    }
}
