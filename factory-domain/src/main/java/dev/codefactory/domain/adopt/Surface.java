package dev.codefactory.domain.adopt;

import java.util.Objects;

/**
 * One surface found in existing code (feature-011, FR-002). Its text comes from files nobody here wrote: it is
 * untrusted, and escaped where it is shown.
 *
 * @param kind   what it is
 * @param name   what it is called: {@code GET /owners/{id}}, {@code OwnerController}, {@code server.port},
 *               {@code petclinic} (a command)
 * @param at     where it is declared
 * @param detail more about it, or "": the handler ({@code OwnerController.showOwner}), the schedule, the topic
 */
public record Surface(SurfaceKind kind, String name, SourceLocation at, String detail) {
    public Surface {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
