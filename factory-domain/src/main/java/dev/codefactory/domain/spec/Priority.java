package dev.codefactory.domain.spec;

import java.util.Locale;
import java.util.Optional;

/** How much a specification matters, from the seed's template. */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> parse(String text) {
        for (Priority p : values()) {
            if (p.label().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static String labels() {
        return "low, medium, high, critical";
    }
}
