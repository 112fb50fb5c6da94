package dev.codefactory.domain.change.imports;

/**
 * The parts of a project path ({@code a/b/Foo.test.ts}) and the words of a file's text that impact and import
 * resolution look at. Paths use forward slashes.
 */
public final class Names {

    private Names() {
    }

    /** The last segment of {@code path}: {@code Foo.test.ts}. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The file name without its last extension: {@code Foo.test} for {@code a/Foo.test.ts}. */
    public static String stem(String path) {
        String file = fileName(path);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    /** The file name without any extension: {@code Foo} for {@code a/Foo.java}, {@code x} for {@code x.d.ts}. */
    public static String baseName(String path) {
        String file = fileName(path);
        int dot = file.indexOf('.', 1);
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** The last extension, without its dot; {@code ""} when there is none (a dot file has none). */
    public static String extension(String path) {
        String file = fileName(path);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? "" : file.substring(dot + 1);
    }

    /** {@code path} without its last extension: {@code a/x.d} for {@code a/x.d.ts}. */
    public static String withoutExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot <= path.lastIndexOf('/') + 1 ? path : path.substring(0, dot);
    }

    /** {@code name} in the folder {@code dir} ({@code ""} for the root). */
    public static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** Whether {@code word} occurs in {@code text} with no identifier character on either side. */
    public static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at == 0 || !identifier(text.charAt(at - 1));
            if (before && (end == text.length() || !identifier(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the qualified name {@code name} occurs, not as the tail of a longer qualified name. */
    public static boolean containsQualified(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean before = at == 0 || !(identifier(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
            if (before && (end == text.length() || !identifier(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean identifier(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
