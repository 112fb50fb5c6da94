package dev.codefactory.web.page;

import dev.codefactory.web.http.Html;

/**
 * The frame of every page: the title, the navigation, the live strip (filled by {@code /static/live.js} from the
 * event stream; empty without JavaScript) and the body. The body is HTML the page built with {@link Html}; the
 * title is text and escaped here.
 */
public final class Layout {
    /** The navigation's sections, by the path prefix that marks one current. */
    public enum Section {
        CATALOG("/", "Catalog"), REPORTS("/reports", "Reports"), CHANGES("/changes", "Changes"), LIVE("/live", "Live");

        final String href;
        final String label;

        Section(String href, String label) {
            this.href = href;
            this.label = label;
        }
    }

    private Layout() {
    }

    /** A whole page: {@code title} (text), the {@code current} section marked, and {@code body} (HTML). */
    public static String page(String title, Section current, String body) {
        StringBuilder out = new StringBuilder(body.length() + 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(title)).append(" · Code-Factory</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/style.css\">\n")
                .append("<script src=\"/static/live.js\" defer></script>\n")
                .append("</head>\n<body>\n<header><nav aria-label=\"sections\">\n")
                .append("<a class=\"brand\" href=\"/\">Code-Factory</a>\n");
        for (Section s : Section.values()) {
            out.append("<a href=\"").append(s.href).append('"')
                    .append(s == current ? " aria-current=\"page\"" : "").append('>').append(s.label).append("</a>\n");
        }
        out.append("<a href=\"/api/v1/openapi.json\">API</a>\n</nav>\n")
                .append("<div id=\"live-strip\" role=\"status\" aria-live=\"polite\"></div>\n</header>\n")
                .append("<main>\n").append(body).append("\n</main>\n</body>\n</html>\n");
        return out.toString();
    }
}
