package dev.codefactory.domain.change;

import dev.codefactory.domain.json.JsonReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A model's answer to a {@link ChangePrompts#plan} prompt, read leniently enough to survive a chatty model and
 * strictly enough that nothing it made up survives.
 *
 * <p>The first JSON object in the answer with a {@code "files"} array is read; prose and code fences of any language
 * around it are ignored, and commas before a closing bracket or brace are forgiven. Within it:
 * <ul>
 *   <li>paths lose surrounding backticks and quotes and a leading {@code ./}; a path of a bad shape (absolute, with
 *       {@code ..}, backslashes, inside {@code .git/} or {@code .factory/}) is dropped;</li>
 *   <li>the action is read with {@link PlannedFile.Action#of}; a missing or unknown one becomes MODIFY when the file
 *       exists, else CREATE;</li>
 *   <li>MODIFY or DELETE of a file that does not exist is dropped; CREATE of one that exists becomes MODIFY;</li>
 *   <li>a path named twice keeps its first entry (and the first non-empty reason);</li>
 *   <li>specs are objects with an {@code "id"} (and a {@code "reason"}) or plain id strings; an id not among the
 *       known specs is dropped, one named twice is kept once.</li>
 * </ul>
 * Each item dropped or changed is explained in {@link Parsed#notes()}, one sentence each naming the path or id.
 */
public final class PlanAnswer {
    /** How many opening braces are tried before giving up, so a hostile answer cannot cost quadratic time. */
    private static final int MAX_JSON_ATTEMPTS = 200;

    private PlanAnswer() {
    }

    /**
     * What was read.
     *
     * @param summary what will be done ({@code ""} when the model did not say)
     * @param specs   the affected specs, known ids only, each once, titles from the known specs
     * @param files   the planned files, never empty, no path twice
     * @param notes   what was dropped or changed, one sentence each
     */
    public record Parsed(String summary, List<ChangePlan.SpecRef> specs, List<PlannedFile> files, List<String> notes) {
        public Parsed {
            summary = summary == null ? "" : summary.strip();
            specs = List.copyOf(specs);
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads {@code raw} (see the class comment).
     *
     * @param exists     whether a project-relative path names an existing file
     * @param specTitles the known specs: id to title
     * @throws IllegalArgumentException when no JSON object can be read, it has no {@code "files"} array, or no usable
     *                                  file remains; the message is fit to hand to {@link ChangePrompts#planRepair}
     */
    public static Parsed parse(String raw, Predicate<String> exists, Map<String, String> specTitles) {
        Objects.requireNonNull(exists, "exists");
        Objects.requireNonNull(specTitles, "specTitles");
        Map<?, ?> root = findObject(raw);
        List<String> notes = new ArrayList<>();
        List<ChangePlan.SpecRef> specs = specs(root.get("specs"), specTitles, notes);
        List<PlannedFile> files = files((List<?>) root.get("files"), exists, notes);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(notes.isEmpty()
                    ? "the plan names no files: list at least one file to create, modify or delete"
                    : "the plan names no files that can be used: " + String.join(" ", notes));
        }
        Object summary = root.get("summary");
        return new Parsed(summary == null ? "" : String.valueOf(summary), specs, files, notes);
    }

    private static Map<?, ?> findObject(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the answer is empty: reply with the JSON object of the plan");
        }
        Found found = search(raw);
        if (found.plan == null) {
            String lenient = withoutTrailingCommas(raw);
            if (!lenient.equals(raw)) {
                Found second = search(lenient);
                if (second.plan != null || (found.problem == null && second.problem != null)) {
                    found = second;
                }
            }
        }
        if (found.plan != null) {
            return found.plan;
        }
        throw new IllegalArgumentException(found.problem != null ? found.problem
                : "no JSON object could be read from the answer (it must be complete and valid JSON)");
    }

    /** The first object with a "files" array, or why there is none (null when no object was read at all). */
    private static Found search(String text) {
        int attempts = 0;
        int[] end = new int[1];
        String problem = null;
        for (int i = text.indexOf('{'); i >= 0 && attempts < MAX_JSON_ATTEMPTS; i = text.indexOf('{', i + 1)) {
            attempts++;
            Object value;
            try {
                value = JsonReader.parsePrefix(text, i, end);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Map<?, ?> map = (Map<?, ?>) value;
            Object files = map.get("files");
            if (files instanceof List) {
                return new Found(map, null);
            }
            if (problem == null || (files != null && !problem.startsWith("\"files\" is"))) {
                problem = files != null ? "\"files\" is not an array: give it as a JSON array of "
                        + "{\"path\", \"action\", \"reason\"} objects"
                        : "the JSON object has no \"files\" array: list the files to create, modify or delete";
            }
        }
        return new Found(null, problem);
    }

    private record Found(Map<?, ?> plan, String problem) {
    }

    /** {@code text} without commas that stand right before a closing bracket or brace, outside strings. */
    public static String withoutTrailingCommas(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == ',') {
                int j = i + 1;
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && (text.charAt(j) == '}' || text.charAt(j) == ']')) {
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<ChangePlan.SpecRef> specs(Object value, Map<String, String> titles, List<String> notes) {
        Map<String, ChangePlan.SpecRef> out = new LinkedHashMap<>();
        if (!(value instanceof List)) {
            if (value != null) {
                notes.add("The \"specs\" member was ignored: it is not an array.");
            }
            return List.of();
        }
        for (Object item : (List<?>) value) {
            String id;
            String reason = "";
            if (item instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) item;
                id = string(map.get("id"));
                reason = Objects.requireNonNullElse(string(map.get("reason")), "");
            } else {
                id = string(item);
            }
            id = clean(id);
            if (id.isEmpty()) {
                notes.add("A spec entry was dropped: it names no id.");
                continue;
            }
            String known = knownId(id, titles);
            if (known == null) {
                notes.add("Spec " + id + " was dropped: no known spec has that id.");
                continue;
            }
            ChangePlan.SpecRef seen = out.get(known);
            if (seen != null) {
                notes.add("Spec " + known + " was named twice and is kept once.");
                if (seen.reason().isEmpty() && !reason.isBlank()) {
                    out.put(known, new ChangePlan.SpecRef(known, seen.title(), reason));
                }
                continue;
            }
            out.put(known, new ChangePlan.SpecRef(known, titles.get(known), reason));
        }
        return new ArrayList<>(out.values());
    }

    /** The known id {@code id} names, exactly or ignoring case; null when none. */
    private static String knownId(String id, Map<String, String> titles) {
        if (titles.containsKey(id)) {
            return id;
        }
        return titles.keySet().stream().filter(k -> k != null && k.equalsIgnoreCase(id)).sorted().findFirst()
                .orElse(null);
    }

    private static List<PlannedFile> files(List<?> items, Predicate<String> exists, List<String> notes) {
        Map<String, PlannedFile> out = new LinkedHashMap<>();
        for (Object item : items) {
            String rawPath;
            String actionText = null;
            String reason = "";
            if (item instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) item;
                rawPath = string(map.get("path"));
                if (rawPath == null) {
                    rawPath = string(map.get("file"));
                }
                actionText = string(map.get("action"));
                reason = Objects.requireNonNullElse(string(map.get("reason")), "");
            } else if (item instanceof String) {
                rawPath = (String) item;
            } else {
                notes.add("A file entry was dropped: it is neither an object nor a path.");
                continue;
            }
            String path = cleanPath(rawPath);
            if (path.isEmpty()) {
                notes.add("A file entry was dropped: it names no path.");
                continue;
            }
            Optional<String> problem = PathRules.problem(path);
            if (problem.isPresent()) {
                notes.add("A file was dropped: " + problem.get() + ".");
                continue;
            }
            boolean present = exists.test(path);
            PlannedFile.Action action = PlannedFile.Action.of(actionText).orElse(null);
            if (action == null) {
                action = present ? PlannedFile.Action.MODIFY : PlannedFile.Action.CREATE;
                if (actionText != null && !actionText.isBlank()) {
                    notes.add(path + " has the unknown action '" + actionText.strip() + "' and is taken as "
                            + action.word() + ", since it " + (present ? "exists." : "does not exist."));
                }
            } else if (action == PlannedFile.Action.CREATE && present) {
                action = PlannedFile.Action.MODIFY;
                notes.add(path + " already exists, so it will be modified rather than created.");
            } else if (action != PlannedFile.Action.CREATE && !present) {
                notes.add(path + " was dropped: it does not exist, so it cannot be "
                        + (action == PlannedFile.Action.DELETE ? "deleted." : "modified."));
                continue;
            }
            PlannedFile seen = out.get(path);
            if (seen != null) {
                notes.add(path + " was named twice; its first entry (" + seen.action().word() + ") is kept.");
                if (seen.reason().isEmpty() && !reason.isBlank()) {
                    out.put(path, new PlannedFile(path, seen.action(), reason));
                }
                continue;
            }
            out.put(path, new PlannedFile(path, action, reason));
        }
        return new ArrayList<>(out.values());
    }

    /** A path without surrounding backticks, quotes or whitespace, and without a leading {@code ./}. */
    public static String cleanPath(String raw) {
        String path = clean(raw);
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    private static String clean(String raw) {
        String s = raw == null ? "" : raw.strip();
        while (s.length() > 0 && "`'\"".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1).strip();
        }
        while (s.length() > 0 && "`'\"".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String ? (String) value : String.valueOf(value);
    }
}
