package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-005/NFR-001
class ModelMarkdownTest {

    private static final String SPEC = "# Login\n\n## Overview\n\nPeople sign in.\n\n## Requirements\n\n- A user can sign in.\n";

    @Test
    void leaves_a_clean_body_alone() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract(SPEC);
        assertEquals(SPEC, e.body());
        assertFalse(e.hadFences());
        assertFalse(e.hadFrontMatter());
        assertFalse(e.truncated());
        assertEquals(List.of(), e.dropped());
    }

    @Test
    void writes_out_terminal_control_characters_and_keeps_tabs() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("# Login\u001b]0;pwned\u0007\n\n## Overview\n\n\u001b[2JPeople"
                + "\tsign in\u202e.\n");
        assertEquals("# Login^[]0;pwned^G\n\n## Overview\n\n^[[2JPeople\tsign in<U+202E>.\n", e.body());
    }

    @Test
    void unwraps_a_markdown_fence_and_drops_chatter_around_it() {
        String raw = "Sure! Here is the spec:\n\n```markdown\n" + SPEC + "```\n\nLet me know if you want changes.";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(raw);
        assertEquals(SPEC, e.body());
        assertTrue(e.hadFences());
        assertFalse(e.truncated());
        assertEquals(List.of("Sure! Here is the spec:", "Let me know if you want changes."), e.dropped());
    }

    @Test
    void unwraps_md_bare_and_tilde_fences() {
        for (String open : List.of("```md", "```", "~~~", "~~~markdown", "````markdown")) {
            String close = open.replaceAll("[a-z]", "");
            assertEquals(SPEC, ModelMarkdown.extract(open + "\n" + SPEC + close + "\n").body(), open);
        }
    }

    @Test
    void keeps_code_fences_nested_inside_the_spec() {
        String inner = "# Api\n\n## Example\n\n```java\nclass A {}\n```\n\n## Plain\n\n```\nraw\n```\n\n## End\n\nDone.\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract("Here it is:\n```markdown\n" + inner + "```\nBye!");
        assertEquals(inner, e.body());
        assertTrue(e.hadFences());
        assertFalse(e.truncated());
    }

    @Test
    void a_fence_opened_after_a_heading_belongs_to_the_document() {
        String body = "# Api\n\n```json\n{\"a\": 1}\n```\n\n## Next\n\n```\n## not a heading\n```\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(body);
        assertEquals(body, e.body());
        assertFalse(e.hadFences());
    }

    @Test
    void an_unclosed_outer_fence_is_truncated_but_kept() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("```markdown\n# Login\n\n## Overview\n\nPeople si");
        assertEquals("# Login\n\n## Overview\n\nPeople si\n", e.body());
        assertTrue(e.truncated());
        assertTrue(e.hadFences());
    }

    @Test
    void an_unclosed_inner_fence_is_truncated() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("# Api\n\n## Example\n\n```java\nclass A {");
        assertTrue(e.truncated());
        assertEquals("# Api\n\n## Example\n\n```java\nclass A {\n", e.body());
    }

    @Test
    void removes_front_matter_and_says_so() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("---\nid: x\ntitle: Login\n---\n\n" + SPEC);
        assertEquals(SPEC, e.body());
        assertTrue(e.hadFrontMatter());
        assertEquals(List.of(), e.dropped());
    }

    @Test
    void removes_front_matter_inside_a_fence() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("```markdown\n---\ntitle: Login\n---\n" + SPEC + "```");
        assertEquals(SPEC, e.body());
        assertTrue(e.hadFrontMatter());
        assertTrue(e.hadFences());
    }

    @Test
    void removes_front_matter_after_chatter() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("Here:\n---\ntitle: Login\n---\n" + SPEC);
        assertEquals(SPEC, e.body());
        assertTrue(e.hadFrontMatter());
        assertEquals(List.of("Here:"), e.dropped());
    }

    @Test
    void a_thematic_break_after_the_title_is_not_front_matter() {
        String body = "# Login\n\n---\n\ntext\n\n---\n\n## Overview\n\nx\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(body);
        assertEquals(body, e.body());
        assertFalse(e.hadFrontMatter());
    }

    @Test
    void normalises_crlf_and_cr_line_endings() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("```markdown\r\n# T\r\n\r\ntext\r\n```\r\n");
        assertEquals("# T\n\ntext\n", e.body());
        assertEquals("# T\n\ntext\n", ModelMarkdown.extract("# T\r\rtext\r").body());
    }

    @Test
    void drops_chatter_before_the_first_heading_without_fences() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("Sure! Here is the spec.\n\n" + SPEC);
        assertEquals(SPEC, e.body());
        assertEquals(List.of("Sure! Here is the spec."), e.dropped());
    }

    @Test
    void drops_a_short_sign_off_and_the_rule_before_it() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract(SPEC + "\n---\n\nLet me know if you'd like changes.\nCheers");
        assertEquals(SPEC, e.body());
        assertEquals(List.of("---", "Let me know if you'd like changes.", "Cheers"), e.dropped());
    }

    @Test
    void drops_several_sign_off_paragraphs() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract(SPEC + "\nI hope this helps!\n\nFeel free to ask.\n");
        assertEquals(SPEC, e.body());
        assertEquals(List.of("I hope this helps!", "Feel free to ask."), e.dropped());
    }

    @Test
    void recognises_note_and_this_spec_sign_offs() {
        assertEquals(SPEC, ModelMarkdown.extract(SPEC + "\nNote: the API section is a guess.").body());
        assertEquals(SPEC, ModelMarkdown.extract(SPEC + "\n**This spec** covers the basics only.").body());
    }

    @Test
    void keeps_a_long_trailing_paragraph_even_if_it_starts_like_a_sign_off() {
        String body = SPEC + "\nNote: one\ntwo\nthree\nfour\n";
        assertEquals(body, ModelMarkdown.extract(body).body());
    }

    @Test
    void keeps_a_trailing_paragraph_that_does_not_look_like_a_sign_off() {
        String body = SPEC + "\nPasswords are hashed with Argon2.\n";
        assertEquals(body, ModelMarkdown.extract(body).body());
    }

    @Test
    void keeps_the_only_paragraph_of_the_last_section() {
        String body = "# Login\n\n## Related Specs\n\nThis spec depends on sessions.\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(body);
        assertEquals(body, e.body());
        assertEquals(List.of(), e.dropped());
    }

    @Test
    void takes_the_largest_fenced_block_holding_a_heading() {
        String raw = "Example output:\n```json\n{\"a\": 1}\n```\nNow the spec:\n```markdown\n" + SPEC + "```\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(raw);
        assertEquals(SPEC, e.body());
        assertTrue(e.dropped().contains("{\"a\": 1}"));
    }

    @Test
    void unwraps_a_fence_without_any_heading() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("Here:\n```\njust text\n```\n");
        assertEquals("just text\n", e.body());
        assertTrue(e.hadFences());
    }

    @Test
    void keeps_text_without_heading_or_fence() {
        assertEquals("Just some words.\n", ModelMarkdown.extract("\n\nJust some words.\n\n\n").body());
    }

    @Test
    void strips_blank_lines_and_ends_with_exactly_one_newline() {
        assertEquals("# T\n\nx\n", ModelMarkdown.extract("\n\n  \n# T\n\nx\n\n\n\n").body());
    }

    @Test
    void empty_or_blank_or_null_input_gives_an_empty_body() {
        for (String raw : new String[] {"", "   \n\n", null, "```markdown\n```"}) {
            ModelMarkdown.Extracted e = ModelMarkdown.extract(raw);
            assertEquals("", e.body());
            assertTrue(e.isEmpty());
        }
    }

    @Test
    void a_body_is_not_empty_when_it_has_text() {
        assertFalse(ModelMarkdown.extract("# T").isEmpty());
        assertEquals("# T\n", ModelMarkdown.extract("# T").body());
    }

    @Test
    void a_hash_without_space_is_not_a_heading() {
        ModelMarkdown.Extracted e = ModelMarkdown.extract("#hashtag chatter\n# Real\n\ntext\n");
        assertEquals("# Real\n\ntext\n", e.body());
        assertEquals(List.of("#hashtag chatter"), e.dropped());
    }

    @Test
    void an_outer_fence_closes_only_at_its_own_indentation() {
        String raw = "```markdown\n# T\n\n- item\n  ```\n  code\n  ```\n```\n";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(raw);
        assertEquals("# T\n\n- item\n  ```\n  code\n  ```\n", e.body());
        assertFalse(e.truncated());
    }

    @Test
    void an_answer_cut_off_after_a_code_block_keeps_the_spec_that_follows_it() {
        String raw = "Here:\n```markdown\n# Api\n\n```java\nclass A {}\n```\n\n## Next\n\nMore te";
        ModelMarkdown.Extracted e = ModelMarkdown.extract(raw);
        assertEquals("# Api\n\n```java\nclass A {}\n```\n\n## Next\n\nMore te\n", e.body());
        assertTrue(e.truncated());
        assertEquals(List.of("Here:"), e.dropped());
    }

    @Test
    void removes_a_byte_order_mark() {
        assertEquals("# T\n", ModelMarkdown.extract("\uFEFF# T\n").body());
    }

    @Test
    void dropped_lines_are_unmodifiable() {
        List<String> dropped = ModelMarkdown.extract("hi\n# T").dropped();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> dropped.add("x"));
    }
}
