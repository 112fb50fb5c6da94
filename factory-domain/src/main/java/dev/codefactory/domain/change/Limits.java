package dev.codefactory.domain.change;

/**
 * How much one change order may write.
 *
 * @param maxFiles the most files it may touch (created, modified and deleted together); at least 1
 * @param maxBytes the most UTF-8 bytes of new content it may write: whole new files plus the replacement text of
 *                 every edit; at least 0
 */
// implements feature-007/FR-012
public record Limits(int maxFiles, long maxBytes) {
    public Limits {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be at least 1, not " + maxFiles);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, not " + maxBytes);
        }
    }
}
