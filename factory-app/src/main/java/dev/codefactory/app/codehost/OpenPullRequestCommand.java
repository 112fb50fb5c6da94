package dev.codefactory.app.codehost;

import dev.codefactory.domain.InvalidCommandException;
import java.util.List;
import java.util.Objects;

/**
 * Push a branch to {@code origin} and open a pull request for it.
 *
 * @param branch the local branch to push and propose
 * @param base   the branch to merge into; null for the repository's default branch
 */
public record OpenPullRequestCommand(String branch, String title, String body, List<String> labels, boolean draft,
                                     String base) {
    public OpenPullRequestCommand {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        labels = List.copyOf(labels);
        if (branch.isBlank()) {
            throw new InvalidCommandException("a pull request needs a branch");
        }
        if (title.isBlank()) {
            throw new InvalidCommandException("a pull request needs a title");
        }
        if (base != null && base.equals(branch)) {
            throw new InvalidCommandException("a pull request cannot merge " + branch + " into itself");
        }
    }
}
