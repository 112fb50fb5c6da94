// SKELETON (issue 17): the live-events helper fills this in (EventSource on /api/v1/events/stream).
