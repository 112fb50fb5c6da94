package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.InvalidCommandException;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-005
class PlanEditTest {
    @Test
    void parses_each_command() {
        assertEquals(new PlanEdit.Merge("owners", "vets"), PlanEdit.parse("merge owners vets"));
        assertEquals(new PlanEdit.Split("owners", "/owners/{ownerId}/pets", "Pets and visits"),
                PlanEdit.parse("  split   owners /owners/{ownerId}/pets   Pets and visits "));
        assertEquals(new PlanEdit.Split("owners", "Pet", ""), PlanEdit.parse("split owners Pet"));
        assertEquals(new PlanEdit.Drop("model"), PlanEdit.parse("DROP model"));
        assertEquals(new PlanEdit.Rename("owners", "Pet owners"), PlanEdit.parse("rename owners \"Pet owners\""));
        assertEquals(new PlanEdit.Rename("owners", "Owners' pets"), PlanEdit.parse("Rename owners\tOwners' pets"));
    }

    @Test
    void done_and_an_empty_line_end_the_editing() {
        assertTrue(PlanEdit.parse("done").done());
        assertTrue(PlanEdit.parse("").done());
        assertTrue(PlanEdit.parse("   ").done());
        assertTrue(PlanEdit.parse(null).done());
        assertFalse(PlanEdit.parse("drop x").done());
    }

    @Test
    void help_leaves_the_plan_as_it_is() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.express(), List.of());
        assertEquals(new PlanEdit.Help(), PlanEdit.parse("help"));
        assertEquals(new PlanEdit.Help(), PlanEdit.parse("?"));
        assertEquals(plan, PlanEdit.parse("HELP").apply(plan));
        assertFalse(PlanEdit.parse("help").done());
    }

    @Test
    void an_unknown_command_lists_the_valid_ones() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> PlanEdit.parse("join a b"));
        assertTrue(e.getMessage().startsWith("unknown command 'join'"), e.getMessage());
        for (String command : List.of("merge A B", "split A PREFIX", "drop A", "rename A TITLE", "done", "help")) {
            assertTrue(e.getMessage().contains(command), e.getMessage());
        }
    }

    @Test
    void missing_or_extra_arguments_show_the_form() {
        assertMessage("'merge' needs 2 arguments: merge A B", "merge a");
        assertMessage("'merge' takes 2 keys, not 3: merge A B", "merge a b c");
        assertMessage("'drop' needs a capability key: drop A", "drop");
        assertMessage("'drop' takes one key, not 2: drop A", "drop a b");
        assertMessage("'rename' needs 2 arguments: rename A TITLE...", "rename a");
        assertMessage("'split' needs 2 arguments: split A PREFIX [TITLE...]", "split a");
        assertMessage("'done' takes no arguments, not 1: done", "done now");
    }

    @Test
    void edits_apply_to_a_plan() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of());
        for (String line : List.of("merge owners vets", "split owners /vets Vet list", "rename vet-list Vets",
                "drop petclinic", "done")) {
            plan = PlanEdit.parse(line).apply(plan);
        }
        assertEquals(List.of("owners", "vet-list", "system", "data-model", "configuration"),
                plan.capabilities().stream().map(Capability::key).toList());
        assertEquals("Vets", plan.find("vet-list").orElseThrow().title());
        AdoptionPlan fixed = plan;
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> PlanEdit.parse("drop vets").apply(fixed));
        assertTrue(e.getMessage().contains("did you mean 'vet-list'?"), e.getMessage());
    }

    private static void assertMessage(String expected, String line) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> PlanEdit.parse(line));
        assertEquals(expected, e.getMessage());
    }
}
