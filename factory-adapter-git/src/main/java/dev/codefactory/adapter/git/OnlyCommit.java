package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * {@code git commit -- paths}: the new commit is {@code HEAD}'s tree with just these paths taken from the working
 * tree, and the index gets the same entries for these paths while everything else staged stays staged.
 *
 * <p>It is built for large repositories: a tree walk restricted to the paths (never the whole working tree), blobs
 * hashed only when the index's stat data says the file changed, the commit tree made by rewriting only the trees
 * along the paths ({@link TreeEdits}), and the index updated with a {@link DirCacheEditor}. JGit's own
 * {@code CommitCommand.setOnly} walks the whole working tree and index to build a temporary index, which costs
 * hundreds of milliseconds on 50,000 files. Unlike git, a path that is not yet tracked (but not ignored) is committed
 * too: the port's {@code CommitRequest.only} takes paths "from the working tree".
 */
// implements feature-004/NFR-002
final class OnlyCommit {

    private final Repository repo;

    OnlyCommit(Repository repo) {
        this.repo = repo;
    }

    RevCommit commit(List<String> paths, String message, PersonIdent author, PersonIdent committer,
                     boolean allowEmpty) throws IOException {
        if (repo.getRepositoryState() != org.eclipse.jgit.lib.RepositoryState.SAFE) {
            throw new VersionControlException("cannot commit only " + String.join(", ", paths) + " in the middle of a "
                    + JGitStatus.operationName(JGitStatus.operation(repo.getRepositoryState()))
                    + " (" + repo.getRepositoryState().getDescription() + "); finish it with a full commit or abort"
                    + " it first (git status says how)");
        }
        DirCache index = repo.lockDirCache();
        try (ObjectInserter inserter = repo.newObjectInserter();
             ObjectReader reader = inserter.newReader();
             RevWalk revWalk = new RevWalk(reader)) {
            ObjectId headId = repo.resolve(Constants.HEAD + "^{commit}");
            RevCommit head = headId == null ? null : revWalk.parseCommit(headId);
            Map<String, TreeEdits.Change> changes = new LinkedHashMap<>();
            DirCacheEditor editor = index.editor();
            List<String> matched = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(repo, reader)) {
                FileTreeIterator files = new FileTreeIterator(repo);
                int fileTree = walk.addTree(files);
                int indexTree = walk.addTree(new DirCacheIterator(index));
                int headTree = head == null ? -1 : walk.addTree(head.getTree());
                files.setDirCacheIterator(walk, indexTree);
                walk.setFilter(PathFilterGroup.createFromStrings(paths));
                walk.setRecursive(true);
                while (walk.next()) {
                    String path = walk.getPathString();
                    WorkingTreeIterator file = walk.getTree(fileTree, WorkingTreeIterator.class);
                    DirCacheIterator cached = walk.getTree(indexTree, DirCacheIterator.class);
                    boolean inHead = headTree >= 0 && walk.getRawMode(headTree) != 0;
                    DirCacheEntry entry = cached == null ? null : cached.getDirCacheEntry();
                    if (entry != null && entry.getStage() != DirCacheEntry.STAGE_0) {
                        throw new VersionControlException("cannot commit " + path + ": it has unresolved conflicts;"
                                + " resolve them and stage the file first");
                    }
                    if (file != null) {
                        if (entry == null && !inHead && file.isEntryIgnored()) {
                            continue;
                        }
                        FileMode mode = file.getEntryFileMode();
                        ObjectId id;
                        if (mode == FileMode.GITLINK) {
                            id = file.getEntryObjectId();
                        } else if (entry != null && !file.isModified(entry, true, reader)) {
                            id = entry.getObjectId();
                        } else {
                            try (InputStream in = file.openEntryStream()) {
                                id = inserter.insert(Constants.OBJ_BLOB, file.getEntryContentLength(), in);
                            }
                        }
                        long length = file.getEntryLength();
                        var modified = file.getEntryLastModifiedInstant();
                        changes.put(path, new TreeEdits.Change(mode, id));
                        editor.add(new DirCacheEditor.PathEdit(path) {
                            @Override
                            public void apply(DirCacheEntry e) {
                                e.setFileMode(mode);
                                e.setObjectId(id);
                                e.setLength(length);
                                e.setLastModified(modified);
                            }
                        });
                    } else {
                        changes.put(path, TreeEdits.Change.DELETE);
                        editor.add(new DirCacheEditor.DeletePath(path));
                    }
                    matched.add(path);
                }
            }
            if (matched.isEmpty()) {
                throw new VersionControlException("cannot commit " + String.join(", ", paths) + ": no such file in"
                        + " the working tree, the index or HEAD; check the paths");
            }
            ObjectId tree = new TreeEdits(reader, inserter).apply(head == null ? null : head.getTree(), changes);
            if (!allowEmpty && head != null && tree.equals(head.getTree())) {
                throw JGitHistory.nothingToCommit();
            }
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(tree);
            if (head != null) {
                builder.setParentId(head);
            }
            builder.setAuthor(author);
            builder.setCommitter(committer);
            builder.setMessage(message);
            ObjectId commitId = inserter.insert(builder);
            inserter.flush();
            RevCommit commit = revWalk.parseCommit(commitId);
            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            update.setRefLogMessage((head == null ? "commit (initial): " : "commit: ") + commit.getShortMessage(),
                    false);
            RefUpdate.Result result = update.update(revWalk);
            switch (result) {
                case NEW:
                case FAST_FORWARD:
                case FORCED:
                    break;
                default:
                    throw new VersionControlException("cannot commit: HEAD could not be updated (" + result
                            + "); another git process may be running, try again");
            }
            editor.commit();
            return commit;
        } finally {
            index.unlock();
        }
    }
}
