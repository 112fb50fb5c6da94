package dev.codefactory.domain.spec;

import java.text.Normalizer;
import java.util.Locale;

/** File names made from titles: {@code "User Authentication (v2)"} becomes {@code user-authentication-v2}. */
public final class Slug {
    private static final int MAX = 60;

    private Slug() {
    }

    /** The slug of {@code title}, or {@code fallback} when the title has no letters or digits. */
    public static String of(String title, String fallback) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            // cut at the last whole word that fits; a single word longer than the limit is cut where it must be
            int cut = slug.charAt(MAX) == '-' ? MAX : slug.lastIndexOf('-', MAX);
            slug = (cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX)).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
