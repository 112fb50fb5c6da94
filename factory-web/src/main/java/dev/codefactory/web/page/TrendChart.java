package dev.codefactory.web.page;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import dev.codefactory.app.mirror.ReportMirror;
import dev.codefactory.app.review.ReviewReport;
import dev.codefactory.web.http.Html;

/**
 * The review trend as a server-drawn SVG (feature-012, FR-003): the overall score of each review from 0 to 100%,
 * oldest on the left, one {@code <circle class="point">} per review with a {@code <title>} tooltip (its name, date,
 * score and findings per severity), and a polyline through the scored ones. A review whose score is "n/a" sits on
 * the axis as a hollow point, outside the line. Presentation attributes only: no style attribute, no script.
 */
// implements feature-012/FR-003
final class TrendChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    private TrendChart() {
    }

    static String svg(ReportMirror.Trend trend) {
        List<ReportMirror.Point> points = trend.points();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder out = new StringBuilder();
        out.append("<svg id=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"Overall review score over time, ")
                .append(points.size()).append(points.size() == 1 ? " review" : " reviews").append("\">\n");
        for (int percent = 0; percent <= 100; percent += 25) {
            int y = TOP + plotHeight - plotHeight * percent / 100;
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\n")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">").append(percent)
                    .append("%</text>\n");
        }
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(TOP + plotHeight)
                .append("\" stroke=\"#57606a\" stroke-width=\"1\"/>\n");
        if (points.isEmpty()) {
            out.append("<text x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(TOP + plotHeight / 2)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#57606a\">No review report yet</text>\n")
                    .append("</svg>");
            return out.toString();
        }
        StringBuilder line = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            ReportMirror.Point p = points.get(i);
            int x = points.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (points.size() - 1);
            boolean scored = p.score().isPresent();
            int y = TOP + plotHeight - (scored ? plotHeight * p.score().getAsInt() / 100 : 0);
            if (scored) {
                line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
            }
            circles.append("<circle class=\"point\" cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"").append(points.size() > 60 ? 3 : 5).append("\" fill=\"")
                    .append(scored ? "#0b5cad" : "#ffffff").append("\" stroke=\"#0b5cad\" stroke-width=\"2\"><title>")
                    .append(Html.text(tooltip(p))).append("</title></circle>\n");
        }
        out.append("<polyline class=\"line\" points=\"").append(line)
                .append("\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\"/>\n");
        out.append(circles);
        out.append("<text class=\"tick\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8)
                .append("\" font-size=\"11\" fill=\"#57606a\">")
                .append(Html.text(points.get(0).date().toString().substring(0, 10))).append("</text>\n");
        if (points.size() > 1) {
            out.append("<text class=\"tick\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">")
                    .append(Html.text(points.get(points.size() - 1).date().toString().substring(0, 10)))
                    .append("</text>\n");
        }
        return out.append("</svg>").toString();
    }

    /** {@code review-2026-12-07: 2026-12-07, score 80%, 3 findings (critical 0, high 1, ...)}. */
    static String tooltip(ReportMirror.Point p) {
        String score = p.score().isPresent() ? p.score().getAsInt() + "%" : "n/a";
        Map<String, Integer> s = p.severities();
        String counts = ReviewReport.SEVERITIES.stream().filter(k -> s.getOrDefault(k, 0) > 0)
                .map(k -> k + " " + s.get(k)).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s: %s, score %s, %d findings%s", p.name(),
                p.date().toString().substring(0, 10), score, p.findings(), counts.isEmpty() ? "" : " (" + counts + ")");
    }
}
