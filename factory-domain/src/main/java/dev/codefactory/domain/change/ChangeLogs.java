package dev.codefactory.domain.change;

import dev.codefactory.domain.markdown.Fence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The records a change leaves: a bullet in the {@code ## Change log} section of each affected spec, and an entry in
 * the project's {@code reports/change-log.md}, newest first.
 */
// implements feature-007/FR-007
public final class ChangeLogs {
    /** How {@code reports/change-log.md} starts. */
    static final String LOG_INTRO = "# Change log\n\nChanges made with `factory change`, newest first.\n";
    private static final Pattern CHANGE_LOG = Pattern.compile("^##\\s+change[\\s-]*log\\s*#*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_TWO = Pattern.compile("^##(?:\\s.*)?$");

    private ChangeLogs() {
    }

    /**
     * An entry of {@code reports/change-log.md}.
     *
     * @param specs the ids of the specs the change affected
     * @param files the files it touched
     */
    public record LogEntry(String id, LocalDate date, String request, List<String> specs, List<PlannedFile> files,
            String branch) {
        public LogEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(date, "date");
            request = request == null ? "" : request;
            specs = specs == null ? List.of() : List.copyOf(specs);
            files = files == null ? List.of() : List.copyOf(files);
            branch = branch == null ? "" : branch;
        }
    }

    /**
     * {@code specMarkdown} with the bullet {@code - entry} added at the end of its {@code ## Change log} section
     * (heading matched ignoring case; the section ends at the next {@code ## } heading outside a code fence, or at the
     * end), or with that section created at the end when there is none. Line breaks in {@code entry} become spaces;
     * the file's line ending style is kept, and the result ends with a line break.
     */
    public static String appendToSpec(String specMarkdown, String entry) {
        Objects.requireNonNull(entry, "entry");
        String text = specMarkdown == null ? "" : specMarkdown;
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = lines(text);
        String bullet = "- " + ChangePlanText.oneLine(entry);
        int heading = -1;
        int end = lines.size();
        Fence open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Fence fence = Fence.of(line);
            if (open != null) {
                if (fence != null && fence.closes(open, false)) {
                    open = null;
                }
                continue;
            }
            if (fence != null) {
                open = fence;
                continue;
            }
            if (heading < 0 && CHANGE_LOG.matcher(line).matches()) {
                heading = i;
            } else if (heading >= 0 && LEVEL_TWO.matcher(line).matches()) {
                end = i;
                break;
            }
        }
        if (heading < 0) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(List.of("## Change log", "", bullet));
        } else {
            int last = end - 1;
            while (last > heading && lines.get(last).isBlank()) {
                last--;
            }
            if (last == heading) {
                lines.addAll(heading + 1, List.of("", bullet));
                if (end == heading + 1 && end + 2 < lines.size()) {
                    lines.add(end + 2, ""); // the next heading followed the change log heading directly
                }
            } else {
                lines.add(last + 1, bullet);
            }
        }
        return String.join(eol, lines) + eol;
    }

    /**
     * {@code existingOrNull} (the text of {@code reports/change-log.md}, or null when there is none) with {@code e}
     * added as the newest entry, right after the introduction (before the first {@code ## } entry). A blank log
     * starts with {@link #LOG_INTRO}. The line ending style is kept.
     */
    public static String appendToLog(String existingOrNull, LogEntry e) {
        Objects.requireNonNull(e, "e");
        String text = existingOrNull == null || existingOrNull.isBlank() ? LOG_INTRO : existingOrNull;
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = lines(text);
        int first = lines.size();
        Fence open = null;
        for (int i = 0; i < lines.size(); i++) {
            Fence fence = Fence.of(lines.get(i));
            if (open != null) {
                if (fence != null && fence.closes(open, false)) {
                    open = null;
                }
            } else if (fence != null) {
                open = fence;
            } else if (LEVEL_TWO.matcher(lines.get(i)).matches()) {
                first = i;
                break;
            }
        }
        List<String> head = new ArrayList<>(lines.subList(0, first));
        while (!head.isEmpty() && head.get(head.size() - 1).isBlank()) {
            head.remove(head.size() - 1);
        }
        List<String> out = new ArrayList<>(head);
        if (!out.isEmpty()) {
            out.add("");
        }
        out.addAll(entry(e));
        if (first < lines.size()) {
            out.add("");
            out.addAll(lines.subList(first, lines.size()));
        }
        return String.join(eol, out) + eol;
    }

    /** The lines of {@code e} as {@link #appendToLog} writes it. */
    static List<String> entry(LogEntry e) {
        List<String> out = new ArrayList<>();
        out.add("## " + ChangePlanText.oneLine(e.id()) + " (" + e.date() + ")");
        out.add("");
        String request = e.request().strip();
        for (String line : request.split("\\R", -1)) {
            out.add(line.isBlank() ? ">" : "> " + line.stripTrailing());
        }
        out.add("");
        out.add("- Branch: `" + e.branch() + "`");
        out.add("- Specs: " + (e.specs().isEmpty() ? "none" : String.join(", ", e.specs())));
        List<String> files = new ArrayList<>();
        for (PlannedFile f : e.files()) {
            files.add(f.action().word() + " `" + f.path() + "`");
        }
        out.add("- Files: " + (files.isEmpty() ? "none" : String.join(", ", files)));
        return out;
    }

    /** The lines of {@code text} (any line ending), without the empty string after a final line break. */
    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\n|\r", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
