package dev.codefactory.port.vcs;

import java.time.Instant;
import java.util.Objects;

/** One commit: its full id, its message's first line and whole text, who and when. */
public record CommitInfo(String id, String subject, String message, Identity author, Identity committer,
                         Instant time) {
    public CommitInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(committer, "committer");
        Objects.requireNonNull(time, "time");
    }

    /** The first seven characters of the id, as {@code git log --oneline} shows it. */
    public String shortId() {
        return id.substring(0, Math.min(7, id.length()));
    }
}
