package dev.codefactory.port.vcs;

import java.util.Objects;

/**
 * The current branch against its upstream, as the repository knows it (the last fetch).
 *
 * @param branch   the current branch
 * @param upstream its upstream's short name ({@code origin/main})
 * @param ahead    commits on the branch that the upstream lacks
 * @param behind   commits on the upstream that the branch lacks
 */
public record UpstreamStatus(String branch, String upstream, int ahead, int behind) {
    public UpstreamStatus {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** Both have commits the other lacks. */
    public boolean diverged() {
        return ahead > 0 && behind > 0;
    }
}
