package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class ConsoleLinesTest {

    @Test
    void splits_on_every_line_end_a_tool_uses() {
        assertEquals(List.of("a", "b", "c", "", "d"), ConsoleLines.of("a\nb\r\nc\r\rd"));
        assertEquals(List.of(), ConsoleLines.of(""));
        assertEquals(List.of(""), ConsoleLines.of("\n"));
    }

    @Test
    void strips_colours_titles_and_other_escape_sequences() {
        assertEquals(List.of("[ERROR] Tests run: 3", "FAILED x", "title gone", "charset"),
                ConsoleLines.of("[\u001b[1;31mERROR\u001b[m] \u001b[1;31mTests \u001b[0;1mrun: 3\u001b[m\n"
                        + "\u009b31mFAILED\u009b0m x\n\u001b]0;evil title\u0007title gone\n\u001b(Bcharset"));
    }

    @Test
    void drops_control_and_bidi_characters_but_keeps_tabs() {
        assertEquals(List.of("a\tbcd"), ConsoleLines.of("a\tb\u0000\u0008c\u202ed\u007f"));
    }

    @Test
    void an_unterminated_title_ends_with_its_line() {
        assertEquals(List.of("", "next"), ConsoleLines.of("\u001b]0;never ends\nnext"));
    }

    @Test
    void cuts_a_huge_line() {
        List<String> lines = ConsoleLines.of("x".repeat(1_000_000) + "\nshort");
        assertEquals(ConsoleLines.MAX_LINE, lines.get(0).length());
        assertEquals("short", lines.get(1));
    }

    @Test
    void cleans_a_text_of_several_lines() {
        assertEquals("a\nb", ConsoleLines.clean("\u001b[31ma\r\nb"));
    }
}
