package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.RepositoryState.Operation;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * Aborts the operation git is in the middle of, as the {@code git} command line does, on the state files git (or
 * JGit) wrote:
 *
 * <ul>
 * <li>merge ({@code git merge --abort}), cherry-pick and revert ({@code git cherry-pick/revert --abort}): the index
 * and the files it changed go back to {@code HEAD} (for a sequence of picks, the branch goes back to where the
 * sequence began, {@code sequencer/head}); {@code MERGE_HEAD}, {@code MERGE_MSG}, {@code MERGE_MODE},
 * {@code AUTO_MERGE}, {@code CHERRY_PICK_HEAD}, {@code REVERT_HEAD} and {@code sequencer/} are removed;</li>
 * <li>rebase ({@code git rebase --abort}), from {@code rebase-merge/} or {@code rebase-apply/} whichever wrote it:
 * the branch named in {@code head-name} is checked out again at {@code orig-head} (or HEAD is detached there), the
 * files the rebase changed go back, the folder is removed; an {@code autostash} is not lost: it is put on the stash
 * list (as git does when it cannot apply it);</li>
 * <li>bisect ({@code git bisect reset}): the branch (or commit) in {@code BISECT_START} is checked out (refused, with
 * nothing changed, when local changes would be overwritten), the {@code BISECT_*} files and {@code refs/bisect/}
 * removed.</li>
 * </ul>
 *
 * Putting files back is {@code git reset --merge}: only the paths the operation staged or that differ between
 * {@code HEAD} and the commit gone back to are written (or removed, when that commit lacks them); other unstaged edits
 * stay. Files are written byte for byte from the blobs (no line-ending conversion or smudge filter). The caller takes
 * a snapshot first: the conflicts and half-done resolutions are gone from the working tree afterwards.
 */
// implements feature-008/FR-011
final class OperationAbort {

