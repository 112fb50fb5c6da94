package dev.codefactory.web;

import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.web.api.ChangeApi;
import dev.codefactory.web.api.EventApi;
import dev.codefactory.web.api.OpenApi;
import dev.codefactory.web.api.ReportApi;
import dev.codefactory.web.api.SpecApi;
import dev.codefactory.web.http.Router;
import dev.codefactory.web.page.CatalogPages;
import dev.codefactory.web.page.ChangePages;
import dev.codefactory.web.page.LivePages;
import dev.codefactory.web.page.ReportPages;
import dev.codefactory.web.page.SpecPages;

/** Every page and endpoint of the mirror, one group per line; the server adds the static files and the stream. */
public final class WebRoutes {
    private WebRoutes() {
    }

    public static Router of(Mirror mirror) {
        Router router = new Router();
        CatalogPages.register(router, mirror);
        SpecPages.register(router, mirror);
        ReportPages.register(router, mirror);
        ChangePages.register(router, mirror);
        LivePages.register(router, mirror);
        SpecApi.register(router, mirror);
        ReportApi.register(router, mirror);
        ChangeApi.register(router, mirror);
        EventApi.register(router, mirror);
        OpenApi.register(router, mirror);
        return router;
    }
}
