package dev.codefactory.web.api;

import dev.codefactory.app.event.Events;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/events}: the event log's events, oldest first, paginated by position (feature-012, FR-005):
 * {@code ?after=POS&limit=N} answers {@code items} (each with its {@code position}), {@code next} (the position to
 * ask after next time) and {@code reset} (true when {@code after} had been trimmed from the log). Without
 * {@code after}, the newest {@code limit} events. The stream itself ({@code /api/v1/events/stream}) is mounted by the
 * server.
 */
// implements feature-012/FR-005
public final class EventApi {
    private EventApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        router.get(Api.PREFIX + "/events", request -> events(request, mirror.events()));
    }

    static Response events(Request request, Events events) {
        int limit;
        long after;
        try {
            limit = request.param("limit").map(Integer::parseInt).orElse(Api.DEFAULT_LIMIT);
            after = request.param("after").map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return Api.error(400, "after must be a position an earlier answer gave, and limit a whole number");
        }
        if (limit < 1 || limit > Api.MAX_LIMIT || after < -1) {
            return Api.error(400, "limit must be a whole number from 1 to " + Api.MAX_LIMIT
                    + " and after a position from 0 on");
        }
        EventBatch batch = after >= 0 ? events.read(after, limit) : events.recent(limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            items.add(Events.fields(batch.events().get(i), batch.positions().get(i)));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", batch.next());
        page.put("reset", batch.reset());
        return Api.json(request, page);
    }
}
