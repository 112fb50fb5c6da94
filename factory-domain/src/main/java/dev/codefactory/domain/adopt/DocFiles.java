package dev.codefactory.domain.adopt;

import java.util.List;

/**
 * Existing documentation as evidence: README sections, pages under {@code docs/}, ADRs, OpenAPI files
 * (feature-011, FR-004). Pure.
 */
// implements feature-011/FR-004
public final class DocFiles {
    private DocFiles() {
    }

    /** Whether {@code path} is documentation adoption reads. */
    public static boolean isDoc(String path) {
        throw new UnsupportedOperationException("skeleton: DocFiles.isDoc");
    }

    /** The evidence in {@code text}, the content of {@code path}: one per section or operation. */
    public static List<DocEvidence> read(String path, String text) {
        throw new UnsupportedOperationException("skeleton: DocFiles.read");
    }
}
