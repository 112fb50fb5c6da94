package dev.codefactory.app.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.adopt.AdoptUseCase.AdoptCommand;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptOutcome;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptedSpec;
import dev.codefactory.app.adopt.AdoptUseCase.Discovered;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code factory adopt --offline}: skeleton specs, written and committed together, no model. */
class AdoptOfflineTest extends AdoptTestBase {

    // covers feature-011/FR-011
    // covers feature-011/FR-008
    @Test
    void offline_writes_a_skeleton_per_capability_and_commits_them_once() {
        Discovered found = discover("");
        int before = commits();

        AdoptOutcome o = adopt(AdoptCommand.of("").withOffline(true), new Dialog());

        int n = found.plan().toDraft().size();
        assertEquals(n, o.written().size());
        assertTrue(o.written().stream().allMatch(AdoptedSpec::skeleton));
        assertEquals(before + 1, commits(), "one commit for all of them");
        assertEquals("spec: adopt " + n + " spec" + (n == 1 ? "" : "s") + " from .",
                git("log", "-1", "--format=%s").strip());
        assertEquals("", git("status", "--porcelain").strip(), "everything written is committed");
        assertEquals(o.commit().orElseThrow(), git("rev-parse", "HEAD").strip());
        for (AdoptedSpec s : o.written()) {
            String text = read(s.path());
            assertTrue(text.contains("status: draft"), text);
            assertTrue(text.contains("author: Ada Tester"), text);
            assertTrue(text.contains("id: " + s.specId()), text);
        }
        assertEquals(0, o.modelCalls());
        assertTrue(read("contracts/README.md").contains(o.written().get(0).specId()), "the index lists them");
        assertEquals("", o.draftId());
    }

    // covers feature-011/FR-011
    // covers feature-011/FR-012
    @Test
    void offline_for_one_path_names_it_in_the_commit_and_max_specs_leaves_out_the_rest() {
        Discovered found = discover("worker");
        AdoptOutcome o = adopt(AdoptCommand.of("worker").withOffline(true).withMaxSpecs(1), new Dialog());
        assertEquals(1, o.written().size());
        assertEquals(found.plan().toDraft().size() - 1, o.skipped().size(), o.skipped().toString());
        assertEquals("spec: adopt 1 spec from worker", git("log", "-1", "--format=%s").strip());
    }

    // covers feature-011/FR-008
    @Test
    void offline_without_commit_writes_the_specs_and_leaves_them_for_the_person_to_commit() {
        int before = commits();
        AdoptOutcome o = adopt(AdoptCommand.of("").withOffline(true).withCommit(false), new Dialog());
        assertFalse(o.written().isEmpty());
        assertTrue(o.commit().isEmpty());
        assertEquals(before, commits());
        assertFalse(git("status", "--porcelain").isBlank());
        List<String> files = specFiles();
        assertEquals(o.written().size(), files.size(), files.toString());
    }
}
