package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.intake.IntakeUseCase.IntakeCommand;
import dev.codefactory.app.intake.IntakeUseCase.IntakeResult;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.NearDuplicates;
import dev.codefactory.domain.intake.TemplateSections;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.port.intake.IntakeDialog;
import dev.codefactory.testkit.llm.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INTAKE end to end, against a loopback model that speaks Ollama's wire format: from Java through the
 * {@link IntakeDialog} port, and through {@code factory intake} in a temporary git repository.
 */
class IntakeTest {
    static final String IDEA = "A shared team calendar where members of a small team see each other's absences and"
            + " book meeting rooms, from the browser.";
    static final String SPEC = "# Team calendar\n\n## Overview\n\nA shared calendar for small teams: absences and"
            + " rooms in one place. Ünïcødé survives chunking: 日本語 ✓\n\n## Requirements\n\n### Functional\n\n"
            + "- FR-001: A member can mark an absence.\n- FR-002: A member can book a room for a time slot.\n\n"
            + "### Non-Functional\n\n- NFR-001: A booking shows to the team within 5 seconds.\n";
    /** {@link #SPEC} as a model that ignores the request for requirement ids writes it. */
    static final String SPEC_WITHOUT_IDS = SPEC.replaceAll("(?m)^- N?FR-\\d+: ", "- ");
    static final String QUESTIONS = "Sure! Here are my questions:\n```json\n[{\"question\": \"How many people are in a"
            + " team?\", \"why\": \"sizing\"}, {\"question\": \"Which sign-in do teams use?\"}]\n```\nThanks!";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "calendar", model);
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "init");
        project.env.remove("FACTORY_AUTHOR");
        project.env.put("NO_COLOR", "1");
        Files.writeString(project.root.resolve("pom.xml"), "<project><properties><maven.compiler.release>17"
                + "</maven.compiler.release></properties></project>\n");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** A person scripted in advance: answers in order, then review decisions in order. */
    static class ScriptedPerson implements IntakeDialog {
        final Deque<String> answers = new ArrayDeque<>();
        final Deque<ReviewDecision> decisions = new ArrayDeque<>();
        final List<String> notices = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<List<String>> problemsShown = new ArrayList<>();
        final StringBuilder streamed = new StringBuilder();
        String editedText;

        @Override
        public void say(Notice notice) {
            notices.add(notice.level() + ": " + notice.message());
        }

        @Override
        public Optional<String> idea(String current, String hint) {
            return current.isEmpty() ? Optional.empty() : Optional.of(current);
        }

        @Override
        public boolean proceedDespite(List<NearDuplicates.Match> duplicates) {
            notices.add("DUPLICATES: " + duplicates.size());
            return false;
        }

        @Override
        public Answer ask(Question question, int number, int count) {
            asked.add(number + "/" + count + " " + question.text());
            String a = answers.pollFirst();
            return a == null ? new Answer.Skipped() : new Answer.Given(a);
        }

        @Override
        public void token(String text) {
            streamed.append(text);
        }

        @Override
        public ReviewDecision review(String markdown, List<String> problems, boolean canRegenerate) {
            problemsShown.add(problems);
            ReviewDecision d = decisions.pollFirst();
            return d == null ? new ReviewDecision.Quit() : d;
        }

        @Override
        public String edit(String markdown) {
            return editedText == null ? markdown : editedText;
        }

        @Override
        public String section(TemplateSections.Section section, int number, int count) {
            return section.heading().equals("Overview") ? "Absences and rooms for small teams."
                    : section.heading().equals("Functional") ? "- A member can mark an absence." : "";
        }
    }

    private CodeFactory factory() {
        return CodeFactory.builder().projectRoot(project.root).environment(project.env)
                .userConfigDir(project.userConfigHome().resolve("factory")).build();
    }

    private String committedFiles() {
        return project.git("show", "--name-only", "--format=%s%n%an <%ae>", "HEAD");
    }

    // covers feature-005/FR-002
    @Test
    void a_java_program_drives_a_whole_intake_with_scripted_answers_and_gets_a_committed_spec() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add("Here is the spec you asked for:\n\n```markdown\n---\ntitle: mine\nstatus: done\n---\n"
                + SPEC + "```\nLet me know if you want changes.");
        ScriptedPerson person = new ScriptedPerson();
        person.answers.add("Up to 50 people");
        person.answers.add("Google sign-in");
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        assertEquals("feature-001", result.specId());
        assertEquals("contracts/specs/team-calendar.md", result.path());
        assertEquals(List.of("1/2 How many people are in a team?", "2/2 Which sign-in do teams use?"), person.asked);
        assertTrue(person.streamed.toString().contains("日本語 ✓"), person.streamed.toString());
        String saved = Files.readString(project.root.resolve(result.path()), StandardCharsets.UTF_8);
        assertTrue(saved.startsWith("---\nid: feature-001\ntitle: Team calendar\nstatus: draft\n"), saved);
        assertTrue(saved.contains("author: Ada Lovelace\n"), "the author comes from git config: " + saved);
        assertFalse(saved.contains("status: done") || saved.contains("title: mine"), saved);
        assertTrue(saved.endsWith(SPEC), saved);
        assertFalse(saved.contains("Let me know") || saved.contains("```"), saved);
        assertTrue(person.notices.stream().anyMatch(n -> n.contains("front matter")), person.notices.toString());
        String generation = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.GENERATION));
        assertTrue(generation.contains("Up to 50 people") && generation.contains("Google sign-in"), generation);
        assertTrue(generation.contains("Java 17 (Maven)"), "the tech stack is in the prompt");
        assertEquals("spec: add Team calendar (feature-001)\nAda Lovelace <ada@example.com>\n\n"
                + "contracts/README.md\ncontracts/specs/team-calendar.md", committedFiles().strip());
        assertEquals(result.commit().orElseThrow(), project.git("rev-parse", "HEAD").strip());
        assertTrue(project.git("status", "--porcelain").contains("?? pom.xml"), "nothing else was committed");
        assertNoDrafts();
    }

    // covers feature-005/FR-003
    @Test
    void a_spec_without_requirement_ids_gets_the_repair_round_naming_each_one() throws IOException {
        assertFalse(SPEC_WITHOUT_IDS.contains("FR-"), SPEC_WITHOUT_IDS);
        model.questions.add("[]");
        model.generations.add(SPEC_WITHOUT_IDS);
        model.repairs.add(SPEC);
        ScriptedPerson person = new ScriptedPerson();
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        assertTrue(person.notices.stream().anyMatch(n -> n.endsWith(": The spec has 3 problem(s); asking the model to"
                + " repair them once.")), person.notices.toString());
        String repair = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.REPAIR));
        for (String requirement : List.of("A member can mark an absence.", "A member can book a room for a time slot.",
                "A booking shows to the team within 5 seconds.")) {
            assertTrue(repair.contains(requirement + "\\\"): this requirement has no id"), requirement + ": " + repair);
        }
        assertTrue(Files.readString(project.root.resolve(result.path())).endsWith(SPEC), "the repaired spec is saved");
    }

    // covers feature-010/FR-002
    @Test
    void a_spec_still_without_ids_after_the_repair_gets_them_in_order_and_can_be_saved() throws IOException {
        model.questions.add("[]");
        model.generations.add(SPEC_WITHOUT_IDS);
        model.repairs.add(SPEC_WITHOUT_IDS);
        ScriptedPerson person = new ScriptedPerson();
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        assertEquals(1, model.kinds.stream().filter(k -> k == ModelLoopback.Kind.REPAIR).count(), "one repair only");
        assertEquals(List.of(List.of()), person.problemsShown, "missing ids are no problem that blocks saving");
        assertTrue(Files.readString(project.root.resolve(result.path())).endsWith(SPEC),
                "the ids the model left out are given in order, FR and NFR by section");
    }

    @Test
    void a_spec_missing_a_section_gets_one_repair_round_with_the_validators_findings() throws IOException {
        model.questions.add("[]");
        model.generations.add("# Team calendar\n\n## Overview\n\nShared absences and rooms.\n");
        model.repairs.add(SPEC);
        ScriptedPerson person = new ScriptedPerson();
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        String repair = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.REPAIR));
        assertTrue(repair.contains("Requirements"), "the finding names the missing section: " + repair);
        assertEquals(List.of(List.of()), person.problemsShown);
    }

    // covers feature-005/FR-004
    @Test
    void quitting_keeps_the_draft_and_resume_goes_on_from_the_review() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        ScriptedPerson first = new ScriptedPerson();
        first.answers.add("Up to 50 people");
        first.decisions.add(new IntakeDialog.ReviewDecision.Quit());
        IntakeResult quit;
        try (CodeFactory f = factory()) {
            quit = f.intake(IntakeCommand.of(IDEA), first);
        }
        assertFalse(quit.saved());
        assertTrue(Files.exists(project.root.resolve(quit.draftPath())), quit.draftPath());
        assertFalse(Files.exists(project.root.resolve("contracts/specs/team-calendar.md")));
        int requests = model.bodies.size();

        ScriptedPerson second = new ScriptedPerson();
        second.decisions.add(new IntakeDialog.ReviewDecision.Accept());
        IntakeResult resumed;
        try (CodeFactory f = factory()) {
            resumed = f.intake(new IntakeCommand(null, true, false, 5, true, List.of(), Priority.HIGH), second);
        }
        assertTrue(resumed.saved(), second.notices.toString());
        assertEquals(requests, model.bodies.size(), "resuming at the review asks the model nothing again");
        assertTrue(second.asked.isEmpty());
        assertTrue(Files.readString(project.root.resolve(resumed.path())).contains("priority: high"));
        assertNoDrafts();
    }

    @Test
    void resuming_says_when_the_intake_began_in_local_time_to_the_second() {
        model.questions.add("[]");
        model.generations.add(SPEC);
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T03:47:25.447452105Z"),
                java.time.ZoneId.of("Europe/Berlin"));
        try (CodeFactory f = CodeFactory.builder().projectRoot(project.root).environment(project.env)
                .userConfigDir(project.userConfigHome().resolve("factory")).clock(clock).build()) {
            assertFalse(f.intake(IntakeCommand.of(IDEA), new ScriptedPerson()).saved(), "quit at the review");
            ScriptedPerson back = new ScriptedPerson();
            f.intake(new IntakeCommand(null, true, false, -1, true, List.of(), Priority.MEDIUM), back);

            String header = back.notices.get(0);
            assertTrue(header.startsWith("INFO: Resuming the intake of 2026-12-06 04:47:25 (.factory/drafts/intake-"),
                    header);
            assertTrue(header.endsWith("), from the review."), header);
        }
    }

    @Test
    void a_program_that_asks_to_stop_while_the_spec_is_written_gets_the_draft_kept_and_no_spec() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        ScriptedPerson person = new ScriptedPerson() {
            @Override
            public boolean stopRequested() {
                return streamed.length() > 0; // stops once the spec begins to arrive
            }
        };
        person.answers.add("Up to 50 people");
        person.answers.add("Google sign-in");

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.stopped(), person.notices.toString());
        assertFalse(result.saved());
        assertEquals("the writing of the spec", result.resumeFrom());
        assertEquals(onlyDraft(), project.root.resolve(result.draftPath()));
        assertEquals(List.of(), specFiles());
        assertTrue(person.problemsShown.isEmpty(), "nothing was reviewed");
        assertFalse(person.streamed.toString().contains(SPEC), "nothing more is shown once stopped: " + person.streamed);
        String draft = Files.readString(onlyDraft());
        assertTrue(draft.contains("Google sign-in") && draft.contains("\"generated\": null"), draft);
    }

    // covers feature-005/FR-003
    @Test
    void on_a_terminal_the_review_shows_only_what_changed_since_the_spec_was_streamed() {
        model.questions.add("[]");
        String untitled = SPEC.substring(SPEC.indexOf("## Overview"));
        model.generations.add("Here you go:\n```markdown\n" + untitled + "```\n");

        Result r = project.runTyping("a\n", "intake", IDEA);

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.out().split("A member can book a room", -1).length - 1, "the spec is shown once: "
                + r.out());
        assertFalse(r.out().contains("Here you go") || r.out().contains("```"), r.out());
        String changed = r.out().substring(r.out().indexOf("Changed since it was shown above:"));
        assertTrue(changed.contains("\n+# A shared team calendar where members of a small team see each other's"
                + " absences\n"), "the title Code-Factory added is shown: " + r.out());
        assertFalse(changed.contains("## Requirements"), "only what changed: " + changed);
        assertTrue(r.err().contains("A shared team calendar where members of a small team see each other's absences:"
                + " 16 lines; it passes the checks."), r.err());
    }

    // covers feature-005/FR-004
    @Test
    void an_editor_that_cannot_be_run_is_said_at_the_prompt_and_the_intake_goes_on() {
        model.questions.add("[]");
        model.generations.add(SPEC);
        project.env.put("EDITOR", "/no/such/editor");
        project.env.remove("VISUAL");

        Result r = project.runTyping("e\nq\n", "intake", IDEA);

        assertEquals(ExitCodes.FINDINGS, r.exit(), "quit, after the editor failed: " + r.err());
        assertTrue(r.err().contains("The editor failed: could not run '/no/such/editor'"), r.err());
        assertTrue(r.err().contains("set VISUAL or EDITOR to an editor on your PATH"), r.err());
        assertTrue(r.err().contains("continue with: factory intake --resume"), r.err());
    }

    @Test
    void an_edit_is_checked_again_and_saved_as_edited() throws IOException {
        model.questions.add("[]");
        model.generations.add(SPEC);
        ScriptedPerson person = new ScriptedPerson();
        person.editedText = SPEC.replace("within 5 seconds", "within 2 seconds");
        person.decisions.add(new IntakeDialog.ReviewDecision.Edit());
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(Files.readString(project.root.resolve(result.path())).contains("within 2 seconds"));
    }

    // covers feature-005/FR-007
    @Test
    void without_a_model_the_wizard_writes_the_same_format() throws IOException {
        model.close();
        ScriptedPerson person = new ScriptedPerson();
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        assertTrue(result.wizard());
        assertTrue(person.notices.stream().anyMatch(n -> n.contains("wizard")), person.notices.toString());
        String saved = Files.readString(project.root.resolve(result.path()));
        assertTrue(saved.contains("## Overview\n\nAbsences and rooms for small teams."), saved);
        assertTrue(saved.contains("- FR-001: A member can mark an absence."), "the wizard's requirements get ids: "
                + saved);
    }

    @Test
    void a_related_spec_is_in_the_prompt_and_linked_from_the_new_spec() throws IOException {
        assertEquals(0, project.run("spec", "new", "Room booking rules").exit());
        model.questions.add("[]");
        model.generations.add(SPEC);
        ScriptedPerson person = new ScriptedPerson();
        person.decisions.add(new IntakeDialog.ReviewDecision.Accept());

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertTrue(result.saved(), person.notices.toString());
        assertTrue(model.bodies.get(0).contains("Room booking rules"), "related specs are in the context");
        String saved = Files.readString(project.root.resolve(result.path()));
        assertTrue(saved.endsWith("## Related Specs\n\n- [Room booking rules](room-booking-rules.md)\n"), saved);
        assertEquals(0, project.run("spec", "validate").exit(), "the link resolves");
    }

    @Test
    void a_crash_in_the_middle_of_the_questions_keeps_the_answers_given_and_resume_asks_the_rest() {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        ScriptedPerson crashing = new ScriptedPerson() {
            @Override
            public Answer ask(Question question, int number, int count) {
                if (number == 2) {
                    throw new IllegalStateException("the terminal went away");
                }
                return new Answer.Given("Up to 50 people");
            }
        };
        try (CodeFactory f = factory()) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> f.intake(IntakeCommand.of(IDEA), crashing));
        }

        ScriptedPerson back = new ScriptedPerson();
        back.answers.add("Google sign-in");
        back.decisions.add(new IntakeDialog.ReviewDecision.Accept());
        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(new IntakeCommand(null, true, false, -1, true, List.of(), Priority.MEDIUM), back);
        }

        assertTrue(result.saved(), back.notices.toString());
        assertEquals(List.of("2/2 Which sign-in do teams use?"), back.asked);
        String generation = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.GENERATION));
        assertTrue(generation.contains("Up to 50 people") && generation.contains("Google sign-in"), generation);
    }

    @Test
    void a_near_duplicate_is_pointed_out_before_anything_is_generated() {
        assertEquals(0, project.run("spec", "new", "Shared team calendar for absences and meeting rooms").exit());
        ScriptedPerson person = new ScriptedPerson();

        IntakeResult result;
        try (CodeFactory f = factory()) {
            result = f.intake(IntakeCommand.of(IDEA), person);
        }

        assertFalse(result.saved());
        assertTrue(person.notices.contains("DUPLICATES: 1"), person.notices.toString());
        assertTrue(model.bodies.isEmpty(), "nothing was generated");
    }

    // covers feature-005/NFR-002
    @Test
    void the_cli_runs_an_intake_without_a_terminal_from_an_answers_file_and_prints_json() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), "answers:\n  - Up to 50 people\n"
                + "  - Google sign-in\n");

        Result r = project.run("intake", IDEA, "--answers", answers.toString(), "--yes", "--json", "--tags",
                "calendar,teams");

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("saved").asBoolean());
        assertEquals("feature-001", json.get("id").asText());
        assertEquals("contracts/specs/team-calendar.md", json.get("path").asText());
        assertEquals(project.git("rev-parse", "HEAD").strip(), json.get("commit").asText());
        String committed = project.git("show", "HEAD:contracts/specs/team-calendar.md");
        assertTrue(committed.contains("tags: [calendar, teams]") || committed.contains("- calendar"), committed);
        assertTrue(committed.endsWith(SPEC), committed);
        assertTrue(project.git("log", "-1", "--format=%s").strip().equals("spec: add Team calendar (feature-001)"));
        String generation = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.GENERATION));
        assertTrue(generation.contains("Google sign-in"), generation);
    }

    @Test
    void the_cli_without_yes_keeps_the_draft_and_says_how_to_go_on() {
        model.questions.add("[]");
        model.generations.add(SPEC);

        Result r = project.run("intake", IDEA, "--no-questions");

        assertEquals(ExitCodes.FINDINGS, r.exit(), "nothing was saved: " + r.err());
        assertTrue(r.err().contains("factory intake --resume"), r.err());
        assertFalse(Files.exists(project.root.resolve("contracts/specs/team-calendar.md")));
        Result resumed = project.run("intake", "--resume", "--yes");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().startsWith("Saved feature-001 to contracts/specs/team-calendar.md, committed as "),
                resumed.out());
    }

    // covers feature-005/NFR-001
    @Test
    void a_connection_dropped_mid_spec_keeps_the_answers_and_resume_writes_it_again() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        model.cutAfter = 400;
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), "q1: Up to 50 people\nq2: Google sign-in\n");

        Result cut = project.run("intake", IDEA, "--answers", answers.toString(), "--yes");

        assertEquals(3, cut.exit(), cut.err());
        assertTrue(cut.err().contains("factory intake --resume"), cut.err());
        String draft = Files.readString(onlyDraft());
        assertTrue(draft.contains("Up to 50 people") && draft.contains("Google sign-in"), draft);
        assertFalse(Files.exists(project.root.resolve("contracts/specs/team-calendar.md")));

        model.cutAfter = -1;
        int questionsAsked = (int) model.kinds.stream().filter(k -> k == ModelLoopback.Kind.QUESTIONS).count();
        Result resumed = project.run("intake", "--resume", "--yes");

        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(questionsAsked, model.kinds.stream().filter(k -> k == ModelLoopback.Kind.QUESTIONS).count(),
                "the questions are not asked again");
        String generation = model.bodies.get(model.bodies.size() - 1);
        assertTrue(generation.contains("Google sign-in"), "the kept answers go into the new generation");
        assertTrue(Files.readString(project.root.resolve("contracts/specs/team-calendar.md")).endsWith(SPEC));
    }

    // covers feature-005/FR-001, feature-005/FR-004
    @Test
    void on_a_terminal_the_person_types_the_idea_answers_edits_in_their_editor_and_accepts() throws IOException {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        Path editor = tmp.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/within 5 seconds/within 1 second/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        project.env.put("EDITOR", editor.toString());
        String typed = "A shared team calendar where members of a small team see each other's absences\n"
                + "and book meeting rooms, from the browser.\n\n"
                + "Up to 50 people\n"
                + "-\n"
                + "e\n"
                + "a\n";

        Result r = project.runTyping(typed, "intake");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Type the idea; end with an empty line"), r.err());
        assertTrue(r.err().contains("Q1/2: How many people are in a team?"), r.err());
        assertTrue(r.err().contains("(sizing)"), "the question's reason is shown: " + r.err());
        assertEquals(1, r.out().split("A member can book a room", -1).length - 1, "the spec is shown once, as it"
                + " is written: " + r.out());
        assertTrue(r.err().contains("Your edit is kept (+1 -1 lines)."), r.err());
        String saved = Files.readString(project.root.resolve("contracts/specs/team-calendar.md"));
        assertTrue(saved.contains("within 1 second"), "the editor's change was saved: " + saved);
        String generation = model.bodies.get(model.kinds.indexOf(ModelLoopback.Kind.GENERATION));
        assertTrue(generation.contains("book meeting rooms, from the browser"), "both typed lines make the idea");
        assertTrue(generation.contains("Up to 50 people"), generation);
        assertTrue(generation.contains("(skipped)"), "the rest was skipped with '-': " + generation);
    }

    // covers feature-005/FR-004
    @Test
    void on_a_terminal_regenerate_sends_the_feedback_and_quit_keeps_the_draft() {
        model.questions.add("[]");
        model.generations.add(SPEC);

        Result r = project.runTyping("r\nMention public holidays\nq\n", "intake", IDEA);

        assertEquals(ExitCodes.FINDINGS, r.exit(), "quit saves nothing: " + r.err());
        assertTrue(r.err().contains("continue with: factory intake --resume"), r.err());
        String regeneration = model.bodies.get(model.bodies.size() - 1);
        assertTrue(regeneration.contains("Mention public holidays"), regeneration);
        assertTrue(regeneration.contains("A member can book a room"), "the previous draft is revised: "
                + regeneration);
        assertFalse(Files.exists(project.root.resolve("contracts/specs/team-calendar.md")));
    }

    // covers feature-005/FR-005
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX,
        org.junit.jupiter.api.condition.OS.MAC})
    void ctrl_c_while_the_spec_is_written_leaves_a_draft_that_resume_continues() throws Exception {
        model.generations.add(SPEC);
        model.delayMillis = 5000;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "intake", IDEA, "--no-questions",
                "--yes").directory(project.root.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        Process child = pb.start();
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
        Await.until(() -> !model.bodies.isEmpty(), java.time.Duration.ofSeconds(30));
        assertEquals(1, model.bodies.size(), "the spec is being written");

        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor(10,
                java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "intake ended after Ctrl-C");
        String said = output.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(130, child.exitValue(), said);
        assertTrue(Files.readString(onlyDraft()).contains("book meeting rooms"), "the idea is in the draft");
        assertFalse(Files.exists(project.root.resolve("contracts/specs/team-calendar.md")));

        model.delayMillis = 0;
        Result resumed = project.run("intake", "--resume", "--yes");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(Files.readString(project.root.resolve("contracts/specs/team-calendar.md")).endsWith(SPEC));
    }

    @Test
    void an_empty_answer_twice_fails_clearly_and_keeps_the_idea() {
        model.questions.add("[]");
        model.generations.add("");

        Result r = project.run("intake", IDEA, "--yes");

        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("empty answer twice"), r.err());
        assertTrue(r.err().contains("factory intake --resume"), r.err());
        assertNotNull(onlyDraft());
    }

    @Test
    void a_short_idea_gets_a_hint_about_what_to_add() {
        model.questions.add("[]");
        model.generations.add(SPEC);

        Result r = project.run("intake", "Team calendar", "--yes", "--no-questions");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("hint: That is short (13 characters)"), r.err());
    }

    // covers feature-005/FR-006
    @Test
    void an_offline_intake_that_saves_nothing_exits_1_and_its_json_says_so() throws IOException {
        Result r = project.run("intake", IDEA, "--offline", "--json");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("saved").asBoolean(), r.out());
        assertTrue(json.get("wizard").asBoolean(), r.out());
        assertEquals(onlyDraft(), project.root.resolve(json.get("draft").asText()));
        assertEquals(List.of(), specFiles());
    }

    // covers feature-005/FR-006
    @Test
    void a_commit_that_fails_in_the_middle_of_a_merge_leaves_no_spec_and_resume_saves_exactly_one()
            throws IOException {
        mergeStoppedOnAConflict();
        String index = project.read("contracts/README.md");

        Result failed = project.run("intake", IDEA, "--offline", "--yes", "--answers", wizardAnswers(), "--json");

        assertEquals(ExitCodes.FAILURE, failed.exit(), failed.out() + failed.err());
        JsonNode json = new ObjectMapper().readTree(failed.out());
        assertEquals("git", json.get("error").asText(), failed.out());
        assertTrue(json.get("message").asText().contains("in the middle of a merge"), failed.out());
        assertEquals(onlyDraft(), project.root.resolve(json.get("draft").asText()), "the draft is named");
        assertTrue(failed.err().contains("Nothing was saved in contracts/; the spec is kept in "
                + json.get("draft").asText() + ". Once that is fixed: factory intake --resume"), failed.err());
        assertEquals(List.of(), specFiles(), "no spec is left behind");
        assertEquals(index, project.read("contracts/README.md"), "the index is as it was");

        project.git("merge", "--abort");
        Result resumed = project.run("intake", "--resume", "--yes", "--json");

        assertEquals(0, resumed.exit(), resumed.err());
        List<String> specs = specFiles();
        assertEquals(1, specs.size(), "exactly one spec: " + specs);
        assertEquals("contracts/README.md\ncontracts/specs/" + specs.get(0),
                project.git("show", "--name-only", "--format=", "HEAD").strip(), "committed with its index");
        assertNoDrafts();
    }

    // covers feature-005/FR-006
    @Test
    void an_index_that_cannot_be_written_leaves_no_spec_and_resume_saves_exactly_one() throws IOException {
        Path readme = project.root.resolve("contracts/README.md");
        Files.delete(readme);
        Files.createDirectories(readme.resolve("in-the-way")); // a folder stops writes even for root

        Result failed = project.run("intake", IDEA, "--offline", "--yes", "--answers", wizardAnswers());

        assertEquals(ExitCodes.FAILURE, failed.exit(), failed.out() + failed.err());
        assertTrue(failed.err().contains("contracts/README.md is not a file"), failed.err());
        assertTrue(failed.err().contains("factory intake --resume"), failed.err());
        assertEquals(List.of(), specFiles(), "no spec is left behind");

        Files.delete(readme.resolve("in-the-way"));
        Files.delete(readme);
        project.git("checkout", "--", "contracts/README.md");
        Result resumed = project.run("intake", "--resume", "--yes");

        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(1, specFiles().size(), "exactly one spec: " + specFiles());
        assertEquals("", project.git("status", "--porcelain", "contracts"), "the spec and its index are committed");
    }

    /** Answers for the wizard's sections, as a file for --answers. */
    private String wizardAnswers() throws IOException {
        return Files.writeString(tmp.resolve("sections.yaml"), "sections:\n  Overview: A shared calendar for small"
                + " teams.\n  Functional: |\n    - A member can mark an absence.\n").toString();
    }

    /** A merge that stopped on a conflict, as {@code git merge} leaves it: MERGE_HEAD and an unmerged path. */
    private void mergeStoppedOnAConflict() throws IOException {
        String base = project.git("symbolic-ref", "--short", "HEAD").strip();
        project.git("checkout", "-q", "-b", "theirs");
        project.write("clash.txt", "theirs\n");
        project.git("add", "clash.txt");
        project.git("commit", "-q", "-m", "theirs");
        project.git("checkout", "-q", base);
        project.write("clash.txt", "ours\n");
        project.git("add", "clash.txt");
        project.git("commit", "-q", "-m", "ours");
        assertEquals(1, project.gitRun("merge", "theirs").exit(), "the merge stops on the conflict");
        assertTrue(Files.exists(project.root.resolve(".git/MERGE_HEAD")));
    }

    /** The file names in contracts/specs/. */
    private List<String> specFiles() throws IOException {
        try (Stream<Path> files = Files.list(project.root.resolve("contracts/specs"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }

    private Path onlyDraft() {
        try (Stream<Path> files = Files.list(project.root.resolve(".factory/drafts"))) {
            List<Path> drafts = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(1, drafts.size(), drafts.toString());
            return drafts.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertNoDrafts() throws IOException {
        Path dir = project.root.resolve(".factory/drafts");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".json")).toList());
            }
        }
    }
}
