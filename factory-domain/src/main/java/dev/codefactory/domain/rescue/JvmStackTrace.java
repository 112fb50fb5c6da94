package dev.codefactory.domain.rescue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JVM exception as a test tool prints it: its header (the exception's type and message, which may take several
 * lines) and its frames ({@code at com.example.FooTest.bar(FooTest.java:12)}), read without regular expressions.
 *
 * @param type    the exception's class as printed ({@code org.opentest4j.AssertionFailedError}); empty when the
 *                header does not start with one
 * @param message the header without the type, as {@link Messages} keeps it
 * @param frames  the frames of the exception itself (not of its causes), in order
 */
record JvmStackTrace(String type, String message, List<Frame> frames) {

    /**
     * One frame.
     *
     * @param className the declaring class ({@code com.example.FooTest$Inner}), without a module or loader prefix
     * @param file      the source file's name ({@code FooTest.java}); empty for a native or unknown source
     * @param line      its line; 0 when unknown
     */
    record Frame(String className, String file, int line) {
        /** The file under its package's folders ({@code com/example/FooTest.java}); the name alone without a package. */
        String path() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? file : className.substring(0, dot).replace('.', '/') + "/" + file;
        }

        /** The top-level class's name ({@code com.example.FooTest} for {@code com.example.FooTest$Inner}). */
        String topLevelClass() {
            int dollar = className.indexOf('$');
            return dollar < 0 ? className : className.substring(0, dollar);
        }
    }

    /** Reads {@code lines}: the header up to the first frame, then frames until a {@code Caused by:} or the end. */
    static JvmStackTrace read(List<String> lines) {
        List<String> header = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("at ")) {
                frame(line.substring(3)).ifPresent(frames::add);
            } else if (line.startsWith("Caused by:") || line.startsWith("Suppressed:")) {
                break;
            } else if (frames.isEmpty() && !line.startsWith("...")) {
                header.add(raw);
            }
        }
        String first = header.isEmpty() ? "" : header.get(0).strip();
        String type = typeOf(first);
        if (!type.isEmpty()) {
            String rest = first.substring(type.length());
            header.set(0, rest.startsWith(":") ? rest.substring(1).strip() : rest.strip());
        }
        return new JvmStackTrace(type, Messages.of(header), List.copyOf(frames));
    }

    /**
     * The frame of the test: the first one with a source file declared in {@code testClass} (or a class nested in
     * it, a lambda's included); else the first outside the JDK and the test frameworks; else none.
     */
    Optional<Frame> frameOf(String testClass) {
        String top = testClass.contains("$") ? testClass.substring(0, testClass.indexOf('$')) : testClass;
        boolean simple = top.indexOf('.') < 0;
        for (Frame f : frames) {
            String candidate = f.topLevelClass();
            if (!f.file().isEmpty() && (candidate.equals(top) || simple && candidate.endsWith("." + top))) {
                return Optional.of(f);
            }
        }
        return frames.stream().filter(f -> !f.file().isEmpty() && !framework(f.className())).findFirst();
    }

    /**
     * The message to show: for an assertion failure the message alone (its type says nothing more), for an error
     * the type and the message ({@code java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0}).
     */
    String describe(boolean assertion) {
        if (type.isEmpty() || assertion && !message.isEmpty()) {
            return message;
        }
        return Messages.of(message.isEmpty() ? type : type + ": " + message);
    }

    /**
     * An assertion failure (rather than an error) by its type's name, for tools that do not say which (Gradle's
     * console and its reports, which call every exception a failure): JUnit's, opentest4j's, AssertJ's, Hamcrest's,
     * Truth's and Kotest's assertion errors, JUnit 4's {@code ComparisonFailure}, Spock's condition errors.
     */
    static boolean isAssertion(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple.contains("Assert") || simple.contains("ComparisonFailure")
                || simple.contains("MultipleFailures") || simple.startsWith("ConditionNotSatisfied");
    }

    private static boolean framework(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.")
                || className.startsWith("org.junit.") || className.startsWith("junit.")
                || className.startsWith("org.opentest4j.") || className.startsWith("org.assertj.")
                || className.startsWith("org.hamcrest.") || className.startsWith("org.testng.")
                || className.startsWith("kotlin.") || className.startsWith("org.gradle.")
                || className.startsWith("org.apache.maven.surefire.") || className.startsWith("worker.org.gradle.");
    }

    /** {@code com.example.FooTest.bar(FooTest.java:12)}, perhaps with {@code java.base/} or {@code app//} before. */
    static Optional<Frame> frame(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return Optional.empty();
        }
        String method = text.substring(0, open);
        method = method.substring(method.lastIndexOf('/') + 1);
        int dot = method.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String className = method.substring(0, dot);
        String source = text.substring(open + 1, close);
        int colon = source.lastIndexOf(':');
        if (colon < 0) {
            return Optional.of(new Frame(className, source.endsWith(".java") || source.endsWith(".kt") ? source : "", 0));
        }
        return Optional.of(new Frame(className, source.substring(0, colon), number(source.substring(colon + 1))));
    }

    /** The exception class at the start of {@code first}: a dotted name ending in a colon, or the whole line. */
    private static String typeOf(String first) {
        int end = first.indexOf(':');
        String candidate = end < 0 ? first : first.substring(0, end);
        if (candidate.isEmpty() || candidate.indexOf(' ') >= 0 || candidate.indexOf('.') < 0) {
            return "";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!Character.isJavaIdentifierPart(c) && c != '.' && c != '$') {
                return "";
            }
        }
        return candidate;
    }

    /** A non-negative decimal number, or 0 when {@code text} is not one (or too large). */
    static int number(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
