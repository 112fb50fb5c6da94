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

    /** One placeholder line: the literal part to look for first, and the whole line as a pattern. */
    private record Line(String text, String longestLiteral, Pattern pattern) {
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
     * placeholder lines (compared without the spaces around it).
     */
    public Optional<String> match(SpecKind kind, String line) {
        String stripped = line.strip();
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

    private static Line line(String text) {
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
        return new Line(text, longest, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }
}
