package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.LineEndings;
import dev.codefactory.domain.spec.Rule;

/**
 * Where the parts of a contract's text are: an optional byte order mark, the opening {@code ---} on line 1, the
 * YAML front matter, the closing {@code ---} (or {@code ...}) line and the body after it. Offsets are char indexes
 * into the text.
 *
 * @param yamlStart  where the first front matter line starts
 * @param yamlEnd    where the closing fence line starts (front matter lines end before it)
 * @param bodyStart  where the line after the closing fence starts (the text's length when there is none)
 * @param closeLine  the 1-based line of the closing fence
 * @param lineEnding the line break of the opening fence, used for lines that are added
 */
record ContractText(String text, int yamlStart, int yamlEnd, int bodyStart, int closeLine, String lineEnding) {
    static final int OPEN_LINE = 1;

    /** The 1-based file line of the front matter's first line. */
    static final int FIRST_YAML_LINE = OPEN_LINE + 1;

    /** @throws ContractProblem {@link Rule#FRONT_MATTER_MISSING} when there is no closed front matter */
    static ContractText split(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstBreak = text.indexOf('\n', start);
        int firstEnd = firstBreak < 0 ? text.length() : firstBreak;
        if (!isFence(text, start, firstEnd, '-')) {
            throw new ContractProblem(Rule.FRONT_MATTER_MISSING, OPEN_LINE,
                    "does not start with front matter: the first line must be --- followed by the YAML fields"
                            + " and another --- line");
        }
        if (firstBreak < 0) {
            throw neverClosed();
        }
        String eol = firstBreak > start && text.charAt(firstBreak - 1) == '\r' ? LineEndings.CRLF : LineEndings.LF;
        int yamlStart = firstBreak + 1;
        int lineStart = yamlStart;
        int line = OPEN_LINE + 1;
        while (lineStart < text.length()) {
            int lineBreak = text.indexOf('\n', lineStart);
            int lineEnd = lineBreak < 0 ? text.length() : lineBreak;
            if (isFence(text, lineStart, lineEnd, '-') || isFence(text, lineStart, lineEnd, '.')) {
                int bodyStart = lineBreak < 0 ? text.length() : lineBreak + 1;
                return new ContractText(text, yamlStart, lineStart, bodyStart, line, eol);
            }
            if (lineBreak < 0) {
                break;
            }
            lineStart = lineBreak + 1;
            line++;
        }
        throw neverClosed();
    }

    String yaml() {
        return text.substring(yamlStart, yamlEnd);
    }

    String body() {
        return text.substring(bodyStart);
    }

    int bodyLine() {
        return closeLine + 1;
    }

    private static ContractProblem neverClosed() {
        return new ContractProblem(Rule.FRONT_MATTER_MISSING, OPEN_LINE,
                "front matter opened on line " + OPEN_LINE + " is never closed with ---");
    }

    /** Three {@code mark}s, then nothing but spaces and tabs (and the {@code \r} of a CRLF). */
    private static boolean isFence(String text, int from, int to, char mark) {
        if (to - from < 3 || text.charAt(from) != mark || text.charAt(from + 1) != mark
                || text.charAt(from + 2) != mark) {
            return false;
        }
        for (int i = from + 3; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && !(c == '\r' && i == to - 1)) {
                return false;
            }
        }
        return true;
    }
}
