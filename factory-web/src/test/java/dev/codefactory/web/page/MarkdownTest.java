package dev.codefactory.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// covers feature-012/FR-002, feature-012/FR-010
class MarkdownTest {

    @Test
    void tables_are_rendered_as_github_renders_them() {
        String html = Markdown.render("| a | b |\n|---|--:|\n| 1 | 2 |\n");
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<td align=\"right\">2</td>"), html);
    }

    @Test
    void raw_html_and_scripts_are_shown_as_text_and_unsafe_links_lose_their_address() {
        String html = Markdown.render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there\n\n"
                + "[click](javascript:alert(3)) [data](data:text/html,hi) [ok](https://example.org/a)\n");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("data:text"), html);
        assertTrue(html.contains("href=\"https://example.org/a\""), html);
    }

    @Test
    void html_comments_are_left_out_but_a_comment_followed_by_markup_is_shown_as_text() {
        String html = Markdown.render("# Title\n\n<!-- guidance for the author -->\n\nText <!-- inline --> here.\n\n"
                + "<!-- a --><script>alert(1)</script>\n");
        assertFalse(html.contains("guidance"), html);
        assertFalse(html.contains("inline"), html);
        assertTrue(html.contains("&lt;!-- a --&gt;&lt;script&gt;"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void control_characters_are_replaced_and_links_can_be_rewritten() {
        String html = Markdown.render("a\u001b[31mred\u202e [other](other.md)\n",
                href -> href.equals("other.md") ? "/specs/feature-002" : href);
        assertEquals(-1, html.indexOf('\u001b'), html);
        assertEquals(-1, html.indexOf('\u202e'), html);
        assertTrue(html.contains("href=\"/specs/feature-002\""), html);
    }
}
