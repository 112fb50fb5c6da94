package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Snapshots as git objects, stored under {@code refs/factory/snapshots/<id>}.
 *
 * <p>A snapshot is a commit whose tree is the working tree (tracked files as they are on disk and untracked files
 * that are not ignored, byte for byte: no clean filter or line-ending conversion, with the executable bit and symbolic
 * links), whose first parent is {@code HEAD} (when there is one) and whose last parent is a commit of the index tree
 * (itself a child of {@code HEAD}). So the index is parent 2, or parent 1 in an empty repository. Its message
 * carries the rest as trailers:
 *
 * <pre>
 * factory snapshot: before change 12
 *
 * Snapshot-Id: 20261125T160650123Z
 * Snapshot-Label: before change 12
 * Snapshot-Head-Ref: refs/heads/main        (or "detached")
 * Snapshot-Head: 0123...cdef                (or "none" in an empty repository)
 * Snapshot-Operation: NONE                  (or MERGE, REBASE, ...)
 * Snapshot-Created: 2026-11-25T16:06:50.123Z
 * </pre>
 *
 * Taking a snapshot only writes objects and the new ref: the working tree, the index and {@code HEAD} are read,
 * never written. Unresolved conflicts are kept too: the index commit's tree holds the merged (stage 0) entries, and
 * for each conflict stage present (1 base, 2 ours, 3 theirs) a commit of that stage's entries is an extra parent of
 * the index commit, listed in its {@code Snapshot-Conflict-Stages: 1 2 3} trailer. With an operation in progress,
 * git's files for it ({@code MERGE_HEAD}, {@code MERGE_MSG}, {@code rebase-merge/}, {@code BISECT_*} and
 * {@code refs/bisect/}..., see {@link OperationFiles}) are recorded as the tree of one more parent of the index commit,
 * just before the stage commits, named by its {@code Snapshot-Operation-Files: MERGE} trailer.
 *
 * <p>A restore puts back {@code HEAD}, the index (conflict stages included), the files and, when recorded, the
 * operation files: so a snapshot taken in the middle of a merge and restored after the merge was aborted brings the
 * merge back as it was (conflicted files byte for byte, {@code git ls-files -u} and {@code MERGE_HEAD} too). It is
 * refused when another operation is in progress then, or, for a snapshot recorded without operation files (before
 * they were recorded), unless the same operation is.
 */
final class SnapshotStore {

    static final String PREFIX = "refs/factory/snapshots/";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String DETACHED = "detached";
    private static final String NONE = "none";
    private static final String OPERATION_FILES = "Snapshot-Operation-Files";

    private final Repository repo;
    private final Clock clock;

