package dev.codefactory.domain.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The placeholder text of the templates contracts start from: each line of a template's body that is written for
 * the author to replace ("Replace this line with the first thing the feature must do."), as opposed to its
 * headings, its comments (guidance that may stay) and its blank lines. A contract line that reads like one of them,
 * its {@code {{placeholders}}} filled with anything, still holds the template's text.
 */
// implements feature-001/FR-006
public final class Placeholders {
    /** No template: nothing is placeholder text. */
    public static final Placeholders NONE = new Placeholders(Map.of());

    /** A template line with fewer letters than this outside its placeholders ({@code {{title}}}) matches too much. */
    private static final int MIN_LETTERS = 12;
    private static final Pattern FILL = Pattern.compile("\\{\\{[^}]*}}");

    private final Map<SpecKind, List<Line>> byKind;

    /**
     * One placeholder line: the literal part to look for first, and the whole line as a pattern, compiled when a
     * line first contains that literal (compiling every template's lines up front cost each spec list 4 ms; most
     * contracts never hold any of them). Racing threads may compile it twice, to the same pattern.
     */
    private static final class Line {
        private final String text;
        private final String longestLiteral;
        private final String regex;
        private volatile Pattern pattern;

        Line(String text, String longestLiteral, String regex) {
            this.text = text;
            this.longestLiteral = longestLiteral;
            this.regex = regex;
        }

        String text() {
            return text;
        }

        String longestLiteral() {
            return longestLiteral;
        }

        Pattern pattern() {
            Pattern p = pattern;
            if (p == null) {
                p = Pattern.compile(regex, Pattern.DOTALL);
                pattern = p;
            }
            return p;
        }
    }

    private Placeholders(Map<SpecKind, List<Line>> byKind) {
        this.byKind = byKind;
    }

    /** The placeholder lines of these templates (a project's and the built-in one of a kind, say). */
    public static Placeholders of(Collection<SpecTemplate> templates) {
        Map<SpecKind, List<Line>> byKind = new EnumMap<>(SpecKind.class);
        for (SpecTemplate template : templates) {
            List<Line> lines = byKind.computeIfAbsent(template.kind(), k -> new ArrayList<>());
            for (String text : placeholderLines(template.text())) {
                if (lines.stream().noneMatch(l -> l.text().equals(text))) {
                    lines.add(line(text));
                }
            }
        }
        return new Placeholders(byKind);
    }

    /**
     * The template's own text of a line of a contract of {@code kind}, when the line reads like one of its
     * placeholder lines (compared without the spaces around it, and without a requirement id after a list marker:
     * {@code - FR-003: Replace this line ...} still holds the text of {@code - FR-001: Replace this line ...}, and
     * of the older {@code - Replace this line ...}).
     */
    public Optional<String> match(SpecKind kind, String line) {
        String stripped = withoutRequirementId(line.strip());
        if (stripped.isEmpty()) {
            return Optional.empty();
        }
        for (Line l : byKind.getOrDefault(kind, List.of())) {
            if (stripped.contains(l.longestLiteral()) && l.pattern().matcher(stripped).matches()) {
                return Optional.of(l.text());
            }
        }
        return Optional.empty();
    }

    /** The body lines of a template meant to be replaced: not blank, not a heading, not inside a comment or code. */
    static List<String> placeholderLines(String template) {
        List<String> lines = MarkdownBody.splitLines(template);
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).equals("---")) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<String> out = new ArrayList<>();
        MarkdownBody body = MarkdownBody.of(String.join("\n", lines.subList(start, lines.size())), 1);
        for (MarkdownBody.Line line : body.proseLines()) {
            String text = line.text().strip();
            if (!text.isEmpty() && letters(FILL.matcher(text).replaceAll("")) >= MIN_LETTERS) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * {@code text} without the requirement id that may follow its list marker: {@code - FR-001: A} is {@code - A}.
     * An id here is one to five capitals, a hyphen and digits, then a colon and a space (the template's form; its
     * exact grammar is {@code dev.codefactory.domain.trace.RequirementId}, which depends on this package).
     */
    static String withoutRequirementId(String text) {
        if (text.length() < 3 || "-*+".indexOf(text.charAt(0)) < 0 || text.charAt(1) != ' ') {
            return text;
        }
        int i = 2;
        while (i < text.length() && i - 2 < 5 && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        if (i == 2 || i >= text.length() || text.charAt(i) != '-') {
            return text;
        }
        int digits = ++i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits || !text.startsWith(": ", i)) {
            return text;
        }
        return text.substring(0, 2) + text.substring(i + 2).stripLeading();
    }

    private static Line line(String original) {
        String text = withoutRequirementId(original);
        StringBuilder regex = new StringBuilder();
        String longest = "";
        int at = 0;
        java.util.regex.Matcher m = FILL.matcher(text);
        while (m.find()) {
            String literal = text.substring(at, m.start());
            regex.append(Pattern.quote(literal)).append(".*?");
            longest = literal.length() > longest.length() ? literal : longest;
            at = m.end();
        }
        String tail = text.substring(at);
        regex.append(Pattern.quote(tail));
        longest = tail.length() > longest.length() ? tail : longest;
        return new Line(original, longest, regex.toString());
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }
}
