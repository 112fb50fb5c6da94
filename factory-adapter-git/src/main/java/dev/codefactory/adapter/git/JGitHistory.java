package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitContext.info;
import static dev.codefactory.adapter.git.GitContext.unknownRef;

import dev.codefactory.port.vcs.ChangesSince;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.FileVersion;
import dev.codefactory.port.vcs.History;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.UnmergedPathsException;
import org.eclipse.jgit.api.errors.WrongRepositoryStateException;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** {@link History} on JGit: staging and commits as {@code git add} and {@code git commit} make them, log, diffs. */
final class JGitHistory implements History {

    private final GitContext context;
    private final Repository repo;
    private final Git git;
    private final JGitStatus status;

    JGitHistory(GitContext context, JGitStatus status) {
        this.context = context;
        this.repo = context.repo;
        this.git = context.git;
        this.status = status;
    }

    @Override
    public Path workTree() {
        return context.workTree();
    }

    @Override
    public void add(List<String> paths) {
        List<String> checked = checkPaths(paths);
        if (checked.isEmpty()) {
            return;
        }
        try {
            if (!checked.contains(".")) {
                refuseIgnored(checked); // "." is the whole working tree: ignored files are simply skipped
            }
            var add = git.add().setAll(true);
            checked.forEach(add::addFilepattern);
            add.call();
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw context.failure("cannot stage " + String.join(", ", checked), e);
        }
    }

