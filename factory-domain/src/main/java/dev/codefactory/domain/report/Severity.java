package dev.codefactory.domain.report;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is, most serious first. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** True when this severity is {@code other} or more serious. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
