package dev.codefactory.web.live;

/**
 * SKELETON (issue 17): the server-sent event stream ({@code /api/v1/events/stream}) that follows the project's event
 * log and pushes each event to every open page, with memory bounded however many follow it (feature-012, FR-005,
 * NFR-002). The live-events helper fills this in and the server mounts it.
 */
public final class EventStream {
}
