package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitContext.info;

import dev.codefactory.port.vcs.ChangesSince;
import dev.codefactory.port.vcs.ChangesSince.ChangedFile;
import dev.codefactory.port.vcs.ChangesSince.LineRange;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The history drift reads (feature-010, FR-011): the files changed from a commit to {@code HEAD}, each with the
 * commits that changed it (oldest to newest, each commit's renames followed, as {@code git log --stat} shows them
 * with rename detection) and the net change of {@code git diff --stat FROM HEAD}: lines added and removed, and the
 * changed line ranges of the file at {@code HEAD}.
 */
// implements feature-010/FR-011, feature-010/FR-013
// implements feature-010/NFR-002
final class ChangeWalk {
    private final GitContext context;
    private final Repository repo;
    private Walked last;
    private final Map<String, Diffed> diffed = new HashMap<>();

    ChangeWalk(GitContext context) {
        this.context = context;
        this.repo = context.repo;
    }

    ChangesSince since(String fromCommit) {
        ObjectId from = context.revision(fromCommit + "^{commit}").orElseThrow(() -> new VersionControlException(
                "commit " + fromCommit + " is not in this repository: " + (shallow()
                        ? "this is a shallow clone and the commit may be beyond its boundary; fetch the history"
                        + " (git fetch --unshallow)"
                        : "the history was rewritten (a rebase, an amend, a force-push) or the id is wrong")));
        boolean renames = renames();
        try (RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader();
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            ObjectId headId = context.headId().orElseThrow(() -> new VersionControlException(
                    "the repository has no commit yet; commit first"));
            RevCommit head = walk.parseCommit(headId);
            RevCommit start = walk.parseCommit(from);
            if (last != null && !last.head().equals(head)) {
                diffed.clear(); // kept for one HEAD only, so a long-lived instance does not grow without end
            }
            List<Step> steps = reuse(start, head);
            boolean ancestor = steps != null || walk.isMergedInto(start, head);
            if (steps == null) {
                steps = walk(walk, reader, start, head, renames);
            }
            last = new Walked(start.copy(), head.copy(), steps);
            List<CommitInfo> commits = new ArrayList<>();
            Map<String, List<String>> byPath = new HashMap<>();
            for (Step step : steps) {
                commits.add(step.info());
                for (DiffEntry e : step.entries()) {
                    follow(byPath, e).add(step.info().id());
                }
            }
            Collections.reverse(commits);
            formatter.setRepository(repo);
            formatter.setDetectRenames(renames);
            Map<String, ChangedFile> files = new TreeMap<>();
            for (DiffEntry e : formatter.scan(start.getTree(), head.getTree())) {
                boolean deleted = e.getChangeType() == DiffEntry.ChangeType.DELETE;
                String path = deleted ? e.getOldPath() : e.getNewPath();
                Diffed d = diffed.computeIfAbsent(e.getOldId().name() + ":" + e.getNewId().name() + ":" + deleted,
                        k -> diff(formatter, e, deleted));
                int added = d.added();
                int removed = d.removed();
                List<LineRange> ranges = d.ranges();
                List<String> ids = new ArrayList<>(byPath.getOrDefault(path, List.of()));
                Collections.reverse(ids);
                Optional<String> renamedFrom = e.getChangeType() == DiffEntry.ChangeType.RENAME
                        ? Optional.of(e.getOldPath()) : Optional.empty();
                files.put(path, new ChangedFile(path, renamedFrom, deleted, added, removed, ids, ranges));
            }
            return new ChangesSince(start.getName(), head.getName(), ancestor, commits,
                    new ArrayList<>(files.values()));
        } catch (IOException e) {
            throw context.failure("cannot read the changes since " + fromCommit, e);
        } catch (UncheckedIOException e) {
            throw context.failure("cannot read the changes since " + fromCommit, e.getCause());
        }
    }

    /** Lines added and removed, and the changed ranges, of one file's change: {@code git diff --numstat}'s. */
    private Diffed diff(DiffFormatter formatter, DiffEntry e, boolean deleted) {
        int added = 0;
        int removed = 0;
        List<LineRange> ranges = new ArrayList<>();
        FileHeader header;
        try {
            header = formatter.toFileHeader(e);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        for (Edit edit : header.toEditList()) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
            if (!deleted) {
                ranges.add(edit.getLengthB() > 0 ? new LineRange(edit.getBeginB() + 1, edit.getEndB())
                        : new LineRange(Math.max(1, edit.getBeginB()), edit.getBeginB() + 1));
            }
        }
        return new Diffed(added, removed, List.copyOf(ranges));
    }

    /** A file's change between two blobs; the same two blobs always diff the same, so it is kept by their ids. */
    private record Diffed(int added, int removed, List<LineRange> ranges) {
    }

