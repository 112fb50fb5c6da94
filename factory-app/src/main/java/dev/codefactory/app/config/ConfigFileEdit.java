package dev.codefactory.app.config;

import dev.codefactory.app.config.YamlOutline.Entry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sets one key in the text of a configuration file: when the key is there, the characters of its value are replaced
 * and nothing else changes (comments, order, quoting and blank lines of everything else stay byte for byte); when it
 * is not, it is added at the end of its nearest section that exists, with that section's indentation, or at the end
 * of the file.
 */
final class ConfigFileEdit {

    private ConfigFileEdit() {
    }

    static String set(Path file, YamlOutline outline, String key, String scalar) {
        String text = outline.text();
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        Optional<Entry> existing = outline.entry(key);
        if (existing.isPresent()) {
            Entry e = existing.get();
            boolean section = !e.hasValue() && e.lastLineEnd() > e.lineEnd();
            if (!e.scalar() || section) {
                throw new ConfigException(file, e.line(), key + " is not written as a plain value here;"
                        + " edit the file by hand");
            }
            if (e.hasValue()) {
                return text.substring(0, e.valueStart()) + scalar + text.substring(e.valueEnd());
            }
            boolean afterColon = text.charAt(e.valueStart() - 1) == ':';
            boolean beforeComment = e.valueStart() < e.lineEnd();
            return text.substring(0, e.valueStart()) + (afterColon ? " " : "") + scalar
                    + (beforeComment ? " " : "") + text.substring(e.valueStart());
        }
        List<String> segments = Arrays.asList(key.split("\\."));
        Entry parent = null;
        int depth = segments.size() - 1;
        for (; depth > 0; depth--) {
            Optional<Entry> found = outline.entry(String.join(".", segments.subList(0, depth)));
            if (found.isPresent()) {
                parent = found.get();
                break;
            }
        }
        int step = indentStep(outline);
        int indent;
        int at;
        StringBuilder insert = new StringBuilder();
        if (parent != null) {
            if (parent.hasValue()) {
                throw new ConfigException(file, parent.line(), parent.path() + " has a value, so " + key
                        + " cannot be added under it; edit the file by hand");
            }
            Entry p = parent;
            Optional<Entry> child = outline.entries().stream()
                    .filter(c -> c.path().startsWith(p.path() + ".") && c.path().indexOf('.', p.path().length() + 1) < 0)
                    .findFirst();
            indent = child.map(Entry::indent).orElse(parent.indent() + step);
            if (child.isPresent() && indent > parent.indent()) {
                step = indent - parent.indent();
            }
            int nl = text.indexOf('\n', parent.lastLineEnd());
            if (nl < 0) {
                insert.append(eol);
                at = text.length();
            } else {
                at = nl + 1;
            }
        } else {
            indent = 0;
            at = text.length();
            if (!text.isEmpty() && !text.endsWith("\n")) {
                insert.append(eol);
            }
        }
        for (int i = depth; i < segments.size(); i++) {
            insert.append(" ".repeat(indent)).append(segments.get(i)).append(':');
            if (i == segments.size() - 1) {
                insert.append(' ').append(scalar);
            }
            insert.append(eol);
            indent += step;
        }
        return text.substring(0, at) + insert + text.substring(at);
    }

    /** The file's own indentation step (its first indented key's), or two spaces. */
    private static int indentStep(YamlOutline outline) {
        return outline.entries().stream().mapToInt(Entry::indent).filter(i -> i > 0).min().orElse(2);
    }
}