    /** {@code git add} refuses a path that is ignored and not tracked; so do we, naming it. */
    private void refuseIgnored(List<String> paths) throws IOException {
        DirCache index = repo.readDirCache();
        List<String> ignored = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> named = new HashSet<>(paths);
        Set<String> seen = new HashSet<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new FileTreeIterator(repo));
            walk.addTree(new DirCacheIterator(index));
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            walk.setRecursive(false);
            while (walk.next()) {
                String path = walk.getPathString();
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                DirCacheIterator cached = walk.getTree(1, DirCacheIterator.class);
                if (named.contains(path)) {
                    seen.add(path);
                    if (file != null && cached == null && file.isEntryIgnored()) {
                        ignored.add(path);
                        continue;
                    }
                }
                if (walk.isSubtree() && !named.contains(path)) {
                    walk.enterSubtree();
                }
            }
        }
        for (String p : paths) {
            if (!seen.contains(p)) {
                unknown.add(p);
            }
        }
        if (!unknown.isEmpty()) {
            throw new VersionControlException("cannot stage " + String.join(", ", unknown)
                    + ": no such file in the working tree or the index; check the path (relative to "
                    + repo.getWorkTree() + ")");
        }
        if (!ignored.isEmpty()) {
            throw new VersionControlException("cannot stage " + String.join(", ", ignored)
                    + ": ignored by .gitignore, .git/info/exclude or the global excludes file; remove the pattern"
                    + " or stage it with git add -f");
        }
    }

    private List<String> checkPaths(List<String> paths) {
        Objects.requireNonNull(paths, "paths");
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String path = p.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            while (path.endsWith("/") || path.endsWith("/.")) {
                path = path.substring(0, path.lastIndexOf('/'));
            }
            if (path.isEmpty() || path.startsWith("/") || path.equals("..") || path.startsWith("../")
                    || path.contains("/../") || path.endsWith("/..") || path.equals(".git")
                    || path.startsWith(".git/")) {
                throw new VersionControlException("invalid path " + p + ": paths are relative to the working tree "
                        + repo.getWorkTree() + ", use / as separator and stay inside it");
            }
            out.add(path);
        }
        return out;
    }

    @Override
    public CommitInfo commit(CommitRequest request) {
        Objects.requireNonNull(request, "request");
        PersonIdent committer = configuredIdentity();
        PersonIdent author = request.author() == null ? committer
                : new PersonIdent(request.author().name(), request.author().email(), committer.getWhenAsInstant(),
                        committer.getZoneId());
        String message = message(request.message(), request.signOff() ? committer : null);
        try {
            RevCommit commit = request.only().isEmpty()
                    ? commitIndex(message, author, committer, request.allowEmpty())
                    : new OnlyCommit(repo).commit(checkPaths(request.only()), message, author, committer,
                            request.allowEmpty());
            return info(commit);
        } catch (EmptyCommitException e) {
            throw nothingToCommit();
        } catch (UnmergedPathsException e) {
            throw new VersionControlException("cannot commit: there are unresolved conflicts in "
                    + String.join(", ", status.state().conflicted()) + "; resolve them and stage the files first", e);
        } catch (WrongRepositoryStateException e) {
            throw new VersionControlException("cannot commit in the repository's current state ("
                    + repo.getRepositoryState().getDescription() + "); finish or abort that operation first", e);
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw context.failure("cannot commit", e);
        }
    }

    static VersionControlException nothingToCommit() {
        return new VersionControlException("nothing to commit: the commit would record no change; stage changes"
                + " first (add) or allow an empty commit");
    }

    private RevCommit commitIndex(String message, PersonIdent author, PersonIdent committer, boolean allowEmpty)
            throws GitAPIException, IOException {
        if (!allowEmpty && context.headId().isEmpty() && repo.readDirCache().getEntryCount() == 0) {
            throw nothingToCommit();
        }
        return git.commit().setMessage(message).setAuthor(author).setCommitter(committer).setAllowEmpty(allowEmpty)
                .call();
    }

    @Override
    public Optional<Identity> identity() {
        UserConfig user = repo.getConfig().get(UserConfig.KEY);
        return user.isAuthorNameImplicit() || user.isAuthorEmailImplicit() ? Optional.empty()
                : Optional.of(new Identity(user.getAuthorName(), user.getAuthorEmail()));
    }

    /** The committer git config names (repository, global, system), or a message telling how to set it. */
    private PersonIdent configuredIdentity() {
        UserConfig user = repo.getConfig().get(UserConfig.KEY);
        if (user.isCommitterNameImplicit() || user.isCommitterEmailImplicit()) {
            throw new VersionControlException("cannot commit: git does not know who you are; tell it with"
                    + " git config --global user.name 'Your Name' and git config --global user.email"
                    + " you@example.com (or without --global for this repository only)");
        }
        return new PersonIdent(user.getCommitterName(), user.getCommitterEmail());
    }

    /** The message as {@code git commit -m} stores it, with a {@code Signed-off-by} trailer when asked. */
    static String message(String raw, PersonIdent signer) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\r?\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String body = String.join("\n", lines);
        if (signer != null) {
            String trailer = "Signed-off-by: " + signer.getName() + " <" + signer.getEmailAddress() + ">";
            int lastPara = body.lastIndexOf("\n\n");
            boolean trailerBlock = lastPara >= 0 && body.substring(lastPara + 2).lines()
                    .allMatch(l -> l.matches("[A-Za-z0-9-]+: .*"));
            if (!body.lines().reduce((a, b) -> b).orElse("").equals(trailer)) {
                body = body + (trailerBlock ? "\n" : "\n\n") + trailer;
            }
        }
        return body + "\n";
    }


    @Override
    public List<CommitInfo> log(String ref, int max) {
        return log(ref, null, max);
    }

    /** The log of {@code ref}, of the commits that changed {@code path} (renames followed) when it is not null. */
    @Override
    public List<CommitInfo> log(String ref, String path, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        String from = ref == null ? Constants.HEAD : ref;
        try (RevWalk walk = new RevWalk(repo)) {
            Optional<ObjectId> start = context.revision(from + "^{commit}");
            if (start.isEmpty()) {
                if (ref == null) {
                    return List.of(); // no commit yet
                }
                throw new VersionControlException("cannot show the log of " + ref + ": " + unknownRef(ref));
            }
            if (path != null) {
                walk.setTreeFilter(FollowFilter.create(path, repo.getConfig().get(DiffConfig.KEY)));
            }
            walk.markStart(walk.parseCommit(start.get()));
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                out.add(info(c));
            }
            return out;
        } catch (IOException e) {
            throw context.failure("cannot read the log of " + from + (path == null ? "" : " for " + path), e);
        }
    }

    @Override
    public Map<String, List<FileVersion>> versions(Collection<String> paths, int maxCommits, long maxBytes) {
        if (maxCommits < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("maxCommits and maxBytes must not be negative");
        }
        Map<String, List<FileVersion>> out = new LinkedHashMap<>();
        Map<String, String> tracked = new HashMap<>(); // a name in the commit looked at -> the path asked about
        for (String path : paths) {
            out.put(path, new ArrayList<>());
            tracked.put(path, path);
        }
        Optional<ObjectId> head = context.revision(Constants.HEAD + "^{commit}");
        if (tracked.isEmpty() || head.isEmpty()) {
            return out; // nothing asked, or no commit yet
        }
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head.get()));
            int seen = 0;
            TreeFilter filter = null; // made again only when a rename changes the names followed
            TopEntries tops = null; // the last commit's top-level entries that hold the names followed
            Set<String> topNames = null; // their names, made again with the filter
            for (RevCommit commit : walk) {
                if (seen++ >= maxCommits || tracked.isEmpty()) {
                    break;
                }
                RevCommit parent = firstParent(walk, commit);
                // most commits change nothing followed: compare the top-level entries that hold those names (one
                // tree read, the parent's being the next commit's) before walking the two trees
                if (topNames == null) {
                    topNames = topNames(tracked.keySet());
                }
                TopEntries mine = tops != null && tops.tree().equals(commit.getTree()) && tops.names().equals(topNames)
                        ? tops : TopEntries.of(reader, commit.getTree(), topNames);
                TopEntries theirs = parent == null ? null : TopEntries.of(reader, parent.getTree(), topNames);
                tops = theirs;
                if (theirs != null && mine.entries().equals(theirs.entries())) {
                    continue;
                }
                Map<String, String> renamed = new HashMap<>();
                try (TreeWalk tw = new TreeWalk(repo, reader)) {
                    tw.setRecursive(true);
                    if (filter == null) {
                        filter = AndTreeFilter.create(PathFilterGroup.createFromStrings(tracked.keySet()),
                                TreeFilter.ANY_DIFF);
                    }
                    tw.setFilter(filter.clone());
                    tw.addTree(parent == null ? new EmptyTreeIterator() : parentTree(reader, parent));
                    tw.addTree(commit.getTree());
                    while (tw.next()) {
                        String name = tw.getPathString();
                        String asked = tracked.get(name);
                        if (asked == null || (tw.getRawMode(1) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                            continue; // a folder's entry, a deletion, a symbolic link or a submodule
                        }
                        ObjectId blob = tw.getObjectId(1);
                        if (reader.getObjectSize(blob, Constants.OBJ_BLOB) <= maxBytes) {
                            byte[] bytes = reader.open(blob, Constants.OBJ_BLOB).getBytes();
                            out.get(asked).add(new FileVersion(commit.name(), name,
                                    new String(bytes, StandardCharsets.UTF_8)));
                        }
                        if (tw.getRawMode(0) == 0 && parent != null) {
                            renamed.put(name, asked); // added here: perhaps renamed from an older name
                        }
                    }
                }
                if (!renamed.isEmpty()) {
                    for (Map.Entry<String, String> rename : olderNames(reader, parent, commit, renamed.keySet())
                            .entrySet()) {
                        tracked.remove(rename.getKey());
                        tracked.put(rename.getValue(), renamed.get(rename.getKey()));
                        filter = null;
                        topNames = null;
                    }
                }
            }
        } catch (IOException e) {
            throw context.failure("cannot read the history of " + String.join(", ", out.keySet()), e);
        }
        out.values().forEach(java.util.Collections::reverse);
        return out;
    }

    /** The first segments of {@code names} ({@code contracts} for {@code contracts/specs/a.md}). */
    private static Set<String> topNames(Set<String> names) {
        Set<String> tops = new HashSet<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            tops.add(slash < 0 ? name : name.substring(0, slash));
        }
        return tops;
    }

    /**
     * The entries (mode and object id) of a root tree named in {@code names}: equal for two commits when nothing under
     * those names differs between them.
     */
    private record TopEntries(ObjectId tree, Set<String> names, Map<String, String> entries) {
        static TopEntries of(ObjectReader reader, ObjectId tree, Set<String> names) throws IOException {
            Map<String, String> entries = new HashMap<>();
            CanonicalTreeParser parser = new CanonicalTreeParser();
            parser.reset(reader, tree);
            for (; !parser.eof(); parser.next()) {
                String name = parser.getEntryPathString();
                if (names.contains(name)) {
                    entries.put(name, parser.getEntryRawMode() + " " + parser.getEntryObjectId().name());
                }
            }
            return new TopEntries(tree.copy(), names, entries);
        }
    }

    /** The first parent of {@code commit}, parsed; null for a root commit and at a shallow clone's edge. */
    private static RevCommit firstParent(RevWalk walk, RevCommit commit) {
        if (commit.getParentCount() == 0) {
            return null;
        }
        try {
            RevCommit parent = commit.getParent(0);
            walk.parseHeaders(parent);
            return parent;
        } catch (IOException e) {
            return null; // missing from this clone: the history ends here
        }
    }

    private static AbstractTreeIterator parentTree(ObjectReader reader, RevCommit parent) throws IOException {
        CanonicalTreeParser tree = new CanonicalTreeParser();
        tree.reset(reader, parent.getTree());
        return tree;
    }

    /** For each of {@code added} that {@code commit} renamed from another path, that path (added path -> old). */
    private Map<String, String> olderNames(ObjectReader reader, RevCommit parent, RevCommit commit,
                                           Set<String> added) throws IOException {
        Map<String, String> older = new HashMap<>();
        if (!detectRenames()) {
            return older;
        }
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            tw.addTree(parentTree(reader, parent));
            tw.addTree(commit.getTree());
            RenameDetector renames = new RenameDetector(repo);
            renames.addAll(DiffEntry.scan(tw));
            ContentSource source = ContentSource.create(reader);
            for (DiffEntry entry : renames.compute(new ContentSource.Pair(source, source),
                    NullProgressMonitor.INSTANCE)) {
                if (entry.getChangeType() == DiffEntry.ChangeType.RENAME && added.contains(entry.getNewPath())) {
                    older.put(entry.getNewPath(), entry.getOldPath());
                }
            }
        } catch (GitAPIException e) {
            return older; // never cancelled: no progress monitor can ask it to
        }
        return older;
    }

    @Override
    public String diff(String fromRef, String toRef) {
        Objects.requireNonNull(fromRef, "fromRef");
        Objects.requireNonNull(toRef, "toRef");
        try {
            ObjectId from = context.revision(fromRef + "^{tree}")
                    .orElseThrow(() -> new VersionControlException("cannot diff: " + unknownRef(fromRef)));
            ObjectId to = context.revision(toRef + "^{tree}")
                    .orElseThrow(() -> new VersionControlException("cannot diff: " + unknownRef(toRef)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setDetectRenames(detectRenames());
                formatter.format(from, to);
                formatter.flush();
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw context.failure("cannot diff " + fromRef + " and " + toRef, e);
        }
    }

    @Override
    public String diffWorkingTree() {
        try (ObjectReader reader = repo.newObjectReader()) {
            Optional<ObjectId> head = context.revision("HEAD^{tree}");
            AbstractTreeIterator old = head.isPresent() ? new CanonicalTreeParser(null, reader, head.get())
                    : new EmptyTreeIterator();
            DirCache index = repo.readDirCache();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setDetectRenames(false);
                FileTreeIterator files = new FileTreeIterator(repo);
                List<DiffEntry> entries = new ArrayList<>();
                for (DiffEntry e : formatter.scan(old, files)) {
                    // untracked (and ignored) files are not part of git diff HEAD
                    if (e.getChangeType() != DiffEntry.ChangeType.ADD || index.findEntry(e.getNewPath()) >= 0) {
                        entries.add(e);
                    }
                }
                if (detectRenames()) {
                    RenameDetector renames = new RenameDetector(repo);
                    renames.addAll(entries);
                    entries = renames.compute(new ContentSource.Pair(ContentSource.create(reader),
                            ContentSource.create(new FileTreeIterator(repo))), NullProgressMonitor.INSTANCE);
                }
                formatter.format(entries);
                formatter.flush();
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | GitAPIException e) {
            throw context.failure("cannot diff the working tree against HEAD", e);
        }
    }

    /** git detects renames in diffs unless {@code diff.renames} says otherwise; JGit does not by default. */
    private boolean detectRenames() {
        String renames = repo.getConfig().getString("diff", null, "renames");
        return renames == null
                || !List.of("false", "no", "off", "0").contains(renames.toLowerCase(Locale.ROOT));
    }

    /** The commit {@code ref} names ({@code ref^{commit}}), empty for anything that names no commit. */
    @Override
    public Optional<String> resolve(String ref) {
        Objects.requireNonNull(ref, "ref");
        if (ref.isBlank()) {
            return Optional.empty();
        }
        try {
            // REV:PATH names the file (or folder) at PATH in REV; anything else names a commit
            return context.revision(ref.indexOf(':') > 0 ? ref : ref + "^{commit}").map(ObjectId::name);
        } catch (IllegalArgumentException e) { // JGit's InvalidObjectIdException and the like: names nothing
            return Optional.empty();
        }
    }

    /** Drift's history reader, which keeps its last walk (a second count from the commit after it reuses it). */
    private ChangeWalk changes;

    @Override
    public synchronized ChangesSince changesSince(String fromCommit) {
        Objects.requireNonNull(fromCommit, "fromCommit");
        if (changes == null) {
            changes = new ChangeWalk(context);
        }
        return changes.since(fromCommit);
    }

    @Override
    public Optional<String> textAt(String ref, String path) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
        return new ChangeWalk(context).textAt(ref, path);
    }

    @Override
    public boolean shallow() {
        return new ChangeWalk(context).shallow();
    }
}
