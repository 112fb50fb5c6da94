package dev.codefactory.port.vcs;

import java.util.List;

/**
 * What a pull did.
 *
 * @param outcome    {@code up-to-date}, {@code fast-forward}, {@code merged} or {@code conflicting}
 * @param head       the commit {@code HEAD} points at afterwards
 * @param conflicted paths left with conflicts (when {@code conflicting})
 */
public record PullResult(String outcome, String head, List<String> conflicted) {
    public PullResult {
        conflicted = List.copyOf(conflicted);
    }
}
