package dev.codefactory.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        JsonText.quote(s, out);
        return out.toString();
    }

    @Test
    void escapes_quotes_backslashes_and_line_breaks() {
        assertEquals("\"say \\\"hi\\\"\\\\ \\n\\r\\t\"", quoted("say \"hi\"\\ \n\r\t"));
    }

    @Test
    void escapes_other_control_characters_and_javascript_line_separators() {
        assertEquals("\"\\u0000\\u001f\\u2028\\u2029\"", quoted("\u0000\u001f\u2028\u2029"));
    }

    @Test
    void escapes_del_c1_controls_and_bidirectional_formatting_so_json_stays_printable() {
        assertEquals("\"\\u001b]0;x\\u0007 \\u007f\\u0080\\u009b\\u009f \\u202a\\u202e\\u2066\\u2069\"",
                quoted("\u001b]0;x\u0007 \u007f\u0080\u009b\u009f \u202a\u202e\u2066\u2069"));
    }

    @Test
    void leaves_bidi_marks_and_other_format_characters_alone() {
        assertEquals("\"\u200f\u200e\u200b\"", quoted("\u200f\u200e\u200b"));
    }

    @Test
    void leaves_other_text_alone() {
        assertEquals("\"caf\u00e9 \u20ac /\"", quoted("caf\u00e9 \u20ac /"));
    }
}
