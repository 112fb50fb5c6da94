package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.intake.NearDuplicates.Candidate;
import dev.codefactory.domain.intake.NearDuplicates.Match;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static final Candidate LOGIN = new Candidate("SPEC-001", "User login", List.of("auth"), "specs/login.md");
    private static final Candidate INVOICES = new Candidate("SPEC-002", "Invoice export", List.of("billing"), "b.md");
    private static final Candidate SEARCH = new Candidate("SPEC-003", "Full text search", List.of(), "c.md");

    @Test
    void a_longer_idea_about_the_same_feature_is_a_duplicate() {
        double score = NearDuplicates.score("User login with email and password", LOGIN);
        assertTrue(score >= NearDuplicates.DUPLICATE, "score " + score);
    }

    @Test
    void an_unrelated_idea_is_not_related() {
        assertTrue(NearDuplicates.score("Export invoices as PDF", LOGIN) < NearDuplicates.RELATED);
        assertEquals(List.of(), NearDuplicates.rank("Export invoices as PDF", List.of(LOGIN, SEARCH),
                NearDuplicates.RELATED));
    }

    @Test
    void stemming_matches_plurals_and_verb_forms() {
        double score = NearDuplicates.score("Export invoices as PDF", INVOICES);
        assertTrue(score >= NearDuplicates.DUPLICATE, "score " + score);
        assertEquals(NearDuplicates.stem("exported"), NearDuplicates.stem("export"));
        assertEquals(NearDuplicates.stem("exporting"), NearDuplicates.stem("exports"));
        assertEquals(NearDuplicates.stem("policies"), NearDuplicates.stem("policy"));
        assertEquals(NearDuplicates.stem("boxes"), NearDuplicates.stem("box"));
        assertEquals(NearDuplicates.stem("logged"), NearDuplicates.stem("logging"));
        assertEquals("status", NearDuplicates.stem("status"));
    }

    @Test
    void tags_add_to_the_overlap() {
        double without = NearDuplicates.score("auth for users", new Candidate("X", "User login", List.of(), ""));
        double with = NearDuplicates.score("auth for users", LOGIN);
        assertTrue(with > without, with + " vs " + without);
    }

    @Test
    void one_shared_word_is_only_related() {
        double score = NearDuplicates.score("Login page redesign", LOGIN);
        assertTrue(score >= NearDuplicates.RELATED && score < NearDuplicates.DUPLICATE, "score " + score);
    }

    @Test
    void the_same_title_scores_one() {
        assertEquals(1.0, NearDuplicates.score("User login", new Candidate("X", "User login", List.of(), "")), 1e-9);
        assertEquals(1.0, NearDuplicates.score("Logins", new Candidate("X", "Login", List.of(), "")), 1e-9);
    }

    @Test
    void stopwords_and_short_words_do_not_count() {
        assertEquals(0.0, NearDuplicates.score("the and of to a an it", LOGIN), 1e-9);
        assertEquals(0.0, NearDuplicates.score("ui ux", new Candidate("X", "UI UX", List.of(), "")), 1e-9);
        assertEquals(List.of("user", "login"), List.copyOf(NearDuplicates.stems("The user, LOGIN!")));
    }

    @Test
    void ranks_best_first_and_ties_by_id() {
        Candidate b = new Candidate("SPEC-B", "User login", List.of(), "");
        Candidate a = new Candidate("SPEC-A", "User login", List.of(), "");
        Candidate weak = new Candidate("SPEC-0", "Login audit trail", List.of(), "");
        List<Match> matches = NearDuplicates.rank("User login", List.of(b, weak, a), 0.0);
        assertEquals(List.of("SPEC-A", "SPEC-B", "SPEC-0"),
                matches.stream().map(m -> m.candidate().id()).collect(Collectors.toList()));
        assertTrue(matches.get(0).score() > matches.get(2).score());
    }

    @Test
    void keeps_only_scores_at_or_above_the_threshold() {
        List<Match> matches = NearDuplicates.rank("User login with email and password", List.of(LOGIN, INVOICES, SEARCH),
                NearDuplicates.DUPLICATE);
        assertEquals(1, matches.size());
        assertEquals(LOGIN, matches.get(0).candidate());
    }

    @Test
    void scores_stay_between_zero_and_one() {
        for (String text : List.of("", "x", "user user user login login auth auth", "Full text search of users")) {
            for (Candidate c : List.of(LOGIN, INVOICES, SEARCH)) {
                double s = NearDuplicates.score(text, c);
                assertTrue(s >= 0 && s <= 1, text + " -> " + s);
            }
        }
    }

    @Test
    void empty_inputs_give_no_matches() {
        assertEquals(List.of(), NearDuplicates.rank("", List.of(LOGIN), 0.0).stream()
                .filter(m -> m.score() > 0).collect(Collectors.toList()));
        assertEquals(List.of(), NearDuplicates.rank("User login", List.of(), 0.0));
        assertEquals(List.of(), NearDuplicates.rank(null, null, 0.0));
    }
}
