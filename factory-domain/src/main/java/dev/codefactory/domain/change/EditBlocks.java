package dev.codefactory.domain.change;

import dev.codefactory.domain.markdown.Fence;
import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.util.ArrayList;
import java.util.Collections;
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
 * leading {@code ./}, the same file named in several {@code FILE:} sections (their edits are merged, in order, into
 * one {@link FileChange.Modify}), the file's path alone on the line before the block or before the fence around it
 * (Aider's style), and a block with an empty SEARCH part for a file the plan creates (its REPLACE part is the file).
 *
 * <p>Where an answer can be read in more than one way, it is read the one way the file allows, or not at all:
 * <ul>
 *   <li>a SEARCH or REPLACE part may hold lines of {@code =} signs (a Markdown or reStructuredText heading
 *       underline): the divider is the candidate line after which the SEARCH part occurs in the file (the longest
 *       such), else the one line that is exactly {@code =======}; when neither decides, the block is refused;</li>
 *   <li>a new file's content closes at the one closing fence that leaves the fences inside it paired; content
 *       holding bare fences of the same length can be closed at more than one of them, and is then refused with the
 *       advice to use a longer fence;</li>
 *   <li>a block followed by a second {@code >>>>>>> REPLACE} line before any other block may hold that line in its
 *       replacement: it is refused.</li>
 * </ul>
 * What cannot be used is dropped and explained in {@link Parsed#issues()}, and counted per file in
 * {@link Parsed#skipped()}:
 * <ul>
 *   <li>a block cut off before its {@code >>>>>>> REPLACE} line, or a new file before its closing fence, at the end
 *       of the answer ({@link Parsed#truncated()} is then true);</li>
 *   <li>a block without its {@code =======} or {@code REPLACE} line before the next block;</li>
 *   <li>a block with an empty SEARCH part for a file that is not to be created (an edit must be anchored on existing
 *       text), or with no file named before it;</li>
 *   <li>a new file whose content is not in a code fence;</li>
 *   <li>a file both created, edited or deleted (the later section is dropped; a file created twice keeps its last
 *       content).</li>
 * </ul>
 * Paths that are absolute, contain {@code ..} or lie inside {@code .git/} or {@code .factory/} are kept but reported:
 * refusing them is {@link ChangeSafety}'s job. Nothing here throws on model output: an answer with no block at all
 * yields no changes and the problem "no edit blocks found".
 */
// implements feature-007/FR-006
public final class EditBlocks {

    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:[#>-]+\\s*)?(?:\\d+[.)]\\s*)?[*_]*\\s*(NEW\\s+FILE|DELETE\\s+FILE|DELETED\\s+FILE|FILE)"
                    + "\\s*[*_]*\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH = Pattern.compile("^\\s*<{5,9}\\s*SEARCH\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIVIDER = Pattern.compile("^\\s*={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("^\\s*>{5,9}\\s*REPLACE\\s*$", Pattern.CASE_INSENSITIVE);
    /** A path alone on a line, as Aider writes it before a block: no spaces, in backticks or bold at most. */
    private static final Pattern PATH_LINE = Pattern.compile("[A-Za-z0-9_.@+\\-]+(?:/[A-Za-z0-9_.@+\\-]+)*");
    private static final String CANONICAL_DIVIDER = "=======";

    private EditBlocks() {
    }

    /**
     * What the reader may know about the project, to read an answer the one way the files allow.
     *
     * @param contents the current text of the existing files the answer may edit, by path
     * @param planned  the paths of the approved plan
     * @param creates  the planned paths that are to be created (an empty SEARCH part for one of them is its content)
     */
    public record Context(Map<String, String> contents, Set<String> planned, Set<String> creates) {
        public static final Context NONE = new Context(Map.of(), Set.of(), Set.of());

        public Context {
            contents = Map.copyOf(contents);
            planned = Set.copyOf(planned);
            creates = Set.copyOf(creates);
        }
    }

    /**
     * What was read from an answer.
     *
     * @param changes   one change per file, in the order the files first appear
     * @param issues    what was dropped or looks wrong, fit to show to the model
     * @param truncated the answer stopped in the middle of a block (it was probably cut off)
     * @param skipped   per file, how many of its blocks or sections were dropped (a retry must send them again)
     */
    public record Parsed(List<FileChange> changes, List<EditProblem> issues, boolean truncated,
                         Map<String, Integer> skipped) {
        public Parsed {
            changes = List.copyOf(changes);
            issues = List.copyOf(issues);
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }

        /** {@link #issues()} as sentences. */
        public List<String> problems() {
            return issues.stream().map(EditProblem::toString).toList();
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

    /** Reads {@code raw} knowing nothing of the project (see the class comment); {@code null} counts as empty. */
    public static Parsed parse(String raw) {
        return parse(raw, Context.NONE);
    }

    /** Reads {@code raw} (see the class comment), resolving what it can with {@code context}. */
    public static Parsed parse(String raw, Context context) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Reader(List.of(text.split("\n", -1)), context).read();
    }

    /** Whether {@code line} is a line of the edit format itself ({@code <<<<<<< SEARCH}, {@code >>>>>>> REPLACE}). */
    static boolean isMarker(String line) {
        return SEARCH.matcher(line).matches() || REPLACE.matcher(line).matches();
    }

    /** One pass over the lines of an answer. */
    private static final class Reader {
        private final List<String> lines;
        private final Context context;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<String, Integer> blockCounts = new LinkedHashMap<>();
        private final Map<String, Integer> skipped = new LinkedHashMap<>();
        private final Set<String> reportedPaths = new HashSet<>();
        private final List<EditProblem> problems = new ArrayList<>();
        private boolean truncated;
        private boolean sawBlock;
        private String file;
        private int blocksInSection;

        Reader(List<String> lines, Context context) {
            this.lines = lines;
            this.context = context;
        }

        Parsed read() {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (SEARCH.matcher(line).matches()) {
                    sawBlock = true;
                    String named = pathBefore(i);
                    if (named != null && !named.equals(file)) {
                        endSection();
                        reportPath(named);
                        file = named;
                        blocksInSection = 0;
                    }
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
                problems.add(EditProblem.general("no edit blocks found: write FILE:, NEW FILE: or DELETE FILE: sections"
                        + " as instructed"));
            }
            List<FileChange> changes = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                changes.add(e.getValue().toChange(e.getKey()));
            }
            return new Parsed(changes, problems, truncated, skipped);
        }

        /**
         * The path named alone on the line before the SEARCH line at {@code search}, or before the fence just above
         * it (Aider's style), or null.
         */
        private String pathBefore(int search) {
            int k = search - 1;
            if (k >= 0 && Fence.of(lines.get(k)) != null) {
                k--;
            }
            if (k < 0) {
                return null;
            }
            String s = lines.get(k).strip();
            while (s.startsWith("#")) {
                s = s.substring(1).strip();
            }
            s = s.replace("**", "").replace("`", "").strip();
            if (s.endsWith(":")) {
                s = s.substring(0, s.length() - 1);
            }
            while (s.startsWith("./")) {
                s = s.substring(2);
            }
            if (!PATH_LINE.matcher(s).matches() || s.chars().allMatch(c -> c == '.')) {
                return null;
            }
            boolean looksLikePath = s.indexOf('/') >= 0 || (s.lastIndexOf('.') > 0 && !s.endsWith("."));
            return looksLikePath || context.planned().contains(s) ? s : null;
        }

        /** Reads the search/replace block whose SEARCH line is at {@code start}; returns the next line to read. */
        private int block(int start) {
            String where = file == null ? "a block with no FILE line before it" : blockName();
            blocksInSection++;
            List<String> body = new ArrayList<>();
            int j = start + 1;
            while (j < lines.size() && !isMarker(lines.get(j))) {
                body.add(lines.get(j++));
            }
            if (j == lines.size()) {
                return cutOff(where);
            }
            List<Integer> dividers = new ArrayList<>();
            for (int k = 0; k < body.size(); k++) {
                if (DIVIDER.matcher(body.get(k)).matches()) {
                    dividers.add(k);
                }
            }
            if (SEARCH.matcher(lines.get(j)).matches()) {
                skip(where + (dividers.isEmpty() ? " has no ======= line between SEARCH and REPLACE"
                        : " has no >>>>>>> REPLACE line before the next block") + "; it was skipped");
                return j;
            }
            int end = j;
            int stray = strayReplace(end + 1);
            if (stray >= 0) {
                skip(where + " is followed by a second >>>>>>> REPLACE line (line " + (stray + 1) + " of the answer)"
                        + " before any other block, so where its replacement ends is unclear; it was skipped: write"
                        + " each block with one >>>>>>> REPLACE line");
                return stray + 1;
            }
            if (dividers.isEmpty()) {
                skip(where + " has no ======= line between SEARCH and REPLACE; it was skipped");
                return end + 1;
            }
            int divider = divider(body, dividers);
            if (divider < 0) {
                skip(where + " holds " + dividers.size() + " lines of = signs, and the file does not show which one"
                        + " divides SEARCH from REPLACE; it was skipped: when a part holds such a line, copy"
                        + " enough of the file around it that the SEARCH part matches");
                return end + 1;
            }
            List<String> search = body.subList(0, divider);
            List<String> replace = body.subList(divider + 1, body.size());
            if (file == null) {
                problems.add(EditProblem.general("a SEARCH/REPLACE block has no FILE: line before it naming the file;"
                        + " it was skipped"));
            } else if (search.stream().allMatch(String::isBlank)) {
                if (context.creates().contains(file) && !context.contents().containsKey(file)) {
                    put(file, new Entry(Kind.CREATE, join(replace)));
                } else {
                    skip(where + " has an empty SEARCH part: an edit must be anchored on existing text (copy the"
                            + " lines to change); to create a file use NEW FILE; it was skipped");
                }
            } else {
                Entry entry = new Entry(Kind.MODIFY, null);
                entry.edits.add(new Edit(join(search), join(replace)));
                put(file, entry);
            }
            return end + 1;
        }

        /**
         * Which of the candidate lines divides SEARCH from REPLACE: the last after which the SEARCH part applies to
         * the file, else the one line that is exactly {@code =======}; -1 when neither decides.
         */
        private int divider(List<String> body, List<Integer> dividers) {
            if (dividers.size() == 1) {
                return dividers.get(0);
            }
            String content = file == null ? null : context.contents().get(file);
            if (content != null) {
                for (int k = dividers.size() - 1; k >= 0; k--) {
                    int d = dividers.get(k);
                    List<String> search = body.subList(0, d);
                    if (!search.stream().allMatch(String::isBlank) && EditApplier.apply(content,
                            List.of(new Edit(join(search), join(body.subList(d + 1, body.size())))))
                            instanceof EditApplier.Applied) {
                        return d;
                    }
                }
            }
            List<Integer> canonical = dividers.stream().filter(d -> body.get(d).strip().equals(CANONICAL_DIVIDER))
                    .toList();
            return canonical.size() == 1 ? canonical.get(0) : -1;
        }

        /** The line of a second REPLACE marker after a block ending at {@code from - 1}, before any block; or -1. */
        private int strayReplace(int from) {
            for (int k = from; k < lines.size(); k++) {
                String line = lines.get(k);
                if (SEARCH.matcher(line).matches() || Header.of(line) != null) {
                    return -1;
                }
                if (REPLACE.matcher(line).matches()) {
                    return k;
                }
            }
            return -1;
        }

        private String blockName() {
            return "block " + blockCounts.merge(file, 1, Integer::sum);
        }

        /** Records a dropped block of the current file (or of none). */
        private void skip(String problem) {
            if (file == null) {
                problems.add(EditProblem.general(problem));
            } else {
                problems.add(new EditProblem(file, problem));
                skipped.merge(file, 1, Integer::sum);
            }
        }

        private int cutOff(String where) {
            truncated = true;
            skip(where + " was cut off before its >>>>>>> REPLACE line (the answer looks truncated); it was skipped");
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
                return dropNew(path, "its content (NEW FILE) must follow in a code fence (```); it was skipped", j);
            }
            List<Integer> closers = new ArrayList<>();
            int header = -1;
            int k = j + 1;
            for (; k < lines.size(); k++) {
                String line = lines.get(k);
                Fence f = Fence.of(line);
                if (f != null && f.closes(open, false)) {
                    closers.add(k);
                } else if (Header.of(line) != null || SEARCH.matcher(line).matches()) {
                    if (!closers.isEmpty()) {
                        break; // the next section
                    }
                    if (header < 0) {
                        header = k;
                    }
                }
            }
            if (closers.isEmpty()) {
                if (header >= 0) {
                    return dropNew(path, "its code fence (NEW FILE) is not closed before the next section; it was"
                            + " skipped", header);
                }
                truncated = true;
                return dropNew(path, "its content (NEW FILE) was cut off before its closing fence (the answer looks"
                        + " truncated); it was skipped", lines.size());
            }
            List<Integer> paired = new ArrayList<>();
            for (int c : closers) {
                if (paired(lines.subList(j + 1, c), open)) {
                    paired.add(c);
                }
            }
            if (paired.size() != 1) {
                return dropNew(path, "its content (NEW FILE) holds " + open.mark() + open.mark()
                        + open.mark() + " fence lines of its own, so it could end at " + (paired.isEmpty()
                        ? "none of them" : "more than one of them") + "; it was skipped: fence the whole content"
                        + " with a longer fence (" + String.valueOf(open.mark()).repeat(open.length() + 1) + ")", k);
            }
            put(path, new Entry(Kind.CREATE, join(lines.subList(j + 1, paired.get(0)))));
            return paired.get(0) + 1;
        }

        private int dropNew(String path, String problem, int next) {
            problems.add(new EditProblem(path, problem));
            skipped.merge(path, 1, Integer::sum);
            return next;
        }

        private void endSection() {
            if (file != null && blocksInSection == 0) {
                problems.add(new EditProblem(file, "its FILE line is followed by no SEARCH/REPLACE block; nothing was"
                        + " changed in it"));
            }
            file = null;
        }

        private void reportPath(String path) {
            if (reportedPaths.add(path)) {
                PathRules.editProblem(path).ifPresent(problems::add);
            }
        }

        private void put(String path, Entry entry) {
            Entry existing = entries.get(path);
            if (existing == null) {
                entries.put(path, entry);
            } else if (existing.kind == Kind.MODIFY && entry.kind == Kind.MODIFY) {
                existing.edits.addAll(entry.edits);
            } else if (existing.kind == Kind.CREATE && entry.kind == Kind.CREATE) {
                problems.add(new EditProblem(path, "it is created twice (NEW FILE); the last content was kept"));
                entries.put(path, entry);
            } else if (existing.kind != Kind.DELETE || entry.kind != Kind.DELETE) {
                problems.add(new EditProblem(path, "it is " + existing.kind.done + " above and " + entry.kind.done
                        + " again below; the later " + entry.kind.section + " was skipped: name each file in one way"
                        + " only"));
                skipped.merge(path, 1, Integer::sum);
            }
        }

        private static String join(List<String> part) {
            return part.isEmpty() ? "" : String.join("\n", part) + "\n";
        }
    }

    /**
     * Whether the fences inside a new file's {@code content} pair up, counting only those that could close
     * {@code open}: one with an info string opens, a bare one closes the innermost open one or opens one.
     */
    static boolean paired(List<String> content, Fence open) {
        int depth = 0;
        for (String line : content) {
            Fence f = Fence.of(line);
            if (f == null || f.mark() != open.mark() || f.length() < open.length()) {
                continue;
            }
            depth = !f.info().isEmpty() || depth == 0 ? depth + 1 : depth - 1;
        }
        return depth == 0;
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
