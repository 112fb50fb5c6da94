package dev.codefactory.domain.adopt;

import java.util.Objects;

/**
 * Existing documentation kept as evidence (feature-011, FR-004): a README section, a page under {@code docs/}, an
 * architecture decision record, an OpenAPI file (one per operation or one for the file).
 *
 * @param kind  what it is
 * @param title its heading, or the operation ({@code GET /pets}), or the file's name
 * @param at    where it is
 */
public record DocEvidence(Kind kind, String title, SourceLocation at) {
    public DocEvidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
    }

    /** The kinds of documentation read. */
    public enum Kind {
        README("readme"), DOC("doc"), ADR("adr"), OPENAPI("openapi");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
