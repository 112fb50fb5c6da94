package dev.codefactory.web.page;

import dev.codefactory.app.mirror.CatalogMirror;
import dev.codefactory.app.mirror.CatalogMirror.RequirementView;
import dev.codefactory.app.mirror.CatalogMirror.SpecLink;
import dev.codefactory.app.mirror.CatalogMirror.SpecView;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.web.http.ETags;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import java.util.List;
import java.util.Locale;

/**
 * A spec's page ({@code /specs/{id}}, FR-002): its front matter, its rendered markdown (links to other spec files
 * pointing at their pages), its validation findings linked to the numbered source, its requirements with the code
 * and tests linked to them, its drift, the git history of its file and its links to and from other specs.
 */
// implements feature-012/FR-002, feature-012/FR-010
public final class SpecPages {
    private SpecPages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        router.get("/specs/{id}", r -> page(r, mirror.catalog()));
    }

    private static Response page(Request r, CatalogMirror catalog) {
        String id = r.pathParam("id");
        SpecView view;
        try {
            view = catalog.spec(id);
        } catch (SpecNotFoundException e) {
            return Response.of(404, Response.HTML, Layout.page("Not found", Layout.Section.CATALOG,
                    "<h1>Not found</h1>\n<p>" + Html.text(e.getMessage())
                            + "</p>\n<p><a href=\"/\">The catalog</a></p>"));
        }
        Specification s = view.spec();
        String path = view.entry().path();
        StringBuilder b = new StringBuilder(view.source().length() * 3 + 4096);
        b.append("<h1>").append(Html.text(s.title())).append("</h1>\n<dl id=\"front-matter\">\n");
        field(b, "id", view.entry().id());
        field(b, "kind", view.entry().kind());
        field(b, "status", view.entry().status());
        field(b, "priority", view.entry().priority());
        field(b, "tags", String.join(", ", view.entry().tags()));
        field(b, "created", view.entry().created().toString());
        field(b, "updated", view.entry().updated().toString());
        field(b, "author", s.author());
        s.extra().forEach((k, v) -> field(b, k, String.valueOf(v)));
        field(b, "path", path);
        b.append("</dl>\n<section id=\"rendered\">\n")
                .append(Markdown.render(view.body(), href -> catalog.linkedSpec(path, href)
                        .map(other -> "/specs/" + other).orElse(href)))
                .append("</section>\n");
        b.append("<section id=\"findings\">\n<h2>Validation</h2>\n");
        if (view.findings().isEmpty()) {
            b.append("<p>No findings.</p>\n");
        } else {
            b.append("<ul>\n");
            for (Finding f : view.findings()) {
                b.append("<li class=\"finding ").append(Html.attr(f.severity().name().toLowerCase(Locale.ROOT)))
                        .append("\"><a href=\"#L").append(f.line()).append("\">line ").append(f.line()).append("</a> ")
                        .append(Html.text(f.severity().name())).append(' ').append(Html.text(f.ruleId())).append(": ")
                        .append(Html.text(f.message())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n<section id=\"requirements\">\n<h2>Requirements</h2>\n");
        if (view.requirements().isEmpty()) {
            b.append("<p>No requirements with ids.</p>\n");
        } else {
            b.append("<table>\n<thead><tr><th>Id</th><th>Requirement</th><th>Implemented by</th><th>Covered by</th>")
                    .append("<th>Coverage</th></tr></thead>\n<tbody>\n");
            for (RequirementView q : view.requirements()) {
                b.append("<tr class=\"requirement\" data-id=\"").append(Html.attr(q.id())).append("\"><td><a href=\"#L")
                        .append(q.line()).append("\">").append(Html.text(q.id())).append("</a></td><td>")
                        .append(Html.text(q.text())).append("</td><td>");
                sites(b, q.implementing());
                b.append("</td><td>");
                sites(b, q.covering());
                b.append("</td><td class=\"coverage\">").append(Html.text(q.coverage())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n<section id=\"drift\">\n<h2>Drift</h2>\n<p class=\"drift-status\">")
                .append(Html.text(view.drift().status())).append("</p>\n");
        view.drift().reconciled().ifPresent(c -> b.append("<p>Reconciled at <code>").append(Html.text(c))
                .append("</code></p>\n"));
        if (!view.drift().files().isEmpty()) {
            b.append("<ul>");
            view.drift().files().forEach(f -> b.append("<li>").append(Html.text(f)).append("</li>"));
            b.append("</ul>\n");
        }
        view.drift().finding().ifPresent(f -> b.append("<p>").append(Html.text(f)).append("</p>\n"));
        b.append("</section>\n<section id=\"history\">\n<h2>History</h2>\n");
        if (view.history().isEmpty()) {
            b.append("<p>No commits of this file.</p>\n");
        } else {
            b.append("<ol>\n");
            for (CommitInfo c : view.history()) {
                b.append("<li class=\"commit\"><code>").append(Html.text(c.shortId())).append("</code> ")
                        .append(Html.text(c.time().toString())).append(' ').append(Html.text(c.author().name()))
                        .append(": ").append(Html.text(c.subject())).append("</li>\n");
            }
            b.append("</ol>\n");
        }
        b.append("</section>\n<section id=\"links\">\n<h2>Links</h2>\n<h3>To</h3>\n");
        links(b, view.outgoing());
        b.append("<h3>From</h3>\n");
        links(b, view.incoming());
        b.append("</section>\n<section>\n<h2>Source</h2>\n<pre id=\"source\">");
        List<String> lines = view.source().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            b.append("<span id=\"L").append(i + 1).append("\">").append(Html.text(lines.get(i))).append("</span>\n");
        }
        b.append("</pre>\n</section>\n");
        return ETags.conditional(r, Response.html(Layout.page(s.title(), Layout.Section.CATALOG, b.toString())));
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("<dt>").append(Html.text(name)).append("</dt><dd>").append(Html.text(value)).append("</dd>\n");
    }

    private static void sites(StringBuilder b, List<String> sites) {
        b.append(sites.isEmpty() ? "none" : "");
        for (String site : sites) {
            b.append("<code class=\"site\">").append(Html.text(site)).append("</code> ");
        }
    }

    private static void links(StringBuilder b, List<SpecLink> links) {
        if (links.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<ul>");
        for (SpecLink l : links) {
            b.append("<li><a class=\"spec-link\" href=\"/specs/").append(Html.attr(l.id())).append("\">")
                    .append(Html.text(l.id())).append(' ').append(Html.text(l.title())).append("</a></li>");
        }
        b.append("</ul>\n");
    }
}
