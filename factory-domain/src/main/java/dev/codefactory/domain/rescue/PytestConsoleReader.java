package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures in {@code pytest}'s console: each line of the short test summary ({@code FAILED tests/test_x.py::test_y
 * - AssertionError: ...}, {@code ERROR tests/test_z.py} for a module that could not be collected) is one failure, named
 * by its node id; its file:line is the first location line of its section ({@code tests/test_x.py:12: AssertionError})
 * in the test's own file (else the section's last), its message the summary's (the section's first {@code E} line
 * when pytest cut the summary's short). Without a summary, each section of FAILURES and ERRORS is one failure.
 */
// implements feature-008/FR-006
public final class PytestConsoleReader {
    private static final Pattern SUMMARY = Pattern.compile("^(FAILED|ERROR) (\\S+)(?: - (.*))?$");
    private static final Pattern SECTION = Pattern.compile("^_{3,} (.+?) _{3,}$");
    private static final Pattern LOCATION = Pattern.compile("^([^\\s:][^:]*\\.py):(\\d+): ?(.*)$");

    /** The most dotted parts a report's module and test name are tried as: folders, module, class, test. */
    private static final int MAX_PARTS = 32;

    private PytestConsoleReader() {
    }

    /** A section of FAILURES or ERRORS: its title's test, its location lines and its first {@code E} lines. */
    private static final class Section {
        final String title;
        final boolean error;
        final List<String[]> locations = new ArrayList<>();
        final List<String> errorLines = new ArrayList<>();
        boolean used;

        Section(String title, boolean error) {
            this.title = title;
            this.error = error;
        }
    }

    /** The failures in {@code lines} (cleaned by {@link ConsoleLines}), in the order of the summary. */
    public static List<TestFailure> read(List<String> lines) {
        Map<String, Section> sections = new LinkedHashMap<>();
        List<Matcher> summary = new ArrayList<>();
        Section current = null;
        boolean inSummary = false;
        boolean inSections = false;
        for (String line : lines) {
            if (line.startsWith("===") && line.endsWith("===") && line.indexOf(' ') > 0) {
                inSummary = line.contains(" short test summary info ");
                inSections = line.contains(" FAILURES ") || line.contains(" ERRORS ");
                current = null;
                continue;
            }
            if (inSummary) {
                Matcher m = SUMMARY.matcher(line);
                if (m.matches()) {
                    summary.add(m);
                }
                continue;
            }
            if (!inSections) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (line.startsWith("___") && section.matches()) {
                String title = section.group(1);
                boolean error = title.startsWith("ERROR ");
                current = new Section(sectionTest(title), error);
                sections.putIfAbsent(current.title, current);
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.startsWith("E ") && current.errorLines.size() < Messages.MAX_LINES) {
                current.errorLines.add(line.substring(1).strip());
            } else {
                Matcher location = LOCATION.matcher(line);
                if (line.contains(".py:") && location.matches()) {
                    current.locations.add(new String[] {location.group(1), location.group(2)});
                }
            }
        }
        List<TestFailure> failures = new ArrayList<>();
        for (Matcher m : summary) {
            String nodeId = m.group(2);
            String message = m.group(3) == null ? "" : m.group(3).strip();
            Section section = sections.get(titleOf(nodeId));
            Kind kind = m.group(1).equals("FAILED") ? Kind.FAILED : Kind.ERROR;
            failures.add(failure(kind, nodeId, message, section));
        }
        if (summary.isEmpty()) {
            for (Section section : sections.values()) {
                String file = section.locations.isEmpty() ? "" : section.locations.get(0)[0];
                String nodeId = section.title.endsWith(".py") || file.isEmpty() ? section.title
                        : file + "::" + section.title.replace(".", "::");
                failures.add(failure(section.error ? Kind.ERROR : Kind.FAILED, nodeId, "", section));
            }
        }
        return failures;
    }

    private static TestFailure failure(Kind kind, String nodeId, String summaryMessage, Section section) {
        String message = summaryMessage;
        String path = "";
        int line = 0;
        if (section != null) {
            String file = nodeId.contains("::") ? nodeId.substring(0, nodeId.indexOf("::")) : nodeId;
            String[] at = section.locations.stream().filter(l -> l[0].equals(file)).findFirst()
                    .orElse(section.locations.isEmpty() ? null : section.locations.get(section.locations.size() - 1));
            if (at != null) {
                path = at[0];
                line = JvmStackTrace.number(at[1]);
            }
            if ((message.isEmpty() || message.endsWith("...")) && !section.errorLines.isEmpty()) {
                message = section.errorLines.get(0);
            }
        }
        return new TestFailure(kind, nodeId, path, line, Messages.of(message));
    }

    /** The node id a section's title names: {@code TestA.test_b} stays as it is, collection errors name their file. */
    private static String sectionTest(String title) {
        if (title.startsWith("ERROR collecting ")) {
            return title.substring("ERROR collecting ".length()).strip();
        }
        if (title.startsWith("ERROR at setup of ") || title.startsWith("ERROR at teardown of ")) {
            return title.substring(title.indexOf(" of ") + 4).strip();
        }
        return title;
    }

    /** The section title pytest gives {@code nodeId}: what follows the file, its {@code ::} as dots. */
    private static String titleOf(String nodeId) {
        int sep = nodeId.indexOf("::");
        return sep < 0 ? nodeId : nodeId.substring(sep + 2).replace("::", ".");
    }

    /**
     * A testcase of pytest's {@code --junitxml} report, named by its node id as the console names it, when its text
     * shows the test's file ({@code tests.test_x} + {@code test_y} with {@code tests/test_x.py:12: ...} in the text);
     * empty for any other report's testcase.
     */
    static Optional<TestFailure> fromReport(Kind kind, String className, String name, String messageAttribute,
            List<String> text) {
        String firstError = "";
        Map<String, String[]> byFile = new HashMap<>();
        for (String line : text) {
            Matcher location = LOCATION.matcher(line);
            if (line.contains(".py:") && location.matches()) {
                byFile.putIfAbsent(location.group(1), new String[] {location.group(1), location.group(2)});
            } else if (line.startsWith("E ") && firstError.isEmpty()) {
                firstError = line.substring(1).strip();
            }
        }
        String dotted = className.isEmpty() ? name : className + "." + name;
        String[] parts = dotted.split("\\.", MAX_PARTS + 1);
        if (byFile.isEmpty() || parts.length > MAX_PARTS) {
            return Optional.empty();
        }
        for (int i = parts.length; i > 0; i--) {
            String file = String.join("/", List.of(parts).subList(0, i)) + ".py";
            String[] at = byFile.get(file);
            if (at != null) {
                String rest = String.join("::", List.of(parts).subList(i, parts.length));
                String nodeId = rest.isEmpty() ? file : file + "::" + rest;
                String attribute = messageAttribute.strip();
                String message = attribute.isEmpty() || attribute.equals("collection failure")
                        ? firstError : attribute.lines().findFirst().orElse("");
                return Optional.of(new TestFailure(kind, nodeId, at[0], JvmStackTrace.number(at[1]),
                        Messages.of(message)));
            }
        }
        return Optional.empty();
    }
}
