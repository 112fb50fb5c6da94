package dev.codefactory.domain.review;

import java.util.Locale;
import java.util.Optional;

/** What kind of problem a REVIEW finding is about. */
public enum Category {
    COMPLIANCE, CORRECTNESS, SECURITY, PERFORMANCE, MAINTAINABILITY, TEST_GAP;

    /** The lower-case name with {@code -} for {@code _} ({@code test-gap}): one token, safe in reports and SARIF. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The category {@code text} names, ignoring case and surrounding blanks; a space, {@code _} or {@code -} may
     * separate words ({@code "test gap"}, {@code "test_gap"}, {@code "Test-Gap"}). Empty for null or unknown text.
     */
    public static Optional<Category> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replaceAll("[\\s_-]+", "_");
        for (Category c : values()) {
            if (c.name().equalsIgnoreCase(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
