package dev.codefactory.domain.change;

import java.util.Locale;
import java.util.Objects;

/**
 * One file a change plan means to touch, and why.
 *
 * @param path   project-relative, forward slashes
 * @param action what happens to it
 * @param reason why, in a few words
 */
public record PlannedFile(String path, Action action, String reason) {

    /** What a plan does to a file. */
    public enum Action {
        CREATE, MODIFY, DELETE;

        /** {@code create}, {@code modify}, {@code delete}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The action a word names ({@code create}, {@code new}, {@code add}, {@code modify}, {@code edit}...). */
        public static java.util.Optional<Action> of(String word) {
            switch (word == null ? "" : word.trim().toLowerCase(Locale.ROOT)) {
                case "create": case "new": case "add": case "added": case "created":
                    return java.util.Optional.of(CREATE);
                case "modify": case "edit": case "change": case "update": case "modified": case "changed":
                    return java.util.Optional.of(MODIFY);
                case "delete": case "remove": case "deleted": case "removed":
                    return java.util.Optional.of(DELETE);
                default:
                    return java.util.Optional.empty();
            }
        }
    }

    public PlannedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        reason = reason == null ? "" : reason.strip();
    }
}
