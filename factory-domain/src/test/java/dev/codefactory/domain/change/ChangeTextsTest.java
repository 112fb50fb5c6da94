package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.change.PlannedFile.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTextsTest {

    private static final Impact.Result IMPACT = new Impact.Result(
            List.of(new Impact.Dependent("src/Main.java", "imports App")), List.of(), Impact.Effort.SMALL, Impact.Risk.MEDIUM, List.of());

    private static ChangePlan plan(String request, List<ChangePlan.SpecRef> specs) {
        return new ChangePlan("c7", request, "Adds a login form.", specs,
                List.of(new PlannedFile("src/App.java", Action.MODIFY, "wire it"),
                        new PlannedFile("src/Login.java", Action.CREATE, "")),
                IMPACT);
    }

    private static final List<ChangePlan.SpecRef> SPECS = List.of(
            new ChangePlan.SpecRef("feature-001", "User login", "login"),
            new ChangePlan.SpecRef("feature-002", "", ""));

    @Test
    void commit_message_has_subject_request_specs_and_files() {
        assertEquals("change c7: Add a login form\n\nRequest:\nAdd a login form\nwith remember-me\n\n"
                + "Specs: feature-001, feature-002\n\nFiles:\n- modify src/App.java\n- create src/Login.java\n",
                ChangeTexts.commitMessage(plan("Add a login form\nwith remember-me", SPECS)));
    }

    @Test
    void commit_subject_is_cut_at_sixty_characters() {
        String longLine = "Make the login page remember the last user name and show it pre-filled next time";
        String message = ChangeTexts.commitMessage(plan(longLine, List.of()));
        String subject = message.substring(0, message.indexOf('\n'));
        assertEquals("change c7: Make the login page remember the last user name and show...", subject);
        assertEquals(true, subject.length() - "change c7: ".length() <= 60);
        assertEquals(true, message.contains("\nSpecs: none\n"));
    }

    @Test
    void cut_keeps_short_text() {
        assertEquals("abc", ChangeTexts.cut("abc", 3));
        assertEquals("a...", ChangeTexts.cut("abcde", 4));
    }

    @Test
    void title_is_the_first_request_line_up_to_72() {
        assertEquals("Add a login form", ChangeTexts.pullRequestTitle(plan("\n  Add a login form\nmore", SPECS)));
        String title = ChangeTexts.pullRequestTitle(plan("x".repeat(100), SPECS));
        assertEquals(72, title.length());
        assertEquals("x".repeat(69) + "...", title);
        assertEquals("Change c7", ChangeTexts.pullRequestTitle(plan("  \n", SPECS)));
    }

    @Test
    void pull_request_body_has_all_sections() {
        String body = ChangeTexts.pullRequestBody(plan("Add a login form", SPECS),
                List.of("abc1234 change c7: Add a login form"), "42 tests passed.");
        assertEquals("## Request\n\nAdd a login form\n\n"
                + "## Plan\n\nAdds a login form.\n\n- modify `src/App.java`: wire it\n- create `src/Login.java`\n\n"
                + "## Specs\n\n- feature-001 (User login): login\n- feature-002\n\n"
                + "## Files\n\n- `src/App.java` (modify)\n- `src/Login.java` (create)\n\n"
                + "Effort: small. Risk: medium. 1 dependent file, 0 covering tests.\n\n"
                + "## Commits\n\n- abc1234 change c7: Add a login form\n\n"
                + "## Tests\n\n42 tests passed.\n\n"
                + "Made with Code-Factory (factory change).\n", body);
    }

    @Test
    void pull_request_body_without_specs_commits_or_tests() {
        String body = ChangeTexts.pullRequestBody(plan("r", List.of()), List.of(), " ");
        assertEquals(true, body.contains("## Specs\n\nNone.\n\n## Files"), body);
        assertEquals(false, body.contains("## Commits"), body);
        assertEquals(true, body.endsWith("## Tests\n\nNot run.\n\nMade with Code-Factory (factory change).\n"), body);
    }
}
