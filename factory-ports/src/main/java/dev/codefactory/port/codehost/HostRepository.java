package dev.codefactory.port.codehost;

import java.util.Objects;

/** A repository as the host describes it. */
public record HostRepository(RepositoryRef ref, String defaultBranch, String url, boolean canPush,
                             boolean isPrivate) {
    public HostRepository {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(url, "url");
    }
}
