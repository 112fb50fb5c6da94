package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-004
class WordDiffTest {

    /** The marked parts of {@code line}, as text. */
    private static List<String> marked(String line, List<WordDiff.Span> spans) {
        return spans.stream().map(s -> line.substring(s.start(), s.end())).toList();
    }

    @Test
    void marks_only_the_words_that_changed_on_each_side() {
        String before = "        return \"Hello, \" + name;";
        String after = "        return \"Hi, \" + name.trim();";

        WordDiff.Changes c = WordDiff.of(before, after);

        assertEquals(List.of("Hello"), marked(before, c.before()));
        assertEquals(List.of("Hi", ".trim()"), marked(after, c.after()));
    }

    @Test
    void a_word_added_or_removed_is_marked_on_its_side_alone() {
        WordDiff.Changes c = WordDiff.of("int count = 0;", "final int count = 0;");

        assertEquals(List.of(), c.before());
        assertEquals(List.of("final "), marked("final int count = 0;", c.after()));
    }

    @Test
    void a_changed_indentation_is_marked() {
        WordDiff.Changes c = WordDiff.of("  x = 1", "    x = 1");

        assertEquals(List.of("  "), marked("  x = 1", c.before()));
        assertEquals(List.of("    "), marked("    x = 1", c.after()));
    }

    @Test
    void words_are_compared_whole_not_letter_by_letter() {
        WordDiff.Changes c = WordDiff.of("String greeting = hello;", "String greetings = hello;");

        assertEquals(List.of("greeting"), marked("String greeting = hello;", c.before()));
        assertEquals(List.of("greetings"), marked("String greetings = hello;", c.after()));
    }

    @Test
    void lines_that_share_too_little_are_a_rewrite_and_nothing_is_marked() {
        assertEquals(WordDiff.Changes.NONE, WordDiff.of("import java.util.List;", "    return a + b;"));
        assertEquals(WordDiff.Changes.NONE, WordDiff.of("", "   "));
    }

    @Test
    void characters_outside_the_basic_plane_stay_whole() {
        String before = "say(\"\uD83D\uDE00\")";
        String after = "say(\"\uD83D\uDE01\")";

        WordDiff.Changes c = WordDiff.of(before, after);

        assertEquals(List.of("\uD83D\uDE00"), marked(before, c.before()));
        assertEquals(List.of("\uD83D\uDE01"), marked(after, c.after()));
    }

    @Test
    void very_long_lines_are_not_compared() {
        String before = "a ".repeat(500);
        String after = "b ".repeat(500);

        assertEquals(WordDiff.Changes.NONE, WordDiff.of(before, after));
    }
}