    private static final List<String> MERGE_FILES = List.of("MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "AUTO_MERGE");
    private static final List<String> BISECT_FILES = List.of("BISECT_LOG", "BISECT_TERMS", "BISECT_NAMES",
            "BISECT_EXPECTED_REV", "BISECT_ANCESTORS_OK", "BISECT_RUN", "BISECT_HEAD", "BISECT_FIRST_PARENT",
            "BISECT_START");

    private final GitContext context;
    private final Repository repo;
    private final File gitDir;

    OperationAbort(GitContext context) {
        this.context = context;
        this.repo = context.repo;
        this.gitDir = repo.getDirectory();
    }

    void abort() {
        Operation operation = JGitStatus.operation(repo.getRepositoryState());
        try {
            switch (operation) {
                case MERGE:
                    backTo(head(), null, "merge: abort");
                    delete(MERGE_FILES);
                    return;
                case CHERRY_PICK:
                case REVERT:
                    abortSequence(operation);
                    return;
                case REBASE:
                    abortRebase();
                    return;
                case BISECT:
                    resetBisect();
                    return;
                case APPLY_MAILBOX:
                    throw new VersionControlException("cannot abort: a git am (applying patches from a mailbox) is in"
                            + " progress, not a merge, rebase, cherry-pick, revert or bisect; run git am --abort");
                default:
                    throw new VersionControlException("nothing to abort: no merge, rebase, cherry-pick, revert or"
                            + " bisect is in progress");
            }
        } catch (IOException | GitAPIException | JGitInternalException e) {
            throw context.failure("cannot abort the " + JGitStatus.operationName(operation) + "; look at git status"
                    + " and run git " + command(operation) + " yourself", e);
        }
    }

    /** The git command that aborts {@code operation}: {@code merge --abort}, {@code bisect reset}, am --abort. */
    static String command(Operation operation) {
        switch (operation) {
            case BISECT:
                return "bisect reset";
            case APPLY_MAILBOX:
                return "am --abort";
            default:
                return JGitStatus.operationName(operation) + " --abort";
        }
    }

    private RevCommit head() throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(context.headId().orElseThrow(() -> new VersionControlException(
                    "cannot abort: HEAD points at no commit; look at git status")));
        }
    }

    private RevCommit commit(String id, String where) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ObjectId.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw new VersionControlException("cannot abort: " + where + " does not name a commit (" + id.strip()
                    + "); look at git status", e);
        }
    }

    private void abortSequence(Operation operation) throws IOException {
        File sequencerHead = new File(gitDir, "sequencer/head");
        RevCommit target = sequencerHead.isFile() ? commit(read(sequencerHead), "sequencer/head") : head();
        backTo(target, context.symbolicBranch().orElse(null), JGitStatus.operationName(operation) + ": abort");
        delete(List.of(operation == Operation.REVERT ? "REVERT_HEAD" : "CHERRY_PICK_HEAD"));
        delete(MERGE_FILES);
        FileUtils.delete(new File(gitDir, "sequencer"), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }

    private void abortRebase() throws IOException {
        File dir = new File(gitDir, "rebase-merge");
        if (!dir.isDirectory()) {
            dir = new File(gitDir, "rebase-apply");
        }
        File origHead = new File(dir, "orig-head");
        File headName = new File(dir, "head-name");
        if (!origHead.isFile() || !headName.isFile()) {
            throw new VersionControlException("cannot abort the rebase: " + dir + " has no orig-head or head-name;"
                    + " run git rebase --abort (or git rebase --quit) yourself");
        }
        RevCommit target = commit(read(origHead), dir.getName() + "/orig-head");
        String name = read(headName).strip();
        String branch = name.startsWith(Constants.R_HEADS) ? name : null;
        File autostash = new File(dir, "autostash");
        ObjectId stashed = autostash.isFile() ? ObjectId.fromString(read(autostash).strip()) : null;
        backTo(target, branch, "rebase (abort): returning to " + (branch == null ? target.name() : branch));
        if (branch != null) {
            RefUpdate link = repo.updateRef(Constants.HEAD);
            link.setRefLogMessage("rebase (abort): returning to " + branch, false);
            check(link.link(branch), "HEAD");
        } else {
            RefUpdate detach = repo.updateRef(Constants.HEAD, true);
            detach.setNewObjectId(target);
            detach.setRefLogMessage("rebase (abort): returning to " + target.name(), false);
            check(detach.forceUpdate(), "HEAD");
        }
        if (stashed != null) {
            keepAutostash(stashed);
        }
        delete(List.of("REBASE_HEAD", "AUTO_MERGE", "MERGE_MSG"));
        FileUtils.delete(dir, FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }

    /** {@code git stash store -m autostash}: the changes the rebase put aside stay on the stash list. */
    private void keepAutostash(ObjectId stash) throws IOException {
        RefUpdate update = repo.updateRef(Constants.R_STASH);
        update.setNewObjectId(stash);
        update.setForceUpdate(true);
        update.setForceRefLog(true);
        update.setRefLogIdent(new PersonIdent(repo));
        update.setRefLogMessage("autostash", false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.FAST_FORWARD) {
            throw GitLocks.refused(repo, "cannot keep the rebase's autostash " + stash.name(), result);
        }
    }

    private void resetBisect() throws IOException, GitAPIException {
        File start = new File(gitDir, "BISECT_START");
        String back = start.isFile() ? read(start).strip() : "";
        if (!back.isEmpty()) {
            String name = repo.exactRef(Constants.R_HEADS + back) != null ? back : null;
            try {
                if (name != null) {
                    context.git.checkout().setName(name).call();
                } else {
                    context.git.checkout().setName(commit(back, "BISECT_START").name()).call();
                }
            } catch (CheckoutConflictException e) {
                throw new VersionControlException("cannot end the bisect: going back to " + back + " would"
                        + " overwrite local changes to " + String.join(", ", e.getConflictingPaths()) + "; commit"
                        + " or stash them first (nothing was changed)", e);
            }
        }
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/bisect/")) {
            RefUpdate delete = repo.updateRef(ref.getName());
            delete.setForceUpdate(true);
            RefUpdate.Result result = delete.delete();
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw GitLocks.refused(repo, "cannot delete " + ref.getName(), result);
            }
        }
        delete(BISECT_FILES);
    }

    /**
     * {@code git reset --merge TARGET}: the index becomes {@code target}'s tree; the files the index had staged
     * (conflicts included) and those that differ between {@code HEAD} and {@code target} are written as
     * {@code target} has them (or removed); when {@code branch} is given, it is moved to {@code target}.
     */
    private void backTo(RevCommit target, String branch, String reflog) throws IOException {
        RevCommit head = head();
        DirCache index = repo.lockDirCache();
        try (ObjectReader reader = repo.newObjectReader()) {
            Map<String, DirCacheEntry> staged = new HashMap<>();
            Set<String> unmerged = new TreeSet<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getStage() == DirCacheEntry.STAGE_0) {
                    staged.put(e.getPathString(), e);
                } else {
                    unmerged.add(e.getPathString());
                }
            }
            Map<String, DirCacheEntry> atHead = entries(head, reader);
            Map<String, DirCacheEntry> atTarget = entries(target, reader);
            Set<String> rewrite = new TreeSet<>(unmerged);
            for (String p : union(staged.keySet(), atHead.keySet())) {
                if (differs(staged.get(p), atHead.get(p))) {
                    rewrite.add(p);
                }
            }
            for (String p : union(atHead.keySet(), atTarget.keySet())) {
                if (differs(atHead.get(p), atTarget.get(p))) {
                    rewrite.add(p);
                }
            }
            if (branch != null && !target.equals(repo.resolve(branch))) {
                RefUpdate move = repo.updateRef(branch);
                move.setNewObjectId(target);
                move.setRefLogMessage(reflog, false);
                check(move.forceUpdate(), branch);
            }
            Path root = context.workTree();
            List<Path> emptied = new ArrayList<>();
            for (String p : rewrite) {
                Path file = root.resolve(p);
                DirCacheEntry want = atTarget.get(p);
                if (want == null) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
                        Files.delete(file);
                        emptied.add(file.getParent());
                    }
                    continue;
                }
                write(file, want, reader);
            }
            DirCacheBuilder builder = index.builder();
            for (DirCacheEntry want : atTarget.values().stream()
                    .sorted((a, b) -> a.getPathString().compareTo(b.getPathString())).toList()) {
                String p = want.getPathString();
                DirCacheEntry old = staged.get(p);
                if (!rewrite.contains(p) && old != null && !differs(old, want)) {
                    builder.add(old); // untouched: keeps its stat data, so git sees it as it was
                    continue;
                }
                if (want.getFileMode() != FileMode.GITLINK) {
                    Path file = root.resolve(p);
                    BasicFileAttributes stat = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    want.setLength(stat.size());
                    want.setLastModified(stat.lastModifiedTime().toInstant());
                }
                builder.add(want);
            }
            if (!builder.commit()) {
                throw GitLocks.refused(repo, "cannot write the index", RefUpdate.Result.LOCK_FAILURE);
            }
            for (Path d : emptied) {
                removeEmpty(root, d);
            }
        } finally {
            index.unlock();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean differs(DirCacheEntry a, DirCacheEntry b) {
        if (a == null || b == null) {
            return a != b;
        }
        return !a.getObjectId().equals(b.getObjectId()) || a.getRawMode() != b.getRawMode();
    }

    private Map<String, DirCacheEntry> entries(RevCommit commit, ObjectReader reader) throws IOException {
        Map<String, DirCacheEntry> entries = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                DirCacheEntry e = new DirCacheEntry(walk.getRawPath(), DirCacheEntry.STAGE_0);
                e.setFileMode(walk.getFileMode(0));
                e.setObjectId(walk.getObjectId(0));
                entries.put(walk.getPathString(), e);
            }
        }
        return entries;
    }

    /** Writes {@code entry}'s blob at {@code file} byte for byte (a symbolic link as a link), folders made. */
    private void write(Path file, DirCacheEntry entry, ObjectReader reader) throws IOException {
        if (entry.getFileMode() == FileMode.GITLINK) {
            Files.createDirectories(file);
            return;
        }
        Path root = context.workTree();
        for (Path d = file.getParent(); d != null && !d.equals(root); d = d.getParent()) {
            if (Files.isRegularFile(d, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(d)) {
                Files.delete(d); // a file where the commit has a folder
                break;
            }
        }
        Files.createDirectories(file.getParent());
        byte[] content = reader.open(entry.getObjectId(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new VersionControlException("cannot put back " + file + ": a folder stands there; move it away"
                    + " and abort again");
        }
        Files.deleteIfExists(file);
        if (entry.getFileMode() == FileMode.SYMLINK) {
            Files.createSymbolicLink(file, Path.of(new String(content, StandardCharsets.UTF_8)));
            return;
        }
        Files.write(file, content);
        if (repo.getFS().supportsExecute()) {
            repo.getFS().setExecute(file.toFile(), entry.getFileMode() == FileMode.EXECUTABLE_FILE);
        }
    }

    private static void removeEmpty(Path root, Path dir) throws IOException {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            try {
                if (!Files.deleteIfExists(d)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private void check(RefUpdate.Result result, String ref) {
        GitLocks.requireUpdated(repo, "cannot update " + ref, result);
    }

    private void delete(List<String> names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(new File(gitDir, name).toPath());
        }
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }
}
