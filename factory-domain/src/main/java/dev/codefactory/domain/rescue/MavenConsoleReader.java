package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in the console of {@code mvn}: Surefire's (and Failsafe's) blocks, one per failed test
 * ({@code com.example.FooTest.bar -- Time elapsed: 0.1 s <<< FAILURE!} and Surefire 2's {@code bar(com.example.FooTest)
 * Time elapsed: ...}, Surefire 3.0.0-M's {@code bar  Time elapsed: ...} in the class its {@code Running} line named,
 * then the stack trace, whose first frame in the test's class gives file:line); the lines of its
 * summary ({@code Failures:} / {@code Errors:}, then {@code   FooTest.bar:12 expected...}) for a test without a
 * block; and the compiler's errors ({@code [ERROR] /abs/Foo.java:[12,5] cannot find symbol} with the
 * {@code symbol:}/{@code location:} lines after it, Kotlin's too), each once although Maven prints them twice.
 */
// implements feature-008/FR-006
public final class MavenConsoleReader {
    private static final Pattern BLOCK = Pattern.compile("^(.+?) -- Time elapsed: .*<<< (FAILURE|ERROR)!$");
    private static final Pattern BLOCK_2 = Pattern.compile(
            "^([^\\s(]++)\\(([^\\s)]++)\\)\\s++Time elapsed: .*<<< (FAILURE|ERROR)!$");
    /** Surefire 3.0.0-M's block header: the method, or the class and method, without {@code --}. */
    private static final Pattern BLOCK_3 = Pattern.compile("^([^\\s(]++)\\s++Time elapsed: .*<<< (FAILURE|ERROR)!$");
    private static final Pattern RUNNING = Pattern.compile("^Running (\\S++)$");
    private static final Pattern SUMMARY_ITEM = Pattern.compile("^ {2}(\\S+?)(?::(\\d+))? (.*)$");
    private static final Pattern COMPILE = Pattern.compile(
            "^(.+?\\.(?:java|groovy|scala)):\\[(\\d+)(?:,\\d+)?\\] (.*)$");

