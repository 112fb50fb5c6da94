package dev.codefactory.domain.adopt;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the plan: slugs, unique keys, route paths and prefixes, titles, file stems and folders, shared by
 * {@link CapabilityGrouping} and the plan's edits.
 */
final class CapabilityNames {
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)*");
    private static final Pattern TEST_MARK = Pattern.compile(
            "^(test_|Test)?(.*?)(_test|_spec|\\.test|\\.spec|-test|-spec|Tests|Test|IT|ITCase|Spec)?$");

    private CapabilityNames() {
    }

    /** {@code text} as a lowercase hyphenated slug; {@code fallback} when nothing is left. */
    static String slug(String text, String fallback) {
        String t = text.replace("C#", "csharp").replace("c#", "csharp").replace("++", "pp");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append('-');
            }
        }
        String s = out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? fallback : s;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... the first not in {@code taken}, which it is added to. */
    static String unique(String base, Set<String> taken) {
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        taken.add(key);
        return key;
    }

    /** The path of a route's name ({@code GET /owners/{id}} → {@code /owners/{id}}), else the name. */
    static String routePath(String name) {
        for (String word : name.strip().split("\\s+")) {
            if (word.startsWith("/")) {
                return word;
            }
        }
        int space = name.strip().indexOf(' ');
        return space < 0 ? name.strip() : name.strip().substring(space + 1).strip();
    }

    /** A title for a split's prefix: its last meaningful segment, humanised. */
    static String titleOfPrefix(String prefix) {
        String last = "";
        for (String segment : prefix.split("[/.]")) {
            if (meaningful(segment)) {
                last = segment;
            }
        }
        return humanise(last.isEmpty() ? prefix : last);
    }

    /** A file's name without folders and extension. */
    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The stem of the file a test file tests by its name: {@code OwnerControllerTests} → {@code OwnerController}. */
    static String testedStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Matcher m = TEST_MARK.matcher(base);
        String core = m.matches() && !m.group(2).isEmpty() ? m.group(2) : base;
        int inner = core.indexOf('.');
        return inner > 0 ? core.substring(0, inner) : core;
    }

    /** {@code password-recovery} → {@code Password recovery}. */
    static String humanise(String text) {
        String words = text.replaceAll("[-_.]+", " ").replaceAll("([a-z])([A-Z])", "$1 $2").strip()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? text : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean meaningful(String segment) {
        String s = segment.strip().toLowerCase(Locale.ROOT);
        return !s.isEmpty() && !s.equals("api") && !s.equals("rest") && !VERSION.matcher(s).matches()
                && !s.startsWith("{") && !s.startsWith(":") && !s.startsWith("<") && !s.startsWith("*")
                && !s.startsWith("$") && !s.startsWith("(");
    }

    /** The group of a route path: its first meaningful segment as a slug, "" for none; api[0] says /api before. */
    static String routePrefix(String path, boolean[] api) {
        String p = path;
        int cut = p.indexOf('?');
        if (cut >= 0) {
            p = p.substring(0, cut);
        }
        for (String segment : p.split("/")) {
            String s = segment.strip();
            if (s.equalsIgnoreCase("api")) {
                api[0] = true;
            }
            if (!s.isEmpty() && "{:<*$(".indexOf(s.charAt(0)) >= 0) {
                return ""; // a parameter first: a route relative to where it is mounted
            }
            if (!meaningful(s)) {
                continue;
            }
            int dot = s.indexOf('.');
            if (dot > 0) {
                s = s.substring(0, dot);
            }
            String slug = slug(s, "");
            if (!slug.isEmpty()) {
                return slug;
            }
        }
        return "";
    }

    /** {@code users} → {@code user}: route groups take singular and plural as one. */
    static String singular(String slug) {
        return slug.length() > 3 && slug.endsWith("s") && !slug.endsWith("ss") ? slug.substring(0, slug.length() - 1)
                : slug;
    }

    /** Folder of a path ("" at the root). */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
