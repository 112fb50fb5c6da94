package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitContext.HEADS;
import static dev.codefactory.adapter.git.GitContext.unknownRef;

import dev.codefactory.port.vcs.Branches;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.CheckoutResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.CannotDeleteCurrentBranchException;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRefNameException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.NotMergedException;
import org.eclipse.jgit.api.errors.RefAlreadyExistsException;
import org.eclipse.jgit.api.errors.RefNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/** {@link Branches} on JGit: the local branches under {@code refs/heads/}. */
final class JGitBranches implements Branches {

    private final GitContext context;
    private final Repository repo;
    private final Git git;

    JGitBranches(GitContext context) {
        this.context = context;
        this.repo = context.repo;
        this.git = context.git;
    }

    @Override
    public Optional<String> currentBranch() {
        try {
            return context.headId().isPresent() ? context.symbolicBranch().map(Repository::shortenRefName)
                    : Optional.empty();
        } catch (IOException e) {
            throw context.failure("cannot read HEAD", e);
        }
    }

    @Override
    public boolean branchExists(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return repo.exactRef(HEADS + name) != null;
        } catch (IOException e) {
            throw context.failure("cannot read branch " + name, e);
        }
    }

    @Override
    public void createBranch(String name, String startPoint) {
        Objects.requireNonNull(name, "name");
        String start = startPoint == null ? Constants.HEAD : startPoint;
        try {
            if (context.revision(start).isEmpty()) {
                throw new VersionControlException("cannot create branch " + name + ": " + unknownRef(start));
            }
            git.branchCreate().setName(name).setStartPoint(start).call();
        } catch (RefAlreadyExistsException e) {
            throw new VersionControlException("branch " + name + " already exists; choose another name or switch to"
                    + " it", e);
        } catch (InvalidRefNameException e) {
            throw new VersionControlException("invalid branch name " + name + "; see git check-ref-format", e);
        } catch (RefNotFoundException e) {
            throw new VersionControlException("cannot create branch " + name + ": " + unknownRef(start), e);
        } catch (GitAPIException | JGitInternalException e) {
            throw context.failure("cannot create branch " + name, e);
        }
    }

    @Override
    public void switchBranch(String name) {
        Objects.requireNonNull(name, "name");
        if (!branchExists(name)) {
            throw new VersionControlException("cannot switch to branch " + name + ": there is no such branch; create"
                    + " it first (git branch " + name + ")");
        }
        var checkout = git.checkout().setName(name);
        try {
            checkout.call();
        } catch (CheckoutConflictException e) {
            throw conflicts(name, e.getConflictingPaths(), e);
        } catch (GitAPIException e) {
            CheckoutResult result = checkout.getResult();
            if (result != null && result.getStatus() == CheckoutResult.Status.CONFLICTS) {
                throw conflicts(name, result.getConflictList(), e);
            }
            throw context.failure("cannot switch to branch " + name, e);
        } catch (JGitInternalException e) {
            throw context.failure("cannot switch to branch " + name, e);
        }
    }

    private static VersionControlException conflicts(String name, List<String> paths, Exception cause) {
        return new VersionControlException("cannot switch to branch " + name + ": your local changes to "
                + String.join(", ", paths) + " would be overwritten; commit them or stash them (git stash) first",
                cause);
    }

    @Override
    public void deleteBranch(String name, boolean force) {
        Objects.requireNonNull(name, "name");
        if (!branchExists(name)) {
            throw new VersionControlException("cannot delete branch " + name + ": there is no such branch");
        }
        try {
            git.branchDelete().setBranchNames(HEADS + name).setForce(force).call();
        } catch (CannotDeleteCurrentBranchException e) {
            throw new VersionControlException("cannot delete branch " + name + ": it is checked out; switch to"
                    + " another branch first", e);
        } catch (NotMergedException e) {
            throw new VersionControlException("cannot delete branch " + name + ": it is not fully merged into "
                    + currentBranch().orElse("HEAD") + "; merge it first, or force the deletion to drop its commits",
                    e);
        } catch (GitAPIException | JGitInternalException e) {
            throw context.failure("cannot delete branch " + name, e);
        }
    }
}
