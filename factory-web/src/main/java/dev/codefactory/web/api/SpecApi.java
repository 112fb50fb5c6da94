package dev.codefactory.web.api;

import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.web.http.Router;

/** SKELETON (issue 17): the REST API's specs, validation and trace endpoints; the helper that owns them fills this in. */
public final class SpecApi {
    private SpecApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        // skeleton: no routes yet
    }
}
