package dev.codefactory.domain.intake;

import dev.codefactory.domain.markdown.Fence;
import dev.codefactory.domain.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The markdown body a language model meant, recovered from what it actually returned.
 *
 * <p>Models wrap the document in a code fence ({@code ```markdown}, {@code ```md}, {@code ```}, {@code ~~~}), talk
 * before and after it ("Sure! Here is the spec:", "Let me know if..."), add YAML front matter that Code-Factory owns
 * itself, answer with {@code \r\n}, or stop mid-stream. {@link #extract} undoes all of that, in this order:
 * <ol>
 *   <li>line endings become {@code \n} (and a leading byte-order mark goes), and other control characters
 *       ({@code ESC}, {@code BEL}, bidirectional overrides...) are written out as {@code ^[}, {@code ^G},
 *       {@code <U+202E>} ({@link ControlCharacters}): a spec is text, and must not drive the terminal of whoever
 *       prints it;</li>
 *   <li>when a fenced block holds a markdown heading, the largest such block is the document. Only the
 *       <em>outer</em> fence is unwrapped: it closes at the last bare fence line (same character, at least as long,
 *       same indentation, no info string) counted from the end of the text, so fences inside the spec (a
 *       {@code ```java} example) survive; but when a heading follows that line and the spec had begun before it,
 *       it closed a block of the spec and the answer was cut off before its own closing fence. A fence that opens
 *       after a heading is part of a document, never a wrapper;</li>
 *   <li>otherwise lines before the first heading are chatter and dropped, and so are trailing paragraphs of at most
 *       {@value #MAX_SIGN_OFF_LINES} lines that start like a sign-off ("Let me know", "I hope", "Feel free", "This
 *       spec", "Note:" ...) — but never the only paragraph of the last section;</li>
 *   <li>leading YAML front matter ({@code ---} ... {@code ---}) is removed;</li>
 *   <li>leading and trailing blank lines go, and the body ends with exactly one {@code \n} ({@code ""} when
 *       empty).</li>
 * </ol>
 * Nothing here throws on model output.
 */
// implements feature-005/NFR-001
public final class ModelMarkdown {
    /** The longest trailing paragraph that may be taken for a sign-off. */
    public static final int MAX_SIGN_OFF_LINES = 3;

    static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t].*)?$");
    static final Pattern RULE = Pattern.compile("^ {0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    static final List<String> WRAPPER_INFOS = List.of("", "markdown", "md", "mdown", "mkd", "gfm",
            "commonmark", "text", "txt", "plain", "plaintext");
    static final List<String> SIGN_OFFS = List.of("let me know", "i hope", "hope this", "feel free",
            "this spec", "this document", "note:", "note that", "if you", "would you like", "do you want",
            "please let", "please note", "happy to", "i can ", "i'd be", "i would be", "shall i", "i've ", "i have ",
            "want me to", "does this", "good luck", "enjoy");

    private ModelMarkdown() {
    }

    /**
     * The body recovered from a model's answer, with what was done to get it.
     *
     * @param body           the markdown, ending with exactly one {@code \n}, or {@code ""}
     * @param hadFences      the body was unwrapped from an outer code fence
     * @param hadFrontMatter YAML front matter was removed
     * @param truncated      a fence was opened and never closed (the answer was probably cut off)
     * @param dropped        the non-blank chatter lines removed before and after the document, in order
     */
    public record Extracted(String body, boolean hadFences, boolean hadFrontMatter, boolean truncated,
            List<String> dropped) {
        public Extracted {
            Objects.requireNonNull(body, "body");
            dropped = List.copyOf(dropped);
        }

        /** True when nothing but blank space remains. */
        public boolean isEmpty() {
            return body.isBlank();
        }
    }

    /** Recovers the markdown body from {@code raw} ({@code null} counts as empty). */
    public static Extracted extract(String raw) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = ControlCharacters.escape(text);
        List<String> lines = List.of(text.split("\n", -1));
        List<String> dropped = new ArrayList<>();

        int[] block = largestWrapper(lines, true);
        boolean anyHeading = lines.stream().anyMatch(l -> HEADING.matcher(l).matches());
        if (block == null && !anyHeading) {
            block = largestWrapper(lines, false); // a fenced answer without a single heading
        }
        List<String> body;
        boolean hadFences = false;
        boolean truncated = false;
        if (block != null) {
            hadFences = true;
            int open = block[0];
            int close = block[1];
            truncated = close < 0;
            int end = truncated ? lines.size() : close;
            body = new ArrayList<>(lines.subList(open + 1, end));
            addNonBlank(lines.subList(0, open), dropped);
            if (!truncated) {
                addNonBlank(lines.subList(close + 1, lines.size()), dropped);
            }
        } else {
            body = new ArrayList<>(lines);
        }

        boolean hadFrontMatter = false;
        int first = firstHeading(body);
        if (first != 0) {
            // Front matter may sit among the chatter before the first heading (or lead a heading-less answer).
            int limit = first < 0 ? body.size() : first;
            int[] fm = frontMatter(body, limit);
            if (fm != null) {
                hadFrontMatter = true;
                List<String> before = body.subList(0, fm[0]);
                if (block == null) {
                    addNonBlank(before, dropped);
                    body = new ArrayList<>(body.subList(fm[1] + 1, body.size()));
                } else {
                    List<String> kept = new ArrayList<>(before);
                    kept.addAll(body.subList(fm[1] + 1, body.size()));
                    body = kept;
                }
                first = firstHeading(body);
            }
        }
        if (block == null && first > 0) {
            addNonBlank(body.subList(0, first), dropped);
            body = new ArrayList<>(body.subList(first, body.size()));
        }
        if (block == null && first >= 0) {
            dropped.addAll(dropSignOffs(body));
        }
        truncated |= hasUnclosedFence(body);
        return new Extracted(join(body), hadFences, hadFrontMatter, truncated, dropped);
    }

    /**
     * The largest fenced block that can be a wrapper as {@code {openLine, closeLine}} ({@code closeLine} -1 when
     * never closed), considering only blocks that hold a heading when {@code needHeading}; null when there is none.
     */
    private static int[] largestWrapper(List<String> lines, boolean needHeading) {
        int[] best = null;
        int bestSize = -1;
        boolean headingSeen = false;
        int i = 0;
        while (i < lines.size()) {
            Fence open = Fence.of(lines.get(i));
            if (open == null) {
                headingSeen |= HEADING.matcher(lines.get(i)).matches();
                i++;
                continue;
            }
            boolean wrapper = !headingSeen && WRAPPER_INFOS.contains(open.info().toLowerCase(Locale.ROOT));
            int close = -1;
            if (wrapper) {
                boolean headingAfter = false;
                for (int j = lines.size() - 1; j > i; j--) {
                    Fence f = Fence.of(lines.get(j));
                    if (f != null && f.closes(open, true)) {
                        close = j;
                        break;
                    }
                    headingAfter |= f == null && HEADING.matcher(lines.get(j)).matches();
                }
                if (close > 0 && headingAfter && firstHeading(lines.subList(i + 1, close)) >= 0) {
                    close = -1; // it closed a block of the spec, which goes on: the answer was cut off
                }
            } else {
                for (int j = i + 1; j < lines.size(); j++) {
                    Fence f = Fence.of(lines.get(j));
                    if (f != null && f.closes(open, false)) {
                        close = j;
                        break;
                    }
                }
            }
            int end = close < 0 ? lines.size() : close;
            if (wrapper) {
                List<String> content = lines.subList(i + 1, end);
                boolean hasHeading = firstHeading(content) >= 0;
                int size = end - i - 1;
                if ((hasHeading || !needHeading) && size > bestSize) {
                    best = new int[] {i, close};
                    bestSize = size;
                }
            }
            i = end + 1;
        }
        return best;
    }

    /** The index of the first heading line outside inner code fences, or -1. */
    private static int firstHeading(List<String> lines) {
        Fence open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Fence f = Fence.of(line);
            if (open != null) {
                if (f != null && f.closes(open, false)) {
                    open = null;
                }
            } else if (f != null) {
                open = f;
            } else if (HEADING.matcher(line).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code {openLine, closeLine}} of front matter starting at the first non-blank line before {@code limit}. */
    static int[] frontMatter(List<String> lines, int limit) {
        int start = -1;
        for (int i = 0; i < limit; i++) {
            if (lines.get(i).strip().equals("---")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        for (int j = start + 1; j < limit; j++) {
            String s = lines.get(j).strip();
            if (s.equals("---") || s.equals("...")) {
                return j > start + 1 ? new int[] {start, j} : null;
            }
        }
        return null;
    }

    /** Removes trailing sign-off paragraphs (and a rule just before them) from {@code body}; returns them. */
    private static List<String> dropSignOffs(List<String> body) {
        List<String> removed = new ArrayList<>();
        while (true) {
            int end = body.size();
            while (end > 0 && body.get(end - 1).isBlank()) {
                end--;
            }
            int start = end;
            while (start > 0 && !body.get(start - 1).isBlank()) {
                start--;
            }
            if (end == 0 || end - start > MAX_SIGN_OFF_LINES || !isSignOff(body.get(start))) {
                break;
            }
            int previous = start;
            while (previous > 0 && body.get(previous - 1).isBlank()) {
                previous--;
            }
            if (previous == 0 || HEADING.matcher(body.get(previous - 1)).matches()
                    || hasUnclosedFence(body.subList(0, start))) {
                break; // the paragraph is a section's only content, or sits inside a code block
            }
            List<String> paragraph = new ArrayList<>(body.subList(start, end));
            body.subList(start, body.size()).clear();
            int ruleEnd = body.size();
            while (ruleEnd > 0 && body.get(ruleEnd - 1).isBlank()) {
                ruleEnd--;
            }
            if (ruleEnd > 0 && RULE.matcher(body.get(ruleEnd - 1)).matches()
                    && (ruleEnd == 1 || body.get(ruleEnd - 2).isBlank())) {
                paragraph.add(0, body.get(ruleEnd - 1));
                body.subList(ruleEnd - 1, body.size()).clear();
            }
            removed.addAll(0, paragraph);
        }
        return removed;
    }

    static boolean isSignOff(String line) {
        String s = line.strip().replaceFirst("^[*_>]+\\s*", "").toLowerCase(Locale.ROOT);
        for (String signOff : SIGN_OFFS) {
            if (s.startsWith(signOff)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnclosedFence(List<String> lines) {
        Fence open = null;
        for (String line : lines) {
            Fence f = Fence.of(line);
            if (f == null) {
                continue;
            }
            if (open == null) {
                open = f;
            } else if (f.closes(open, false)) {
                open = null;
            }
        }
        return open != null;
    }

    private static void addNonBlank(List<String> lines, List<String> into) {
        for (String line : lines) {
            if (!line.isBlank()) {
                into.add(line);
            }
        }
    }

    private static String join(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        return start == end ? "" : String.join("\n", lines.subList(start, end)) + "\n";
    }

}
