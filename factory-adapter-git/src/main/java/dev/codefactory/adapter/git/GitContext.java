package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What the roles of {@link JGitVersionControl} share: the JGit {@link Repository} (and its {@link Git} porcelain),
 * revision lookups, the port's view of a commit, and the one way a JGit failure becomes a
 * {@link VersionControlException} ({@link #failure}).
 */
final class GitContext {

    static final String HEADS = Constants.R_HEADS;

    final Repository repo;
    final Git git;

    GitContext(Repository repo) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.git = Git.wrap(repo);
    }

    Path workTree() {
        return repo.getWorkTree().toPath();
    }

    Optional<ObjectId> headId() throws IOException {
        return revision("HEAD^{commit}");
    }

    Optional<String> symbolicBranch() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic()) {
            return Optional.empty();
        }
        return Optional.of(head.getTarget().getName());
    }

    Optional<ObjectId> revision(String revision) {
        try {
            return Optional.ofNullable(repo.resolve(revision));
        } catch (RevisionSyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    static String unknownRef(String ref) {
        return "unknown revision " + ref + "; check the branch name or commit id (git branch -a, git log)";
    }

    /** A commit as the port shows it; its time is the author's, as {@code git log} shows. */
    static CommitInfo info(RevCommit c) {
        PersonIdent a = c.getAuthorIdent();
        PersonIdent m = c.getCommitterIdent();
        return new CommitInfo(c.getName(), c.getShortMessage(), c.getFullMessage(),
                new Identity(a.getName(), a.getEmailAddress()), new Identity(m.getName(), m.getEmailAddress()),
                a.getWhenAsInstant());
    }

    /** {@code what} failed: a lock file git was left with is named, with what to do (see {@link GitLocks}). */
    VersionControlException failure(String what, Exception e) {
        return GitLocks.failure(repo, what, e);
    }

    void close() {
        repo.close();
    }
}
