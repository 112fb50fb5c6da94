package dev.codefactory.domain.text;

/** JSON string literals: the one escaping used wherever Code-Factory writes JSON by hand (CLI output, audit log). */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Appends {@code s} as a quoted JSON string that is printable text only: every C0 control, DEL, C1 control and
     * bidirectional formatting character ({@link ControlCharacters#isUnsafe}) and U+2028/U+2029 are escaped (as a
     * backslash, {@code u} and four hex digits, or {@code \n}, {@code \r}, {@code \t}), so that JSON printed on a
     * terminal cannot drive it.
     */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (ControlCharacters.isUnsafe(c) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
