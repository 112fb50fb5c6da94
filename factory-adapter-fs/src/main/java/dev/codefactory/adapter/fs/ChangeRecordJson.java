package dev.codefactory.adapter.fs;

import dev.codefactory.domain.text.JsonReader;
import dev.codefactory.domain.text.JsonText;
import dev.codefactory.port.change.ChangeRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link ChangeRecord} as pretty JSON (two-space indent, keys in a fixed order, a trailing newline), and back.
 * {@code created} keeps its nanoseconds (ISO-8601, as {@link Instant#toString()} writes it). Unknown members are
 * ignored, so that a later version can add some; a {@code version} above {@value #VERSION} is refused.
 */
final class ChangeRecordJson {
    static final int VERSION = 1;

    private ChangeRecordJson() {
    }

    static String write(ChangeRecord r) {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "version").append(VERSION).append(",\n");
        field(out, "id").append(str(r.id())).append(",\n");
        field(out, "request").append(str(r.request())).append(",\n");
        field(out, "created").append(str(r.created().toString())).append(",\n");
        field(out, "status").append(str(r.status().name())).append(",\n");
        field(out, "baseBranch").append(str(r.baseBranch())).append(",\n");
        field(out, "baseCommit").append(str(r.baseCommit())).append(",\n");
        field(out, "snapshotId").append(str(r.snapshotId())).append(",\n");
        field(out, "stash").append(str(r.stash())).append(",\n");
        field(out, "branch").append(str(r.branch())).append(",\n");
        list(field(out, "commits"), r.commits()).append(",\n");
        list(field(out, "specs"), r.specs()).append(",\n");
        list(field(out, "files"), r.files()).append(",\n");
        field(out, "tests").append(str(r.tests())).append(",\n");
        field(out, "pushed").append(r.pushed()).append(",\n");
        field(out, "pullRequest").append(str(r.pullRequest())).append(",\n");
        field(out, "note").append(str(r.note())).append('\n');
        return out.append("}\n").toString();
    }

    /**
     * The record {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the JSON is malformed, or a member is missing or of the wrong type (the
     *                                  message names it)
     */
    static ChangeRecord read(String json) {
        Object root = JsonReader.parse(json);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Map<?, ?> map = (Map<?, ?>) root;
        Object version = map.get("version");
        if (version != null && !(version instanceof Long && (Long) version >= 1 && (Long) version <= VERSION)) {
            throw new IllegalArgumentException("member 'version' is " + version + "; this Code-Factory reads "
                    + "version " + VERSION + " (a newer Code-Factory wrote it?)");
        }
        return new ChangeRecord(string(map, "id"), string(map, "request"), instant(map, "created"), status(map),
                string(map, "baseBranch"), string(map, "baseCommit"), string(map, "snapshotId"), string(map, "stash"),
                string(map, "branch"), strings(map, "commits"), strings(map, "specs"), strings(map, "files"),
                string(map, "tests"), required(map, "pushed", Boolean.class), string(map, "pullRequest"),
                string(map, "note"));
    }

    private static String string(Map<?, ?> map, String name) {
        return required(map, name, String.class);
    }

    private static List<String> strings(Map<?, ?> map, String name) {
        List<?> raw = required(map, name, List.class);
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String)) {
                throw new IllegalArgumentException("member '" + name + "[" + i + "]' must be a string");
            }
            out.add((String) raw.get(i));
        }
        return out;
    }

    private static Instant instant(Map<?, ?> map, String name) {
        String text = string(map, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("member '" + name + "' is not an instant: " + text, e);
        }
    }

    private static ChangeRecord.Status status(Map<?, ?> map) {
        String text = string(map, "status");
        try {
            return ChangeRecord.Status.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("member 'status' is not a change status: " + text, e);
        }
    }

    private static <T> T required(Map<?, ?> map, String name, Class<T> type) {
        Object value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("member '" + name + "' is missing");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("member '" + name + "' must be a "
                    + type.getSimpleName().toLowerCase(Locale.ROOT).replace("list", "array"));
        }
        return type.cast(value);
    }

    private static StringBuilder list(StringBuilder out, List<String> items) {
        if (items.isEmpty()) {
            return out.append("[]");
        }
        out.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            out.append("    ").append(str(items.get(i))).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return out.append("  ]");
    }

    private static StringBuilder field(StringBuilder out, String name) {
        return out.append("  \"").append(name).append("\": ");
    }

    private static String str(String s) {
        StringBuilder out = new StringBuilder();
        JsonText.quote(s, out);
        return out.toString();
    }
}