    SnapshotStore(Repository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    Snapshot take(String label) {
        Objects.requireNonNull(label, "label");
        String cleanLabel = label.replaceAll("\\s+", " ").strip();
        Instant created = clock.instant();
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            Ref headRef = repo.exactRef(Constants.HEAD);
            String headRefName = headRef != null && headRef.isSymbolic() ? headRef.getTarget().getName() : DETACHED;
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            DirCache index = repo.readDirCache();
            PersonIdent who = new PersonIdent("Code-Factory", "code-factory@localhost", created, ZoneOffset.UTC);
            ObjectId indexTree = stageTree(index, DirCacheEntry.STAGE_0, inserter);
            List<ObjectId> stageCommits = new ArrayList<>();
            StringBuilder stages = new StringBuilder();
            for (int stage = DirCacheEntry.STAGE_1; stage <= DirCacheEntry.STAGE_3; stage++) {
                if (hasStage(index, stage)) {
                    CommitBuilder stageCommit = new CommitBuilder();
                    stageCommit.setTreeId(stageTree(index, stage, inserter));
                    stageCommit.setAuthor(who);
                    stageCommit.setCommitter(who);
                    stageCommit.setMessage("factory snapshot conflict stage " + stage + "\n");
                    stageCommits.add(inserter.insert(stageCommit));
                    stages.append(stages.length() == 0 ? "" : " ").append(stage);
                }
            }
            ObjectId workTree = workTreeTree(index, inserter, reader);

            CommitBuilder indexCommit = new CommitBuilder();
            indexCommit.setTreeId(indexTree);
            List<ObjectId> indexParents = new ArrayList<>();
            if (head != null) {
                indexParents.add(head);
            }
            RepositoryState.Operation operation = JGitStatus.operation(repo.getRepositoryState());
            boolean withOperation = operation != RepositoryState.Operation.NONE;
            if (withOperation) {
                CommitBuilder files = new CommitBuilder();
                files.setTreeId(new OperationFiles(repo).record(inserter));
                files.setAuthor(who);
                files.setCommitter(who);
                files.setMessage("factory snapshot operation files: " + operation + "\n");
                indexParents.add(inserter.insert(files));
            }
            indexParents.addAll(stageCommits);
            indexCommit.setParentIds(indexParents);
            indexCommit.setAuthor(who);
            indexCommit.setCommitter(who);
            indexCommit.setMessage("factory snapshot index: " + cleanLabel + "\n"
                    + (stages.length() == 0 && !withOperation ? "" : "\n")
                    + (withOperation ? OPERATION_FILES + ": " + operation + "\n" : "")
                    + (stages.length() == 0 ? "" : "Snapshot-Conflict-Stages: " + stages + "\n"));
            ObjectId indexId = inserter.insert(indexCommit);

            String id = freeId(created);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(workTree);
            if (head != null) {
                commit.setParentIds(head, indexId);
            } else {
                commit.setParentId(indexId);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("factory snapshot: " + cleanLabel + "\n\n"
                    + "Snapshot-Id: " + id + "\n"
                    + "Snapshot-Label: " + cleanLabel + "\n"
                    + "Snapshot-Head-Ref: " + headRefName + "\n"
                    + "Snapshot-Head: " + (head == null ? NONE : head.name()) + "\n"
                    + "Snapshot-Operation: " + operation + "\n"
                    + "Snapshot-Created: " + created + "\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();

            RefUpdate update = repo.updateRef(PREFIX + id);
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setRefLogMessage("factory: snapshot " + cleanLabel, false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw GitLocks.refused(repo, "cannot record snapshot " + id, result);
            }
            return parse(id, commitId, reader);
        } catch (IOException e) {
            throw GitLocks.failure(repo, "cannot take a snapshot", e);
        }
    }

    private String freeId(Instant created) throws IOException {
        String base = ID.format(created);
        String id = base;
        for (int n = 2; repo.exactRef(PREFIX + id) != null; n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static boolean hasStage(DirCache index, int stage) {
        for (int i = 0; i < index.getEntryCount(); i++) {
            if (index.getEntry(i).getStage() == stage) {
                return true;
            }
        }
        return false;
    }

    /** The tree of the index entries at {@code stage} (0: the merged entries; 1-3: base, ours, theirs). */
    private static ObjectId stageTree(DirCache index, int stage, ObjectInserter inserter) throws IOException {
        DirCache one = DirCache.newInCore();
        DirCacheBuilder builder = one.builder();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getStage() == stage) {
                DirCacheEntry copy = new DirCacheEntry(e.getRawPath(), DirCacheEntry.STAGE_0);
                copy.setFileMode(e.getFileMode());
                copy.setObjectId(e.getObjectId());
                builder.add(copy);
            }
        }
        builder.finish();
        return one.writeTree(inserter);
    }

    /** The tree of the working tree: tracked files present on disk and untracked files that are not ignored. */
    private ObjectId workTreeTree(DirCache index, ObjectInserter inserter, ObjectReader reader) throws IOException {
        DirCache tree = DirCache.newInCore();
        DirCacheBuilder builder = tree.builder();
        Path root = repo.getWorkTree().toPath();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setOperationType(TreeWalk.OperationType.CHECKIN_OP);
            walk.addTree(new FileTreeIterator(repo));
            walk.addTree(new DirCacheIterator(index));
            walk.setRecursive(false);
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                DirCacheIterator cached = walk.getTree(1, DirCacheIterator.class);
                if (file == null) {
                    continue; // deleted from disk
                }
                if (cached == null && file.isEntryIgnored()) {
                    continue; // never recorded, never touched
                }
                FileMode mode = file.getEntryFileMode();
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                    continue;
                }
                String path = walk.getPathString();
                ObjectId id;
                if (mode == FileMode.GITLINK) {
                    if (cached == null) {
                        continue; // an untracked nested repository: not ours to record
                    }
                    id = cached.getEntryObjectId();
                } else if (mode == FileMode.SYMLINK) {
                    byte[] target = Files.readSymbolicLink(root.resolve(path)).toString()
                            .getBytes(StandardCharsets.UTF_8);
                    id = inserter.insert(Constants.OBJ_BLOB, target);
                } else if (unchangedRaw(file, cached, mode, reader)) {
                    id = cached.getDirCacheEntry().getObjectId(); // same bytes as the staged blob: no need to read
                } else {
                    Path p = root.resolve(path);
                    try (InputStream in = Files.newInputStream(p)) {
                        id = inserter.insert(Constants.OBJ_BLOB, Files.size(p), in);
                    }
                }
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(mode);
                entry.setObjectId(id);
                builder.add(entry);
            }
        }
        builder.finish();
        return tree.writeTree(inserter);
    }

    /**
     * The file on disk is byte for byte the staged blob: no line-ending conversion or clean filter applies, and its
     * size, time and mode match the index entry (a racily clean entry counts as changed and is read).
     */
    private static boolean unchangedRaw(WorkingTreeIterator file, DirCacheIterator cached, FileMode mode,
                                        ObjectReader reader) throws IOException {
        if (cached == null) {
            return false;
        }
        DirCacheEntry entry = cached.getDirCacheEntry();
        return entry != null && entry.getStage() == DirCacheEntry.STAGE_0 && entry.getFileMode() == mode
                && file.getEolStreamType() == CoreConfig.EolStreamType.DIRECT && file.getCleanFilterCommand() == null
                && !file.isModified(entry, false, reader);
    }

    void restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Ref ref = repo.exactRef(PREFIX + snapshot.id());
            if (ref == null) {
                throw new VersionControlException("there is no snapshot " + snapshot.id() + "; list them with"
                        + " snapshots()");
            }
            RevCommit commit = walk.parseCommit(ref.getObjectId());
            Map<String, String> fields = fields(commit.getFullMessage());
            String headRef = fields.get("Snapshot-Head-Ref");
            String headName = fields.get("Snapshot-Head");
            if (headRef == null || headName == null) {
                throw new VersionControlException("snapshot " + snapshot.id() + " is damaged (no head recorded);"
                        + " drop it");
            }
            String recordedOperation = fields.getOrDefault("Snapshot-Operation", "NONE");
            String operation = JGitStatus.operation(repo.getRepositoryState()).name();
            RevCommit indexCommit = walk.parseCommit(commit.getParent(commit.getParentCount() - 1));
            Map<String, String> indexFields = fields(indexCommit.getFullMessage());
            List<String> stages = indexFields.containsKey("Snapshot-Conflict-Stages")
                    ? List.of(indexFields.get("Snapshot-Conflict-Stages").split(" ")) : List.of();
            int firstStageParent = indexCommit.getParentCount() - stages.size();
            // the operation's own files, recorded since RESCUE aborts operations after a snapshot
            ObjectId operationFiles = indexFields.containsKey(OPERATION_FILES)
                    ? walk.parseCommit(indexCommit.getParent(firstStageParent - 1)).getTree() : null;
            boolean bringsBack = operationFiles != null && ("NONE".equals(operation)
                    || recordedOperation.equals(operation));
            if (!recordedOperation.equals(operation) && !bringsBack) {
                throw new VersionControlException("cannot restore snapshot " + snapshot.id() + ": it was taken with "
                        + describe(recordedOperation) + " in progress, and now there is " + describe(operation)
                        + ("NONE".equals(operation) ? "; the snapshot is older than the recording of git's operation"
                        + " files, so start the same operation again first" : "; finish or abort the current one"
                        + " (git " + OperationAbort.command(RepositoryState.Operation.valueOf(operation)) + ") first"));
            }
            ObjectId head = NONE.equals(headName) ? null : ObjectId.fromString(headName);
            ObjectId indexTree = indexCommit.getTree();
            ObjectId workTree = commit.getTree();

            DirCache newIndex = DirCache.newInCore();
            DirCacheBuilder builder = newIndex.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, indexTree);
            for (int k = 0; k < stages.size(); k++) {
                RevCommit stageCommit = walk.parseCommit(indexCommit.getParent(firstStageParent + k));
                builder.addTree(new byte[0], Integer.parseInt(stages.get(k)), reader, stageCommit.getTree());
            }
            builder.finish();

            refuseFoldersInTheWay(workTree, reader);
            DirCache index = repo.lockDirCache(); // before anything changes: fail early when git holds it
            try {
                restoreHead(headRef, head, snapshot.id());
                Map<String, FileMode> recorded = writeFiles(workTree, reader);
                deleteOthers(recorded, newIndex);

                DirCacheBuilder real = index.builder();
                Path root = repo.getWorkTree().toPath();
                Map<String, ObjectId> recordedIds = ids(workTree, reader);
                for (int i = 0; i < newIndex.getEntryCount(); i++) {
                    DirCacheEntry e = newIndex.getEntry(i);
                    ObjectId onDisk = recordedIds.get(e.getPathString());
                    if (e.getStage() == DirCacheEntry.STAGE_0 && onDisk != null && onDisk.equals(e.getObjectId())
                            && recorded.get(e.getPathString()) == e.getFileMode()
                            && e.getFileMode() != FileMode.GITLINK) {
                        // the file on disk is the staged blob: record its stat data so git sees it clean
                        BasicFileAttributes stat = Files.readAttributes(root.resolve(e.getPathString()),
                                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                        e.setLength(stat.size());
                        e.setLastModified(stat.lastModifiedTime().toInstant());
                    }
                    real.add(e);
                }
                if (!real.commit()) {
                    throw GitLocks.refused(repo, "cannot write the index", RefUpdate.Result.LOCK_FAILURE);
                }
                if (bringsBack) {
                    new OperationFiles(repo).restore(operationFiles, reader);
                }
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            if (GitLocks.isLockFailure(e)) { // nothing was changed yet: the index is locked before anything else
                throw GitLocks.failure(repo, "cannot restore snapshot " + snapshot.id() + " (it is still recorded:"
                        + " restore it again once git's lock is gone)", e);
            }
            throw new VersionControlException("cannot restore snapshot " + snapshot.id() + ": " + e.getMessage()
                    + "; the snapshot is still recorded, fix the problem and restore again", e);
        }
    }

    /** A folder where the snapshot has a file may hold ignored files: refuse before changing anything. */
    private void refuseFoldersInTheWay(ObjectId tree, ObjectReader reader) throws IOException {
        Path root = repo.getWorkTree().toPath();
        List<String> blocked = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                Path target = root.resolve(walk.getPathString());
                if (walk.getFileMode(0) != FileMode.GITLINK && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    blocked.add(walk.getPathString());
                }
            }
        }
        if (!blocked.isEmpty()) {
            throw new VersionControlException("cannot restore the snapshot: folders now stand where it has files ("
                    + String.join(", ", blocked) + "); move them away and restore again");
        }
    }

    private static String describe(String operation) {
        return "NONE".equals(operation) ? "no operation" : "a " + operation.toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
    }

    private void restoreHead(String headRef, ObjectId head, String id) throws IOException {
        String reflog = "factory: restore snapshot " + id;
        if (DETACHED.equals(headRef)) {
            RefUpdate update = repo.updateRef(Constants.HEAD, true);
            update.setNewObjectId(head);
            update.setRefLogMessage(reflog, false);
            check(update.forceUpdate(), "HEAD");
            return;
        }
        if (head != null) {
            RefUpdate branch = repo.updateRef(headRef);
            branch.setNewObjectId(head);
            branch.setRefLogMessage(reflog, false);
            check(branch.forceUpdate(), headRef);
        }
        RefUpdate link = repo.updateRef(Constants.HEAD);
        link.setRefLogMessage(reflog, false);
        check(link.link(headRef), "HEAD");
    }

    private void check(RefUpdate.Result result, String ref) {
        GitLocks.requireUpdated(repo, "cannot restore " + ref, result);
    }

    private Map<String, ObjectId> ids(ObjectId tree, ObjectReader reader) throws IOException {
        Map<String, ObjectId> ids = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                ids.put(walk.getPathString(), walk.getObjectId(0));
            }
        }
        return ids;
    }

    /** Writes every recorded file whose content or mode differs; returns the recorded paths and modes. */
    private Map<String, FileMode> writeFiles(ObjectId tree, ObjectReader reader) throws IOException {
        Map<String, FileMode> recorded = new HashMap<>();
        Path root = repo.getWorkTree().toPath();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                recorded.put(path, mode);
                Path target = root.resolve(path);
                clearParents(root, target.getParent());
                if (mode == FileMode.GITLINK) {
                    if (!Files.isDirectory(target)) {
                        Files.deleteIfExists(target);
                        Files.createDirectories(target);
                    }
                    continue;
                }
                byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
                if (mode == FileMode.SYMLINK) {
                    Path link = Path.of(new String(content, StandardCharsets.UTF_8));
                    if (Files.isSymbolicLink(target) && Files.readSymbolicLink(target).equals(link)) {
                        continue;
                    }
                    deleteForReplacement(target);
                    Files.createSymbolicLink(target, link);
                    continue;
                }
                boolean same = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(target) == content.length
                        && Arrays.equals(Files.readAllBytes(target), content);
                if (!same) {
                    deleteForReplacement(target);
                    Files.write(target, content);
                }
                boolean executable = mode == FileMode.EXECUTABLE_FILE;
                if (repo.getFS().supportsExecute() && repo.getFS().canExecute(target.toFile()) != executable) {
                    repo.getFS().setExecute(target.toFile(), executable);
                }
            }
        }
        return recorded;
    }

    /** Makes sure every folder above {@code dir} up to the root is a folder (a file there is removed). */
    private static void clearParents(Path root, Path dir) throws IOException {
        List<Path> chain = new ArrayList<>();
        for (Path d = dir; d != null && !d.equals(root); d = d.getParent()) {
            chain.add(0, d);
        }
        for (Path d : chain) {
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(d);
            }
        }
        Files.createDirectories(dir);
    }

    private static void deleteForReplacement(Path target) throws IOException {
        Files.deleteIfExists(target); // a file or symbolic link; folders were refused beforehand
    }

    /** Deletes every file that is neither recorded, nor in the restored index, nor ignored; then emptied folders. */
    private void deleteOthers(Map<String, FileMode> recorded, DirCache newIndex) throws IOException {
        Path root = repo.getWorkTree().toPath();
        TreeSet<Path> emptied = new TreeSet<>(Comparator.reverseOrder());
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new FileTreeIterator(repo));
            walk.addTree(new DirCacheIterator(newIndex));
            walk.setRecursive(false);
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                DirCacheIterator cached = walk.getTree(1, DirCacheIterator.class);
                if (file == null) {
                    continue;
                }
                String path = walk.getPathString();
                boolean ignored = cached == null && file.isEntryIgnored();
                if (walk.isSubtree()) {
                    if (!ignored && recorded.get(path) != FileMode.GITLINK) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                if (recorded.containsKey(path) || ignored) {
                    continue;
                }
                if (file.getEntryFileMode() == FileMode.GITLINK) {
                    continue; // a nested repository: never deleted
                }
                Path p = root.resolve(path);
                Files.deleteIfExists(p);
                for (Path d = p.getParent(); d != null && !d.equals(root); d = d.getParent()) {
                    emptied.add(d);
                }
            }
        }
        for (Path d : emptied) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                // still holds something (ignored files, recorded files): keep it
            }
        }
    }

    List<Snapshot> list() {
        try (ObjectReader reader = repo.newObjectReader()) {
            List<Snapshot> out = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(PREFIX)) {
                out.add(parse(ref.getName().substring(PREFIX.length()), ref.getObjectId(), reader));
            }
            out.sort(Comparator.comparing(Snapshot::created).thenComparing(Snapshot::id).reversed());
            return out;
        } catch (IOException e) {
            throw new VersionControlException("cannot list snapshots: " + e.getMessage(), e);
        }
    }

    void drop(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        try {
            if (repo.exactRef(PREFIX + snapshot.id()) == null) {
                throw new VersionControlException("there is no snapshot " + snapshot.id() + " to drop");
            }
            RefUpdate update = repo.updateRef(PREFIX + snapshot.id());
            update.setForceUpdate(true);
            RefUpdate.Result result = update.delete();
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw GitLocks.refused(repo, "cannot drop snapshot " + snapshot.id(), result);
            }
        } catch (IOException e) {
            throw GitLocks.failure(repo, "cannot drop snapshot " + snapshot.id(), e);
        }
    }

    private Snapshot parse(String id, ObjectId commitId, ObjectReader reader) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            Map<String, String> f = fields(commit.getFullMessage());
            String headRef = f.getOrDefault("Snapshot-Head-Ref", DETACHED);
            String head = f.getOrDefault("Snapshot-Head", NONE);
            Optional<String> headId = NONE.equals(head) ? Optional.empty() : Optional.of(head);
            Optional<String> branch = DETACHED.equals(headRef) || headId.isEmpty() ? Optional.empty()
                    : Optional.of(Repository.shortenRefName(headRef));
            Instant created = f.containsKey("Snapshot-Created") ? Instant.parse(f.get("Snapshot-Created"))
                    : commit.getCommitterIdent().getWhenAsInstant();
            return new Snapshot(id, f.getOrDefault("Snapshot-Label", ""), branch, headId, commit.name(), created);
        }
    }

    private static Map<String, String> fields(String message) {
        Map<String, String> f = new HashMap<>();
        for (String line : message.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.startsWith("Snapshot-") && colon > 0) {
                f.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return f;
    }
}
