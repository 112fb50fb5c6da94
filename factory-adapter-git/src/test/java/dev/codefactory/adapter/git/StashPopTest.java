package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.StashEntry;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stash entries as RESCUE lists them and gives them back: all or nothing, never over local changes. */
class StashPopTest extends IsolatedGit {

    /** A repository with a stash entry made by the git command line: staged, unstaged and untracked changes. */
    private VersionControl stashed() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n", "b.txt", "b\n", "c.txt", "c\n");
        write(r.resolve("a.txt"), "a staged\n");
        git(r, "add", "a.txt");
        write(r.resolve("b.txt"), "b unstaged\n");
        write(r.resolve("dir/new.txt"), "untracked\n");
        git(r, "stash", "push", "-q", "--include-untracked", "-m", "factory: before change 7");
        return vc;
    }

    /** Everything a pop may change, as git shows it. */
    private String observed(Path r) {
        return git(r, "status", "--porcelain", "--untracked-files=all") + git(r, "stash", "list")
                + git(r, "diff") + git(r, "diff", "--cached");
    }

    // covers feature-008/FR-005
    @Test
    void stashes_are_listed_as_git_stash_list_shows_them() {
        VersionControl vc = stashed();
        Path r = vc.workTree();
        write(r.resolve("c.txt"), "c changed\n");
        vc.stash("second");

        List<StashEntry> entries = vc.stashes();

        assertEquals(List.of(
                new StashEntry(0, git(r, "rev-parse", "stash@{0}").strip(), "On main: second"),
                new StashEntry(1, git(r, "rev-parse", "stash@{1}").strip(), "On main: factory: before change 7")),
                entries);
        assertEquals("stash@{0}: On main: second\nstash@{1}: On main: factory: before change 7\n",
                git(r, "stash", "list"));
    }

    // covers feature-008/FR-005
    @Test
    void no_stash_no_entries() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "base", "a.txt", "a\n");
        assertEquals(List.of(), vc.stashes());
    }

    // covers feature-008/FR-011
    @Test
    void pop_gives_back_staged_unstaged_and_untracked_changes_and_drops_the_entry() {
        VersionControl vc = stashed();
        Path r = vc.workTree();
        write(r.resolve("c.txt"), "c local, untouched by the stash\n");
        String commit = vc.stashes().get(0).commit();

        vc.popStash(commit);

        assertEquals("a staged\n", read(r.resolve("a.txt")));
        assertEquals("b unstaged\n", read(r.resolve("b.txt")));
        assertEquals("untracked\n", read(r.resolve("dir/new.txt")));
        assertEquals("c local, untouched by the stash\n", read(r.resolve("c.txt")));
        assertEquals("M  a.txt\n M b.txt\n M c.txt\n?? dir/new.txt\n",
                git(r, "status", "--porcelain", "--untracked-files=all"));
        assertEquals("", git(r, "stash", "list"));
        assertEquals(List.of(), vc.stashes());
    }

    // covers feature-008/FR-011
    @Test
    void pop_is_refused_with_nothing_changed_when_it_would_conflict() {
        VersionControl vc = stashed();
        Path r = vc.workTree();
        commitFiles(r, "moved on", "b.txt", "b committed differently\n");
        String before = observed(r);

        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.popStash(vc.stashes().get(0).commit()));

        assertTrue(e.getMessage().contains("conflict") && e.getMessage().contains("b.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals(before, observed(r));
        assertEquals(1, vc.stashes().size());
    }

    // covers feature-008/FR-011
    @Test
    void pop_is_refused_with_nothing_changed_when_it_would_overwrite_local_changes() {
        VersionControl vc = stashed();
        Path r = vc.workTree();
        write(r.resolve("b.txt"), "b edited since\n");
        write(r.resolve("dir/new.txt"), "an untracked file where the stash has one\n");
        String before = observed(r);

        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.popStash(vc.stashes().get(0).commit()));

        assertTrue(e.getMessage().contains("would overwrite local changes to b.txt, dir/new.txt"), e.getMessage());
        assertEquals(before, observed(r));
        assertEquals("b edited since\n", read(r.resolve("b.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void pop_of_an_unknown_entry_is_refused() {
        VersionControl vc = stashed();
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.popStash("0123456789012345678901234567890123456789"));
        assertTrue(e.getMessage().contains("there is no stash entry"), e.getMessage());
        assertTrue(Files.exists(vc.workTree().resolve("a.txt")));
    }
}
