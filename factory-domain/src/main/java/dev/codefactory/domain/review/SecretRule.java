package dev.codefactory.domain.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One kind of credential {@link Secrets} finds: a row of the kept table {@link SecretRules#ALL}.
 *
 * <p>A rule only runs where one of its {@code keywords} occurs (compared without regard to ASCII case), and its
 * {@code pattern} must match starting exactly there: {@link Secrets} runs it anchored at each keyword occurrence,
 * never over the whole text, so a text without any keyword costs one pass over its characters whatever the number of
 * rules. Look-behinds see the text before the keyword. Where a keyword is common in code ({@code token},
 * {@code ://}), a {@code guard} looks at the few characters after it first and spares the pattern where it cannot
 * match (a regex run costs far more than that look, even when it fails at once). The secret itself is the pattern's
 * group {@code group} (0: the whole match); it must have at least {@code minEntropy} bits of Shannon entropy per
 * character, and {@code check} has the last word (placeholders, values equal to the user name, ...).
 *
 * @param id          the kind reported and written into redactions ({@code [REDACTED:id]}): lowercase words and dashes
 * @param description what the credential is, for people
 * @param keywords    literal strings of two or more ASCII characters with which a match starts
 * @param source      where the shape comes from: the vendor's documentation of the format, and the gitleaks rule id
 *                    of the same shape where there is one (a reference for the shape only; the patterns are ours)
 */
public record SecretRule(String id, String description, List<String> keywords, Guard guard, Pattern pattern,
                         int group, double minEntropy, Check check, String source) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** A cheap look at a keyword's surroundings before the pattern runs there: false means it cannot match. */
    @FunctionalInterface
    public interface Guard {
        /** Lets the pattern run at every keyword. */
        Guard NONE = (text, keywordEnd) -> true;

        /**
         * @param text       the whole text
         * @param keywordEnd the offset just after the keyword occurrence
         */
        boolean mayMatch(CharSequence text, int keywordEnd);
    }

    /** The last word on a match that passed the pattern and the entropy: false drops it. */
    @FunctionalInterface
    public interface Check {
        /** Accepts every match. */
        Check ANY = (match, text) -> true;

        /**
         * @param match the pattern's match (its groups included)
         * @param text  the whole text, to look around the match
         */
        boolean accept(MatchResult match, CharSequence text);
    }

    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(source, "source");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' is not lowercase words joined by dashes");
        }
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule needs a keyword to start from");
        }
        for (String k : keywords) {
            if (k.length() < 2 || !k.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException(id + ": keyword '" + k + "' is not two or more printable ASCII"
                        + " characters");
            }
        }
        if (group < 0 || group > pattern.matcher("").groupCount()) {
            throw new IllegalArgumentException(id + ": the pattern has no group " + group);
        }
        if (description.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException(id + ": a rule needs a description and a source");
        }
    }

    /** The keywords in lower case, as the prefilter compares them. */
    List<String> lowerKeywords() {
        return keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
