package dev.codefactory.domain.adopt;

import dev.codefactory.domain.change.Impact;
import java.util.Set;

/**
 * Reads the languages no parser library is used for (Python, JavaScript/TypeScript, Go, and SQL, properties and
 * YAML configuration) with patterns tested on real code (feature-011, FR-002, FR-003). Pure: text in, facts out.
 * Java is read by a real parser behind the {@code SourceSurvey} port, not here.
 *
 * <p>Every reader works line by line over the text with comments blanked first (a route in a comment does not
 * count); lines longer than {@value Scan#MAX_LINE} characters are skipped (minified or generated code), which keeps
 * the work linear in the text's length. Paths are relative to the project root with {@code /}; lines are 1-based.
 * Whether a file is a test is decided by its path: the change orders' rule ({@link Impact#isTest}: {@code test/},
 * {@code tests/}, {@code __tests__/} folders, {@code test_*.py}, {@code *_test.py}, {@code *.test.ts},
 * {@code *.spec.js}, {@code *_test.go}) plus files named {@code test.*}, {@code tests.*} or {@code conftest.py}. A
 * test file reports its tests and imports only: the routes, mains, keys and tables in it (its fixtures, test
 * configuration under {@code src/test/resources}) are not the product's surfaces.
 */
// implements feature-011/FR-003
public final class SourcePatterns {
    private static final Set<String> SCRIPTS = Set.of("JavaScript", "JSX", "TypeScript", "TSX");

    private SourcePatterns() {
    }

    /** Whether {@link #read} knows {@code language} (the workspace scanner's name for it) for this file. */
    public static boolean reads(String path, String language) {
        String p = normal(path);
        String name = Scan.fileName(p);
        if (name.equals(".env")) {
            return false;
        }
        return language.equals("Python") || SCRIPTS.contains(language) || language.equals("Go")
                || language.equals("SQL") || name.endsWith(".prisma") || ConfigPatterns.isConfig(p);
    }

    /**
     * What {@code text}, the content of {@code path} in {@code language}, declares; an empty {@link FileFacts}
     * for a file {@link #reads} refuses.
     */
    // implements feature-011/FR-002
    public static FileFacts read(String path, String language, String text) {
        String p = normal(path);
        String name = Scan.fileName(p);
        if (!reads(p, language) || text == null) {
            return FileFacts.empty(p, language);
        }
        boolean test = isTest(p);
        if (ConfigPatterns.isConfig(p)) {
            return ConfigPatterns.config(p, language, text, test);
        }
        if (name.endsWith(".prisma")) {
            return ScriptPatterns.prisma(p, language, text, test);
        }
        switch (language) {
            case "Python":
                return PythonPatterns.read(p, language, text, test);
            case "Go":
                return GoPatterns.read(p, language, text, test);
            case "SQL":
                return ConfigPatterns.sql(p, language, text, test);
            default:
                return ScriptPatterns.read(p, language, text, test);
        }
    }

    /** Whether {@code path} is a test file by its name or folder (see the class comment). */
    public static boolean isTest(String path) {
        String p = normal(path);
        String name = Scan.fileName(p);
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return Impact.isTest(p) || stem.equals("test") || stem.equals("tests") || name.equals("conftest.py");
    }

    private static String normal(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
