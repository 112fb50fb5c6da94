package dev.codefactory.web.page;

import java.util.Locale;
import java.util.Optional;
import dev.codefactory.app.mirror.ChangeMirror;
import dev.codefactory.app.mirror.Mirror;
import dev.codefactory.domain.change.DiffLines;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;

/**
 * The changes pages (feature-012, FR-004): {@code /changes}, the change-order history ({@code table#changes}, a
 * {@code tr.change[data-id]} each); {@code /changes/{id}}, one change ({@code #change}: request, plan, status,
 * tests, pull request) and its diff ({@code #diff}) unified ({@code ?view=unified}, the default: one table with the
 * old and new line numbers) or side by side ({@code ?view=split}: the old file's lines left, the new one's right).
 */
// implements feature-012/FR-004, feature-012/FR-010
public final class ChangePages {
    private ChangePages() {
    }

    /** Adds this group's routes. */
    public static void register(Router router, Mirror mirror) {
        ChangeMirror changes = mirror.changes();
        router.get("/changes", request -> Response.html(index(changes)));
        router.get("/changes/{id}", request -> changes.change(request.pathParam("id"))
                .map(shown -> Response.html(change(shown, split(request))))
                .orElseGet(() -> Response.of(404, Response.HTML, Layout.page("No such change",
                        Layout.Section.CHANGES, "<h1>No such change</h1>\n<p>There is no change with id "
                                + Html.text(request.pathParam("id")) + ". <a href=\"/changes\">All changes</a></p>"))));
    }

    private static boolean split(Request request) {
        return request.param("view").filter(v -> v.equals("split")).isPresent();
    }

