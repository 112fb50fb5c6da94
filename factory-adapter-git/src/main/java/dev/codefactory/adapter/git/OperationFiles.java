package dev.codefactory.adapter.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * The files in which git keeps an operation in progress (a merge's {@code MERGE_HEAD} and {@code MERGE_MSG}, a
 * rebase's {@code rebase-merge/} folder, a bisect's {@code BISECT_*} files and {@code refs/bisect/} refs...), as a
 * tree of a snapshot, so that restoring a snapshot taken in the middle of an operation brings the operation back,
 * even after it was aborted. Paths in the tree are relative to the git folder of the working tree; a ref under
 * {@code refs/bisect/} is a blob holding its object id.
 */
// implements feature-008/FR-011
final class OperationFiles {

    /** git's operation files and folders, relative to the git folder of a working tree. */
    static final List<String> NAMES = List.of("MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "AUTO_MERGE", "ORIG_HEAD",
            "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD", "SQUASH_MSG", "sequencer", "rebase-merge",
            "rebase-apply", "BISECT_LOG", "BISECT_TERMS", "BISECT_NAMES", "BISECT_EXPECTED_REV",
            "BISECT_ANCESTORS_OK", "BISECT_RUN", "BISECT_HEAD", "BISECT_FIRST_PARENT", "BISECT_START");
    private static final String BISECT_REFS = "refs/bisect/";

    private final Repository repo;
    private final Path gitDir;

    OperationFiles(Repository repo) {
        this.repo = repo;
        this.gitDir = repo.getDirectory().toPath();
    }

    /** The tree of the operation files there now. */
    ObjectId record(ObjectInserter inserter) throws IOException {
        DirCache tree = DirCache.newInCore();
        DirCacheBuilder builder = tree.builder();
        List<String> paths = new ArrayList<>();
        for (String name : NAMES) {
            Path p = gitDir.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                paths.add(name);
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                            .forEach(f -> paths.add(gitDir.relativize(f).toString().replace(File.separatorChar, '/')));
                }
            }
        }
        paths.sort(null);
        for (String path : paths) {
            builder.add(entry(path, inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(gitDir.resolve(path)))));
        }
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(BISECT_REFS)) {
            if (ref.getObjectId() != null) {
                builder.add(entry(ref.getName(), inserter.insert(Constants.OBJ_BLOB,
                        (ref.getObjectId().name() + "\n").getBytes(StandardCharsets.US_ASCII))));
            }
        }
        builder.finish();
        return tree.writeTree(inserter);
    }

    private static DirCacheEntry entry(String path, ObjectId blob) {
        DirCacheEntry e = new DirCacheEntry(path);
        e.setFileMode(FileMode.REGULAR_FILE);
        e.setObjectId(blob);
        return e;
    }

    /** Replaces the operation files there now by those of {@code tree}. */
    void restore(ObjectId tree, ObjectReader reader) throws IOException {
        for (String name : NAMES) {
            FileUtils.delete(gitDir.resolve(name).toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(BISECT_REFS)) {
            RefUpdate delete = repo.updateRef(ref.getName());
            delete.setForceUpdate(true);
            check(delete.delete(), ref.getName());
        }
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
                if (path.startsWith(BISECT_REFS)) {
                    RefUpdate update = repo.updateRef(path);
                    update.setNewObjectId(ObjectId.fromString(new String(content, StandardCharsets.US_ASCII).strip()));
                    update.setForceUpdate(true);
                    check(update.update(), path);
                    continue;
                }
                Path target = gitDir.resolve(path).normalize();
                if (!target.startsWith(gitDir) || NAMES.stream().noneMatch(n -> path.equals(n)
                        || path.startsWith(n + "/"))) {
                    continue; // never anything but git's operation files
                }
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private void check(RefUpdate.Result result, String ref) {
        GitLocks.requireUpdated(repo, "cannot restore " + ref, result);
    }
}
