package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-010/FR-009
class ReviewLinkedFilesTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    /** The fixtures write the link words as IMPL and COV, so that this project's own trace does not read them. */
    private static String words(String text) {
        return text.replace("IMPL ", "implements ").replace("COV ", "covers ");
    }

    private static String spec(String id, String title, String requirements) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: approved\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\nauthor: Ada\ntags: []\npriority: medium\n---\n\n# " + title + "\n\n"
                + "## Overview\nPassword reset by e-mail.\n\n## Requirements\n" + requirements;
    }

    @Test
    void filesLinkedToASpecComeFirstWithTheRequirementsTheyName() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        Map<String, List<SpecMatcher.Match>> shown = new LinkedHashMap<>();
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated()
                .override("review.max-files-per-spec", "2").build()) {
            factory.init();
            git.commitFiles(repo, "specs and code",
                    "contracts/specs/feature-006-password-reset.md", spec("feature-006", "Password reset",
                            "- FR-001: A user asks for a password reset link.\n- FR-002: The link expires.\n"),
                    "src/reset/PasswordReset.java", "class PasswordReset {} // password reset link\n",
                    "src/reset/ResetMailer.java", "class ResetMailer {} // password reset e-mail\n",
                    "src/util/Tokens.java", words("// IMPL feature-006/FR-002\nclass Tokens {}\n"),
                    "test/Expiry_test.py", words("# COV feature-006/FR-002, feature-006/FR-001\n"),
                    "src/other/Other.java", words("// IMPL feature-009/FR-001\nclass Other {}\n"));
            factory.review(ReviewCommand.all().withOffline(true), new ReviewDialog() {
                @Override
                public List<String> confirmMatches(String specId, String specTitle, List<SpecMatcher.Match> matches) {
                    shown.put(specId, matches);
                    return matches.stream().map(SpecMatcher.Match::path).toList();
                }
            });
        }
        List<SpecMatcher.Match> matches = shown.get("feature-006");
        List<String> paths = matches.stream().map(SpecMatcher.Match::path).toList();
        // the two linked files first, in path order, then the best of the name and word matching (2 in all at most,
        // but a linked file is always kept)
        assertEquals(List.of("src/util/Tokens.java", "test/Expiry_test.py"), paths.subList(0, 2));
        assertEquals("links to feature-006/FR-002", matches.get(0).reasons().get(0));
        assertEquals("links to feature-006/FR-001, feature-006/FR-002", matches.get(1).reasons().get(0));
        assertTrue(paths.stream().noneMatch(p -> p.equals("src/other/Other.java")), paths.toString());
    }

    @Test
    void withoutLinksTheMatchesAreTheMatchersAlone() {
        SpecMatcher.Match m = new SpecMatcher.Match("feature-001", "a.java", 1.0, List.of("named"));
        assertEquals(List.of(m), ReviewMatching.linkedFirst("feature-001", Map.of(), List.of(m), 5));
        assertEquals(List.of(m), ReviewMatching.linkedFirst("feature-001", Map.of("feature-002",
                Map.of("b.java", Set.of("feature-002/FR-001"))), List.of(m), 5));
    }

    @Test
    void aLinkedFileTheMatcherFoundTooKeepsItsReasonsAfterTheLink() {
        SpecMatcher.Match named = new SpecMatcher.Match("feature-001", "a.java", 2.0, List.of("named in the spec"));
        SpecMatcher.Match other = new SpecMatcher.Match("feature-001", "b.java", 1.0, List.of("words"));
        List<SpecMatcher.Match> out = ReviewMatching.linkedFirst("feature-001", Map.of("feature-001",
                Map.of("a.java", Set.of("feature-001/FR-003"))), List.of(other, named), 5);
        assertEquals(List.of("a.java", "b.java"), out.stream().map(SpecMatcher.Match::path).toList());
        assertEquals(List.of("links to feature-001/FR-003", "named in the spec"), out.get(0).reasons());
        assertEquals(2.0, out.get(0).score());
    }
}
