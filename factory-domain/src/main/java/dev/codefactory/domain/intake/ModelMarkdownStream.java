package dev.codefactory.domain.intake;

import dev.codefactory.domain.markdown.Fence;
import dev.codefactory.domain.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@link ModelMarkdown#extract}, as the model's answer arrives: each piece fed in gives back the part of the spec
 * that can be shown now, so that a person watches the spec being written once, without the model's chatter, its
 * code fence or its own front matter.
 *
 * <p>It holds back only what may still turn out not to be the spec: anything before the first heading (chatter, the
 * opening fence, front matter), a line that may be the closing fence and what follows it, a trailing paragraph that
 * starts like a sign-off ("Let me know...") or a rule before one, blank lines (until text follows them), and the
 * start of a line until it is clear which of these it is. A line that is plainly part of the spec is given back as
 * its characters arrive. {@link #finish} gives back the rest, so that everything given back is exactly
 * {@code ModelMarkdown.extract(whole answer).body()}; in the rare answer where the two disagree (chatter holding a
 * heading after the closing fence, a second markdown block), what was given back is still what looked like the spec
 * when it was given, and the caller shows the final body's difference.
 *
 * <p>Line endings, a byte-order mark and control characters are handled as {@link ModelMarkdown#extract} does.
 * Not thread-safe: one stream of one answer, fed in order.
 */
// implements feature-005/FR-003
public final class ModelMarkdownStream {
    /** The start of a line that may still become a rule ({@code ---}, {@code ***}, {@code ___}). */
    private static final Pattern RULE_START = Pattern.compile("^ {0,3}(?:[-*_][-*_ \\t]*)?$");
    /** The start of a line that may still become a bare fence. */
    private static final Pattern FENCE_START = Pattern.compile("^ {0,3}[`~]*[ \\t]*$");

    private enum State {
        /** Before the spec: chatter, and fenced blocks that are not the spec's wrapper. */
        PREAMBLE,
        /** Inside the wrapper fence, before its first heading (front matter may come). */
        WRAPPER_HEAD,
        /** Inside the wrapper fence, in the spec. */
        WRAPPER_BODY,
        /** After a line that may close the wrapper: held until it is clear whether the spec goes on. */
        WRAPPER_AFTER,
        /** The spec without a wrapper, from its first heading. */
        BODY
    }

    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder given = new StringBuilder();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    /** How many characters of {@link #line} were given back already. */
    private int lineGiven;
    private boolean started;
    private boolean carriageReturn;
    private boolean finished;
    private State state = State.PREAMBLE;
    /** The wrapper's opening fence (WRAPPER_*). */
    private Fence wrapper;
    /** An open fenced block: chatter's (PREAMBLE), or the spec's own (WRAPPER_HEAD, BODY). */
    private Fence open;
    /** Lines that may or may not be the spec (WRAPPER_HEAD, WRAPPER_AFTER, BODY's possible sign-offs). */
    private final List<String> held = new ArrayList<>();
    /** Blank lines of the spec, given back once text follows them. */
    private final List<String> blanks = new ArrayList<>();
    /** Some text of the spec was given back (leading blank lines are not). */
    private boolean anyText;
    /** BODY: {@link #held} holds what may be trailing sign-offs. */
    private boolean signingOff;
    /** BODY: the lines of the paragraph being read (0 after a blank line). */
    private int paragraphLines;
    /** BODY: the last non-blank line, held or not. */
    private String lastText = "";

    /**
     * The next piece of the answer; returns what can be shown now (often {@code ""}).
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public String feed(String piece) {
        if (finished) {
            throw new IllegalStateException("the answer was finished already");
        }
        if (piece == null || piece.isEmpty()) {
            return "";
        }
        raw.append(piece);
        String text = piece;
        if (!started) {
            started = true;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        StringBuilder normal = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (carriageReturn) {
                carriageReturn = false;
                normal.append('\n');
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r') {
                carriageReturn = true;
            } else {
                normal.append(c);
            }
        }
        String escaped = ControlCharacters.escape(normal.toString());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\n') {
                completeLine();
            } else {
                line.append(c);
            }
        }
        partialLine();
        return drain();
    }

    /**
     * The answer is complete: the rest of the spec. Everything given back by {@link #feed} and this is
     * {@link ModelMarkdown#extract}'s body of the whole answer, unless what was given back is not a beginning of it
     * (then only the end of the line that was being given back).
     */
    public String finish() {
        if (finished) {
            return "";
        }
        finished = true;
        String body = ModelMarkdown.extract(raw.toString()).body();
        String rest;
        if (body.startsWith(given.toString())) {
            rest = body.substring(given.length());
        } else {
            rest = lineGiven > 0 ? "\n" : "";
        }
        given.append(rest);
        return rest;
    }

    /** Everything given back so far. */
    public String given() {
        return given.toString();
    }

    private String drain() {
        String s = out.toString();
        out.setLength(0);
        given.append(s);
        return s;
    }

    // ---- whole lines ---------------------------------------------------------------------------------------------

    private void completeLine() {
        String l = line.toString();
        int alreadyGiven = lineGiven;
        line.setLength(0);
        lineGiven = 0;
        switch (state) {
            case PREAMBLE:
                preamble(l);
                break;
            case WRAPPER_HEAD:
                wrapperHead(l);
                break;
            case WRAPPER_BODY:
                wrapperBody(l, alreadyGiven);
                break;
            case WRAPPER_AFTER:
                wrapperAfter(l);
                break;
            default:
                body(l, alreadyGiven);
                break;
        }
    }

    private void preamble(String l) {
        Fence f = Fence.of(l);
        if (open != null) {
            if (f != null && f.closes(open, false)) {
                open = null;
            }
        } else if (f != null) {
            if (ModelMarkdown.WRAPPER_INFOS.contains(f.info().toLowerCase(Locale.ROOT))) {
                state = State.WRAPPER_HEAD;
                wrapper = f;
                held.clear();
            } else {
                open = f; // a block of chatter (```json ...): no heading in it counts
            }
        } else if (ModelMarkdown.HEADING.matcher(l).matches()) {
            state = State.BODY;
            body(l, 0);
        }
    }

    private void wrapperHead(String l) {
        Fence f = Fence.of(l);
        if (open != null) {
            held.add(l);
            if (f != null && f.closes(open, false)) {
                open = null;
            }
        } else if (f != null && f.closes(wrapper, true)) {
            // closed before any heading: not the spec's wrapper, only more chatter
            state = State.PREAMBLE;
            wrapper = null;
            held.clear();
        } else if (f != null) {
            open = f;
            held.add(l);
        } else if (ModelMarkdown.HEADING.matcher(l).matches()) {
            List<String> before = new ArrayList<>(held);
            held.clear();
            int[] frontMatter = ModelMarkdown.frontMatter(before, before.size());
            if (frontMatter != null) {
                before.subList(frontMatter[0], frontMatter[1] + 1).clear();
            }
            state = State.WRAPPER_BODY;
            before.forEach(b -> keep(b, 0));
            keep(l, 0);
        } else {
            held.add(l);
        }
    }

    private void wrapperBody(String l, int alreadyGiven) {
        Fence f = Fence.of(l);
        if (alreadyGiven == 0 && f != null && f.closes(wrapper, true)) {
            state = State.WRAPPER_AFTER;
            held.add(l);
        } else {
            keep(l, alreadyGiven);
        }
    }

    private void wrapperAfter(String l) {
        Fence f = Fence.of(l);
        if (f != null && f.closes(wrapper, true)) {
            release(); // the earlier one closed a block of the spec; this one may close the wrapper
            held.add(l);
        } else if (ModelMarkdown.HEADING.matcher(l).matches()) {
            release(); // a heading: the spec goes on
            state = State.WRAPPER_BODY;
            keep(l, 0);
        } else {
            held.add(l);
        }
    }

    /** A line of a spec without a wrapper: everything is kept but the trailing sign-offs {@code extract} drops. */
    private void body(String l, int alreadyGiven) {
        if (l.isBlank()) {
            paragraphLines = 0;
            if (signingOff) {
                held.add(l);
            } else {
                keep(l, alreadyGiven);
            }
            return;
        }
        boolean paragraphStart = paragraphLines == 0;
        boolean inCode = open != null;
        Fence f = Fence.of(l);
        if (open != null) {
            if (f != null && f.closes(open, false)) {
                open = null;
            }
        } else if (f != null) {
            open = f;
        }
        paragraphLines++;
        String previous = lastText;
        lastText = l;
        if (alreadyGiven > 0) { // shown already: it was clear from its start that it is part of the spec
            keep(l, alreadyGiven);
            return;
        }
        if (signingOff && !paragraphStart) {
            held.add(l);
            if (paragraphLines > ModelMarkdown.MAX_SIGN_OFF_LINES) { // too long for a sign-off
                stopSigningOff();
            }
            return;
        }
        if (paragraphStart && !inCode && mayBeDropped(l, previous)) {
            signingOff = true;
            held.add(l);
            return;
        }
        stopSigningOff();
        keep(l, 0);
    }

    /** Whether a paragraph starting with {@code l} may be a trailing sign-off (or a rule before one). */
    private static boolean mayBeDropped(String l, String previous) {
        return ModelMarkdown.RULE.matcher(l).matches()
                || ModelMarkdown.isSignOff(l) && !ModelMarkdown.HEADING.matcher(previous).matches();
    }

    private void stopSigningOff() {
        if (signingOff) {
            signingOff = false;
            release();
        }
    }

    // ---- the line being written ----------------------------------------------------------------------------------

    /** Gives back the start of the line being written when it is certainly part of the spec. */
    private void partialLine() {
        if (line.length() == lineGiven || line.toString().isBlank()) {
            return;
        }
        String p = line.toString();
        switch (state) {
            case WRAPPER_BODY:
                if (!FENCE_START.matcher(p).matches()) {
                    givePartial();
                }
                break;
            case BODY:
                if (lineGiven > 0) {
                    givePartial();
                } else if (signingOff && paragraphLines > 0) {
                    return; // goes on with a paragraph that may be a sign-off
                } else if (paragraphLines > 0 || open != null || !mayStillBeDropped(p, lastText)) {
                    stopSigningOff();
                    givePartial();
                }
                break;
            default:
                break; // not (yet) the spec
        }
    }

    /** Whether a paragraph whose first line starts with {@code p} may still turn out droppable. */
    private static boolean mayStillBeDropped(String p, String previous) {
        if (RULE_START.matcher(p).matches()) {
            return true;
        }
        if (ModelMarkdown.HEADING.matcher(previous).matches()) {
            return false;
        }
        String start = p.stripLeading().replaceFirst("^[*_>]+\\s*", "").toLowerCase(Locale.ROOT);
        for (String signOff : ModelMarkdown.SIGN_OFFS) {
            if (signOff.startsWith(start) || start.startsWith(signOff)) {
                return true;
            }
        }
        return false;
    }

    private void givePartial() {
        int end = line.length();
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // half a character: its other half comes with the next piece
        }
        if (end <= lineGiven) {
            return;
        }
        flushBlanks();
        out.append(line, lineGiven, end);
        lineGiven = end;
        anyText = true;
    }

    // ---- giving back ---------------------------------------------------------------------------------------------

    /** A line of the spec, of which {@code alreadyGiven} characters were given back already. */
    private void keep(String l, int alreadyGiven) {
        if (l.isBlank() && alreadyGiven == 0) {
            if (anyText) {
                blanks.add(l);
            }
            return;
        }
        if (alreadyGiven == 0) {
            flushBlanks();
        }
        out.append(l, alreadyGiven, l.length()).append('\n');
        anyText = true;
    }

    /** The held lines turned out to be the spec's. */
    private void release() {
        List<String> lines = new ArrayList<>(held);
        held.clear();
        lines.forEach(l -> keep(l, 0));
    }

    private void flushBlanks() {
        for (String b : blanks) {
            out.append(b).append('\n');
        }
        blanks.clear();
    }
}
