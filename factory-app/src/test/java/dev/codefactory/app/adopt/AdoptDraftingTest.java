package dev.codefactory.app.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptCommand;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptedSpec;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.adopt.AdoptDialog.DraftDecision;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Drafting with a loopback model: review decisions, resume, covered specs, budgets and trace links. */
class AdoptDraftingTest extends AdoptTestBase {

    int toDraft() {
        return discover("").plan().toDraft().size();
    }

    // covers feature-011/FR-007
    // covers feature-011/FR-008
    @Test
    void accepted_drafts_are_written_together_at_the_end_in_one_commit() {
        int n = toDraft();
        startModel(prompt -> chattySpec(prompt, "Accepted."));
        int before = commits();
        Dialog dialog = new Dialog();

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertEquals(n, o.written().size(), dialog.said.toString());
        assertEquals(n, dialog.shown.size());
        assertTrue(dialog.problems.stream().allMatch(List::isEmpty), dialog.problems.toString());
        assertEquals(before + 1, commits());
        assertEquals("spec: adopt " + n + " spec" + (n == 1 ? "" : "s") + " from .",
                git("log", "-1", "--format=%s").strip());
        assertEquals("", git("status", "--porcelain").strip());
        for (AdoptedSpec s : o.written()) {
            String text = read(s.path());
            assertTrue(text.startsWith("---\nid: " + s.specId() + "\n"), text);
            assertTrue(text.contains("status: draft"), text);
            assertTrue(text.contains("author: Ada Tester"), text);
            assertFalse(text.contains("Sure! Here is"), "the model's chatter is not kept: " + text);
            assertTrue(text.contains("- FR-001: "), text);
        }
        assertEquals(n, o.modelCalls());
        assertEquals(n, model.requestCount());
        assertEquals(1, dialog.budgets.size());
        assertEquals(n, dialog.budgets.get(0).specs());
        assertTrue(dialog.budgets.get(0).totalTokens() > 0);
        assertTrue(dialog.progress.stream().anyMatch(p -> p.startsWith("drafting 1 of " + n)), dialog.progress
                .toString());
        assertTrue(Files.notExists(project.resolve(".factory/drafts/adopt")) || specFilesIn(".factory/drafts/adopt")
                .isEmpty(), "the draft is deleted once written");
    }

