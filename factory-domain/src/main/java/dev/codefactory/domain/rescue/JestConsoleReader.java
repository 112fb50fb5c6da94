package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in the console of {@code jest} ({@code npm test}): each {@code ● Suite › name} block is one failure
 * named by its file and its name ({@code src/x.test.js › Suite › name}: two files may each have a test named
 * alike), its message the block's first lines up to the code frame, its file:line the first
 * {@code at ... (src/x.test.js:12:5)} frame in the failing suite's file (else the first outside
 * {@code node_modules}); a suite that failed to run ({@code ● Test suite failed to run}) is an error named by its
 * file, at the line its code frame marks.
 */
// implements feature-008/FR-006
public final class JestConsoleReader {
    private static final Pattern SUITE = Pattern.compile("^FAIL\\s++(\\S++)(?:\\s++\\(.*\\))?$");
    private static final Pattern HEADER = Pattern.compile("^\u25cf (.+)$");
    private static final Pattern AT = Pattern.compile("^at (?:.*?\\()?([^\\s()]+?):(\\d+):(\\d+)\\)?$");
    private static final Pattern CODE_FRAME = Pattern.compile("^(?:(>)\\s*+)?(\\d++) \\|.*$");
    private static final Pattern ERROR_TYPE = Pattern.compile("^(?!Assertion)[A-Z]\\w*(?:Error|Exception): .*");

    private JestConsoleReader() {
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), in order. */
    public static List<TestFailure> read(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        String suite = "";
        for (int i = 0; i < lines.size(); i++) {
            Matcher suiteLine = SUITE.matcher(lines.get(i).strip());
            if (suiteLine.matches()) {
                suite = suiteLine.group(1);
                continue;
            }
            Matcher header = HEADER.matcher(lines.get(i).strip());
            if (!header.matches() || header.group(1).strip().equals("Console")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !HEADER.matcher(lines.get(end).strip()).matches()
                    && !SUITE.matcher(lines.get(end).strip()).matches() && !lines.get(end).startsWith("Test Suites:")) {
                end++;
            }
            failures.add(block(suite, header.group(1).strip(), lines.subList(i + 1, end)));
            i = end - 1;
        }
        return failures;
    }

    private static TestFailure block(String suite, String name, List<String> body) {
        boolean suiteFailed = name.equals("Test suite failed to run");
        List<String> message = new ArrayList<>();
        boolean messageDone = false;
        String path = "";
        int line = 0;
        String firstPath = "";
        int firstLine = 0;
        int markedLine = 0;
        for (String text : body) {
            String stripped = text.strip();
            Matcher at = AT.matcher(stripped);
            Matcher frame = CODE_FRAME.matcher(stripped);
            if (at.matches()) {
                messageDone = true;
                String file = at.group(1);
                if (path.isEmpty() && !suite.isEmpty() && (file.equals(suite) || file.endsWith("/" + suite))) {
                    path = file;
                    line = JvmStackTrace.number(at.group(2));
                }
                if (firstPath.isEmpty() && !file.contains("node_modules/") && !file.startsWith("node:")) {
                    firstPath = file;
                    firstLine = JvmStackTrace.number(at.group(2));
                }
            } else if (frame.matches()) {
                messageDone = true;
                if (frame.group(1) != null && markedLine == 0) {
                    markedLine = JvmStackTrace.number(frame.group(2));
                }
            } else if (!messageDone && message.size() <= Messages.MAX_LINES) {
                message.add(text.strip());
            }
        }
        if (suiteFailed) {
            return new TestFailure(Kind.ERROR, suite, suite, markedLine, Messages.of(message));
        }
        if (path.isEmpty()) {
            path = firstPath;
            line = firstLine;
        }
        String text = Messages.of(message);
        Kind kind = ERROR_TYPE.matcher(text.lines().findFirst().orElse("")).matches() ? Kind.ERROR : Kind.FAILED;
        return new TestFailure(kind, suite.isEmpty() ? name : suite + " \u203a " + name, path, line, text);
    }
}
