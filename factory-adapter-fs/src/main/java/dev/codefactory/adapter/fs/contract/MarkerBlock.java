package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.LineEndings;

/**
 * A generated block inside a person's markdown file, from a line starting with a start marker through a line that is
 * the end marker. Only the block changes; the text around it stays as written.
 */
final class MarkerBlock {
    private final String startPrefix;
    private final String endLine;

    MarkerBlock(String startPrefix, String endLine) {
        this.startPrefix = startPrefix;
        this.endLine = endLine;
    }

    /**
     * {@code text} with its block replaced by {@code block} (which ends with a line break), or with a blank line and
     * the block appended when it has no complete block yet. The block takes the text's line endings.
     */
    String put(String text, String block) {
        String eol = LineEndings.of(text);
        String newBlock = LineEndings.convert(block, eol);
        int start = -1;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineBreak = text.indexOf('\n', lineStart);
            int next = lineBreak < 0 ? text.length() : lineBreak + 1;
            String line = text.substring(lineStart, lineBreak < 0 ? text.length() : lineBreak);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith(startPrefix)) {
                // the last start before the end: a start marker left alone by an edit never swallows text
                start = lineStart;
            } else if (start >= 0 && line.strip().equals(endLine)) {
                return text.substring(0, start) + newBlock + text.substring(next);
            }
            lineStart = next;
        }
        StringBuilder out = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.append(eol);
        }
        if (!LineEndings.endsWithBlankLine(out.toString())) {
            out.append(eol);
        }
        return out.append(newBlock).toString();
    }
}
