package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.UpstreamStatus;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The current branch against its upstream from the local refs only, and the one fetch that refreshes them, against a
 * bare repository on this disk (never the network).
 */
class UpstreamTest extends IsolatedGit {

    private Path bare;
    private Path other;

    /** A repository whose main tracks origin/main of a bare repository, and a second clone of it. */
    private VersionControl tracked() {
        git(work, "init", "-q", "--bare", "-b", "main", "remote.git");
        bare = work.resolve("remote.git");
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        git(r, "remote", "add", "origin", bare.toUri().toString());
        git(r, "push", "-q", "-u", "origin", "main");
        git(work, "clone", "-q", bare.toUri().toString(), "other");
        other = work.resolve("other");
        return vc;
    }

    private void pushFromOther(String file) {
        commitFiles(other, "other " + file, file, file + "\n");
        git(other, "push", "-q", "origin", "main");
    }

    // covers feature-008/FR-004
    @Test
    void a_branch_level_with_its_upstream_is_zero_zero() {
        VersionControl vc = tracked();
        assertEquals(Optional.of(new UpstreamStatus("main", "origin/main", 0, 0)), vc.upstream());
    }

    // covers feature-008/FR-004
    @Test
    void ahead_behind_and_diverged_come_from_the_local_refs_until_a_fetch() {
        VersionControl vc = tracked();
        Path r = vc.workTree();
        commitFiles(r, "mine 1", "m1.txt", "1\n");
        commitFiles(r, "mine 2", "m2.txt", "2\n");
        assertEquals(Optional.of(new UpstreamStatus("main", "origin/main", 2, 0)), vc.upstream());

        pushFromOther("o.txt");
        assertEquals(2, vc.upstream().orElseThrow().ahead());
        assertEquals(0, vc.upstream().orElseThrow().behind(), "no network call: the push is not known yet");

        String headBefore = git(r, "rev-parse", "HEAD");
        vc.fetch("origin", null);

        UpstreamStatus diverged = vc.upstream().orElseThrow();
        assertEquals(new UpstreamStatus("main", "origin/main", 2, 1), diverged);
        assertTrue(diverged.diverged());
        assertEquals(headBefore, git(r, "rev-parse", "HEAD"), "fetch merges nothing");
        assertEquals("", git(r, "status", "--porcelain"));
        assertEquals(git(other, "rev-parse", "HEAD"), git(r, "rev-parse", "origin/main"));
    }

    // covers feature-008/FR-004
    @Test
    void behind_only_after_a_fetch() {
        VersionControl vc = tracked();
        pushFromOther("o1.txt");
        pushFromOther("o2.txt");
        vc.fetch("origin", null);
        UpstreamStatus status = vc.upstream().orElseThrow();
        assertEquals(new UpstreamStatus("main", "origin/main", 0, 2), status);
        assertFalse(status.diverged());
    }

    // covers feature-008/FR-004
    @Test
    void no_upstream_on_a_branch_without_one_or_a_detached_head() {
        VersionControl vc = tracked();
        Path r = vc.workTree();
        git(r, "switch", "-q", "-c", "topic");
        assertEquals(Optional.empty(), vc.upstream());
        git(r, "switch", "-q", "--detach", "main");
        assertEquals(Optional.empty(), vc.upstream());
    }

    // covers feature-008/FR-004
    @Test
    void fetch_from_a_missing_remote_says_what_to_do() {
        VersionControl vc = tracked();
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.fetch("upstream", null));
        assertTrue(e.getMessage().contains("git remote add upstream"), e.getMessage());
    }

    // covers feature-008/FR-005
    @Test
    void branches_lists_local_branches_with_a_prefix_sorted() {
        VersionControl vc = tracked();
        Path r = vc.workTree();
        git(r, "branch", "factory/change-12");
        git(r, "branch", "factory/change-3");
        git(r, "branch", "factory/rescue-1");
        git(r, "branch", "feature");

        assertEquals(List.of("factory/change-12", "factory/change-3"), vc.branches("factory/change-"));
        assertEquals(List.of("factory/change-12", "factory/change-3", "factory/rescue-1", "feature", "main"),
                vc.branches(""));
        assertEquals(List.of(), vc.branches("nothing/"));
    }
}
