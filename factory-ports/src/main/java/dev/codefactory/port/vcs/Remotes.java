package dev.codefactory.port.vcs;

import dev.codefactory.port.secret.Secret;
import java.util.Optional;

/** The remotes the repository knows ({@code origin}), and exchanging branches with them. */
public interface Remotes {

    /** The URL of remote {@code name} ({@code origin}), empty when there is none. */
    Optional<String> remoteUrl(String name);

    /**
     * Pushes {@code branch} to {@code remote}, setting its upstream; over HTTPS with {@code token} when given
     * (sent as the password of user {@code x-access-token}, never written to git config or a URL).
     */
    PushResult push(String remote, String branch, Secret token);

    /** Fetches {@code remote} and merges the current branch's upstream (fast-forward or merge, never a rebase). */
    PullResult pull(String remote, Secret token);
}
