package dev.codefactory.web.page;

import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.web.http.Router;

/** SKELETON (issue 17): the changes pages; the helper that owns them fills this in. */
public final class ChangePages {
    private ChangePages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        // skeleton: no routes yet
    }
}
