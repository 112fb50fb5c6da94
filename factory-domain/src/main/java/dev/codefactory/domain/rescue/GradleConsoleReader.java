package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in the console of {@code gradle}: a failed test's line ({@code FooTest > bar() FAILED}, nested classes
 * and parameterized tests as further {@code >} parts) followed by its exception, indented, either short
 * ({@code org.opentest4j.AssertionFailedError at FooTest.java:12}) or full (the message and the stack trace, whose
 * first frame in the test's class gives file:line); and the compilers' errors, javac's ({@code /abs/Foo.java:12:
 * error: cannot find symbol} with its {@code symbol:} lines) and kotlinc's ({@code e: file:///abs/Foo.kt:12:5 ...}).
 * The test is named {@code FooTest.bar} (Gradle prints the class's simple name for JUnit 5, so the report's
 * {@code com.example.FooTest.bar} is the same test).
 */
// implements feature-008/FR-006
public final class GradleConsoleReader {
    private static final Pattern TEST = Pattern.compile("^([^\\s>].*?) > (.+) FAILED$");
    private static final Pattern SHORT = Pattern.compile("^(\\S+) at (\\S+?):(\\d+)$");

    private GradleConsoleReader() {
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), in order. */
    public static List<TestFailure> read(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher test = line.stripTrailing().endsWith(" FAILED") ? TEST.matcher(line.stripTrailing()) : null;
            if (test != null && test.matches() && !line.startsWith("> Task ")) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).isEmpty() && Character.isWhitespace(
                        lines.get(end).charAt(0))) {
                    end++;
                }
                failures.add(testFailure(test.group(1), test.group(2), lines.subList(i + 1, end)));
                i = end - 1;
                continue;
            }
            Optional<TestFailure> javac = CompilerLines.javac(line);
            if (javac.isPresent()) {
                TestFailure failure = javac.get();
                int next = i + 1;
                // javac's source line and caret come first, then its detail lines
                while (next < lines.size() && next <= i + 8 && !lines.get(next).isEmpty()
                        && Character.isWhitespace(lines.get(next).charAt(0))) {
                    if (CompilerLines.isJavacDetail(lines.get(next))) {
                        failure = CompilerLines.withDetail(failure, lines.get(next));
                    }
                    next++;
                }
                failures.add(failure);
                i = next - 1;
                continue;
            }
            if (line.startsWith("e: ")) {
                CompilerLines.kotlin(line).ifPresent(failures::add);
            }
        }
        return failures;
    }

    private static TestFailure testFailure(String classPart, String rest, List<String> details) {
        List<String> parts = new ArrayList<>(List.of(classPart));
        parts.addAll(List.of(rest.split(" > ")));
        int method = parts.size() - 1;
        for (int p = 1; p < parts.size(); p++) {
            if (parts.get(p).contains("(")) {
                method = p;
                break;
            }
        }
        String className = String.join("$", parts.subList(0, method));
        String methodName = parts.get(method);
        if (methodName.endsWith("()")) {
            methodName = methodName.substring(0, methodName.length() - 2);
        }
        String test = className + "." + methodName
                + (method + 1 < parts.size() ? " > " + String.join(" > ", parts.subList(method + 1, parts.size())) : "");
        if (details.isEmpty()) {
            return new TestFailure(Kind.FAILED, test, "", 0, "");
        }
        Matcher shortForm = SHORT.matcher(details.get(0).strip());
        if (shortForm.matches()) {
            String type = shortForm.group(1);
            boolean assertion = JvmStackTrace.isAssertion(type);
            return new TestFailure(assertion ? Kind.FAILED : Kind.ERROR, test, shortForm.group(2),
                    JvmStackTrace.number(shortForm.group(3)), type);
        }
        JvmStackTrace trace = JvmStackTrace.read(details);
        boolean assertion = JvmStackTrace.isAssertion(trace.type());
        Optional<JvmStackTrace.Frame> frame = trace.frameOf(className);
        return new TestFailure(assertion ? Kind.FAILED : Kind.ERROR, test,
                frame.map(JvmStackTrace.Frame::path).orElse(""), frame.map(JvmStackTrace.Frame::line).orElse(0),
                trace.describe(assertion));
    }
}
