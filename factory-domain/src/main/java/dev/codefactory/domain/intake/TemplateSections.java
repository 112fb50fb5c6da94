package dev.codefactory.domain.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections a spec template asks for, and a body assembled from answers in the template's shape.
 *
 * <p>Wizard intake asks one question per section (its hint is the template's HTML comment under the heading) and
 * then {@link #fill}s the template, so that a body written without a model has the same structure a model is asked
 * to produce: every heading in order, unanswered ones keeping their hint as a comment.
 */
// implements feature-005/FR-007
public final class TemplateSections {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--(.*?)-->");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private TemplateSections() {
    }

    /**
     * A section of a template.
     *
     * @param heading the heading text ({@code "Functional"})
     * @param level   2 for {@code ##}, 3 for {@code ###}
     * @param hint    the first HTML comment under the heading, whitespace collapsed; {@code ""} when none
     */
    public record Section(String heading, int level, String hint) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be 1 to 6: " + level);
            }
            hint = hint == null ? "" : hint;
        }
    }

    /**
     * The {@code ##} and {@code ###} sections of a template body (the markdown after its front matter; leading front
     * matter is skipped if present), in order. Headings inside code fences do not count.
     */
    public static List<Section> of(String templateBody) {
        List<String> lines = List.of(stripFrontMatter(templateBody == null ? "" : templateBody)
                .replace("\r\n", "\n").split("\n", -1));
        List<int[]> heads = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher f = FENCE.matcher(line);
            if (f.matches()) {
                String mark = f.group(1);
                if (fence == null) {
                    fence = mark;
                } else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()
                        && line.strip().equals(mark)) {
                    fence = null;
                }
                continue;
            }
            Matcher m = fence == null ? HEADING.matcher(line) : null;
            if (m != null && m.matches()) {
                heads.add(new int[] {i, m.group(1).length()});
                texts.add(m.group(2).trim());
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            int level = heads.get(h)[1];
            if (level != 2 && level != 3) {
                continue;
            }
            int end = h + 1 < heads.size() ? heads.get(h + 1)[0] : lines.size();
            String under = String.join("\n", lines.subList(heads.get(h)[0] + 1, end));
            Matcher c = COMMENT.matcher(under);
            String hint = c.find() ? c.group(1).strip().replaceAll("\\s+", " ") : "";
            sections.add(new Section(texts.get(h), level, hint));
        }
        return List.copyOf(sections);
    }

    /**
     * A body: {@code # title}, then every section's heading in order with its answer under it (answers keyed by
     * heading text, exact match first, then ignoring case); a missing or blank answer leaves the hint as an HTML
     * comment, or nothing when there is no hint. Ends with exactly one {@code \n}.
     */
    public static String fill(String title, List<Section> sections, Map<String, String> answers) {
        StringBuilder out = new StringBuilder("# ").append(title == null ? "" : title.strip()).append("\n");
        for (Section section : sections) {
            out.append('\n').append("#".repeat(section.level())).append(' ').append(section.heading()).append("\n");
            String answer = answer(answers, section.heading());
            if (!answer.isBlank()) {
                out.append('\n').append(answer.replace("\r\n", "\n").strip()).append('\n');
            } else if (!section.hint().isBlank()) {
                out.append("\n<!-- ").append(section.hint().replace("-->", "-- >")).append(" -->\n");
            }
        }
        return out.toString();
    }

    private static String answer(Map<String, String> answers, String heading) {
        if (answers == null) {
            return "";
        }
        String exact = answers.get(heading);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : answers.entrySet()) {
            if (e.getKey() != null && e.getValue() != null
                    && e.getKey().strip().toLowerCase(Locale.ROOT).equals(heading.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return "";
    }

    private static String stripFrontMatter(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!t.startsWith("---\n") && !t.startsWith("---\r\n")) {
            return t;
        }
        Matcher m = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*\\r?$").matcher(t);
        if (m.find(4)) {
            int close = m.end();
            return close < t.length() ? t.substring(close + 1) : "";
        }
        return t;
    }
}
