package dev.codefactory.domain.rescue;

import dev.codefactory.domain.change.PathRules;
import dev.codefactory.domain.change.PlanAnswer;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A model's answer to a {@link RescuePrompts#diagnose} prompt, read leniently enough to survive a chatty model and
 * strictly enough that nothing it made up survives (as review's answers are, {@code ReviewAnswer}).
 *
 * <p>The first JSON object in the answer with a {@code "causes"} array is read (or a bare array of cause objects);
 * prose and code fences of any language around it are ignored, and commas before a closing bracket or brace are
 * forgiven. An answer with none ({@code ""}, prose only, JSON cut off) is a {@link MalformedAnswerException} whose
 * {@link MalformedAnswerException#problem()} goes to {@link RescuePrompts#repair}. Within it:
 * <ul>
 *   <li>a cause without a summary, or without a readable confidence, is dropped with a note; a confidence written as
 *       a percentage ({@code "85%"}, {@code 85}) is read as one, and one outside 0..1 otherwise is clamped, with a
 *       note;</li>
 *   <li>evidence naming a file that is not in the project, or a line beyond its end, is dropped and counted
 *       ({@link Diagnosis#dropped()}), with a note;</li>
 *   <li>a planned file with an unsafe path ({@link PathRules}), an unknown action, or a modify or delete of a file
 *       that does not exist is left out with a note; a create of one that exists becomes a modify;</li>
 *   <li>the causes are sorted by confidence, highest first (ties keep the model's order).</li>
 * </ul>
 */
// implements feature-008/FR-009
public final class DiagnosisAnswer {
    /** How many opening brackets are tried before giving up, so a hostile answer cannot cost quadratic time. */
    private static final int MAX_JSON_ATTEMPTS = 200;

    private DiagnosisAnswer() {
    }

    /** Thrown when an answer holds no JSON of the expected shape; {@link #problem()} says what is wrong. */
    public static final class MalformedAnswerException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        public MalformedAnswerException(String problem) {
            super("the diagnosis could not be read: " + problem);
            this.problem = problem;
        }

        /** The short problem text, fit to hand to {@link RescuePrompts#repair}. */
        public String problem() {
            return problem;
        }
    }

    /**
     * Reads {@code raw} (see the class comment).
     *
     * @param lines how many lines the project file at a path has; -1 when there is no such file (or it may not be
     *              read)
     * @throws MalformedAnswerException when {@code raw} holds no JSON of the expected shape
     */
    public static Diagnosis parse(String raw, ToIntFunction<String> lines) {
        Objects.requireNonNull(lines, "lines");
        List<?> items = findCauses(raw);
        List<String> notes = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        int[] dropped = {0};
        int n = 0;
        for (Object item : items) {
            n++;
            Cause c = cause(n, item, lines, notes, dropped);
            if (c != null) {
                causes.add(c);
            }
        }
        causes.sort(Comparator.comparingDouble(Cause::confidence).reversed());
        return new Diagnosis(causes, dropped[0], notes);
    }

    private static List<?> findCauses(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new MalformedAnswerException("the answer is empty: reply with the JSON object of the causes");
        }
        Found found = attempt(raw);
        if (found.causes == null) {
            String lenient = PlanAnswer.withoutTrailingCommas(raw);
            if (!lenient.equals(raw)) {
                Found second = attempt(lenient);
                if (second.causes != null || found.problem == null) {
                    found = second;
                }
            }
        }
        if (found.causes != null) {
            return found.causes;
        }
        boolean notArray = found.problem != null && found.problem.startsWith("\"causes\" is not");
        if (!notArray && raw.contains("\"causes\"")) { // it began the object asked for, but that did not parse: cut off, or broken
            throw new MalformedAnswerException("the JSON object with the \"causes\" array is incomplete or not valid"
                    + " JSON (it may be cut off): reply with the whole JSON object");
        }
        throw new MalformedAnswerException(found.problem != null ? found.problem
                : "no complete JSON object could be read from the answer (it may be cut off): reply with the whole"
                + " JSON object");
    }

    private record Found(List<?> causes, String problem) {
    }

    /** The first "causes" array (or bare array of causes), or why there is none (null problem: no JSON at all). */
    private static Found attempt(String text) {
        int attempts = 0;
        int[] end = new int[1];
        String problem = null;
        for (int i = next(text, 0); i >= 0 && attempts < MAX_JSON_ATTEMPTS; i = next(text, i + 1)) {
            attempts++;
            Object value;
            try {
                value = JsonReader.parsePrefix(text, i, end);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (value instanceof Map) {
                Object causes = ((Map<?, ?>) value).get("causes");
                if (causes instanceof List) {
                    return new Found((List<?>) causes, null);
                }
                if (problem == null) {
                    problem = causes != null ? "\"causes\" is not an array: give it as a JSON array of cause objects"
                            : "the JSON object has no \"causes\" array: list the causes as {\"causes\": [...]}";
                }
            } else if (value instanceof List && !((List<?>) value).isEmpty()
                    && ((List<?>) value).stream().allMatch(v -> v instanceof Map && ((Map<?, ?>) v).containsKey(
                    "summary"))) {
                return new Found((List<?>) value, null);
            }
        }
        return new Found(null, problem);
    }

    private static int next(String text, int from) {
        int brace = text.indexOf('{', from);
        int bracket = text.indexOf('[', from);
        return brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private static Cause cause(int n, Object item, ToIntFunction<String> lines, List<String> notes, int[] dropped) {
        if (!(item instanceof Map)) {
            notes.add("Cause " + n + " was dropped: it is not a JSON object.");
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) item;
        String summary = JsonValues.text(first(map, "summary", "cause", "title"));
        if (summary == null || summary.isBlank()) {
            notes.add("Cause " + n + " was dropped: it has no summary.");
            return null;
        }
        summary = summary.strip();
        String name = "Cause '" + shorten(summary) + "'";
        Optional<Double> confidence = confidence(map.get("confidence"), name, notes);
        if (confidence.isEmpty()) {
            return null;
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Object e : JsonValues.list(map.get("evidence"))) {
            evidence(e, name, lines, notes, dropped).ifPresent(evidence::add);
        }
        String fix = Objects.requireNonNullElse(JsonValues.text(first(map, "fix", "suggestion")), "").strip();
        List<PlannedFile> files = files(JsonValues.list(first(map, "files", "changes")), name, lines, notes);
        return new Cause(summary, confidence.get(), evidence, fix, files);
    }

    private static Optional<Double> confidence(Object value, String name, List<String> notes) {
        double c;
        boolean percent = false;
        if (value instanceof Long || value instanceof BigDecimal) {
            c = ((Number) value).doubleValue();
        } else if (value instanceof String) {
            String s = ((String) value).strip();
            percent = s.endsWith("%");
            try {
                c = Double.parseDouble(percent ? s.substring(0, s.length() - 1).strip() : s);
            } catch (NumberFormatException e) {
                notes.add(name + " was dropped: its confidence '" + shorten(s) + "' is not a number from 0 to 1.");
                return Optional.empty();
            }
        } else {
            notes.add(name + " was dropped: it has no confidence (a number from 0 to 1).");
            return Optional.empty();
        }
        if (Double.isNaN(c) || Double.isInfinite(c)) {
            notes.add(name + " was dropped: its confidence is not a number from 0 to 1.");
            return Optional.empty();
        }
        if (percent || c > 1 && c <= 100) {
            notes.add(name + ": its confidence " + format(c) + (percent ? "%" : "") + " was read as a percentage.");
            c = c / 100;
        }
        if (c < 0 || c > 1) {
            double clamped = c < 0 ? 0 : 1;
            notes.add(name + ": its confidence " + format(c) + " was outside 0..1 and is taken as "
                    + format(clamped) + ".");
            c = clamped;
        }
        return Optional.of(c);
    }

    private static Optional<Evidence> evidence(Object e, String name, ToIntFunction<String> lines, List<String> notes,
                                               int[] dropped) {
        String file;
        int line;
        if (e instanceof Map) {
            Map<?, ?> ev = (Map<?, ?>) e;
            file = JsonValues.text(first(ev, "file", "path"));
            Object at = first(ev, "line", "startLine");
            line = at == null ? 0 : JsonValues.wholeNumber(at);
        } else if (e instanceof String) {
            String s = ((String) e).strip();
            int colon = s.lastIndexOf(':');
            int parsed = colon < 0 ? -1 : JsonValues.wholeNumber(s.substring(colon + 1));
            file = parsed >= 0 ? s.substring(0, colon) : s;
            line = Math.max(parsed, 0);
        } else {
            notes.add(name + ": an evidence entry was dropped: it is neither an object nor file:line.");
            return Optional.empty();
        }
        String path = PlanAnswer.cleanPath(file);
        if (path.isEmpty()) {
            notes.add(name + ": an evidence entry was dropped: it names no file.");
            return Optional.empty();
        }
        if (line < 0) {
            notes.add(name + ": evidence in " + shorten(path) + " was dropped: its line is not a number.");
            dropped[0]++;
            return Optional.empty();
        }
        int count = PathRules.problem(path).isPresent() ? -1 : lines.applyAsInt(path);
        if (count < 0) {
            notes.add(name + ": evidence " + shorten(path) + (line > 0 ? ":" + line : "")
                    + " was dropped: there is no such file in the project.");
            dropped[0]++;
            return Optional.empty();
        }
        if (line > count) {
            notes.add(name + ": evidence " + shorten(path) + ":" + line + " was dropped: the file has " + count
                    + " line" + (count == 1 ? "" : "s") + ".");
            dropped[0]++;
            return Optional.empty();
        }
        return Optional.of(Evidence.at(path, line));
    }

    private static List<PlannedFile> files(List<?> items, String name, ToIntFunction<String> lines,
                                           List<String> notes) {
        Map<String, PlannedFile> out = new LinkedHashMap<>();
        for (Object item : items) {
            String rawPath;
            String actionText = null;
            String reason = "";
            if (item instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) item;
                rawPath = JsonValues.text(first(map, "path", "file"));
                actionText = JsonValues.text(map.get("action"));
                reason = Objects.requireNonNullElse(JsonValues.text(map.get("reason")), "");
            } else if (item instanceof String) {
                rawPath = (String) item;
            } else {
                notes.add(name + ": a planned file was left out: it is neither an object nor a path.");
                continue;
            }
            String path = PlanAnswer.cleanPath(rawPath);
            Optional<String> unsafe = PathRules.problem(path);
            if (unsafe.isPresent()) {
                notes.add(name + ": a planned file was left out: " + unsafe.get() + ".");
                continue;
            }
            boolean present = lines.applyAsInt(path) >= 0;
            PlannedFile.Action action;
            if (actionText == null || actionText.isBlank()) {
                action = present ? PlannedFile.Action.MODIFY : PlannedFile.Action.CREATE;
            } else {
                action = PlannedFile.Action.of(actionText).orElse(null);
                if (action == null) {
                    notes.add(name + ": " + path + " was left out: its action '" + shorten(actionText.strip())
                            + "' is none of create, modify, delete.");
                    continue;
                }
            }
            if (action == PlannedFile.Action.CREATE && present) {
                action = PlannedFile.Action.MODIFY;
                notes.add(name + ": " + path + " already exists, so it will be modified rather than created.");
            } else if (action != PlannedFile.Action.CREATE && !present) {
                notes.add(name + ": " + path + " was left out: it does not exist, so it cannot be "
                        + (action == PlannedFile.Action.DELETE ? "deleted." : "modified."));
                continue;
            }
            if (out.containsKey(path)) {
                notes.add(name + ": " + path + " was named twice; its first entry is kept.");
                continue;
            }
            out.put(path, new PlannedFile(path, action, reason));
        }
        return new ArrayList<>(out.values());
    }

    private static Object first(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
