package dev.codefactory.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// covers feature-002/NFR-003
class ControlCharactersTest {

    @Test
    void c0_controls_del_c1_and_bidirectional_formatting_are_unsafe() {
        for (char c = 0; c < 0x20; c++) {
            assertEquals(c != '\t' && c != '\n', ControlCharacters.isUnsafe(c), "U+" + Integer.toHexString(c));
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            assertTrue(ControlCharacters.isUnsafe(c), "U+" + Integer.toHexString(c));
        }
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
            assertTrue(ControlCharacters.isUnsafe(c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void printable_text_is_safe() {
        for (char c : " ~^[é€日\u00a0\u00ff\u2029\u200f\u2070\u202f".toCharArray()) {
            assertFalse(ControlCharacters.isUnsafe(c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void shows_c0_in_caret_notation_del_as_caret_question_mark_and_the_rest_as_code_points() {
        assertEquals("^[", ControlCharacters.visible('\u001b'));
        assertEquals("^G", ControlCharacters.visible('\u0007'));
        assertEquals("^M", ControlCharacters.visible('\r'));
        assertEquals("^@", ControlCharacters.visible('\u0000'));
        assertEquals("^?", ControlCharacters.visible('\u007f'));
        assertEquals("<U+009B>", ControlCharacters.visible('\u009b'));
        assertEquals("<U+202E>", ControlCharacters.visible('\u202e'));
    }

    @Test
    void escape_shows_terminal_sequences_and_keeps_tabs_and_line_endings() {
        assertEquals("^[]0;pwned^G^[[2J title\tx\nnext\r\nlast^M// harmless",
                ControlCharacters.escape("\u001b]0;pwned\u0007\u001b[2J title\tx\nnext\r\nlast\r// harmless"));
        assertEquals("a^M", ControlCharacters.escape("a\r"));
        assertEquals("x<U+202E>cod.exe", ControlCharacters.escape("x\u202ecod.exe"));
    }

    @Test
    void escape_returns_safe_text_itself() {
        String text = "plain text, é and 日本\n";
        assertSame(text, ControlCharacters.escape(text));
    }
}
