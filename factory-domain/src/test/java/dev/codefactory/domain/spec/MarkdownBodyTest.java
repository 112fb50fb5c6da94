package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarkdownBodyTest {
    private static final String NESTED = """
            # Title
            intro
            ## A
            a text
            ### A.1
            deep
            ## B
            b text
            # Next
            after
            """;

    private static List<String> headings(String body) {
        return MarkdownBody.of(body, 1).sections().stream().map(Section::heading).collect(Collectors.toList());
    }

    private static Section section(String body, String heading) {
        return MarkdownBody.of(body, 1).sections().stream().filter(s -> s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + headings(body)));
    }

    private static List<String> targets(String body) {
        return MarkdownBody.of(body, 1).links().stream().map(Link::target).collect(Collectors.toList());
    }

    @Test
    void finds_atx_headings_in_order_with_their_levels() {
        List<Section> sections = MarkdownBody.of(NESTED, 1).sections();

        assertEquals(List.of("Title", "A", "A.1", "B", "Next"),
                sections.stream().map(Section::heading).collect(Collectors.toList()));
        assertEquals(List.of(1, 2, 3, 2, 1), sections.stream().map(Section::level).collect(Collectors.toList()));
    }

    @Test
    void numbers_heading_lines_from_one_offset_by_the_first_line() {
        List<Section> sections = MarkdownBody.of(NESTED, 5).sections();

        assertEquals(List.of(5, 7, 9, 11, 13), sections.stream().map(Section::line).collect(Collectors.toList()));
    }

    @Test
    void section_content_includes_its_subsections() {
        assertEquals("a text\n### A.1\ndeep", section(NESTED, "A").content());
    }

    @Test
    void section_content_stops_at_the_next_heading_of_the_same_level() {
        assertEquals("deep", section(NESTED, "A.1").content());
    }

    @Test
    void section_content_stops_at_a_higher_level_heading() {
        assertEquals("b text", section(NESTED, "B").content());
    }

    @Test
    void top_section_holds_everything_until_the_next_top_heading() {
        assertEquals("intro\n## A\na text\n### A.1\ndeep\n## B\nb text", section(NESTED, "Title").content());
        assertEquals("after", section(NESTED, "Next").content());
    }

    @Test
    void ignores_headings_inside_backtick_fences() {
        String body = """
                ## Real
                ```markdown
                ## Not a heading
                ```
                ## After
                """;

        assertEquals(List.of("Real", "After"), headings(body));
        assertEquals("```markdown\n## Not a heading\n```", section(body, "Real").content());
    }

    @Test
    void ignores_headings_inside_tilde_fences_even_past_a_backtick_line() {
        String body = """
                ~~~
                # Not a heading
                ```
                # Still not
                ~~~
                ## After
                """;

        assertEquals(List.of("After"), headings(body));
    }

    @Test
    void a_shorter_fence_does_not_close_a_longer_one() {
        String body = """
                ````
                ```
                ## Not a heading
                ````
                ## After
                """;

        assertEquals(List.of("After"), headings(body));
    }

    @Test
    void inline_code_with_triple_backticks_on_its_own_line_does_not_open_a_fence() {
        String body = """
                ## Install
                ```npm install```
                ## Usage
                run it
                """;

        assertEquals(List.of("Install", "Usage"), headings(body));
    }

    @Test
    void strips_closing_hashes_but_keeps_a_hash_inside_a_word() {
        assertEquals(List.of("Overview", "C#", "Title"), headings("## Overview ##\n# C# #\n### Title ###   \n"));
    }

    @Test
    void allows_up_to_three_spaces_of_indentation() {
        assertEquals(List.of("Indented"), headings("   ## Indented\n"));
    }

    @Test
    void does_not_take_hashtags_seven_hashes_or_indented_code_for_headings() {
        assertEquals(List.of(), headings("#hashtag\n####### seven\n    ## indented code\n"));
    }

    @Test
    void an_empty_heading_has_empty_text() {
        List<Section> sections = MarkdownBody.of("##\ntext\n", 1).sections();

        assertEquals(1, sections.size());
        assertEquals("", sections.get(0).heading());
        assertEquals(2, sections.get(0).level());
    }

    @Test
    void reads_crlf_input_without_carriage_returns() {
        String body = "## A\r\nline one\r\nline two\r\n## B\r\n";

        assertEquals(List.of("A", "B"), headings(body));
        assertEquals("line one\nline two", section(body, "A").content());
        assertEquals(List.of(1, 4), MarkdownBody.of(body, 1).sections().stream().map(Section::line)
                .collect(Collectors.toList()));
    }

    @Test
    void finds_inline_links_and_images_with_their_lines() {
        List<Link> links = MarkdownBody.of("intro\nsee [one](one.md) and ![diagram](img/two.png)\n", 10).links();

        assertEquals(List.of(new Link("one.md", 11), new Link("img/two.png", 11)), links);
    }

    @Test
    void keeps_fragment_and_query_in_the_target() {
        assertEquals(List.of("b.md#part", "c.md?x=1"), targets("[b](b.md#part) [c](c.md?x=1)\n"));
    }

    @Test
    void drops_link_titles_in_either_quote() {
        assertEquals(List.of("one.md", "two.md"), targets("[a](one.md \"The title\") [b](two.md 'single')\n"));
    }

    @Test
    void reads_targets_in_angle_brackets() {
        assertEquals(List.of("three.md"), targets("[a](<three.md>)\n"));
    }

    @Test
    void reads_targets_in_angle_brackets_that_hold_spaces() {
        assertEquals(List.of("my file.md"), targets("[a](<my file.md> \"title\")\n"));
    }

    @Test
    void an_unclosed_angle_bracket_is_not_a_link() {
        assertEquals(List.of(), targets("[a](<three.md)\n"));
    }

    @Test
    void ignores_links_inside_code_spans() {
        assertEquals(List.of("yes.md"), targets("`[x](no.md)` and ``[y](`no2.md`)`` but [z](yes.md)\n"));
    }

    @Test
    void ignores_links_inside_fenced_code() {
        List<Link> links = MarkdownBody.of("```\n[x](no.md)\n```\n[y](yes.md)\n", 1).links();

        assertEquals(List.of(new Link("yes.md", 4)), links);
    }

    @Test
    void an_empty_body_has_no_sections_and_no_links() {
        assertEquals(List.of(), MarkdownBody.of("", 1).sections());
        assertEquals(List.of(), MarkdownBody.of("", 1).links());
    }
}
