package dev.codefactory.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal {@code columns} wide shows after a stream of output, scrollback included: the rows as a person
 * sees them. Enough of xterm for what the CLI and JLine write: printable characters with xterm's deferred wrap (a
 * character in the last column leaves the cursor there; the next one starts a new row), carriage return, line feed,
 * backspace, tab, and of the escape sequences erase in line ({@code ESC [ K}, {@code 1K}, {@code 2K}) and the cursor
 * moves ({@code A B C D G}); colours and the rest are ignored. A row that wrapped is two rows, as on the screen.
 */
final class Screen {
    private final int columns;
    private final List<StringBuilder> rows = new ArrayList<>();
    private int row;
    private int column;
    private boolean wrapPending;

    private Screen(int columns) {
        this.columns = columns;
        rows.add(new StringBuilder());
    }

    /** The rows a terminal {@code columns} wide shows after {@code output} (escape sequences and all). */
    static List<String> of(String output, int columns) {
        Screen screen = new Screen(columns);
        screen.write(output);
        List<String> shown = new ArrayList<>();
        for (StringBuilder r : screen.rows) {
            shown.add(r.toString().stripTrailing());
        }
        return shown;
    }

    private void write(String output) {
        int i = 0;
        while (i < output.length()) {
            char c = output.charAt(i);
            if (c == '\u001b') {
                i = escape(output, i + 1);
                continue;
            }
            switch (c) {
                case '\r':
                    column = 0;
                    wrapPending = false;
                    break;
                case '\n':
                    down(1);
                    break;
                case '\b':
                    column = Math.max(0, column - 1);
                    wrapPending = false;
                    break;
                case '\t':
                    column = Math.min(columns - 1, (column / 8 + 1) * 8);
                    break;
                default:
                    if (c >= ' ' && c != 0x7f) {
                        put(c);
                    }
            }
            i++;
        }
    }

    /** Reads the escape sequence after {@code ESC} at {@code i}; returns the index after it. */
    private int escape(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char kind = s.charAt(i);
        if (kind == '[') {
            int j = i + 1;
            while (j < s.length() && (s.charAt(j) < '@' || s.charAt(j) > '~')) {
                j++;
            }
            if (j >= s.length()) {
                return j;
            }
            String params = s.substring(i + 1, j);
            int n = params.isEmpty() || !params.chars().allMatch(Character::isDigit) ? 0 : Integer.parseInt(params);
            csi(s.charAt(j), params, n);
            return j + 1;
        }
        if (kind == ']') { // an operating system command, up to BEL or ESC \
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '\u0007' && s.charAt(j) != '\u001b') {
                j++;
            }
            return j < s.length() && s.charAt(j) == '\u001b' ? j + 2 : j + 1;
        }
        if (kind == '(' || kind == ')') {
            return i + 2;
        }
        return i + 1;
    }

    private void csi(char command, String params, int n) {
        StringBuilder r = rows.get(row);
        switch (command) {
            case 'K':
                if (params.equals("2")) {
                    r.setLength(0);
                } else if (params.equals("1")) {
                    for (int k = 0; k <= column && k < r.length(); k++) {
                        r.setCharAt(k, ' ');
                    }
                } else if (r.length() > column) {
                    r.setLength(column);
                }
                break;
            case 'A':
                row = Math.max(0, row - Math.max(1, n));
                wrapPending = false;
                break;
            case 'B':
                down(Math.max(1, n));
                break;
            case 'C':
                column = Math.min(columns - 1, column + Math.max(1, n));
                wrapPending = false;
                break;
            case 'D':
                column = Math.max(0, column - Math.max(1, n));
                wrapPending = false;
                break;
            case 'G':
                column = Math.min(columns - 1, Math.max(1, n) - 1);
                wrapPending = false;
                break;
            default: // colours, modes, clearing below: nothing the rows count on
        }
    }

    private void down(int n) {
        row += n;
        while (rows.size() <= row) {
            rows.add(new StringBuilder());
        }
        wrapPending = false;
    }

    private void put(char c) {
        if (wrapPending) {
            down(1);
            column = 0;
        }
        StringBuilder r = rows.get(row);
        while (r.length() < column) {
            r.append(' ');
        }
        if (column < r.length()) {
            r.setCharAt(column, c);
        } else {
            r.append(c);
        }
        if (column == columns - 1) {
            wrapPending = true;
        } else {
            column++;
        }
    }
}