    private MavenConsoleReader() {
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), blocks and compiler errors in order. */
    public static List<TestFailure> read(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        List<TestFailure> summary = new ArrayList<>();
        Kind section = null;
        TestFailure compile = null;
        String running = "";
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            boolean error = raw.startsWith("[ERROR] ");
            String line = stripLevel(raw);
            Matcher runningClass = line.startsWith("Running ") ? RUNNING.matcher(line.strip()) : null;
            if (runningClass != null && runningClass.matches()) {
                running = runningClass.group(1);
                continue;
            }
            if (compile != null && CompilerLines.isJavacDetail(line) && (error || !raw.startsWith("["))) {
                compile = CompilerLines.withDetail(compile, line);
                failures.set(failures.size() - 1, compile);
                continue;
            }
            compile = null;
            String end0 = line.stripTrailing();
            boolean marked = end0.endsWith("<<< FAILURE!") || end0.endsWith("<<< ERROR!");
            Matcher block = BLOCK.matcher(marked ? end0 : "");
            Matcher block2 = !marked || block.matches() ? null : BLOCK_2.matcher(end0);
            Matcher block3 = !marked || block.matches() || block2.matches() ? null : BLOCK_3.matcher(end0);
            if (block.matches() || block2 != null && block2.matches() || block3 != null && block3.matches()) {
                String test;
                String outcome;
                if (block.matches()) {
                    test = block.group(1).strip();
                    outcome = block.group(2);
                } else if (block2.matches()) {
                    test = block2.group(2) + "." + block2.group(1);
                    outcome = block2.group(3);
                } else {
                    test = block3.group(1).contains(".") || running.isEmpty() ? block3.group(1)
                            : running + "." + block3.group(1);
                    outcome = block3.group(2);
                }
                Kind kind = outcome.equals("FAILURE") ? Kind.FAILED : Kind.ERROR;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).isBlank() && !lines.get(end).startsWith("[")) {
                    end++;
                }
                failures.add(fromTrace(kind, test, lines.subList(i + 1, end)));
                i = end - 1;
                section = null;
                continue;
            }
            if (error && (line.strip().equals("Failures:") || line.strip().equals("Errors:"))) {
                section = line.strip().equals("Failures:") ? Kind.FAILED : Kind.ERROR;
                continue;
            }
            if (section != null) {
                Matcher item = error ? SUMMARY_ITEM.matcher(line) : null;
                if (item != null && item.matches()) {
                    summary.add(summaryItem(section, item));
                    continue;
                }
                if (error && line.startsWith("    ")) {
                    continue; // Surefire's "Run 1:" lines of a rerun test
                }
                section = null;
            }
            if (error) {
                compile = compileError(line).orElse(null);
                if (compile != null) {
                    failures.add(compile);
                }
            }
        }
        Set<String> blocks = new HashSet<>();
        for (TestFailure f : failures) {
            blocks.add(f.test());
            String summaryName = withoutPackage(f.test());
            blocks.add(summaryName);
            // a parameterized test's invocations, com.example.FooTest.bar(int)[1], are FooTest.bar in the summary
            blocks.add(summaryName.indexOf('(') < 0 ? summaryName : summaryName.substring(0, summaryName.indexOf('(')));
        }
        for (TestFailure item : summary) {
            if (!blocks.contains(item.test())) {
                failures.add(item);
            }
        }
        return dropRepeatedCompileErrors(failures);
    }

    /** Maven prints each compiler error twice (once with its details on lines of their own): the first is kept. */
    private static List<TestFailure> dropRepeatedCompileErrors(List<TestFailure> failures) {
        List<TestFailure> kept = new ArrayList<>(failures.size());
        Set<String> seen = new HashSet<>();
        for (TestFailure f : failures) {
            if (f.kind() != Kind.COMPILE || seen.add(f.path() + ":" + f.line() + ":" + f.message())) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static Optional<TestFailure> compileError(String line) {
        Matcher m = COMPILE.matcher(line);
        if (line.contains(":[") && m.matches()) {
            return Optional.of(new TestFailure(Kind.COMPILE, "", m.group(1), JvmStackTrace.number(m.group(2)),
                    Messages.of(m.group(3).strip())));
        }
        return line.contains(".kt") ? CompilerLines.kotlin(line) : Optional.empty();
    }

    private static TestFailure fromTrace(Kind kind, String test, List<String> traceLines) {
        JvmStackTrace trace = JvmStackTrace.read(traceLines);
        String className = classOf(test);
        Optional<JvmStackTrace.Frame> frame = trace.frameOf(className);
        return new TestFailure(kind, test, frame.map(JvmStackTrace.Frame::path).orElse(""),
                frame.map(JvmStackTrace.Frame::line).orElse(0), trace.describe(kind == Kind.FAILED));
    }

    private static TestFailure summaryItem(Kind kind, Matcher item) {
        String test = item.group(1);
        int line = item.group(2) == null ? 0 : JvmStackTrace.number(item.group(2));
        String message = item.group(3).strip();
        if (message.startsWith("\u00bb ")) {
            message = message.substring(2).strip();
        }
        String className = classOf(test);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (simple.contains("$")) {
            simple = simple.substring(0, simple.indexOf('$'));
        }
        String path = line == 0 || simple.isEmpty() ? "" : simple + ".java";
        return new TestFailure(kind, test, path, line, Messages.of(message));
    }

    /** The class of a test named {@code com.example.FooTest.bar} (or {@code ...FooTest.bar(int)[1]}). */
    static String classOf(String test) {
        int paren = test.indexOf('(');
        String head = paren < 0 ? test : test.substring(0, paren);
        int dot = head.lastIndexOf('.');
        return dot < 0 ? head : head.substring(0, dot);
    }

    /** {@code com.example.FooTest.bar} as Surefire's summary names it: {@code FooTest.bar}. */
    static String withoutPackage(String test) {
        int dot = classOf(test).lastIndexOf('.');
        return dot < 0 ? test : test.substring(dot + 1);
    }

    private static String stripLevel(String line) {
        for (String level : new String[] {"[ERROR] ", "[INFO] ", "[WARNING] ", "[WARN] ", "[DEBUG] "}) {
            if (line.startsWith(level)) {
                return line.substring(level.length());
            }
        }
        return line;
    }
}