    List<String> specFilesIn(String folder) {
        try (var s = Files.list(project.resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // covers feature-011/FR-008
    @Test
    void edit_regenerate_and_skip_are_honoured() {
        int n = toDraft();
        assertTrue(n >= 3, "the fixture has three capabilities at least: " + n);
        AtomicInteger calls = new AtomicInteger();
        startModel(prompt -> chattySpec(prompt, "Draft " + calls.incrementAndGet() + "."));
        Dialog dialog = new Dialog();
        dialog.editor = text -> text.replace("as the code shows it.", "as the person wrote it.");
        dialog.decisions.addAll(List.of(new DraftDecision.Edit(), new DraftDecision.Accept(),
                new DraftDecision.Regenerate("mention the pets"), new DraftDecision.Accept(),
                new DraftDecision.Skip()));

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertEquals(n - 1, o.written().size());
        String first = read(o.written().get(0).path());
        assertTrue(first.contains("as the person wrote it."), first);
        assertTrue(model.requests().stream().anyMatch(r -> r.body().contains("mention the pets")),
                "the feedback reaches the model");
        String second = read(o.written().get(1).path());
        assertTrue(second.contains("Draft 3."), "the regenerated draft is the one written: " + second);
        assertEquals(1, o.skipped().size(), o.skipped().toString());
        assertEquals(n + 1, o.modelCalls());
    }

    // covers feature-011/FR-009
    @Test
    void quit_keeps_the_draft_and_resume_goes_on_from_the_next_capability_and_writes_all_accepted() {
        int n = toDraft();
        startModel(prompt -> chattySpec(prompt, "Resumable."));
        int before = commits();
        Dialog first = new Dialog();
        first.decisions.addAll(List.of(new DraftDecision.Accept(), new DraftDecision.Quit()));

        AdoptOutcome stopped = adopt(AdoptCommand.of(""), first);

        assertTrue(stopped.stopped());
        assertTrue(stopped.written().isEmpty());
        assertFalse(stopped.draftId().isEmpty());
        assertTrue(Files.isRegularFile(project.resolve(stopped.draftPath())), stopped.draftPath());
        assertEquals(before, commits(), "nothing is committed before the end");
        assertEquals(List.of(), specFiles(), "nothing is written to contracts/ before the end");

        Dialog second = new Dialog();
        AdoptOutcome done = adopt(AdoptCommand.of("").withResume(true), second);

        assertFalse(done.stopped());
        assertEquals(n, done.written().size(), "the one accepted before and the rest");
        assertEquals(n - 1, second.shown.size(), "the accepted one is not drafted again");
        assertEquals(before + 1, commits());
        assertFalse(Files.exists(project.resolve(stopped.draftPath())));
        assertTrue(second.said.stream().anyMatch(s -> s.contains("Resuming")), second.said.toString());
    }

    // covers feature-011/FR-009
    @Test
    void resume_without_an_unfinished_adoption_says_so() {
        startModel(prompt -> chattySpec(prompt, ""));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.codefactory.domain.InvalidCommandException.class,
                () -> adopt(AdoptCommand.of("").withResume(true), new Dialog()));
        assertTrue(e.getMessage().contains("no unfinished adoption"), e.getMessage());
    }

    // covers feature-011/FR-008
    @Test
    void a_draft_with_problems_gets_one_repair_request_and_the_repaired_one_is_shown() {
        int n = toDraft();
        AtomicInteger calls = new AtomicInteger();
        startModel(prompt -> {
            if (calls.incrementAndGet() == 1) { // duplicate ids and a location that is not in the evidence
                return "```markdown\n# Owners\n\n## Overview\n\nOwners.\n\n## Requirements\n\n- FR-001: One.\n"
                        + "  Evidence: impl" + "ements `src/nowhere/Nope.java:3`\n- FR-001: Two.\n\n"
                        + "## Open Questions\n\nNone.\n```\n";
            }
            return chattySpec(prompt, "Repaired.");
        });
        Dialog dialog = new Dialog();

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertEquals(n, o.written().size());
        assertTrue(dialog.problems.get(0).isEmpty(), dialog.problems.get(0).toString());
        assertTrue(dialog.shown.values().iterator().next().contains("Repaired."));
        assertEquals(n + 1, model.requestCount(), "one repair request, for the first draft only");
        assertTrue(model.requests().get(1).body().contains("Nope.java"), "the repair request names the problem");
    }

    // covers feature-011/FR-008
    @Test
    void a_truncated_answer_is_repaired_once_and_skipped_when_the_repair_fails_too() {
        int n = toDraft();
        startModel(prompt -> spec(prompt, "").substring(0, 60));
        Dialog dialog = new Dialog() {
            @Override
            public DraftDecision review(Capability capability, String markdown, List<String> problems,
                                        List<String> leftOut, boolean canRegenerate) {
                super.review(capability, markdown, problems, leftOut, canRegenerate);
                return problems.isEmpty() ? new DraftDecision.Accept() : new DraftDecision.Skip();
            }
        };
        int before = commits();

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertEquals(0, o.written().size());
        assertEquals(n, o.skipped().size());
        assertEquals(2 * n, model.requestCount(), "one answer and one repair each");
        assertTrue(dialog.problems.stream().allMatch(p -> !p.isEmpty()));
        assertEquals(before, commits(), "nothing accepted, nothing committed");
    }

    // covers feature-011/FR-006
    @Test
    void a_capability_an_existing_spec_covers_is_skipped_unless_an_update_is_asked_for_and_shown_as_a_diff() {
        String specId;
        try (CodeFactory f = factory()) {
            specId = f.create(new CreateSpecCommand("Owners", SpecKind.SPEC, List.of(), Priority.MEDIUM, null),
                    "# Owners\n\n## Overview\n\nThe owners, in `" + OWNERS + "`.\n\n## Requirements\n\n### Functional"
                            + "\n\n- FR-001: An owner is shown by id.\n").spec().id().value();
        }
        sandbox.commitFiles(project, "owners spec");
        Discovered found = discover("");
        List<Capability> covered = found.plan().capabilities().stream().filter(Capability::covered).toList();
        assertEquals(1, covered.size(), found.plan().capabilities().toString());
        assertEquals(specId, covered.get(0).coveredBy());
        int n = found.plan().toDraft().size();
        startModel(prompt -> chattySpec(prompt, "Updated."));

        Dialog skip = new Dialog();
        AdoptOutcome skipped = adopt(AdoptCommand.of("").withCommit(false), skip);
        assertEquals(n, skipped.written().size());
        assertTrue(skipped.skipped().contains(covered.get(0).key()));
        assertTrue(skip.said.stream().anyMatch(s -> s.contains("covered by " + specId)), skip.said.toString());
        assertTrue(model.requests().stream().noneMatch(r -> r.body().contains("already described by")));
        git("reset", "-q", "--hard");
        git("clean", "-qfd", "contracts");

        Dialog update = new Dialog();
        update.proposeUpdate = true;
        String path = found.plan().find(covered.get(0).key()).map(c -> c.key()).orElseThrow();
        AdoptOutcome updated = adopt(AdoptCommand.of(""), update);

        String diff = update.shown.entrySet().stream().filter(e -> e.getKey().startsWith(path + "#"))
                .map(e -> e.getValue()).findFirst().orElseThrow();
        assertTrue(diff.contains("@@") && diff.contains("+"), diff);
        AdoptedSpec up = updated.written().stream().filter(AdoptedSpec::update).findFirst().orElseThrow();
        assertEquals(specId, up.specId());
        String text = read(up.path());
        assertTrue(text.contains("Updated."), text);
        assertTrue(text.startsWith("---\nid: " + specId + "\n"), "its front matter is kept: " + text);
        assertEquals(n + 1, updated.written().size());
    }

    // covers feature-011/FR-012
    @Test
    void max_specs_and_budget_tokens_leave_out_the_rest_and_say_so() {
        int n = toDraft();
        startModel(prompt -> chattySpec(prompt, "Budget."));
        Dialog dialog = new Dialog();
        AdoptOutcome one = adopt(AdoptCommand.of("").withMaxSpecs(1), dialog);
        assertEquals(1, one.written().size());
        assertEquals(1, model.requestCount());
        assertEquals(n - 1, one.budget().leftOut().size());
        assertTrue(one.skipped().containsAll(one.budget().leftOut()));
        assertTrue(dialog.said.stream().anyMatch(s -> s.contains("left out by the budget")), dialog.said.toString());

        AdoptOutcome none = adopt(AdoptCommand.of("").withBudgetTokens(1), new Dialog());
        assertEquals(0, none.written().size());
        assertEquals(1, model.requestCount(), "no call over the budget");
    }

    // covers feature-011/FR-012
    @Test
    void a_declined_budget_writes_nothing_and_calls_no_model() {
        startModel(prompt -> chattySpec(prompt, ""));
        Dialog dialog = new Dialog();
        dialog.approveBudget = false;
        int before = commits();
        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);
        assertTrue(o.written().isEmpty());
        assertEquals(0, model.requestCount());
        assertEquals(before, commits());
        assertTrue(dialog.said.stream().anyMatch(s -> s.contains("nothing was written")), dialog.said.toString());
    }

    // covers feature-011/FR-010
    @Test
    void with_consent_trace_link_comments_are_added_above_the_evidence_in_code() {
        startModel(prompt -> chattySpec(prompt, "Linked."));
        Dialog dialog = new Dialog();
        dialog.touchCode = true;

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertFalse(o.codeTouched().isEmpty());
        assertTrue(o.codeTouched().contains(OWNERS), o.codeTouched().toString());
        String owners = read(OWNERS);
        AdoptedSpec spec = o.written().stream().filter(s -> read(s.path()).contains("OwnerController"))
                .findFirst().orElseThrow();
        assertTrue(owners.contains("// impl" + "ements " + spec.specId() + "/FR-001"), owners);
        assertTrue(read(ROUTES).contains("# impl" + "ements "), read(ROUTES));
        assertFalse(read(spec.path()).contains("Evidence:"), "the links are in the code, not twice");
        assertEquals("", git("status", "--porcelain").strip(), "the touched code is in the same commit");
        try (CodeFactory f = factory()) {
            TraceMatrix m = f.trace(new TraceCommand(false)).matrix();
            assertTrue(m.rows().stream().filter(r -> r.ref().spec().value().equals(spec.specId()))
                    .allMatch(r -> !r.implementing().isEmpty()), m.rows().toString());
        }
    }

    // covers feature-011/FR-010
    @Test
    void without_consent_the_evidence_stays_in_the_specs_and_trace_counts_it() {
        startModel(prompt -> chattySpec(prompt, "Recorded."));
        Dialog dialog = new Dialog();

        AdoptOutcome o = adopt(AdoptCommand.of(""), dialog);

        assertEquals(1, dialog.touchAsked.size(), "the person was asked");
        assertTrue(o.codeTouched().isEmpty());
        assertFalse(read(OWNERS).contains("impl" + "ements"));
        AdoptedSpec spec = o.written().get(0);
        assertTrue(read(spec.path()).contains("Evidence: impl" + "ements `"), read(spec.path()));
        try (CodeFactory f = factory()) {
            TraceMatrix m = f.trace(new TraceCommand(false)).matrix();
            assertTrue(m.rows().stream().filter(r -> r.ref().spec().value().equals(spec.specId()))
                    .anyMatch(r -> !r.implementing().isEmpty()), m.rows().toString());
        }
    }

    // covers feature-011/FR-008
    // covers feature-011/FR-009
    @Test
    void a_commit_that_fails_takes_back_the_specs_and_the_touched_code_and_keeps_the_draft() throws Exception {
        startModel(prompt -> chattySpec(prompt, "Failing."));
        String ownersBefore = read(OWNERS);
        String indexBefore = read("contracts/README.md");
        Files.writeString(project.resolve(".git/index.lock"), ""); // another git holds the index: the commit fails
        Dialog dialog = new Dialog();
        dialog.touchCode = true;

        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> adopt(AdoptCommand.of(""), dialog));

        assertEquals(List.of(), specFiles(), "no spec is left half-written: " + e);
        assertEquals(indexBefore, read("contracts/README.md"));
        assertEquals(ownersBefore, read(OWNERS), "the code comments are taken back");
        Files.delete(project.resolve(".git/index.lock"));
        assertEquals("", git("status", "--porcelain").strip());
        assertEquals(1, specFilesIn(".factory/drafts/adopt").size(), "the accepted drafts are kept for --resume");

        AdoptOutcome resumed = adopt(AdoptCommand.of("").withResume(true), new Dialog());
        assertEquals(dialog.shown.size(), resumed.written().size(), "once the cause is gone, --resume writes them");
    }
}
