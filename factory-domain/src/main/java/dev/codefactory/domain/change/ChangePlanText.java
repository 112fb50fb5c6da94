package dev.codefactory.domain.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change plan as Markdown, shown to the person and edited in their editor, and read back.
 *
 * <p>{@link #show} writes the plan's id and request, then the sections {@code ## Summary}, {@code ## Specs}
 * ({@code - id (title): reason}, or {@code - (none)}), {@code ## Files} ({@code - action path: reason}) and
 * {@code ## Impact}: the plan as a person reads it, one line per item, for the terminal to wrap. {@link #render} is
 * the same text for the editor, with a closing comment saying how to edit it. {@link #parse} reads the Summary, Specs and Files
 * sections back (found by their {@code ## } headings, ignoring case; {@code *} bullets and CRLF are accepted; the
 * Impact section and HTML comments are ignored). An empty Files section means the plan is rejected.
 */
public final class ChangePlanText {
    /** The closing comment of {@link #render}: the editor's instructions, in lines that fit 80 columns. */
    static final String HELP = "<!-- Edit the Summary, Specs and Files sections. One file per line,\n"
            + "\"- ACTION PATH: REASON\" with ACTION create, modify or delete; delete a line\n"
            + "to leave that file out. The Impact section is recomputed: no need to edit it.\n"
            + "Save and close the editor to go on; empty the Files section to reject the plan.\n"
            + "-->\n";
    private static final String FILE_FORM = "\"- ACTION PATH: REASON\" with ACTION create, modify or delete";
    private static final Pattern HEADING = Pattern.compile("^#{1,2}(?:\\s+(.*?))?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern SPEC = Pattern.compile("^([^\\s:()]+)\\s*(?:\\((.*?)\\))?\\s*(?::\\s*(.*))?$");

    private ChangePlanText() {
    }

    /** The Summary, Specs and Files sections as read back; {@code files} empty means the plan was rejected. */
    public record Edited(String summary, List<ChangePlan.SpecRef> specs, List<PlannedFile> files) {
        public Edited {
            summary = summary == null ? "" : summary.strip();
            specs = List.copyOf(specs);
            files = List.copyOf(files);
        }
    }

    /** {@code p} as Markdown to edit: {@link #show} and the editor's instructions (see the class comment). */
    public static String render(ChangePlan p) {
        return show(p) + '\n' + HELP;
    }

    /** {@code p} as Markdown to read, without the editor's instructions (see the class comment). */
    public static String show(ChangePlan p) {
        Objects.requireNonNull(p, "p");
        StringBuilder out = new StringBuilder();
        out.append("# Change plan ").append(p.id()).append("\n\n");
        out.append("Request: ").append(oneLine(p.request())).append("\n\n");
        out.append("## Summary\n\n");
        if (!p.summary().isEmpty()) {
            out.append(p.summary()).append("\n\n");
        }
        out.append("## Specs\n\n");
        if (p.specs().isEmpty()) {
            out.append("- (none)\n");
        }
        for (ChangePlan.SpecRef s : p.specs()) {
            out.append("- ").append(s.id());
            if (!s.title().isBlank()) {
                out.append(" (").append(oneLine(s.title())).append(')');
            }
            if (!s.reason().isEmpty()) {
                out.append(": ").append(oneLine(s.reason()));
            }
            out.append('\n');
        }
        out.append("\n## Files\n\n");
        for (PlannedFile f : p.files()) {
            out.append("- ").append(f.action().word()).append(' ').append(f.path());
            if (!f.reason().isEmpty()) {
                out.append(": ").append(oneLine(f.reason()));
            }
            out.append('\n');
        }
        out.append("\n## Impact\n\n");
        Impact.Result impact = p.impact();
        out.append("Effort: ").append(impact.effort().label()).append(". Risk: ").append(impact.risk().label()).append(".\n");
        for (String why : impact.why()) {
            out.append("- ").append(oneLine(why)).append('\n');
        }
        dependents(out, "Dependents", impact.dependents());
        dependents(out, "Tests", impact.tests());
        return out.toString();
    }

    private static void dependents(StringBuilder out, String title, List<Impact.Dependent> list) {
        if (list.isEmpty()) {
            out.append(title).append(": none\n");
            return;
        }
        out.append(title).append(":\n");
        for (Impact.Dependent d : list) {
            out.append("- ").append(d.path()).append(": ").append(oneLine(d.reason())).append('\n');
        }
    }

    /**
     * Reads the Summary, Specs and Files sections of {@code text} (see the class comment).
     *
     * @throws IllegalArgumentException when there is no Files section, a Specs or Files line does not read (naming
     *                                  its line number and the expected form), a path appears twice or has a bad
     *                                  shape
     */
    public static Edited parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, List<Integer>> sections = sections(lines);
        if (!sections.containsKey("files")) {
            throw new IllegalArgumentException("the plan has no \"## Files\" section: list the files under it, one "
                    + "per line, as " + FILE_FORM);
        }
        StringBuilder summary = new StringBuilder();
        for (int i : sections.getOrDefault("summary", List.of())) {
            summary.append(lines[i]).append('\n');
        }
        List<ChangePlan.SpecRef> specs = specs(lines, sections.getOrDefault("specs", List.of()));
        List<PlannedFile> files = files(lines, sections.get("files"));
        return new Edited(summary.toString(), specs, files);
    }

    /** The line indexes of each section by lower-case heading, comment lines left out. */
    private static Map<String, List<Integer>> sections(String[] lines) {
        Map<String, List<Integer>> sections = new LinkedHashMap<>();
        List<Integer> current = null;
        boolean comment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (comment || line.strip().startsWith("<!--")) {
                comment = !line.contains("-->");
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String name = heading.group(1) == null ? "" : heading.group(1).toLowerCase(Locale.ROOT);
                current = line.startsWith("##") && !sections.containsKey(name) ? new ArrayList<>() : null;
                if (current != null) {
                    sections.put(name, current);
                }
                continue;
            }
            if (current != null) {
                current.add(i);
            }
        }
        return sections;
    }

    private static List<ChangePlan.SpecRef> specs(String[] lines, List<Integer> section) {
        Map<String, ChangePlan.SpecRef> out = new LinkedHashMap<>();
        for (int i : section) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher bullet = BULLET.matcher(lines[i]);
            String item = bullet.matches() ? bullet.group(1).strip() : null;
            if (item != null && (item.equalsIgnoreCase("(none)") || item.equalsIgnoreCase("none"))) {
                continue;
            }
            Matcher spec = item == null ? null : SPEC.matcher(item);
            if (spec == null || !spec.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the plan does not read as a spec: \""
                        + lines[i].strip() + "\"; write it as \"- SPEC-ID: REASON\"");
            }
            String id = spec.group(1);
            out.putIfAbsent(id, new ChangePlan.SpecRef(id, spec.group(2) == null ? "" : spec.group(2).strip(),
                    spec.group(3)));
        }
        return new ArrayList<>(out.values());
    }

    private static List<PlannedFile> files(String[] lines, List<Integer> section) {
        List<PlannedFile> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i : section) {
            if (lines[i].isBlank()) {
                continue;
            }
            PlannedFile file = file(lines[i]);
            if (file == null) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the plan does not read as a file: \""
                        + lines[i].strip() + "\"; write it as " + FILE_FORM);
            }
            Optional<String> problem = PathRules.problem(file.path());
            if (problem.isPresent()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the plan: " + problem.get());
            }
            if (!seen.add(file.path())) {
                throw new IllegalArgumentException(file.path() + " appears twice in the Files section (line "
                        + (i + 1) + "): keep one line for it");
            }
            out.add(file);
        }
        return out;
    }

    /** A Files line as a planned file, or null when it does not read. */
    private static PlannedFile file(String line) {
        Matcher bullet = BULLET.matcher(line);
        if (!bullet.matches()) {
            return null;
        }
        String item = bullet.group(1).strip();
        int space = item.indexOf(' ');
        if (space < 0) {
            return null;
        }
        PlannedFile.Action action = PlannedFile.Action.of(item.substring(0, space)).orElse(null);
        if (action == null) {
            return null;
        }
        String rest = item.substring(space + 1).strip();
        String reason = "";
        int colon = rest.indexOf(": ");
        if (colon >= 0) {
            reason = rest.substring(colon + 2);
            rest = rest.substring(0, colon);
        } else if (rest.endsWith(":")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String path = PlanAnswer.cleanPath(rest);
        return path.isEmpty() ? null : new PlannedFile(path, action, reason);
    }

    /** {@code s} on one line: line breaks and the blanks around them folded into one space. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