    /** The commits of {@code start..head}, oldest first, each with what it changed against its first parent. */
    private List<Step> walk(RevWalk walk, ObjectReader reader, RevCommit start, RevCommit head, boolean renames)
            throws IOException {
        walk.reset();
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(head);
        walk.markUninteresting(start);
        List<Step> steps = new ArrayList<>();
        for (RevCommit c : walk) {
            // a merge's changes are its parents' commits', as git log --stat shows them
            List<DiffEntry> entries = c.getParentCount() > 1 ? List.of() : entries(reader,
                    c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree(), c.getTree(), renames);
            steps.add(new Step(info(c), c.getParentCount() == 1 ? c.getParent(0).copy() : null, entries));
        }
        return steps;
    }

    /**
     * The steps of the last walk less its first commit, when that commit is {@code start} and its one parent was
     * where the last walk started, to the same {@code head}: {@code start..head} is then that walk without
     * {@code start} (drift counts from the commit that recorded {@code reconciled}, right after it). Null otherwise.
     */
    private List<Step> reuse(RevCommit start, RevCommit head) {
        if (last == null || !last.head().equals(head) || last.steps().isEmpty()) {
            return null;
        }
        Step first = last.steps().get(0);
        if (!first.info().id().equals(start.getName()) || first.parent() == null
                || !first.parent().equals(last.from())) {
            return null;
        }
        return last.steps().subList(1, last.steps().size());
    }

    /** One commit of a walk: what {@code git log} shows of it, its one parent (null for a root or a merge). */
    private record Step(CommitInfo info, ObjectId parent, List<DiffEntry> entries) {
    }

    /** The last walk: from where, to where, its steps. */
    private record Walked(ObjectId from, ObjectId head, List<Step> steps) {
    }

    /**
     * The commits list of the path {@code e} leaves behind: a rename or copy carries the list of its source (a
     * copy a copy of it), so a file's commits follow it through its renames.
     */
    private static List<String> follow(Map<String, List<String>> byPath, DiffEntry e) {
        switch (e.getChangeType()) {
            case RENAME: {
                List<String> ids = byPath.remove(e.getOldPath());
                List<String> moved = ids == null ? new ArrayList<>() : ids;
                byPath.put(e.getNewPath(), moved);
                return moved;
            }
            case COPY: {
                List<String> copy = new ArrayList<>(byPath.getOrDefault(e.getOldPath(), List.of()));
                byPath.put(e.getNewPath(), copy);
                return copy;
            }
            case DELETE:
                return byPath.computeIfAbsent(e.getOldPath(), p -> new ArrayList<>());
            default:
                return byPath.computeIfAbsent(e.getNewPath(), p -> new ArrayList<>());
        }
    }

    /** The files one commit changed against its parent (null for a root commit), renames detected when asked. */
    private List<DiffEntry> entries(ObjectReader reader, ObjectId parentTree, ObjectId tree, boolean renames)
            throws IOException {
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            if (parentTree == null) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(parentTree);
            }
            tw.addTree(tree);
            List<DiffEntry> entries = DiffEntry.scan(tw);
            if (!renames || !pairs(entries)) {
                return entries; // a rename is an addition and a deletion paired: without both there is none
            }
            RenameDetector detector = new RenameDetector(reader, repo.getConfig().get(
                    DiffConfig.KEY));
            detector.addAll(entries);
            return detector.compute();
        }
    }

    private static boolean pairs(List<DiffEntry> entries) {
        boolean added = false;
        boolean deleted = false;
        for (DiffEntry e : entries) {
            added |= e.getChangeType() == DiffEntry.ChangeType.ADD;
            deleted |= e.getChangeType() == DiffEntry.ChangeType.DELETE;
        }
        return added && deleted;
    }

    /** The text of {@code path} in the commit {@code ref}, empty when there is none. */
    Optional<String> textAt(String ref, String path) {
        Optional<ObjectId> commit = context.revision(ref + "^{commit}");
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo);
             TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(commit.get()).getTree())) {
            if (tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK)
                    != FileMode.TYPE_FILE) {
                return Optional.empty();
            }
            ObjectLoader loader = repo.open(tw.getObjectId(0));
            return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
        } catch (LargeObjectException e) {
            throw new VersionControlException(path + " in " + ref + " is too large to read", e);
        } catch (IOException e) {
            throw context.failure("cannot read " + path + " in " + ref, e);
        }
    }

    /** True when the repository is a shallow clone. */
    boolean shallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** git detects renames unless {@code diff.renames} says otherwise; JGit does not by default. */
    private boolean renames() {
        String renames = repo.getConfig().getString("diff", null, "renames");
        return renames == null || !List.of("false", "no", "off", "0")
                .contains(renames.toLowerCase(Locale.ROOT));
    }
}