    private static String index(ChangeMirror changes) {
        StringBuilder body = new StringBuilder("<h1>Changes</h1>\n<p>Change orders made with <code>factory change")
                .append("</code>, newest first. <a href=\"/reports/change-log\">The change log</a></p>\n")
                .append("<table id=\"changes\">\n<thead><tr><th>Change</th><th>Created</th><th>Status</th>")
                .append("<th>Request</th><th>Specs</th><th>Tests</th><th>Pull request</th></tr></thead>\n<tbody>\n");
        for (ChangeRecord r : changes.list()) {
            body.append("<tr class=\"change\" data-id=\"").append(Html.attr(r.id())).append("\"><td>")
                    .append("<a class=\"change-link\" href=\"/changes/").append(Html.attr(r.id())).append("\">")
                    .append(Html.text(r.id())).append("</a></td><td>").append(Html.text(r.created().toString()))
                    .append("</td><td>").append(status(r)).append("</td><td>")
                    .append(Html.text(firstLine(r.request()))).append("</td><td>")
                    .append(Html.text(String.join(", ", r.specs()))).append("</td><td>").append(Html.text(r.tests()))
                    .append("</td><td>").append(pullRequest(r)).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        if (changes.list().isEmpty()) {
            body.append("<p>No change order yet.</p>\n");
        }
        return Layout.page("Changes", Layout.Section.CHANGES, body.toString());
    }

    private static String change(ChangeMirror.Shown shown, boolean split) {
        ChangeRecord r = shown.record();
        StringBuilder body = new StringBuilder("<p><a href=\"/changes\">All changes</a></p>\n<h1>Change ")
                .append(Html.text(r.id())).append("</h1>\n<section id=\"change\">\n<dl>\n")
                .append("<dt>Request</dt><dd class=\"request\">").append(Html.text(r.request())).append("</dd>\n")
                .append("<dt>Plan</dt><dd class=\"plan\"><p>The plan is not recorded with a change; it touched ")
                .append("these specs and files.</p>\n<p>Specs: ")
                .append(r.specs().isEmpty() ? "none" : "");
        for (int i = 0; i < r.specs().size(); i++) {
            String spec = r.specs().get(i);
            body.append(i == 0 ? "" : ", ").append("<a class=\"spec-link\" href=\"/specs/").append(Html.attr(spec))
                    .append("\">").append(Html.text(spec)).append("</a>");
        }
        body.append("</p>\n<ul class=\"files\">\n");
        r.files().forEach(f -> body.append("<li><code>").append(Html.text(f)).append("</code></li>\n"));
        body.append("</ul></dd>\n<dt>Status</dt><dd class=\"status\">").append(status(r)).append("</dd>\n")
                .append("<dt>Created</dt><dd>").append(Html.text(r.created().toString())).append("</dd>\n")
                .append("<dt>Branch</dt><dd><code>").append(Html.text(r.branch())).append("</code></dd>\n")
                .append("<dt>Commits</dt><dd>").append(r.commits().isEmpty() ? "none"
                        : Html.text(String.join(", ", r.commits().stream().map(ChangePages::shortId).toList())))
                .append("</dd>\n<dt>Tests</dt><dd class=\"tests\">").append(Html.text(r.tests())).append("</dd>\n")
                .append("<dt>Pull request</dt><dd class=\"pull-request\">").append(pullRequest(r))
                .append(r.publication().pushed() ? " (branch pushed)" : "").append("</dd>\n");
        r.note().ifPresent(n -> body.append("<dt>Note</dt><dd class=\"note\">").append(Html.text(n)).append("</dd>\n"));
        body.append("</dl>\n</section>\n<section id=\"diff\">\n<h2>Diff</h2>\n<p class=\"views\">")
                .append("<a href=\"?view=unified\"").append(split ? "" : " aria-current=\"page\"")
                .append(">Unified</a> ")
                .append("<a href=\"?view=split\"").append(split ? " aria-current=\"page\"" : "")
                .append(">Side by side</a></p>\n");
        shown.noDiff().ifPresent(why -> body.append("<p class=\"no-diff\">").append(Html.text(why)).append("</p>\n"));
        for (ChangeMirror.FileDiff f : shown.files()) {
            body.append("<h3 class=\"diff-file\"><code>").append(Html.text(f.path()))
                    .append("</code> <span class=\"added\">+")
                    .append(f.added()).append("</span> <span class=\"removed\">-").append(f.removed())
                    .append("</span></h3>\n");
            if (split) {
                splitTable(f, body);
            } else {
                unifiedTable(f, body);
            }
        }
        body.append("</section>\n");
        return Layout.page("Change " + r.id(), Layout.Section.CHANGES, body.toString());
    }

    private static void unifiedTable(ChangeMirror.FileDiff f, StringBuilder body) {
        body.append("<table class=\"diff unified\">\n<tbody>\n");
        for (ChangeMirror.Row row : f.rows()) {
            body.append("<tr class=\"").append(kind(row.kind())).append("\"><td class=\"ln\">")
                    .append(number(row.oldLine()))
                    .append("</td><td class=\"ln\">").append(number(row.newLine())).append("</td><td class=\"code\">")
                    .append(Html.text(row.text())).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private static void splitTable(ChangeMirror.FileDiff f, StringBuilder body) {
        body.append("<table class=\"diff split\">\n<tbody>\n");
        for (ChangeMirror.Pair pair : f.split()) {
            if (pair.left().isPresent() && pair.left().get().kind() == DiffLines.Kind.HUNK) {
                body.append("<tr class=\"hunk\"><td colspan=\"4\" class=\"code\">")
                        .append(Html.text(pair.left().get().text()))
                        .append("</td></tr>\n");
                continue;
            }
            body.append("<tr>");
            side(pair.left(), true, body);
            side(pair.right(), false, body);
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private static void side(Optional<ChangeMirror.Row> row, boolean left, StringBuilder body) {
        if (row.isEmpty()) {
            body.append("<td class=\"ln\"></td><td class=\"code empty\"></td>");
            return;
        }
        ChangeMirror.Row r = row.get();
        String text = r.kind() == DiffLines.Kind.OTHER || r.text().isEmpty() ? r.text() : r.text().substring(1);
        body.append("<td class=\"ln\">").append(number(left ? r.oldLine() : r.newLine()))
                .append("</td><td class=\"code ")
                .append(kind(r.kind())).append("\">").append(Html.text(text)).append("</td>");
    }

    private static String kind(DiffLines.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String number(int line) {
        return line > 0 ? Integer.toString(line) : "";
    }

    private static String status(ChangeRecord r) {
        String s = r.status().name().toLowerCase(Locale.ROOT);
        return "<span class=\"status " + s + "\">" + s + "</span>";
    }

    /** The pull request as a link when it is a web address, else as text; "none" without one. */
    private static String pullRequest(ChangeRecord r) {
        return r.publication().pullRequest().map(url -> url.startsWith("https://") || url.startsWith("http://")
                ? "<a class=\"pull-request-link\" href=\"" + Html.attr(url) + "\">" + Html.text(url) + "</a>"
                : Html.text(url)).orElse("none");
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
