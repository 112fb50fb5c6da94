package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.SpecMatcher.Match;
import dev.codefactory.domain.review.SpecMatcher.SpecInfo;
import dev.codefactory.domain.spec.Requirements;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-001
class SpecMatcherTest {

    private static final String BODY = "# Login\n\nSee `src/main/java/app/Login.java` and [the form](web/login-form.ts)."
            + "\n\n## Requirements\n\n- The `LoginService` checks the password\n- Sessions expire after 30 minutes\n"
            + "- A failed attempt is logged via audit_log\n";
    private static final SpecInfo SPEC = new SpecInfo("SPEC-1", "User login", List.of("auth"), "approved", BODY);
    private static final List<String> PATHS = List.of("src/main/java/app/Login.java", "web/login-form.ts",
            "src/main/java/app/LoginService.java", "src/main/java/app/LoginServiceImpl.java",
            "src/main/java/auth/Tokens.java", "src/main/java/app/SessionStore.java", "src/main/java/billing/Invoice.java",
            "scripts/audit_log.py", "README.md");

    private static Match find(List<Match> matches, String path) {
        return matches.stream().filter(m -> m.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not matched in " + matches));
    }

    @Test
    void an_explicitly_mentioned_path_ranks_first_with_its_reason() {
        List<Match> m = SpecMatcher.rank(SPEC, PATHS, p -> null, 10);
        assertEquals("src/main/java/app/Login.java", m.get(0).path());
        assertTrue(m.get(0).reasons().contains("mentions src/main/java/app/Login.java"), m.get(0).reasons().toString());
        assertTrue(find(m, "web/login-form.ts").reasons().contains("links to web/login-form.ts"));
        assertEquals("SPEC-1", m.get(0).specId());
    }

    @Test
    void a_path_written_plainly_in_the_text_is_matched_with_its_reason() {
        SpecInfo spec = new SpecInfo("S", "", List.of(), "", "The handler in src/main/java/auth/Tokens.java checks"
                + " the token, and SessionStore.java keeps it.\n\n## Requirements\n\n- Logged by scripts/audit_log.py.");
        List<Match> m = SpecMatcher.rank(spec, PATHS, null, 10);
        Match tokens = find(m, "src/main/java/auth/Tokens.java");
        assertTrue(tokens.reasons().contains("names src/main/java/auth/Tokens.java in the text"),
                tokens.reasons().toString());
        assertTrue(tokens.score() >= SpecMatcher.PATH_MENTION);
        assertTrue(find(m, "src/main/java/app/SessionStore.java").reasons()
                .contains("names SessionStore.java in the text"));
        assertTrue(find(m, "scripts/audit_log.py").reasons().contains("names scripts/audit_log.py in the text"),
                "at the end of a sentence, the full stop is not part of the name");
    }

    @Test
    void words_that_only_look_like_file_names_are_not_paths() {
        SpecInfo spec = new SpecInfo("S", "", List.of(), "", "See https://example.com/app/Login.java, mail"
                + " ada@app.Login.java, e.g. java.util.List, version 1.2.3 and and/or.");
        List<Match> m = SpecMatcher.rank(spec, PATHS, null, 10);
        assertTrue(m.stream().allMatch(x -> x.score() < SpecMatcher.PATH_MENTION), m.toString());
    }

    @Test
    void a_link_is_resolved_from_the_spec_folder_and_also_read_from_the_project_root() {
        SpecInfo spec = new SpecInfo("S", "", List.of(), "", "See [tokens](../../src/main/java/auth/Tokens.java#L3),"
                + " [login](src/main/java/app/Login.java) and [outside](../../../elsewhere/Invoice.java).",
                "contracts/specs/login.md");
        List<Match> m = SpecMatcher.rank(spec, PATHS, null, 10);
        Match tokens = find(m, "src/main/java/auth/Tokens.java");
        assertEquals(List.of("links to ../../src/main/java/auth/Tokens.java"), tokens.reasons());
        assertEquals(SpecMatcher.PATH_MENTION, tokens.score(), "named once, counted once");
        assertTrue(find(m, "src/main/java/app/Login.java").reasons().contains("links to src/main/java/app/Login.java"));
        assertTrue(m.stream().noneMatch(x -> x.path().endsWith("Invoice.java")), "a link out of the project: " + m);
    }

    @Test
    void a_mention_matches_as_a_path_suffix() {
        SpecInfo spec = new SpecInfo("S", "", List.of(), "", "Edit `Login.java` and `app/SessionStore.java`.");
        List<Match> m = SpecMatcher.rank(spec, PATHS, null, 10);
        assertTrue(find(m, "src/main/java/app/Login.java").reasons().contains("mentions Login.java"));
        assertTrue(find(m, "src/main/java/app/SessionStore.java").score() >= SpecMatcher.PATH_MENTION);
    }

    @Test
    void an_identifier_matching_a_file_name_scores_strongly() {
        List<Match> m = SpecMatcher.rank(SPEC, PATHS, null, 10);
        Match exact = find(m, "src/main/java/app/LoginService.java");
        assertTrue(exact.reasons().contains("file name matches the identifier LoginService"), exact.reasons().toString());
        Match contains = find(m, "src/main/java/app/LoginServiceImpl.java");
        assertTrue(contains.reasons().contains("file name contains the identifier LoginService"));
        assertTrue(exact.score() > contains.score());
        assertTrue(find(m, "scripts/audit_log.py").reasons().contains("file name matches the identifier audit_log"));
    }

    @Test
    void a_tag_matches_a_folder() {
        List<Match> m = SpecMatcher.rank(SPEC, PATHS, null, 10);
        assertTrue(find(m, "src/main/java/auth/Tokens.java").reasons().contains("tag 'auth' matches folder auth/"));
    }

    @Test
    void shared_words_between_title_or_requirements_and_path_are_listed() {
        List<Match> m = SpecMatcher.rank(SPEC, PATHS, null, 10);
        assertTrue(find(m, "src/main/java/app/SessionStore.java").reasons().contains("shares words: session"),
                find(m, "src/main/java/app/SessionStore.java").reasons().toString());
        assertTrue(m.stream().noneMatch(x -> x.path().equals("src/main/java/billing/Invoice.java")));
    }

    @Test
    void content_adds_identifiers_and_is_read_only_for_top_candidates() {
        AtomicInteger reads = new AtomicInteger();
        Function<String, String> content = p -> {
            reads.incrementAndGet();
            return p.endsWith("Tokens.java") ? "class Tokens { LoginService service; }" : null;
        };
        List<Match> m = SpecMatcher.rank(SPEC, PATHS, content, 2);
        assertTrue(reads.get() <= 6, "read " + reads.get());
        List<Match> all = SpecMatcher.rank(SPEC, PATHS, content, 10);
        assertTrue(find(all, "src/main/java/auth/Tokens.java").reasons()
                .contains("contains the identifier LoginService"));
        assertEquals(2, m.size());
    }

    @Test
    void content_is_searched_only_in_its_first_64_kb() {
        SpecInfo spec = new SpecInfo("S", "", List.of("auth"), "", "Uses `TokenVault`.");
        String late = "x".repeat(SpecMatcher.CONTENT_LIMIT) + "TokenVault";
        List<Match> m = SpecMatcher.rank(spec, List.of("auth/A.java"), p -> late, 5);
        assertTrue(m.get(0).reasons().stream().noneMatch(r -> r.contains("TokenVault")));
    }

    @Test
    void implemented_specs_get_a_small_boost_only_on_matching_paths() {
        SpecInfo implemented = new SpecInfo("SPEC-1", "User login", List.of("auth"), "implemented", BODY);
        List<Match> plain = SpecMatcher.rank(SPEC, PATHS, null, 10);
        List<Match> boosted = SpecMatcher.rank(implemented, PATHS, null, 10);
        assertEquals(plain.size(), boosted.size());
        assertEquals(find(plain, "web/login-form.ts").score() + SpecMatcher.IMPLEMENTED,
                find(boosted, "web/login-form.ts").score());
    }

    @Test
    void results_are_best_first_ties_by_path_and_capped() {
        SpecInfo spec = new SpecInfo("S", "", List.of("auth"), "", "");
        List<Match> m = SpecMatcher.rank(spec, List.of("z/auth/B.java", "a/auth/A.java", "auth/C.java"), null, 2);
        assertEquals(List.of("a/auth/A.java", "auth/C.java"), m.stream().map(Match::path).collect(Collectors.toList()));
        assertEquals(List.of(), SpecMatcher.rank(spec, List.of("x/Y.java"), null, 10));
        assertEquals(List.of(), SpecMatcher.rank(SPEC, PATHS, null, 0));
        assertThrows(IllegalArgumentException.class, () -> SpecMatcher.rank(SPEC, PATHS, null, -1));
    }

    @Test
    void on_ten_thousand_paths_each_spec_gets_its_own_areas_files_first() {
        // speed is measured by bench/review.sh (matching included), not here
        List<String> paths = new ArrayList<>();
        String[] areas = {"auth", "billing", "search", "profile", "admin", "reports", "orders", "catalog"};
        for (int i = 0; i < 10_000; i++) {
            String area = areas[i % areas.length];
            paths.add("src/main/java/com/shop/" + area + "/sub" + (i % 37) + "/" + Character.toUpperCase(area.charAt(0))
                    + area.substring(1) + "Handler" + i + ".java");
        }
        for (int s = 0; s < 50; s++) {
            String area = areas[s % areas.length];
            SpecInfo spec = new SpecInfo("SPEC-" + s, area + " improvements " + s, List.of(area), "approved",
                    "# T\nSee `src/main/java/com/shop/" + area + "/sub1/X" + s + ".java`.\n## Requirements\n"
                            + "- The `" + area + "Handler` validates the order input and logs failures\n"
                            + "- Results are cached per customer session for five minutes\n");
            List<SpecMatcher.Match> matches = SpecMatcher.rank(spec, paths, p -> "class X {}", 20);
            assertEquals(20, matches.size(), spec.id());
            for (SpecMatcher.Match m : matches) {
                assertTrue(m.path().contains("/" + area + "/"), spec.id() + " matched " + m.path());
            }
        }
    }

    @Test
    void records_validate_their_values() {
        assertThrows(NullPointerException.class, () -> new SpecInfo(null, "", null, null, null));
        assertEquals(List.of(), new SpecInfo("S", null, null, null, null).tags());
        assertThrows(IllegalArgumentException.class, () -> new Match("S", "p", Double.NaN, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Match("S", "p", -1, List.of()));
    }
}
