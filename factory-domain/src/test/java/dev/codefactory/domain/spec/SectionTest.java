package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionTest {

    @Test
    void is_blank_with_only_blank_lines() {
        assertTrue(new Section("Overview", 2, 1, "\n  \n\t\n").isBlank());
    }

    @Test
    void is_blank_with_only_html_comments() {
        assertTrue(new Section("Overview", 2, 1, "\n<!-- say what it does -->\n<!--\n  and why\n-->\n").isBlank());
    }

    @Test
    void is_not_blank_with_text_next_to_a_comment() {
        assertFalse(new Section("Overview", 2, 1, "<!-- hint --> It signs people in.").isBlank());
    }

    @Test
    void is_not_blank_with_an_unclosed_comment() {
        assertFalse(new Section("Overview", 2, 1, "<!-- never closed").isBlank());
    }
}
