package dev.codefactory.port.vcs;

import java.util.Optional;

/** The local branches: which one is checked out, creating, switching and deleting them. */
public interface Branches {

    /** The current branch's short name, empty when {@code HEAD} is detached or the repository is empty. */
    Optional<String> currentBranch();

    boolean branchExists(String name);

    /** Creates branch {@code name} at {@code startPoint} (a ref or commit id; {@code HEAD} when null). */
    void createBranch(String name, String startPoint);

    /** Checks out branch {@code name}; refused when that would overwrite uncommitted changes. */
    void switchBranch(String name);

    /** Deletes a branch that is not checked out; {@code force} deletes one that is not merged. */
    void deleteBranch(String name, boolean force);
}
