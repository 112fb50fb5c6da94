package dev.codefactory.web.page;

import dev.codefactory.app.event.Events;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.FactoryEvent;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import java.util.List;
import java.util.Locale;

/**
 * {@code /live}: what the Code-Factory processes in this project are doing, server-rendered from the event log so it
 * works without JavaScript (feature-012, FR-005): {@code #live-runs} the runs not yet ended, each a
 * {@code div.live-run[data-run]} reading "MODE: STEP DONE of TOTAL", and {@code #live-events} the recent events,
 * newest first. {@code /static/live.js} keeps both (and every page's {@code #live-strip}) up to date.
 */
// implements feature-012/FR-005
public final class LivePages {
    static final int RECENT = 100;

    private LivePages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        router.get("/live", request -> Response.html(page(mirror.events().recent(RECENT))));
    }

    static String page(EventBatch recent) {
        StringBuilder body = new StringBuilder("<h1>Live</h1>\n<h2>Running</h2>\n<div id=\"live-runs\">\n");
        List<FactoryEvent> running = Events.running(recent.events());
        if (running.isEmpty()) {
            body.append("<p class=\"empty\">Nothing is running.</p>\n");
        }
        for (FactoryEvent e : running) {
            body.append(run(e));
        }
        body.append("</div>\n<h2>Recent events</h2>\n<ol id=\"live-events\" data-next=\"").append(recent.next())
                .append("\">\n");
        for (int i = recent.events().size() - 1; i >= 0; i--) {
            body.append(event(recent.events().get(i), recent.positions().get(i)));
        }
        body.append("</ol>\n");
        return Layout.page("Live", Layout.Section.LIVE, body.toString());
    }

    static String run(FactoryEvent e) {
        return "<div class=\"live-run\" data-run=\"" + Html.attr(e.run()) + "\">" + Html.text(Events.summary(e))
                + "</div>\n";
    }

    static String event(FactoryEvent e, long position) {
        String phase = e.phase().name().toLowerCase(Locale.ROOT);
        String message = e.message().isEmpty() ? "" : " — " + ControlCharacters.escape(e.message());
        return "<li class=\"event " + phase + "\" data-position=\"" + position + "\" data-run=\"" + Html.attr(e.run())
                + "\"><time datetime=\"" + Html.attr(e.at().toString()) + "\">" + Html.text(e.at().toString())
                + "</time> <span class=\"phase\">" + phase + "</span> " + Html.text(Events.summary(e) + message)
                + "</li>\n";
    }
}
