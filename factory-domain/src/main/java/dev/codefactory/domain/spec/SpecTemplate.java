package dev.codefactory.domain.spec;

import dev.codefactory.domain.yaml.YamlText;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contract template: a whole markdown file whose {@code {{placeholders}}} are filled in. In the front matter the
 * values are written as YAML scalars (quoted where needed), in the body as plain text. Unknown placeholders are
 * left as they are.
 *
 * @param origin where it came from, for messages: {@code built-in} or a project path
 */
public record SpecTemplate(SpecKind kind, String origin, String text) {

    public SpecTemplate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    /** The values a new contract starts with. */
    public record Values(SpecId id, String title, LocalDate date, String author, List<String> tags,
                         Priority priority) {
        public Values {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(author, "author");
            tags = List.copyOf(tags);
            Objects.requireNonNull(priority, "priority");
        }
    }

    public String render(Values values) {
        Map<String, String[]> fill = Map.of(
                "id", new String[] {values.id().value(), values.id().value()},
                "title", new String[] {YamlText.scalar(values.title()), values.title()},
                "status", new String[] {SpecStatus.DRAFT.label(), SpecStatus.DRAFT.label()},
                "date", new String[] {values.date().toString(), values.date().toString()},
                "author", new String[] {YamlText.scalar(values.author()), values.author()},
                "tags", new String[] {YamlText.sequence(values.tags()), String.join(", ", values.tags())},
                "priority", new String[] {values.priority().label(), values.priority().label()});
        List<String> lines = MarkdownBody.splitLines(text);
        boolean newlineAtEnd = text.endsWith("\n");
        StringBuilder out = new StringBuilder(text.length() + 128);
        int fences = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fence = line.equals("---");
            boolean inFrontMatter = fences == 1 && !fence;
            if (fence && fences < 2 && (i == 0 || fences == 1)) {
                fences++;
            }
            out.append(substitute(line, fill, inFrontMatter ? 0 : 1));
            if (i < lines.size() - 1 || newlineAtEnd) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String substitute(String line, Map<String, String[]> fill, int form) {
        if (!line.contains("{{")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf("{{", at);
            int close = open < 0 ? -1 : line.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                out.append(line, at, line.length());
                break;
            }
            String[] value = fill.get(line.substring(open + 2, close).trim());
            out.append(line, at, open).append(value == null ? line.substring(open, close + 2) : value[form]);
            at = close + 2;
        }
        return out.toString();
    }
}
