package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in the console of {@code go test}: each {@code --- FAIL: TestX (0.00s)} (subtests indented, named
 * {@code TestX/case}) with the first {@code x_test.go:12: message} line of that test (under it, or under its
 * {@code === RUN} with {@code -v}); a panic's message with the test function's frame in the goroutine's trace; and
 * the compiler's and vet's errors ({@code ./x.go:12:5: undefined: y}). A parent test that failed only because a subtest did is
 * left out: the subtest is the failure. A test is named as Go names its function, with the package that the
 * {@code FAIL <package>} line after it gives ({@code example.com/shop.TestX}, {@code example.com/shop.TestX/case}):
 * two packages may each have a {@code TestNew}.
 */
// implements feature-008/FR-006
public final class GoTestReader {
    private static final Pattern FAIL = Pattern.compile("^(\\s*+)--- FAIL: (\\S++) \\([^)]*+\\)\\s*+$");
    private static final Pattern RUN = Pattern.compile("^=== (?:RUN|CONT|NAME)\\s++(\\S++)\\s*+$");
    private static final Pattern LOG = Pattern.compile("^\\s++([^\\s:]+\\.go):(\\d++): (.*)$");
    private static final Pattern FRAME = Pattern.compile("^\\s++(\\S+\\.go):(\\d++)(?: \\+0x[0-9a-f]++)?$");
    private static final Pattern PACKAGE = Pattern.compile("^(?:FAIL|ok)\\s++(\\S++)(?:\\s.*)?$");
    private static final Pattern COMPILE = Pattern.compile("^([^\\s:]+\\.go):(\\d+):(?:\\d+:)? (.*)$");

    private GoTestReader() {
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), in order. */
    public static List<TestFailure> read(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        Map<String, String[]> logged = new HashMap<>();
        String running = null;
        int current = -1;
        int currentIndent = -1;
        String panicking = null;
        int packageStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher pkg = PACKAGE.matcher(line);
            if (pkg.matches()) {
                qualify(failures, packageStart, pkg.group(1));
                packageStart = failures.size();
                current = -1;
                panicking = null;
                continue;
            }
            Matcher run = RUN.matcher(line);
            if (run.matches()) {
                running = run.group(1);
                current = -1;
                continue;
            }
            Matcher fail = FAIL.matcher(line);
            if (fail.matches()) {
                String name = fail.group(2);
                String[] log = logged.get(name);
                failures.add(log == null ? new TestFailure(Kind.FAILED, name, "", 0, "")
                        : new TestFailure(Kind.FAILED, name, log[0], JvmStackTrace.number(log[1]), log[2]));
                current = failures.size() - 1;
                currentIndent = fail.group(1).length();
                running = null;
                continue;
            }
            Matcher log = LOG.matcher(line);
            if (log.matches()) {
                String[] entry = {log.group(1), log.group(2), Messages.of(log.group(3))};
                int indent = line.length() - line.stripLeading().length();
                if (current >= 0 && indent > currentIndent && failures.get(current).path().isEmpty()) {
                    TestFailure f = failures.get(current);
                    failures.set(current, new TestFailure(f.kind(), f.test(), entry[0],
                            JvmStackTrace.number(entry[1]), entry[2]));
                } else if (running != null) {
                    logged.putIfAbsent(running, entry);
                }
                continue;
            }
            if (line.startsWith("panic: ") && current >= 0) {
                TestFailure f = failures.get(current);
                String message = line.endsWith(" [recovered]")
                        ? line.substring(0, line.length() - " [recovered]".length()) : line;
                failures.set(current, new TestFailure(Kind.ERROR, f.test(), f.path(), f.line(),
                        Messages.of(message)));
                panicking = f.test();
                continue;
            }
            if (panicking != null && i + 1 < lines.size() && line.contains("." + topLevel(panicking) + "(")) {
                Matcher frame = FRAME.matcher(lines.get(i + 1));
                if (frame.matches()) {
                    TestFailure f = failures.get(current);
                    failures.set(current, new TestFailure(f.kind(), f.test(), frame.group(1),
                            JvmStackTrace.number(frame.group(2)), f.message()));
                    panicking = null;
                }
                continue;
            }
            Matcher compile = COMPILE.matcher(line.startsWith("vet: ") ? line.substring(5) : line);
            if (compile.matches()) {
                String path = compile.group(1).startsWith("./") ? compile.group(1).substring(2) : compile.group(1);
                failures.add(new TestFailure(Kind.COMPILE, "", path, JvmStackTrace.number(compile.group(2)),
                        Messages.of(compile.group(3).strip())));
            }
        }
        return withoutFailedParents(failures);
    }

    /** Names the tests from {@code from} on as Go names their functions: {@code example.com/shop.TestX}. */
    private static void qualify(List<TestFailure> failures, int from, String pkg) {
        for (int i = from; i < failures.size(); i++) {
            TestFailure f = failures.get(i);
            if (f.kind() != Kind.COMPILE) {
                failures.set(i, new TestFailure(f.kind(), pkg + "." + f.test(), f.path(), f.line(), f.message()));
            }
        }
    }

    private static String topLevel(String test) {
        int slash = test.indexOf('/');
        return slash < 0 ? test : test.substring(0, slash);
    }

    private static List<TestFailure> withoutFailedParents(List<TestFailure> failures) {
        Set<String> parents = new HashSet<>();
        for (TestFailure f : failures) {
            int slash = f.test().lastIndexOf('/');
            if (slash > 0) {
                parents.add(f.test().substring(0, slash)); // each level prints its own FAIL line
            }
        }
        List<TestFailure> kept = new ArrayList<>();
        for (TestFailure f : failures) {
            if (f.kind() == Kind.COMPILE || !parents.contains(f.test()) || !f.message().isEmpty()) {
                kept.add(f);
            }
        }
        return kept;
    }
}
