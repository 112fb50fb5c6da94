package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void lowercases_and_hyphenates_words() {
        assertEquals("user-authentication-v2", Slug.of("User Authentication (v2)", "spec"));
    }

    @Test
    void strips_accents() {
        assertEquals("creme-brulee-a-la-carte", Slug.of("Crème brûlée à la carte", "spec"));
    }

    @Test
    void collapses_runs_of_punctuation_and_trims_hyphens_at_both_ends() {
        assertEquals("hello-world-2-0", Slug.of("  --Hello,   World!! 2.0 ?? ", "spec"));
    }

    @Test
    void caps_the_length_at_sixty() {
        String slug = Slug.of("word ".repeat(30), "spec");

        assertTrue(slug.length() <= 60, slug);
        assertTrue(slug.startsWith("word-word-"), slug);
    }

    @Test
    void cuts_a_long_title_after_its_last_whole_word() {
        assertEquals("a-shared-team-calendar-where-members-see-absences-and-book",
                Slug.of("A shared team calendar where members see absences and book rooms", "spec"));
        assertEquals("x".repeat(60), Slug.of("x".repeat(70) + " tail", "spec"));
    }

    @Test
    void does_not_end_with_a_hyphen_after_cutting() {
        assertEquals("a".repeat(59), Slug.of("a".repeat(59) + " bbbbbbbbbb", "spec"));
    }

    @Test
    void falls_back_when_there_are_no_letters_or_digits() {
        assertEquals("spec", Slug.of("!!! ???", "spec"));
        assertEquals("spec", Slug.of("", "spec"));
        assertEquals("adr", Slug.of("日本語", "adr"));
    }
}
