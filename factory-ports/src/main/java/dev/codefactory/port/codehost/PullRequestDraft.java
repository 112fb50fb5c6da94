package dev.codefactory.port.codehost;

import java.util.List;
import java.util.Objects;

/**
 * A pull request to open.
 *
 * @param head   the branch with the changes (already pushed)
 * @param base   the branch to merge into
 * @param labels added after creation; labels the repository does not have yet are created by the host
 */
public record PullRequestDraft(String title, String body, String head, String base, List<String> labels,
                               boolean draft) {
    public PullRequestDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        labels = List.copyOf(labels);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a pull request needs a title");
        }
    }
}
