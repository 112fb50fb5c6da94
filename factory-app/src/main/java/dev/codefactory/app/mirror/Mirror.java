package dev.codefactory.app.mirror;

import java.util.Objects;
import dev.codefactory.app.event.Events;

/**
 * The read-only view of a project that the web mirror shows (feature-012): its catalog and specs, reports, changes
 * and live events. Nothing here writes to the project.
 */
public final class Mirror {
    private final CatalogMirror catalog;
    private final ReportMirror reports;
    private final ChangeMirror changes;
    private final Events events;

    public Mirror(CatalogMirror catalog, ReportMirror reports, ChangeMirror changes, Events events) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The catalog (filtered, searched, sorted) and each spec's page data: FR-001, FR-002. */
    public CatalogMirror catalog() {
        return catalog;
    }

    /** Review, trace and rescue reports, the review trend and the change log: FR-003. */
    public ReportMirror reports() {
        return reports;
    }

    /** The change-order history and each change's diff: FR-004. */
    public ChangeMirror changes() {
        return changes;
    }

    /** The project's live events: FR-005. */
    public Events events() {
        return events;
    }
}
