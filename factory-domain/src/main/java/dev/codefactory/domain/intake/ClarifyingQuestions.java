package dev.codefactory.domain.intake;

import dev.codefactory.domain.json.JsonReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clarifying questions a language model asked, read leniently from whatever it returned.
 *
 * <p>Accepted, in this order of preference: JSON anywhere in the text (in prose or in a code fence; the first
 * {@code [} or <code>&#123;</code> that parses as one of these shapes wins) — an array of strings, an array of
 * objects with {@code "question"}/{@code "text"}/{@code "q"} and optionally {@code "why"}/{@code "reason"}/
 * {@code "rationale"}, or
 * an object {@code {"questions": [...]}} holding either array; else numbered ({@code 1.}, {@code 2)}) or bulleted
 * ({@code -}, {@code *}, {@code +}) lines ending with {@code ?}; else any line ending with {@code ?}. Questions are
 * trimmed, empty ones and case-insensitive duplicates dropped, and the list capped. Never throws on model output:
 * garbage gives an empty list.
 */
// implements feature-005/FR-002
public final class ClarifyingQuestions {
    private static final List<String> QUESTION_KEYS = List.of("question", "text", "q");
    private static final List<String> WHY_KEYS = List.of("why", "reason", "rationale");
    private static final Pattern LISTED = Pattern.compile("^\\s*(?:\\d{1,3}[.)]|[-*+•])\\s+(.*\\?)[*_`]*\\s*$");
    private static final Pattern DECORATION = Pattern.compile("^(?:\\*\\*|__|\\*|_|`)+|(?:\\*\\*|__|\\*|_|`)+$");
    /** How many opening brackets are tried before giving up, so a hostile answer cannot cost quadratic time. */
    private static final int MAX_JSON_ATTEMPTS = 200;

    private ClarifyingQuestions() {
    }

    /**
     * A question to put to the person.
     *
     * @param id   {@code q1}, {@code q2}, ... in the order asked
     * @param text the question
     * @param why  why the model asks it; {@code ""} when it did not say
     */
    public record Question(String id, String text, String why) {
        public Question {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            why = why == null ? "" : why;
        }
    }

    /** At most {@code max} questions found in {@code raw} ({@code max <= 0} or {@code raw == null}: none). */
    public static List<Question> parse(String raw, int max) {
        if (raw == null || max <= 0) {
            return List.of();
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        List<String[]> found = fromJson(text);
        if (found == null) {
            found = fromLines(text);
        }
        List<Question> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String[] pair : found) {
            if (questions.size() >= max) {
                break;
            }
            String question = clean(pair[0]);
            if (question.isEmpty() || !seen.add(question.toLowerCase(Locale.ROOT))) {
                continue;
            }
            questions.add(new Question("q" + (questions.size() + 1), question, clean(pair[1])));
        }
        return List.copyOf(questions);
    }

    /** The (question, why) pairs of the first JSON value of an accepted shape, or null when there is none. */
    private static List<String[]> fromJson(String text) {
        int attempts = 0;
        int[] end = new int[1];
        for (int i = 0; i < text.length() && attempts < MAX_JSON_ATTEMPTS; i++) {
            char c = text.charAt(i);
            if (c != '[' && c != '{') {
                continue;
            }
            attempts++;
            Object value;
            try {
                value = JsonReader.parsePrefix(text, i, end);
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<String[]> pairs = shape(value);
            if (pairs != null) {
                return pairs;
            }
            if (value instanceof Map || value instanceof List) {
                i = end[0] - 1; // a valid value of another shape: look after it, not inside it
            }
        }
        return null;
    }

    private static List<String[]> shape(Object value) {
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.get("questions") instanceof List) {
                return items((List<?>) map.get("questions"));
            }
            for (Object member : map.values()) { // {"clarifying_questions": [...]} and the like
                List<String[]> pairs = member instanceof List ? items((List<?>) member) : null;
                if (pairs != null && !pairs.isEmpty()) {
                    return pairs;
                }
            }
            return null;
        }
        return value instanceof List ? items((List<?>) value) : null;
    }

    private static List<String[]> items(List<?> list) {
        List<String[]> pairs = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String) {
                pairs.add(new String[] {(String) item, ""});
            } else if (item instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) item;
                String question = firstString(map, QUESTION_KEYS);
                if (question != null) {
                    String why = firstString(map, WHY_KEYS);
                    pairs.add(new String[] {question, why == null ? "" : why});
                }
            }
        }
        return pairs.isEmpty() && !list.isEmpty() ? null : pairs;
    }

    private static String firstString(Map<?, ?> map, List<String> keys) {
        for (String key : keys) {
            if (map.get(key) instanceof String) {
                return (String) map.get(key);
            }
        }
        return null;
    }

    private static List<String[]> fromLines(String text) {
        List<String[]> listed = new ArrayList<>();
        List<String[]> any = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LISTED.matcher(line);
            if (m.matches()) {
                listed.add(new String[] {m.group(1), ""});
            } else {
                String plain = line.strip().replaceFirst("[*_`]+$", "");
                if (plain.endsWith("?") && !plain.startsWith("```")) {
                    any.add(new String[] {plain.replaceFirst("^#+\\s*", ""), ""});
                }
            }
        }
        return listed.isEmpty() ? any : listed;
    }

    private static String clean(String s) {
        String t = s.strip();
        String previous;
        do {
            previous = t;
            t = DECORATION.matcher(t).replaceAll("").strip();
        } while (!t.equals(previous));
        return t.replaceAll("\\s+", " ");
    }
}
