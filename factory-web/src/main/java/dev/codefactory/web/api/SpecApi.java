package dev.codefactory.web.api;

import dev.codefactory.app.mirror.CatalogMirror;
import dev.codefactory.app.mirror.CatalogMirror.CatalogEntry;
import dev.codefactory.app.mirror.CatalogMirror.CatalogQuery;
import dev.codefactory.app.mirror.CatalogMirror.SpecLink;
import dev.codefactory.app.mirror.CatalogMirror.SpecView;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The REST API's specs, validation and trace endpoints (feature-012, FR-006): the catalog as a paginated list with
 * the catalog page's filters as query parameters, one spec's page data, every validation finding and the trace
 * matrix. Shapes are maps built here from {@link CatalogMirror}'s records; the logic is the mirror's.
 * <ul>
 * <li>{@code GET /specs?status&tag&priority&q&sort(=field|-field)&limit&cursor}: {@code Api.list} of entries
 * {@code {id, kind, title, status, priority|null, tags[], created, updated, path, errors, warnings}}</li>
 * <li>{@code GET /specs/{id}}: an entry plus {@code author, extra{}, body, source, findings[], requirements[{id, line,
 * text, implementing[], covering[], coverage}], drift{status, drifted, reconciled|null, files[], finding|null},
 * history[{id, author, time, subject}], links{outgoing[{id, title}], incoming[{id, title}]}}; 404 for no spec</li>
 * <li>{@code GET /validation}: {@code Api.list} of findings {@code {rule, severity, file, line, message}}</li>
 * <li>{@code GET /trace}: {@code Api.list} of rows {@code {requirement, spec, status, path, line, text,
 * implementing[{path, line}], covering[{path, line}]}} plus {@code orphans[{path, line, requirement, reason,
 * message}]} and {@code uncovered[{requirement, status, missing}]}</li>
 * </ul>
 */
// implements feature-012/FR-006
public final class SpecApi {
    private SpecApi() {
    }

    /** Adds this group's routes under {@link Api#PREFIX}. */
    public static void register(Router router, Mirror mirror) {
        CatalogMirror catalog = mirror.catalog();
        router.get(Api.PREFIX + "/specs", r -> Api.list(r, catalog.catalog(query(r)).entries().stream()
                .map(SpecApi::entry).toList()));
        router.get(Api.PREFIX + "/specs/{id}", r -> spec(r, catalog));
        router.get(Api.PREFIX + "/validation", r -> Api.list(r, catalog.findings().stream()
                .map(SpecApi::finding).toList()));
        router.get(Api.PREFIX + "/trace", r -> trace(r, catalog.trace()));
    }

    /** The catalog query of a request's {@code status}, {@code tag}, {@code priority}, {@code q}, {@code sort}. */
    static CatalogQuery query(Request r) {
        return CatalogQuery.of(r.param("status").orElse(null), r.param("tag").orElse(null),
                r.param("priority").orElse(null), r.param("q").orElse(null), r.param("sort").orElse(null));
    }

    private static Response spec(Request r, CatalogMirror catalog) {
        SpecView view;
        try {
            view = catalog.spec(r.pathParam("id"));
        } catch (SpecNotFoundException e) {
            return Api.error(404, e.getMessage());
        }
        Specification s = view.spec();
        Map<String, Object> out = new LinkedHashMap<>(entry(view.entry()));
        out.put("author", s.author());
        Map<String, Object> extra = new LinkedHashMap<>();
        s.extra().forEach((k, v) -> extra.put(k, String.valueOf(v)));
        out.put("extra", extra);
        out.put("body", view.body());
        out.put("source", view.source());
        out.put("findings", view.findings().stream().map(SpecApi::finding).toList());
        out.put("requirements", view.requirements().stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.id());
            m.put("line", q.line());
            m.put("text", q.text());
            m.put("implementing", q.implementing());
            m.put("covering", q.covering());
            m.put("coverage", q.coverage());
            return m;
        }).toList());
        Map<String, Object> drift = new LinkedHashMap<>();
        drift.put("status", view.drift().status());
        drift.put("drifted", view.drift().drifted());
        drift.put("reconciled", view.drift().reconciled().orElse(null));
        drift.put("files", view.drift().files());
        drift.put("finding", view.drift().finding().orElse(null));
        out.put("drift", drift);
        out.put("history", view.history().stream().map(SpecApi::commit).toList());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("outgoing", view.outgoing().stream().map(SpecApi::link).toList());
        links.put("incoming", view.incoming().stream().map(SpecApi::link).toList());
        out.put("links", links);
        return Api.json(r, out);
    }

    private static Response trace(Request r, TraceMatrix m) {
        List<Map<String, Object>> rows = m.rows().stream().map(row -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("requirement", row.ref().toString());
            o.put("spec", row.ref().spec().value());
            o.put("status", row.status().label());
            o.put("path", row.specPath());
            o.put("line", row.line());
            o.put("text", row.text());
            o.put("implementing", row.implementing().stream().map(SpecApi::site).toList());
            o.put("covering", row.covering().stream().map(SpecApi::site).toList());
            return o;
        }).toList();
        // the rows paginated by Api.list's one policy (without the caller's headers: the tag is the whole answer's)
        Response page = Api.list(Request.get(r.path(), r.query()), rows);
        if (page.status() != 200) {
            return page;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) JsonReader.parse(page.text()));
        out.put("orphans", m.orphans().stream().map(o -> {
            Map<String, Object> x = new LinkedHashMap<>(site(o.site()));
            x.put("requirement", o.site().ref().toString());
            x.put("reason", o.reason().label());
            x.put("message", o.message());
            return x;
        }).toList());
        out.put("uncovered", m.uncovered().stream().map(u -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("requirement", u.ref().toString());
            x.put("status", u.status().label());
            x.put("missing", u.missing().label());
            return x;
        }).toList());
        return Api.json(r, out);
    }

    private static Map<String, Object> entry(CatalogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind());
        m.put("title", e.title());
        m.put("status", e.status());
        m.put("priority", e.priority().isEmpty() ? null : e.priority());
        m.put("tags", e.tags());
        m.put("created", e.created().toString());
        m.put("updated", e.updated().toString());
        m.put("path", e.path());
        m.put("errors", e.errors());
        m.put("warnings", e.warnings());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.ruleId());
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("message", f.message());
        return m;
    }

    private static Map<String, Object> commit(CommitInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("author", c.author().name());
        m.put("time", c.time().toString());
        m.put("subject", c.subject());
        return m;
    }

    private static Map<String, Object> link(SpecLink l) {
        return Map.of("id", l.id(), "title", l.title());
    }

    private static Map<String, Object> site(LinkSite s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", s.path());
        m.put("line", s.line());
        return m;
    }
}
