package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewDigest.Finding;
import dev.codefactory.app.review.ReviewDigest.SpecScore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Arrays;

/**
 * Reads back what {@link ReviewMarkdown} writes (feature-012, FR-003): the front matter, the overall score, the
 * findings per severity, the "Compliance by spec" table and the findings' tables, undoing the report's escaping.
 * Pure: a report that is not one (no front matter of kind review, no date) is empty; a hand-edited table row that
 * does not parse is left out.
 */
// implements feature-012/FR-003
public final class ReviewMarkdownReader {
    private ReviewMarkdownReader() {
    }

    /** The review in {@code markdown}, or empty when it is not a review report this reader understands. */
    public static Optional<ReviewDigest> read(String markdown) {
        List<String> lines = List.of(markdown.replace("\r\n", "\n").split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return Optional.empty();
        }
        Map<String, String> front = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
            int colon = lines.get(i).indexOf(':');
            if (colon > 0) {
                front.put(lines.get(i).substring(0, colon).strip(), lines.get(i).substring(colon + 1).strip());
            }
        }
        if (i >= lines.size() || !"review".equals(front.get("kind")) || !front.containsKey("date")) {
            return Optional.empty();
        }
        Instant date;
        try {
            date = Instant.parse(scalar(front.get("date")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        OptionalInt overall = OptionalInt.empty();
        Map<String, Integer> severities = new LinkedHashMap<>();
        ReviewReport.SEVERITIES.forEach(s -> severities.put(s, 0));
        List<SpecScore> compliance = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String section = "";
        String severity = null;
        for (int n = i + 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                severity = null;
            } else if (line.startsWith("- Overall score: ")) {
                overall = percent(line.substring("- Overall score: ".length()));
            } else if (line.startsWith("### ") && section.equals("Findings")) {
                String word = line.substring(4).split(" ")[0].toLowerCase(Locale.ROOT);
                severity = ReviewReport.SEVERITIES.contains(word) ? word : null;
            } else if (line.startsWith("|") && !line.startsWith("|---")) {
                List<String> cells = cells(line);
                if (section.equals("Summary") && cells.size() == 2) {
                    String s = cells.get(0).toLowerCase(Locale.ROOT);
                    if (severities.containsKey(s)) {
                        severities.put(s, number(cells.get(1), 0));
                    }
                } else if (section.equals("Compliance by spec") && cells.size() == 8 && !cells.get(0).equals("Spec")) {
                    int[] counts = new int[5];
                    for (int k = 0; k < 5; k++) {
                        counts[k] = number(cells.get(3 + k), -1);
                    }
                    if (Arrays.stream(counts).allMatch(c -> c >= 0)) {
                        compliance.add(new SpecScore(text(linkText(cells.get(0))), text(cells.get(1)),
                                percent(cells.get(2)), counts[0], counts[1], counts[2], counts[3], counts[4]));
                    }
                } else if (severity != null && cells.size() == 5 && !cells.get(0).equals("Location")) {
                    findings.add(new Finding(severity, text(linkText(cells.get(0))), text(cells.get(1)),
                            text(cells.get(2)), text(cells.get(3)), text(cells.get(4))));
                }
            }
        }
        return Optional.of(new ReviewDigest(scalarOr(front.get("id"), ""), date, sequence(front.get("scope")),
                sequence(front.get("specs")), scalarOr(front.get("provider"), null),
                scalarOr(front.get("model"), null), scalarOr(front.get("commit"), null),
                "true".equals(front.get("partial")), "true".equals(front.get("offline")), overall, severities,
                compliance, findings));
    }

    /** The cells of a table row, split at each {@code |} that no backslash escapes; escapes kept for {@link #text}. */
    static List<String> cells(String row) {
        String r = row.strip();
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 1; k < r.length(); k++) {
            char c = r.charAt(k);
            if (c == '\\' && k + 1 < r.length()) {
                cell.append(c).append(r.charAt(++k));
            } else if (c == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            out.add(cell.toString().strip());
        }
        return out;
    }

    /** The text of a {@code [text](target)} cell, or the cell itself when it is no link. */
    private static String linkText(String cell) {
        if (!cell.startsWith("[")) {
            return cell;
        }
        for (int k = 1; k < cell.length(); k++) {
            char c = cell.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == ']') {
                return cell.substring(1, k);
            }
        }
        return cell;
    }

    /** A cell's text as it was before {@link ReviewMarkdown} escaped it. */
    static String text(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int k = 0; k < escaped.length(); k++) {
            char c = escaped.charAt(k);
            if (c == '\\' && k + 1 < escaped.length()) {
                c = escaped.charAt(++k);
            }
            out.append(c);
        }
        return out.toString().replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static OptionalInt percent(String text) {
        String t = text.strip();
        if (!t.endsWith("%")) {
            return OptionalInt.empty();
        }
        int n = number(t.substring(0, t.length() - 1), -1);
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String scalarOr(String value, String otherwise) {
        return value == null ? otherwise : scalar(value);
    }

    /** A YAML scalar as {@code YamlText.scalar} writes it: plain, or double-quoted with backslash escapes. */
    static String scalar(String value) {
        String v = value.strip();
        if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
            return v;
        }
        StringBuilder out = new StringBuilder();
        for (int k = 1; k < v.length() - 1; k++) {
            char c = v.charAt(k);
            if (c != '\\' || k + 1 >= v.length() - 1) {
                out.append(c);
                continue;
            }
            char e = v.charAt(++k);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> {
                    out.append((char) Integer.parseInt(v.substring(k + 1, k + 3), 16));
                    k += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(v.substring(k + 1, k + 5), 16));
                    k += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** A flow sequence {@code [a, "b, c"]} of scalars. */
    static List<String> sequence(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String v = value.strip();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            return out;
        }
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (int k = 1; k < v.length() - 1; k++) {
            char c = v.charAt(k);
            if (quoted && c == '\\' && k + 1 < v.length() - 1) {
                item.append(c).append(v.charAt(++k));
            } else if (c == '"') {
                quoted = !quoted;
                item.append(c);
            } else if (c == ',' && !quoted) {
                out.add(scalar(item.toString()));
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        if (!item.toString().isBlank()) {
            out.add(scalar(item.toString()));
        }
        return out;
    }
}
