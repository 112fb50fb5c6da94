package dev.codefactory.domain.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A specification id: lowercase letters, digits and single hyphens, starting with a letter, at most 64
 * characters ({@code feature-001}, {@code adr-002}, {@code auth-login}).
 */
public record SpecId(String value) implements Comparable<SpecId> {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    public static final String FORMAT_DESCRIPTION =
            "lowercase letters, digits and single hyphens, starting with a letter, at most 64 characters";

    public SpecId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid spec id: " + FORMAT_DESCRIPTION);
        }
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= 64 && FORMAT.matcher(text).matches();
    }

    /** The number after {@code prefix-}, or -1 when this id is not of that shape. */
    public int sequenceAfter(String prefix) {
        String head = prefix + "-";
        if (!value.startsWith(head)) {
            return -1;
        }
        String rest = value.substring(head.length());
        if (rest.isEmpty() || rest.length() > 9 || !rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(rest);
    }

    @Override
    public int compareTo(SpecId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
