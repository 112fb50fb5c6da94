package dev.codefactory.web.page;

import dev.codefactory.app.mirror.CatalogMirror.CatalogEntry;
import dev.codefactory.app.mirror.CatalogMirror.CatalogQuery;
import dev.codefactory.app.mirror.CatalogMirror.CatalogView;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.web.http.ETags;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import java.util.List;
import java.util.Map;

/**
 * The catalog page ({@code /} and {@code /specs}, FR-001): the filter form (status, tag, priority, words, sort),
 * the count per status and one row per spec, as {@code Mirror.catalog()} filtered, searched and sorted them.
 */
// implements feature-012/FR-001
public final class CatalogPages {
    private CatalogPages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        router.get("/", r -> page(r, mirror));
        router.get("/specs", r -> page(r, mirror));
    }

    private static Response page(Request r, Mirror mirror) {
        CatalogQuery query = CatalogQuery.of(r.param("status").orElse(null), r.param("tag").orElse(null),
                r.param("priority").orElse(null), r.param("q").orElse(null), r.param("sort").orElse(null));
        String sortParam = query.sortParam();
        CatalogView view = mirror.catalog().catalog(query);
        StringBuilder b = new StringBuilder(view.entries().size() * 400 + 4096);
        b.append("<h1>Catalog</h1>\n<form id=\"filters\" method=\"get\" action=\"/\">\n");
        select(b, "status", "Status", view.statuses(), query.status());
        select(b, "tag", "Tag", view.tags(), query.tag());
        select(b, "priority", "Priority", view.priorities(), query.priority());
        b.append("<label>Search <input type=\"search\" name=\"q\" value=\"").append(Html.attr(query.q()))
                .append("\"></label>\n<label>Sort <select name=\"sort\">");
        for (String sort : CatalogQuery.SORTS) {
            for (String dir : List.of("", "-")) {
                String value = dir + sort;
                b.append("<option value=\"").append(value).append('"')
                        .append(value.equals(sortParam) ? " selected" : "").append('>').append(sort)
                        .append(dir.isEmpty() ? " ↑" : " ↓").append("</option>");
            }
        }
        b.append("</select></label>\n<button type=\"submit\">Filter</button>\n</form>\n");
        b.append("<ul id=\"status-counts\">");
        for (Map.Entry<String, Integer> e : view.statusCounts().entrySet()) {
            b.append("<li data-status=\"").append(Html.attr(e.getKey())).append("\">").append(Html.text(e.getKey()))
                    .append(": <span class=\"count\">").append(e.getValue()).append("</span></li>");
        }
        b.append("</ul>\n<p class=\"shown\">").append(view.entries().size()).append(" of ").append(view.total())
                .append(" shown</p>\n<table id=\"catalog\">\n<thead><tr><th>Id</th><th>Kind</th><th>Title</th>")
                .append("<th>Status</th><th>Priority</th><th>Tags</th><th>Updated</th><th>Validation</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (CatalogEntry e : view.entries()) {
            b.append("<tr class=\"spec\" data-id=\"").append(Html.attr(e.id())).append("\"><td>")
                    .append(Html.text(e.id())).append("</td><td>").append(Html.text(e.kind()))
                    .append("</td><td><a class=\"spec-link\" href=\"/specs/").append(Html.attr(e.id())).append("\">")
                    .append(Html.text(e.title())).append("</a></td><td>").append(Html.text(e.status()))
                    .append("</td><td>").append(Html.text(e.priority())).append("</td><td>")
                    .append(Html.text(String.join(", ", e.tags()))).append("</td><td>")
                    .append(e.updated()).append("</td><td class=\"validation\">")
                    .append(e.errors() == 0 && e.warnings() == 0 ? "valid"
                            : e.errors() + " errors, " + e.warnings() + " warnings")
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        return ETags.conditional(r, Response.html(Layout.page("Catalog", Layout.Section.CATALOG, b.toString())));
    }

    private static void select(StringBuilder b, String name, String label, List<String> values, String chosen) {
        b.append("<label>").append(label).append(" <select name=\"").append(name).append("\"><option value=\"\">any")
                .append("</option>");
        for (String v : values) {
            b.append("<option value=\"").append(Html.attr(v)).append('"').append(v.equals(chosen) ? " selected" : "")
                    .append('>').append(Html.text(v)).append("</option>");
        }
        b.append("</select></label>\n");
    }
}
