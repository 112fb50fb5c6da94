package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the failures out of what a test command printed and the JUnit XML reports it wrote: Maven Surefire's and
 * Gradle's XML, the console of {@code mvn}, {@code gradle} and {@code pytest}, compiler errors (javac through Maven
 * and Gradle, kotlinc), and {@code go test}, {@code jest} and {@code cargo test} where their output allows.
 *
 * <p>Each tool has its reader here ({@link JunitXmlReader}, {@link MavenConsoleReader},
 * {@link GradleConsoleReader}, {@link PytestConsoleReader}, {@link GoTestReader}, {@link JestConsoleReader},
 * {@link CargoTestReader}; kept in this package, since a sub-package would make a cycle with {@link TestFailure});
 * each looks for its own tool's marks, so all of them read every console. The console is cleaned once
 * ({@link ConsoleLines}: no colours or other control characters, no line longer than {@link ConsoleLines#MAX_LINE}),
 * and every reader reads it in one pass.
 */
// implements feature-008/FR-006
public final class BuildOutput {
    /** The most failures returned: a run with more is broken in ways the first ones already show. */
    public static final int MAX_FAILURES = 2000;

    private BuildOutput() {
    }

    /**
     * The failures in {@code console} (the command's output, stdout and stderr together) and in {@code junitXml} (the
     * text of each report), without duplicates (a test in both is one failure, the report's file:line preferred).
     * Reports come first, in the order given, then the console's failures that no report has; a report that cannot
     * be read (truncated, not XML, with a document type declaration) is skipped. At most {@link #MAX_FAILURES}.
     */
    public static List<TestFailure> read(String console, List<String> junitXml) {
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(junitXml, "junitXml");
        Failures failures = new Failures();
        for (String report : junitXml) {
            failures.addAll(JunitXmlReader.read(Objects.requireNonNull(report, "report")));
        }
        List<String> lines = ConsoleLines.of(console);
        failures.addAll(MavenConsoleReader.read(lines));
        failures.addAll(GradleConsoleReader.read(lines));
        failures.addAll(PytestConsoleReader.read(lines));
        failures.addAll(GoTestReader.read(lines));
        failures.addAll(JestConsoleReader.read(lines));
        failures.addAll(CargoTestReader.read(lines));
        return List.copyOf(failures.kept);
    }

    /**
     * The failures kept so far. A test is the same test when its name is the same, or the same with the package
     * left off ({@code FooTest.bar} as Surefire's summary and Gradle print it is {@code com.example.FooTest.bar}),
     * nested classes aside (Surefire's console names {@code com.example.FooTest$Inner.bar} as its report does not,
     * {@code com.example.FooTest.bar}); the two become one with the longer name, the first file:line that has a
     * line, and the first message.
     */
    private static final class Failures {
        private final List<TestFailure> kept = new ArrayList<>();
        /** Index in {@code kept} by compile key, by full test name and by the name's last two dotted parts. */
        private final Map<String, Integer> byName = new HashMap<>();
        private final Map<String, List<Integer>> byTail = new HashMap<>();

        void addAll(List<TestFailure> found) {
            for (TestFailure failure : found) {
                if (kept.size() == MAX_FAILURES) {
                    return;
                }
                add(failure);
            }
        }

        private void add(TestFailure failure) {
            if (failure.kind() == Kind.COMPILE) {
                String key = "compile:" + failure.path() + ":" + failure.line() + ":" + failure.message();
                if (byName.putIfAbsent(key, kept.size()) == null) {
                    kept.add(failure);
                }
                return;
            }
            String test = withoutNestedClasses(failure.test());
            String name = "test:" + test;
            Integer same = byName.get(name);
            if (same == null) {
                same = sameByTail(test);
            }
            if (same != null) {
                kept.set(same, merge(kept.get(same), failure));
                return;
            }
            int index = kept.size();
            kept.add(failure);
            byName.put(name, index);
            byTail.computeIfAbsent(tail(test), t -> new ArrayList<>(1)).add(index);
        }

        private Integer sameByTail(String test) {
            List<Integer> candidates = byTail.get(tail(test));
            if (candidates == null) {
                return null;
            }
            for (int index : candidates) {
                String other = withoutNestedClasses(kept.get(index).test());
                if (other.endsWith("." + test) || test.endsWith("." + other)) {
                    return index;
                }
            }
            return null;
        }

        /** {@code com.example.FooTest$Inner.bar} as {@code com.example.FooTest.bar}; other names as they are. */
        private static String withoutNestedClasses(String test) {
            int dollar = test.indexOf('$');
            if (dollar < 0) {
                return test;
            }
            StringBuilder out = new StringBuilder(test.length());
            int i = 0;
            while (i < test.length()) {
                char c = test.charAt(i);
                int end = i + 1;
                while (c == '$' && end < test.length() && Character.isJavaIdentifierPart(test.charAt(end))
                        && test.charAt(end) != '$') {
                    end++;
                }
                if (c == '$' && end > i + 1 && end < test.length() && (test.charAt(end) == '.'
                        || test.charAt(end) == '$')) {
                    i = end; // a nested class's name, followed by its member or a deeper class
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** The last two dotted parts of a name ({@code FooTest.bar}), the whole name when it has fewer. */
        private static String tail(String test) {
            int last = test.lastIndexOf('.');
            int before = last <= 0 ? -1 : test.lastIndexOf('.', last - 1);
            return before < 0 ? test : test.substring(before + 1);
        }

        private static TestFailure merge(TestFailure first, TestFailure second) {
            String test = second.test().length() > first.test().length() ? second.test() : first.test();
            boolean firstPlace = first.line() > 0 || first.line() == second.line() && !first.path().isEmpty()
                    || second.path().isEmpty();
            TestFailure place = firstPlace ? first : second;
            String message = first.message().isEmpty() ? second.message() : first.message();
            return new TestFailure(first.kind(), test, place.path(), place.line(), message);
        }
    }
}
