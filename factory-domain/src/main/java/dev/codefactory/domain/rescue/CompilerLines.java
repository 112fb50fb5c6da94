package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The compiler errors that more than one build tool prints: javac's own ({@code Foo.java:12: error: cannot find
 * symbol}, through Gradle, Ant or by hand) with the {@code symbol:}/{@code location:} lines after it, and kotlinc's
 * ({@code e: file:///p/Foo.kt:12:5 Unresolved reference 'x'.}, older {@code e: /p/Foo.kt: (12, 5): ...}).
 */
final class CompilerLines {
    private static final List<String> JAVAC_DETAILS = List.of("symbol:", "location:", "required:", "found:",
            "reason:");

    private CompilerLines() {
    }

    /** javac's {@code path.java:line: error: message}; empty for any other line (warnings included). */
    static Optional<TestFailure> javac(String line) {
        int at = line.indexOf(".java:");
        if (at <= 0 || Character.isWhitespace(line.charAt(0))) {
            return Optional.empty();
        }
        int colon = line.indexOf(':', at + 6);
        if (colon < 0 || !line.startsWith(": error: ", colon)) {
            return Optional.empty();
        }
        int number = JvmStackTrace.number(line.substring(at + 6, colon));
        if (number == 0) {
            return Optional.empty();
        }
        return Optional.of(new TestFailure(Kind.COMPILE, "", line.substring(0, at + 5), number,
                line.substring(colon + 9).strip()));
    }

    /** True for a line javac prints after an error to say more ({@code   symbol:   variable tax}). */
    static boolean isJavacDetail(String line) {
        String text = line.strip();
        return JAVAC_DETAILS.stream().anyMatch(text::startsWith);
    }

    /** {@code failure} with {@code detail} (stripped) as one more line of its message. */
    static TestFailure withDetail(TestFailure failure, String detail) {
        return new TestFailure(failure.kind(), failure.test(), failure.path(), failure.line(),
                Messages.of(failure.message() + "\n" + detail.strip()));
    }

    /**
     * kotlinc's error, with or without its {@code e: } (Maven's Kotlin plugin prints it after {@code [ERROR] }):
     * {@code file:///p/Foo.kt:12:5 message}, {@code /p/Foo.kt: (12, 5): message}.
     */
    static Optional<TestFailure> kotlin(String line) {
        String text = line.startsWith("e: ") ? line.substring(3) : line;
        if (text.startsWith("file://")) {
            text = text.substring("file://".length());
        }
        int at = text.indexOf(".kt:");
        int end = at + 3;
        if (at < 0) {
            at = text.indexOf(".kts:");
            end = at + 4;
        }
        if (at <= 0 || Character.isWhitespace(text.charAt(0))) {
            return Optional.empty();
        }
        String path = text.substring(0, end);
        String rest = text.substring(end + 1);
        int number;
        String message;
        if (rest.startsWith(" (")) {
            int comma = rest.indexOf(',');
            int close = rest.indexOf(')');
            if (comma < 0 || close < comma) {
                return Optional.empty();
            }
            number = JvmStackTrace.number(rest.substring(2, comma).strip());
            message = rest.substring(close + 1);
            message = message.startsWith(":") ? message.substring(1) : message;
        } else {
            int colon = rest.indexOf(':');
            int space = rest.indexOf(' ');
            if (colon < 0 || space < colon) {
                return Optional.empty();
            }
            number = JvmStackTrace.number(rest.substring(0, colon));
            message = rest.substring(space);
        }
        if (number == 0) {
            return Optional.empty();
        }
        return Optional.of(new TestFailure(Kind.COMPILE, "", path, number, Messages.of(message.strip())));
    }
}
