package dev.codefactory.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import dev.codefactory.app.mirror.ChangeMirror;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.web.http.Router;

/**
 * The changes endpoints (feature-012, FR-006): {@code /api/v1/changes} (the change orders, newest first, paginated)
 * and {@code /api/v1/changes/{id}} (one change with its diff per file).
 */
// implements feature-012/FR-006, feature-012/FR-004
public final class ChangeApi {
    private ChangeApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        ChangeMirror changes = mirror.changes();
        router.get(Api.PREFIX + "/changes", request -> Api.list(request,
                changes.list().stream().map(ChangeApi::record).toList()));
        router.get(Api.PREFIX + "/changes/{id}", request -> changes.change(request.pathParam("id"))
                .map(shown -> Api.json(request, shown(shown)))
                .orElseGet(() -> Api.error(404, "no change with id " + request.pathParam("id"))));
    }

    static Map<String, Object> record(ChangeRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("request", r.request());
        m.put("created", r.created().toString());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("branch", r.branch());
        m.put("baseCommit", r.before().commit().orElse(null));
        m.put("commits", r.commits());
        m.put("specs", r.specs());
        m.put("files", r.files());
        m.put("tests", r.tests());
        m.put("pushed", r.publication().pushed());
        m.put("pullRequest", r.publication().pullRequest().orElse(null));
        m.put("note", r.note().orElse(null));
        return m;
    }

    static Map<String, Object> shown(ChangeMirror.Shown shown) {
        Map<String, Object> m = record(shown.record());
        List<Object> diffs = new ArrayList<>();
        for (ChangeMirror.FileDiff f : shown.files()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("path", f.path());
            d.put("added", f.added());
            d.put("removed", f.removed());
            d.put("diff", f.diff());
            diffs.add(d);
        }
        m.put("diffs", diffs);
        m.put("noDiff", shown.noDiff().orElse(null));
        return m;
    }
}
