package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in the console of {@code cargo test}: each {@code ---- tests::it_works stdout ----} section is one
 * failure, its file:line where the test panicked ({@code panicked at src/lib.rs:10:9:}, Rust 1.73 on; before, {@code
 * panicked at 'message', src/lib.rs:10:9}), or the test function's own frame when a backtrace shows it; its message
 * the panic's; an assertion's panic is a failed test, any other an error. A {@code test x ... FAILED} line without a
 * section is a failure too, and rustc's errors ({@code error[E0425]: ...} then {@code --> src/lib.rs:2:34}) are
 * compiler errors.
 */
// implements feature-008/FR-006
public final class CargoTestReader {
    private static final Pattern SECTION = Pattern.compile("^---- (\\S+) stdout ----$");
    private static final Pattern RESULT = Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$");
    private static final Pattern PANIC = Pattern.compile("^thread '[^']*'(?: \\(\\d+\\))? panicked at (.*)$");
    private static final Pattern LOCATION = Pattern.compile("^([^\\s:']+):(\\d+):(\\d+):?$");
    private static final Pattern FRAME = Pattern.compile("^\\s*+\\d++: (\\S++)$");
    private static final Pattern FRAME_AT = Pattern.compile("^\\s++at (?:\\./)?(\\S+?):(\\d++):(\\d++)$");
    private static final Pattern RUSTC = Pattern.compile("^error(?:\\[(E\\d+)\\])?: (.*)$");
    private static final Pattern ARROW = Pattern.compile("^\\s*+--> (\\S+?):(\\d++):(\\d++)$");

    private CargoTestReader() {
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), in order. */
    public static List<TestFailure> read(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher result = RESULT.matcher(line);
            if (result.matches()) {
                listed.add(result.group(1));
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                int end = i + 1;
                while (end < lines.size() && !SECTION.matcher(lines.get(end)).matches()
                        && !lines.get(end).equals("failures:")) {
                    end++;
                }
                failures.add(section(section.group(1), lines.subList(i + 1, end)));
                sections.add(section.group(1));
                i = end - 1;
                continue;
            }
            Matcher rustc = RUSTC.matcher(line);
            if (rustc.matches() && i + 1 < lines.size()) {
                Matcher arrow = ARROW.matcher(lines.get(i + 1));
                if (arrow.matches()) {
                    String message = rustc.group(2).strip() + (rustc.group(1) == null ? "" : " (" + rustc.group(1) + ")");
                    failures.add(new TestFailure(Kind.COMPILE, "", arrow.group(1), JvmStackTrace.number(arrow.group(2)),
                            Messages.of(message)));
                    i++;
                }
            }
        }
        for (String test : listed) {
            if (!sections.contains(test)) {
                failures.add(new TestFailure(Kind.FAILED, test, "", 0, ""));
            }
        }
        return failures;
    }

    private static TestFailure section(String test, List<String> body) {
        String path = "";
        int line = 0;
        List<String> message = new ArrayList<>();
        boolean inMessage = false;
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i);
            Matcher panic = PANIC.matcher(text);
            if (panic.matches() && path.isEmpty()) {
                String rest = panic.group(1);
                Matcher location = LOCATION.matcher(rest);
                int quoted = rest.startsWith("'") ? rest.lastIndexOf("', ") : -1;
                Matcher old = quoted > 0 ? LOCATION.matcher(rest.substring(quoted + 3)) : null;
                if (location.matches()) {
                    path = location.group(1);
                    line = JvmStackTrace.number(location.group(2));
                    inMessage = true;
                } else if (old != null && old.matches()) {
                    message.add(rest.substring(1, quoted));
                    path = old.group(1);
                    line = JvmStackTrace.number(old.group(2));
                }
                continue;
            }
            if (inMessage) {
                if (text.isEmpty() || text.startsWith("note: ") || text.equals("stack backtrace:")) {
                    inMessage = false;
                } else if (message.size() <= Messages.MAX_LINES) {
                    message.add(text);
                }
                if (!text.equals("stack backtrace:")) {
                    continue;
                }
            }
            Matcher frame = FRAME.matcher(text);
            if (frame.matches() && i + 1 < body.size() && (frame.group(1).equals(test)
                    || frame.group(1).endsWith("::" + test))) {
                Matcher at = FRAME_AT.matcher(body.get(i + 1));
                if (at.matches()) {
                    path = at.group(1);
                    line = JvmStackTrace.number(at.group(2));
                }
            } else if (message.isEmpty() && text.startsWith("note: test did not panic")) {
                message.add(text.substring("note: ".length()));
            }
        }
        String text = Messages.of(message);
        Kind kind = text.startsWith("assertion") || text.startsWith("test did not panic")
                ? Kind.FAILED : Kind.ERROR;
        return new TestFailure(kind, test, path, line, text);
    }
}
