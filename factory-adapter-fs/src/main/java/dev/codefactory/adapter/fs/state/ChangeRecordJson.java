package dev.codefactory.adapter.fs.state;

import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.change.ChangeRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChangeRecord} as pretty JSON (two-space indent, keys in a fixed order, a trailing newline), and back.
 * {@code created} keeps its nanoseconds (ISO-8601, as {@link Instant#toString()} writes it). Unknown members are
 * ignored, so that a later version can add some; a {@code version} above {@value #VERSION} is refused. An absent
 * value ({@code baseBranch}, {@code baseCommit}, {@code snapshotId}, {@code stash}, {@code pullRequest},
 * {@code note}) is written as the empty string, and read back as absent.
 */
final class ChangeRecordJson {
    static final int VERSION = 1;

    private ChangeRecordJson() {
    }

    static String write(ChangeRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("id", r.id());
        m.put("request", r.request());
        m.put("created", r.created().toString());
        m.put("status", r.status().name());
        m.put("baseBranch", r.before().branch().orElse(""));
        m.put("baseCommit", r.before().commit().orElse(""));
        m.put("snapshotId", r.before().snapshotId().orElse(""));
        m.put("stash", r.before().stash().orElse(""));
        m.put("branch", r.branch());
        m.put("commits", r.commits());
        m.put("specs", r.specs());
        m.put("files", r.files());
        m.put("tests", r.tests());
        m.put("pushed", r.publication().pushed());
        m.put("pullRequest", r.publication().pullRequest().orElse(""));
        m.put("note", r.note().orElse(""));
        return JsonWriter.pretty(m);
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
                new ChangeRecord.Before(optional(map, "baseBranch"), optional(map, "baseCommit"),
                        optional(map, "snapshotId"), optional(map, "stash")),
                string(map, "branch"), strings(map, "commits"), strings(map, "specs"), strings(map, "files"),
                string(map, "tests"), new ChangeRecord.Publication(required(map, "pushed", Boolean.class),
                        optional(map, "pullRequest")),
                optional(map, "note"));
    }

    /** A member that is always written, as the empty string when its value is absent. */
    private static Optional<String> optional(Map<?, ?> map, String name) {
        String text = string(map, name);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
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
}
