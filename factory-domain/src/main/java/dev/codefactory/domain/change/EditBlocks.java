package dev.codefactory.domain.change;

import dev.codefactory.domain.text.Fence;
import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format a model writes file edits in for a change order, and a tolerant reader for it.
 *
 * <p>The format (the exact prompt text is {@link #formatInstructions()}): an existing file is changed by a
 * {@code FILE:} line followed by one or more search/replace blocks,
 * <pre>
 * FILE: path/relative/to/root
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH
 * exact existing lines
 * =======
 * replacement lines
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE
 * </pre>
 * a new file by {@code NEW FILE: path} followed by its whole content in a code fence, and a file is removed by
 * {@code DELETE FILE: path}.
 *
 * <p>{@link #parse} reads what models really write: the whole answer or each block in a code fence of any language
 * (fence lines outside a block are ignored), chatter before, between and after blocks, {@code \r\n}, headers in
 * markdown dress ({@code ### FILE:}, {@code **FILE:**}, {@code 1. FILE:}), paths in backticks or quotes or with a
 * leading {@code ./}, and the same file named in several {@code FILE:} sections (their edits are merged, in order,
 * into one {@link FileChange.Modify}). What cannot be used is dropped and explained in {@link Parsed#problems()}:
 * <ul>
 *   <li>a block cut off before its {@code >>>>>>> REPLACE} line, or a new file before its closing fence, at the end
 *       of the answer ({@link Parsed#truncated()} is then true);</li>
 *   <li>a block without its {@code =======} or {@code REPLACE} line before the next block;</li>
 *   <li>a block with an empty SEARCH part (an edit must be anchored on existing text), or with no {@code FILE:} line
 *       before it;</li>
 *   <li>a new file whose content is not in a code fence;</li>
 *   <li>a file both created, edited or deleted (the later section is dropped; a file created twice keeps its last
 *       content).</li>
 * </ul>
 * Paths that are absolute, contain {@code ..} or lie inside {@code .git/} or {@code .factory/} are kept but reported:
 * refusing them is {@link ChangeSafety}'s job. The content of a new file closes at the first bare fence of the same
 * kind and at least the opening's length that does not close a fence opened inside the content with an info string
 * ({@code ```java}); content holding bare fences should use a longer fence, as the instructions say. Nothing here
 * throws on model output: an answer with no block at all yields no changes and the problem "no edit blocks found".
 */
public final class EditBlocks {

    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:[#>-]+\\s*)?(?:\\d+[.)]\\s*)?[*_]*\\s*(NEW\\s+FILE|DELETE\\s+FILE|DELETED\\s+FILE|FILE)"
                    + "\\s*[*_]*\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH = Pattern.compile("^\\s*<{5,9}\\s*SEARCH\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIVIDER = Pattern.compile("^\\s*={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("^\\s*>{5,9}\\s*REPLACE\\s*$", Pattern.CASE_INSENSITIVE);

    private EditBlocks() {
    }

    /**
     * What was read from an answer.
     *
     * @param changes   one change per file, in the order the files first appear
     * @param problems  what was dropped or looks wrong, one sentence each, fit to show to the model
     * @param truncated the answer stopped in the middle of a block (it was probably cut off)
     */
    public record Parsed(List<FileChange> changes, List<String> problems, boolean truncated) {
        public Parsed {
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }
    }

    /** The instructions to put in a prompt so that the answer can be {@link #parse parsed}. */
    public static String formatInstructions() {
        return String.join("\n",
                "Write every change as edit blocks, in exactly this format.",
                "",
                "To change an existing file, write a FILE line with its path relative to the project root, then one or",
                "more SEARCH/REPLACE blocks:",
                "",
                "FILE: path/relative/to/root",
                "<<<<<<< SEARCH",
                "exact existing lines",
                "=======",
                "replacement lines",
                ">>>>>>> REPLACE",
                "",
                "Rules for SEARCH/REPLACE blocks:",
                "- The SEARCH part must copy the existing lines exactly, character for character, with their",
                "  indentation, and must never be empty.",
                "- The SEARCH part must match exactly one place in the file: include enough surrounding lines to",
                "  make it unique, but keep it short.",
                "- The REPLACE part holds the lines that take their place; leave it empty to delete them.",
                "- Several blocks may follow one FILE line; they are applied in order, each to the result of the",
                "  one before.",
                "",
                "To create a new file, write its whole content in a code fence:",
                "",
                "NEW FILE: path/relative/to/root",
                "```",
                "whole content",
                "```",
                "",
                "If the content itself contains lines starting with ```, fence it with ```` (four backticks).",
                "",
                "To delete a file:",
                "",
                "DELETE FILE: path/relative/to/root",
                "",
                "Use forward slashes in paths. Only touch the files of the approved plan. Never write inside .git/ or",
                ".factory/, and never use absolute paths or '..'.",
                "");
    }

    /** Reads {@code raw} (see the class comment); {@code null} counts as empty. */
    public static Parsed parse(String raw) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Reader(List.of(text.split("\n", -1))).read();
    }

    /** One pass over the lines of an answer. */
    private static final class Reader {
        private final List<String> lines;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<String, Integer> blockCounts = new LinkedHashMap<>();
        private final Set<String> reportedPaths = new HashSet<>();
        private final List<String> problems = new ArrayList<>();
        private boolean truncated;
        private boolean sawBlock;
        private String file;
        private int blocksInSection;

        Reader(List<String> lines) {
            this.lines = lines;
        }

        Parsed read() {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (SEARCH.matcher(line).matches()) {
                    sawBlock = true;
                    i = block(i);
                    continue;
                }
                Header header = Header.of(line);
                if (header == null) {
                    i++; // chatter, or a fence around blocks
                    continue;
                }
                sawBlock = true;
                endSection();
                reportPath(header.path);
                if (header.kind == Kind.MODIFY) {
                    file = header.path;
                    blocksInSection = 0;
                    i++;
                } else if (header.kind == Kind.DELETE) {
                    put(header.path, new Entry(Kind.DELETE, null));
                    i++;
                } else {
                    i = newFile(header.path, i + 1);
                }
            }
            endSection();
            if (!sawBlock) {
                problems.add("no edit blocks found: write FILE:, NEW FILE: or DELETE FILE: sections as instructed");
            }
            List<FileChange> changes = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                changes.add(e.getValue().toChange(e.getKey()));
            }
            return new Parsed(changes, problems, truncated);
        }

        /** Reads the search/replace block whose SEARCH line is at {@code start}; returns the next line to read. */
        private int block(int start) {
            String where = file == null ? "a block with no FILE line before it" : blockName();
            blocksInSection++;
            List<String> search = new ArrayList<>();
            int j = start + 1;
            while (j < lines.size() && !DIVIDER.matcher(lines.get(j)).matches() && !marker(lines.get(j))) {
                search.add(lines.get(j++));
            }
            if (j == lines.size()) {
                return cutOff(where);
            }
            if (!DIVIDER.matcher(lines.get(j)).matches()) {
                problems.add(where + " has no ======= line between SEARCH and REPLACE; it was skipped");
                return SEARCH.matcher(lines.get(j)).matches() ? j : j + 1;
            }
            List<String> replace = new ArrayList<>();
            j++;
            while (j < lines.size() && !marker(lines.get(j))) {
                replace.add(lines.get(j++));
            }
            if (j == lines.size()) {
                return cutOff(where);
            }
            if (SEARCH.matcher(lines.get(j)).matches()) {
                problems.add(where + " has no >>>>>>> REPLACE line before the next block; it was skipped");
                return j;
            }
            if (file == null) {
                problems.add("a SEARCH/REPLACE block has no FILE: line before it naming the file; it was skipped");
            } else if (search.stream().allMatch(String::isBlank)) {
                problems.add(where + " has an empty SEARCH part: an edit must be anchored on existing text (copy the"
                        + " lines to change); to create a file use NEW FILE; it was skipped");
            } else {
                Entry entry = new Entry(Kind.MODIFY, null);
                entry.edits.add(new Edit(join(search), join(replace)));
                put(file, entry);
            }
            return j + 1;
        }

        private String blockName() {
            int n = blockCounts.merge(file, 1, Integer::sum);
            return "block " + n + " for " + file;
        }

        private int cutOff(String where) {
            truncated = true;
            problems.add(where + " was cut off before its >>>>>>> REPLACE line (the answer looks truncated);"
                    + " it was skipped");
            return lines.size();
        }

        /** Reads a new file's fenced content from {@code from}; returns the next line to read. */
        private int newFile(String path, int from) {
            file = null;
            int j = from;
            while (j < lines.size() && lines.get(j).isBlank()) {
                j++;
            }
            Fence open = j < lines.size() ? Fence.of(lines.get(j)) : null;
            if (open == null) {
                problems.add("NEW FILE " + path + ": its content must follow in a code fence (```); it was skipped");
                return j;
            }
            int depth = 0;
            int header = -1;
            for (int k = j + 1; k < lines.size(); k++) {
                String line = lines.get(k);
                Fence f = Fence.of(line);
                if (f != null) {
                    if (f.info().isEmpty() && depth > 0) {
                        depth--;
                    } else if (f.closes(open, false)) {
                        put(path, new Entry(Kind.CREATE, join(lines.subList(j + 1, k))));
                        return k + 1;
                    } else {
                        depth++;
                    }
                } else if (header < 0 && depth == 0 && (Header.of(line) != null || SEARCH.matcher(line).matches())) {
                    header = k;
                }
            }
            if (header >= 0) {
                problems.add("NEW FILE " + path + ": its code fence is not closed before the next section; it was"
                        + " skipped");
                return header;
            }
            truncated = true;
            problems.add("NEW FILE " + path + " was cut off before its closing fence (the answer looks truncated);"
                    + " it was skipped");
            return lines.size();
        }

        private void endSection() {
            if (file != null && blocksInSection == 0) {
                problems.add("FILE " + file + " is followed by no SEARCH/REPLACE block; nothing was changed in it");
            }
            file = null;
        }

        private void reportPath(String path) {
            if (reportedPaths.add(path)) {
                PathRules.problem(path).ifPresent(problems::add);
            }
        }

        private void put(String path, Entry entry) {
            Entry existing = entries.get(path);
            if (existing == null) {
                entries.put(path, entry);
            } else if (existing.kind == Kind.MODIFY && entry.kind == Kind.MODIFY) {
                existing.edits.addAll(entry.edits);
            } else if (existing.kind == Kind.CREATE && entry.kind == Kind.CREATE) {
                problems.add(path + " is created twice (NEW FILE); the last content was kept");
                entries.put(path, entry);
            } else if (existing.kind != Kind.DELETE || entry.kind != Kind.DELETE) {
                problems.add(path + " is " + existing.kind.done + " above and " + entry.kind.done + " again here;"
                        + " the later " + entry.kind.section + " was skipped: name each file in one way only");
            }
        }

        private static boolean marker(String line) {
            return SEARCH.matcher(line).matches() || REPLACE.matcher(line).matches();
        }

        private static String join(List<String> part) {
            return part.isEmpty() ? "" : String.join("\n", part) + "\n";
        }
    }

    private enum Kind {
        CREATE("created", "NEW FILE"), MODIFY("edited", "FILE section"), DELETE("deleted", "DELETE FILE");

        final String done;
        final String section;

        Kind(String done, String section) {
            this.done = done;
            this.section = section;
        }
    }

    private static final class Entry {
        final Kind kind;
        final String content;
        final List<Edit> edits = new ArrayList<>();

        Entry(Kind kind, String content) {
            this.kind = kind;
            this.content = content;
        }

        FileChange toChange(String path) {
            if (kind == Kind.CREATE) {
                return new FileChange.Create(path, content);
            }
            return kind == Kind.DELETE ? new FileChange.Delete(path) : new FileChange.Modify(path, edits);
        }
    }

    /** A section header line and its cleaned path. */
    private static final class Header {
        final Kind kind;
        final String path;

        private Header(Kind kind, String path) {
            this.kind = kind;
            this.path = path;
        }

        /** The header on {@code line}, or null when the line is not one (or names no plausible path). */
        static Header of(String line) {
            Matcher m = HEADER.matcher(line);
            if (!m.matches()) {
                return null;
            }
            String word = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            String path = cleanPath(m.group(2));
            if (path == null) {
                return null;
            }
            Kind kind = word.equals("FILE") ? Kind.MODIFY : word.equals("NEW FILE") ? Kind.CREATE : Kind.DELETE;
            return new Header(kind, path);
        }

        /** The path without markdown dress, or null when it is empty or looks like prose. */
        private static String cleanPath(String raw) {
            String s = raw.strip();
            while (s.startsWith("**") || s.startsWith("__")) {
                s = s.substring(2).strip();
            }
            while (s.endsWith("**")) {
                s = s.substring(0, s.length() - 2).strip();
            }
            boolean quoted = false;
            if (!s.isEmpty() && "`\"'".indexOf(s.charAt(0)) >= 0) {
                char q = s.charAt(0);
                int end = s.indexOf(q, 1);
                s = end < 0 ? s.substring(1) : s.substring(1, end);
                s = s.strip();
                quoted = true;
            }
            if (s.isEmpty() || (!quoted && s.chars().anyMatch(Character::isWhitespace))) {
                return null;
            }
            while (s.startsWith("./")) {
                s = s.substring(2);
            }
            return s.isEmpty() ? null : s;
        }
    }

}
