package dev.codefactory.domain.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * A requirement's id within its spec (feature-010, FR-001): {@code FR-001} (functional) or {@code NFR-001}
 * (non-functional), the number 1 or more written with at least three digits ({@code FR-001}, {@code NFR-012},
 * {@code FR-1000}). The text form is the only form: {@code FR-1}, {@code fr-001}, {@code FR-0001} are not ids.
 *
 * @param kind   functional or non-functional
 * @param number 1 or more
 */
// implements feature-010/FR-001
public record RequirementId(Kind kind, int number) implements Comparable<RequirementId> {
    /** The most digits a number may have, so that it always fits an {@code int}. */
    private static final int MAX_DIGITS = 9;

    /** Functional ({@code FR}) or non-functional ({@code NFR}). */
    public enum Kind {
        FR, NFR
    }

    public RequirementId {
        Objects.requireNonNull(kind, "kind");
        if (number < 1) {
            throw new IllegalArgumentException("a requirement number must be 1 or more: " + number);
        }
    }

    /** The id {@code text} is, or an exception whose message says why it is not one. */
    public static RequirementId parse(String text) {
        Objects.requireNonNull(text, "text");
        return read(text).orThrow();
    }

    /** The id {@code text} is, or empty when it is not one. */
    public static Optional<RequirementId> tryParse(String text) {
        return text == null ? Optional.empty() : read(text).valueIfAny();
    }

    /** Why {@code text} is not an id, or empty when it is one. */
    public static Optional<String> problem(String text) {
        Objects.requireNonNull(text, "text");
        return read(text).problemIfAny();
    }

    /**
     * True when {@code token} was meant as an id, right or wrong: it starts with {@code FR} or {@code NFR} in any
     * case ({@code FR-1}, {@code fr-001}, {@code FR-}), or with one to five capitals, a hyphen and a digit or
     * nothing ({@code XR-001}). Words such as {@code Non-functional} or {@code E-mail} are not.
     */
    static boolean looksLikeId(String token) {
        int letters = 0;
        while (letters < token.length() && letters <= 5 && isAsciiLetter(token.charAt(letters))) {
            letters++;
        }
        String head = token.substring(0, letters);
        if (head.equalsIgnoreCase("FR") || head.equalsIgnoreCase("NFR")) {
            return true;
        }
        if (letters == 0 || letters > 5 || !head.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                || letters >= token.length() || token.charAt(letters) != '-') {
            return false;
        }
        return letters + 1 == token.length() || Character.isDigit(token.charAt(letters + 1));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** An id, or the reason it is not one (a linear scan; any text, any length). */
    private static Parsed<RequirementId> read(String text) {
        if (text.isEmpty()) {
            return Parsed.not("the requirement id is missing: write one such as FR-001");
        }
        String shown = Quote.of(text);
        int dash = text.indexOf('-');
        String prefix = dash < 0 ? text : text.substring(0, dash);
        Kind kind;
        if (prefix.equals("FR")) {
            kind = Kind.FR;
        } else if (prefix.equals("NFR")) {
            kind = Kind.NFR;
        } else if (prefix.equalsIgnoreCase("FR") || prefix.equalsIgnoreCase("NFR")) {
            return Parsed.not(shown + " is not a requirement id: write the kind in capitals, FR or NFR");
        } else {
            return Parsed.not(shown + " is not a requirement id: it starts with FR- or NFR-, e.g. FR-001");
        }
        if (dash < 0) {
            return Parsed.not(shown + " is not a requirement id: a hyphen and a number follow " + prefix + ", e.g. "
                    + prefix + "-001");
        }
        String digits = text.substring(dash + 1);
        if (digits.isEmpty()) {
            return Parsed.not(shown + " is not a requirement id: a number follows the hyphen, e.g. " + prefix
                    + "-001");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Parsed.not(shown + " is not a requirement id: only digits follow the hyphen, e.g. " + prefix
                        + "-001");
            }
        }
        if (digits.length() < 3) {
            return Parsed.not(shown + " is not a requirement id: the number has at least three digits, e.g. " + prefix
                    + "-" + "0".repeat(3 - digits.length()) + digits);
        }
        if (digits.length() > MAX_DIGITS) {
            return Parsed.not(shown + " is not a requirement id: the number has at most " + MAX_DIGITS + " digits");
        }
        int number = Integer.parseInt(digits);
        if (number == 0) {
            return Parsed.not(shown + " is not a requirement id: numbers start at 1, e.g. " + prefix + "-001");
        }
        RequirementId id = new RequirementId(kind, number);
        if (!id.toString().equals(text)) {
            return Parsed.not(shown + " is not a requirement id: write it " + id + " (no extra leading zeros)");
        }
        return Parsed.of(id);
    }

    @Override
    public int compareTo(RequirementId other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Integer.compare(number, other.number);
    }

    // equals and hashCode written out: a record's own are bootstrapped through method handles at their first call,
    // 12 ms of every spec list, which keys a map by id (feature-013/NFR-001)
    @Override
    public boolean equals(Object other) {
        return other instanceof RequirementId id && id.kind == kind && id.number == number;
    }

    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + number;
    }

    /** {@code FR-001}, {@code NFR-012}, {@code FR-1000}. */
    @Override
    public String toString() {
        String digits = Integer.toString(number);
        return kind.name() + "-" + (digits.length() < 3 ? "0".repeat(3 - digits.length()) : "") + digits;
    }
}
