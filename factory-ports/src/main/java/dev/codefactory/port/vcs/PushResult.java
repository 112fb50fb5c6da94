package dev.codefactory.port.vcs;

/**
 * What a push did.
 *
 * @param remoteRef   the ref updated on the remote: {@code refs/heads/factory/change-12}
 * @param commit      the commit the remote ref now points at
 * @param created     the branch did not exist on the remote before
 */
public record PushResult(String remote, String remoteRef, String commit, boolean created) {
}
