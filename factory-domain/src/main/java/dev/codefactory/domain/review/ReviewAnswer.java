package dev.codefactory.domain.review;

import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A model's answer to a {@link ReviewPrompts#analyse} prompt, read strictly enough to trust and leniently enough to
 * survive a chatty model.
 *
 * <p>The first JSON object in the answer (prose and code fences around it are ignored) that has a
 * {@code "requirements"} or a {@code "findings"} array (and no other type under either key) is read; when there is
 * none, {@link MalformedAnswerException} says why, for {@link ReviewPrompts#repair}. Within it, nothing the model
 * made up survives: an assessment of an unknown requirement id, with an unknown verdict, or repeating an id already
 * assessed is dropped; evidence or a finding citing a file or line that does not exist is dropped; a finding with an
 * unknown severity or category or without a message is dropped. Every drop is counted and explained in
 * {@link Parsed#dropReasons()}. A finding may name no file (a spec-level finding such as a missing feature); it then
 * has no lines. A finding naming an unknown requirement keeps its place with its requirement cleared.
 *
 * <p>A requirement is named as the prompt listed it ({@code FR-001}, {@code NFR-002}, or {@code R3} for one without
 * an id, feature-010/FR-005), and also in the shapes real models write it ({@link #requirementNamed}): in lower case
 * ({@code fr-001}), with too few digits ({@code FR-1}), qualified by its spec ({@code feature-006/FR-001}), followed
 * by the prompt's label ({@code FR-001 (spec line 12)}), or by the positional number a model falls back to
 * ({@code R1}, {@code 1}: the first requirement listed). A name that is none of these is unknown: the assessment is
 * dropped and counted in {@link Parsed#unknownRequirements()}, as a made-up file is.
 */
// implements feature-006/FR-003
public final class ReviewAnswer {
    /** How many opening braces are tried before giving up, so a hostile answer cannot cost quadratic time. */
    private static final int MAX_JSON_ATTEMPTS = 200;

    private ReviewAnswer() {
    }

    /** Thrown when an answer holds no JSON object of the expected shape; {@link #problem()} says what is wrong. */
    public static final class MalformedAnswerException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        public MalformedAnswerException(String problem) {
            super("The review answer could not be read: " + problem);
            this.problem = problem;
        }

        /** The short problem text, fit to hand to {@link ReviewPrompts#repair}. */
        public String problem() {
            return problem;
        }
    }

    /** Lines of a file that show a verdict; {@code endLine >= startLine >= 1}. */
    public record Evidence(String file, int startLine, int endLine) {
        public Evidence {
            Objects.requireNonNull(file, "file");
            if (startLine < 1 || endLine < startLine) {
                throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " of " + file);
            }
        }
    }

    /** The model's verdict on one requirement, with the lines that show it and a note ({@code ""} when none). */
    public record Assessment(String requirementId, Verdict verdict, List<Evidence> evidence, String note) {
        public Assessment {
            Objects.requireNonNull(requirementId, "requirementId");
            Objects.requireNonNull(verdict, "verdict");
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            note = note == null ? "" : note;
        }
    }

    /**
     * A problem the review found.
     *
     * @param file          the file it is in, or {@code null} for a finding about the spec as a whole (then both
     *                      lines are 0)
     * @param requirementId the requirement it concerns, or {@code null}
     * @param suggestion    how to fix it; {@code ""} when the model did not say
     */
    public record ReviewFinding(String specId, ReviewSeverity severity, Category category, String file, int startLine,
            int endLine, String requirementId, String message, String suggestion) {
        public ReviewFinding {
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
            suggestion = suggestion == null ? "" : suggestion;
            if (file == null) {
                if (startLine != 0 || endLine != 0) {
                    throw new IllegalArgumentException("a finding without a file has no lines");
                }
            } else if (startLine < 1 || endLine < startLine) {
                throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " of " + file);
            }
        }

        /**
         * A stable identity for this finding across runs: the first 16 hex digits of the SHA-256 of
         * {@code specId|category|file|message}, with the message lower-cased and its digit runs and whitespace runs
         * collapsed. Line numbers are left out on purpose, so the same problem keeps its fingerprint when code above
         * it moves, and a baseline can suppress it.
         */
        public String fingerprint() {
            String normal = message.toLowerCase(Locale.ROOT).replaceAll("\\d+", "0").replaceAll("\\s+", " ").strip();
            String key = specId + "|" + category.label() + "|" + (file == null ? "" : file) + "|" + normal;
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder(16);
                for (int i = 0; i < 8; i++) {
                    hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
                }
                return hex.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JDK has it
            }
        }
    }

    /**
     * What was read: the assessments and findings that survived, how many findings were dropped, how many
     * assessments were dropped because they named no requirement that was asked about, and one reason per dropped
     * item (findings, assessments and evidence).
     */
    public record Parsed(List<Assessment> assessments, List<ReviewFinding> findings, int droppedFindings,
            int unknownRequirements, List<String> dropReasons) {
        public Parsed {
            assessments = List.copyOf(assessments);
            findings = List.copyOf(findings);
            dropReasons = List.copyOf(dropReasons);
            if (droppedFindings < 0 || unknownRequirements < 0) {
                throw new IllegalArgumentException("drop counts must not be negative");
            }
        }
    }

    /**
     * Reads {@code raw} (see the class comment).
     *
     * @param requirementIds the ids of the requirements that were asked about, in the order the prompt listed them
     * @param lineExists     whether a file (as cited) has a given 1-based line; false for unknown files
     * @throws MalformedAnswerException when {@code raw} holds no JSON object of the expected shape
     */
    public static Parsed parse(String specId, String raw, List<String> requirementIds,
            BiPredicate<String, Integer> lineExists) {
        Objects.requireNonNull(specId, "specId");
        Objects.requireNonNull(requirementIds, "requirementIds");
        Objects.requireNonNull(lineExists, "lineExists");
        Map<?, ?> root = findObject(raw);
        List<String> reasons = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        Set<String> assessed = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Object item : JsonValues.list(root.get("requirements"))) {
            Assessment a = assessment(specId, item, requirementIds, assessed, lineExists, unknown, reasons);
            if (a != null) {
                assessments.add(a);
            }
        }
        List<ReviewFinding> findings = new ArrayList<>();
        int dropped = 0;
        for (Object item : JsonValues.list(root.get("findings"))) {
            ReviewFinding f = finding(specId, item, requirementIds, lineExists, reasons);
            if (f == null) {
                dropped++;
            } else {
                findings.add(f);
            }
        }
        return new Parsed(assessments, findings, dropped, unknown.size(), reasons);
    }

    /**
     * The id among {@code ids} (in the order the prompt listed them) that {@code said} names, or empty (see the class
     * comment): the id as listed; else, once a spec qualifier ({@code feature-006/}, only of {@code specId}), what
     * follows the first word ({@code " (spec line 12)"}, {@code ": text"}) and wrapping quotes or brackets are taken
     * off, the id itself or its kind and number in any case and with any count of digits ({@code fr-1}); else a
     * positional number, {@code R3} or {@code 3}, the third id listed.
     */
    static Optional<String> requirementNamed(String said, String specId, List<String> ids) {
        if (said == null) {
            return Optional.empty();
        }
        String name = said.strip();
        if (ids.contains(name)) {
            return Optional.of(name);
        }
        name = trimWrapping(name);
        int slash = name.indexOf('/');
        if (slash >= 0) {
            if (!trimWrapping(name.substring(0, slash)).equalsIgnoreCase(specId)) {
                return Optional.empty(); // another spec's requirement
            }
            name = trimWrapping(name.substring(slash + 1));
        }
        int end = 0;
        while (end < name.length() && !Character.isWhitespace(name.charAt(end))
                && ":(,;".indexOf(name.charAt(end)) < 0) {
            end++;
        }
        name = trimWrapping(name.substring(0, end));
        if (ids.contains(name)) {
            return Optional.of(name);
        }
        int letters = 0;
        while (letters < name.length() && Character.isLetter(name.charAt(letters))) {
            letters++;
        }
        int digits = letters;
        if (digits < name.length() && "-_.".indexOf(name.charAt(digits)) >= 0) {
            digits++;
        }
        String number = name.substring(digits);
        if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        String kind = name.substring(0, letters).toUpperCase(Locale.ROOT);
        if ((kind.equals("FR") || kind.equals("NFR")) && n > 0) {
            String canonical = kind + "-" + (number.length() < 3 ? String.format(Locale.ROOT, "%03d", n) : number);
            String stripped = kind + "-" + String.format(Locale.ROOT, "%03d", n);
            return ids.contains(canonical) ? Optional.of(canonical)
                    : ids.contains(stripped) ? Optional.of(stripped) : Optional.empty();
        }
        if ((kind.isEmpty() && digits == 0 || kind.equals("R")) && n >= 1 && n <= ids.size()) {
            return Optional.of(ids.get(n - 1));
        }
        return Optional.empty();
    }

    /** {@code s} without the quotes, backticks, brackets and emphasis a model may wrap a name in. */
    private static String trimWrapping(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "\"'`[(<*".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "\"'`])>*.".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end).strip();
    }

    private static Map<?, ?> findObject(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new MalformedAnswerException("the answer is empty");
        }
        int attempts = 0;
        int[] end = new int[1];
        boolean sawJson = false;
        for (int i = raw.indexOf('{'); i >= 0 && attempts < MAX_JSON_ATTEMPTS; i = raw.indexOf('{', i + 1)) {
            attempts++;
            Object value;
            try {
                value = JsonReader.parsePrefix(raw, i, end);
            } catch (IllegalArgumentException e) {
                continue;
            }
            sawJson = true;
            Map<?, ?> map = (Map<?, ?>) value;
            if (hasShape(map)) {
                return map;
            }
        }
        throw new MalformedAnswerException(sawJson
                ? "no JSON object has a \"requirements\" or \"findings\" array"
                : "no well-formed JSON object was found (the JSON must be complete and valid)");
    }

    private static boolean hasShape(Map<?, ?> map) {
        Object reqs = map.get("requirements");
        Object finds = map.get("findings");
        boolean any = reqs instanceof List || finds instanceof List;
        return any && (reqs == null || reqs instanceof List) && (finds == null || finds instanceof List);
    }

    private static Assessment assessment(String specId, Object item, List<String> ids, Set<String> assessed,
            BiPredicate<String, Integer> lineExists, List<String> unknown, List<String> reasons) {
        if (!(item instanceof Map)) {
            reasons.add("assessment dropped: not a JSON object");
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) item;
        String id = JsonValues.text(map.get("id"));
        if (id == null || id.isBlank()) {
            reasons.add("assessment dropped: no requirement id");
            return null;
        }
        Optional<String> named = requirementNamed(id, specId, ids);
        if (named.isEmpty()) {
            unknown.add(id.strip());
            reasons.add("assessment dropped: unknown requirement id '" + id.strip() + "'");
            return null;
        }
        id = named.get();
        String verdictText = JsonValues.text(map.get("verdict"));
        Verdict verdict = Verdict.parse(verdictText).orElse(null);
        if (verdict == null) {
            reasons.add("assessment of " + id + " dropped: unknown verdict '" + verdictText + "'");
            return null;
        }
        if (!assessed.add(id)) {
            reasons.add("assessment of " + id + " dropped: " + id + " was already assessed");
            return null;
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Object e : JsonValues.list(map.get("evidence"))) {
            if (!(e instanceof Map)) {
                reasons.add("evidence for " + id + " dropped: not a JSON object");
                continue;
            }
            Map<?, ?> ev = (Map<?, ?>) e;
            String file = JsonValues.text(ev.get("file"));
            String problem = location(file, ev, lineExists);
            if (problem != null) {
                reasons.add("evidence for " + id + " dropped: " + problem);
                continue;
            }
            int start = JsonValues.wholeNumber(ev.get("startLine"));
            evidence.add(new Evidence(file, start, endLine(ev, start)));
        }
        return new Assessment(id, verdict, evidence, JsonValues.text(map.get("note")));
    }

    private static ReviewFinding finding(String specId, Object item, List<String> ids,
            BiPredicate<String, Integer> lineExists, List<String> reasons) {
        if (!(item instanceof Map)) {
            reasons.add("finding dropped: not a JSON object");
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) item;
        String message = JsonValues.text(map.get("message"));
        if (message == null || message.isBlank()) {
            reasons.add("finding dropped: it has no message");
            return null;
        }
        message = message.strip();
        String what = "finding '" + shorten(message) + "' dropped: ";
        String severityText = JsonValues.text(map.get("severity"));
        ReviewSeverity severity = ReviewSeverity.parse(severityText).orElse(null);
        if (severity == null) {
            reasons.add(what + "unknown severity '" + severityText + "'");
            return null;
        }
        String categoryText = JsonValues.text(map.get("category"));
        Category category = Category.parse(categoryText).orElse(null);
        if (category == null) {
            reasons.add(what + "unknown category '" + categoryText + "'");
            return null;
        }
        String file = JsonValues.text(map.get("file"));
        int start = 0;
        int end = 0;
        if (file == null || file.isBlank()) {
            file = null;
        } else {
            String problem = location(file, map, lineExists);
            if (problem != null) {
                reasons.add(what + problem);
                return null;
            }
            start = JsonValues.wholeNumber(map.get("startLine"));
            end = endLine(map, start);
        }
        String requirement = JsonValues.text(map.get("requirement"));
        if (requirement != null) {
            // "null", "", "n/a" or a made-up id: the finding stands without it
            requirement = requirementNamed(requirement, specId, ids).orElse(null);
        }
        return new ReviewFinding(specId, severity, category, file, start, end, requirement, message,
                JsonValues.text(map.get("suggestion")));
    }

    /** Why a citation of {@code file} at the map's lines is invalid, or null when it is valid. */
    private static String location(String file, Map<?, ?> map, BiPredicate<String, Integer> lineExists) {
        if (file == null || file.isBlank()) {
            return "it names no file";
        }
        int start = JsonValues.wholeNumber(map.get("startLine"));
        if (start < 1) {
            return "it cites no valid start line in " + file + " (" + map.get("startLine") + ")";
        }
        int end = endLine(map, start);
        if (end < start) {
            return "its line range " + start + "-" + end + " in " + file + " runs backwards";
        }
        if (!lineExists.test(file, start)) {
            return "it cites " + file + " line " + start + ", which does not exist";
        }
        if (end != start && !lineExists.test(file, end)) {
            return "it cites " + file + " lines " + start + "-" + end + ", beyond the end of the file";
        }
        return null;
    }

    /** The end line, defaulting to {@code start} when absent, null or not positive. */
    private static int endLine(Map<?, ?> map, int start) {
        int end = JsonValues.wholeNumber(map.get("endLine"));
        return end < 1 ? start : end;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
