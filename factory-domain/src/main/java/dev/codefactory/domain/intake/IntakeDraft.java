package dev.codefactory.domain.intake;

import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.mode.IntakeStep;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An intake in progress, saved after every step so that it can be resumed: the idea, the clarifying questions and
 * their answers, the generated and the edited body, the feedback given, and where the spec was saved.
 *
 * @param id        {@code intake-20261125-101500}, chosen by the caller
 * @param created   when the intake started
 * @param updated   when it last changed
 * @param step      where it stands
 * @param idea      the idea as the person wrote it
 * @param questions the clarifying questions asked
 * @param answers   answers by question id, in the order given; {@code ""} means skipped
 * @param generated the body the model last generated, or null
 * @param edited    the body as the person edited it, or null
 * @param feedback  the feedback given for regenerations, oldest first
 * @param wizard    the body is written section by section without a model
 * @param specId    the saved spec's id, or null
 * @param specPath  the saved spec's path, or null
 */
public record IntakeDraft(String id, Instant created, Instant updated, IntakeStep step, String idea,
        List<ClarifyingQuestions.Question> questions, Map<String, String> answers, String generated, String edited,
        List<String> feedback, boolean wizard, String specId, String specPath) {

    public IntakeDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(idea, "idea");
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
        Objects.requireNonNull(answers, "answers");
        Map<String, String> copy = new LinkedHashMap<>();
        answers.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "answer key"),
                Objects.requireNonNull(v, "answer to " + k)));
        answers = Collections.unmodifiableMap(copy);
        feedback = List.copyOf(Objects.requireNonNull(feedback, "feedback"));
    }

    /** A new intake of {@code idea} at step IDEA. */
    public static IntakeDraft start(String id, String idea, Instant now) {
        return new IntakeDraft(id, now, now, IntakeStep.IDEA, idea, List.of(), Map.of(), null, null, List.of(), false,
                null, null);
    }

    /** The body to show or save: the edited one when there is one, else the generated one (null when neither). */
    public String current() {
        return edited != null ? edited : generated;
    }

    /** This draft with the idea as the person has it now (typed further, or as it was when they stopped). */
    public IntakeDraft withIdea(String newIdea, Instant now) {
        return new IntakeDraft(id, created, now, step, Objects.requireNonNull(newIdea, "idea"), questions, answers,
                generated, edited, feedback, wizard, specId, specPath);
    }

    /**
     * Where {@code factory intake --resume} goes on with this draft, in words for the person: "the idea", "the
     * clarifying questions", "question 2 of 3", "section 3 of 7 (Scope)", "the writing of the spec", "the review".
     */
    public String resumesAt() {
        switch (step) {
            case IDEA:
                return "the idea";
            case CONTEXT:
            case QUESTIONS:
            case GENERATION:
                if (current() != null) {
                    return "the review";
                }
                for (int i = 0; i < questions.size(); i++) {
                    ClarifyingQuestions.Question q = questions.get(i);
                    if (!answers.containsKey(q.id())) {
                        return wizard ? "section " + (i + 1) + " of " + questions.size() + " (" + q.text() + ")"
                                : "question " + (i + 1) + " of " + questions.size();
                    }
                }
                return wizard ? "the review" : step == IntakeStep.CONTEXT ? "the clarifying questions"
                        : "the writing of the spec";
            case REVIEW:
                return "the review";
            default:
                return "nothing: it is finished";
        }
    }

    /** This draft at {@code next}, without checking the move (see {@link #moveTo} for the guarded version). */
    public IntakeDraft withStep(IntakeStep next, Instant now) {
        return new IntakeDraft(id, created, now, next, idea, questions, answers, generated, edited, feedback, wizard,
                specId, specPath);
    }

    /**
     * This draft at {@code next} when {@link IntakeStep} allows the move from the current step (staying put is
     * allowed), else an {@link dev.codefactory.domain.state.IllegalTransitionException} naming the allowed moves.
     */
    public IntakeDraft moveTo(IntakeStep next, Instant now) {
        return withStep(next == step ? next : step.moveTo(next, id), now);
    }

    /** This draft with new questions; the answers to the old ones are dropped (ids are reused by new questions). */
    public IntakeDraft withQuestions(List<ClarifyingQuestions.Question> newQuestions, Instant now) {
        return new IntakeDraft(id, created, now, step, idea, newQuestions, Map.of(), generated, edited, feedback,
                wizard, specId, specPath);
    }

    /**
     * This draft with {@code answer} to question {@code questionId} ({@code ""} or null: skipped).
     *
     * @throws IllegalArgumentException when no question has that id
     */
    public IntakeDraft withAnswer(String questionId, String answer, Instant now) {
        if (questions.stream().noneMatch(q -> q.id().equals(questionId))) {
            throw new IllegalArgumentException(id + ": no question " + questionId + " to answer");
        }
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(questionId, answer == null ? "" : answer);
        return new IntakeDraft(id, created, now, step, idea, questions, next, generated, edited, feedback, wizard,
                specId, specPath);
    }

    /** This draft with a newly generated body; an earlier edit is dropped, since it edited the previous body. */
    public IntakeDraft withGenerated(String body, Instant now) {
        return new IntakeDraft(id, created, now, step, idea, questions, answers, body, null, feedback, wizard, specId,
                specPath);
    }

    /** This draft with the person's edit of the body. */
    public IntakeDraft withEdited(String body, Instant now) {
        return new IntakeDraft(id, created, now, step, idea, questions, answers, generated, body, feedback, wizard,
                specId, specPath);
    }

    /** This draft with one more piece of feedback at the end. */
    public IntakeDraft withFeedback(String more, Instant now) {
        List<String> next = new ArrayList<>(feedback);
        next.add(Objects.requireNonNull(more, "feedback"));
        return new IntakeDraft(id, created, now, step, idea, questions, answers, generated, edited, next, wizard,
                specId, specPath);
    }

    /** This draft written section by section ({@code true}) or by a model. */
    public IntakeDraft withWizard(boolean byWizard, Instant now) {
        return new IntakeDraft(id, created, now, step, idea, questions, answers, generated, edited, feedback,
                byWizard, specId, specPath);
    }

    /** This draft saved as spec {@code savedId} at {@code savedPath}: the step becomes SAVED. */
    public IntakeDraft withSaved(String savedId, String savedPath, Instant now) {
        return new IntakeDraft(id, created, now, IntakeStep.SAVED, idea, questions, answers, generated, edited,
                feedback, wizard, Objects.requireNonNull(savedId, "specId"),
                Objects.requireNonNull(savedPath, "specPath"));
    }

    /** The draft as pretty JSON (two-space indent), keys in a fixed order, ending with a newline. */
    public String toJson() {
        List<Object> questionList = new ArrayList<>();
        for (ClarifyingQuestions.Question q : questions) {
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("id", q.id());
            question.put("text", q.text());
            question.put("why", q.why());
            questionList.add(JsonWriter.oneLine(question));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("created", created.toString());
        m.put("updated", updated.toString());
        m.put("step", step.name());
        m.put("idea", idea);
        m.put("questions", questionList);
        m.put("answers", answers);
        m.put("generated", generated);
        m.put("edited", edited);
        m.put("feedback", feedback);
        m.put("wizard", wizard);
        m.put("specId", specId);
        m.put("specPath", specPath);
        return JsonWriter.pretty(m);
    }

    /**
     * The draft {@link #toJson} wrote. {@code generated}, {@code edited}, {@code specId} and {@code specPath} may
     * be null or absent; every other field is required.
     *
     * @throws IllegalArgumentException when the JSON is malformed or a field is missing or of the wrong type; the
     *                                  message names the field
     */
    public static IntakeDraft fromJson(String json) {
        Object root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("intake draft: " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("intake draft: expected a JSON object");
        }
        Map<?, ?> map = (Map<?, ?>) root;
        List<ClarifyingQuestions.Question> questions = new ArrayList<>();
        List<?> rawQuestions = required(map, "questions", List.class);
        for (int i = 0; i < rawQuestions.size(); i++) {
            String where = "questions[" + i + "]";
            if (!(rawQuestions.get(i) instanceof Map)) {
                throw new IllegalArgumentException("intake draft: field '" + where + "' must be an object");
            }
            Map<?, ?> q = (Map<?, ?>) rawQuestions.get(i);
            questions.add(new ClarifyingQuestions.Question(required(q, where + ".id", "id", String.class),
                    required(q, where + ".text", "text", String.class),
                    optional(q, where + ".why", "why", String.class)));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Map<?, ?> rawAnswers = required(map, "answers", Map.class);
        for (Map.Entry<?, ?> e : rawAnswers.entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new IllegalArgumentException("intake draft: field 'answers." + e.getKey() + "' must be a string");
            }
            answers.put((String) e.getKey(), (String) e.getValue());
        }
        List<String> feedback = new ArrayList<>();
        List<?> rawFeedback = required(map, "feedback", List.class);
        for (int i = 0; i < rawFeedback.size(); i++) {
            if (!(rawFeedback.get(i) instanceof String)) {
                throw new IllegalArgumentException("intake draft: field 'feedback[" + i + "]' must be a string");
            }
            feedback.add((String) rawFeedback.get(i));
        }
        return new IntakeDraft(required(map, "id", String.class), instant(map, "created"), instant(map, "updated"),
                step(map), required(map, "idea", String.class), questions, answers,
                optional(map, "generated", "generated", String.class), optional(map, "edited", "edited", String.class),
                feedback, required(map, "wizard", Boolean.class), optional(map, "specId", "specId", String.class),
                optional(map, "specPath", "specPath", String.class));
    }

    private static Instant instant(Map<?, ?> map, String name) {
        String text = required(map, name, String.class);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("intake draft: field '" + name + "' is not an instant: " + text, e);
        }
    }

    private static IntakeStep step(Map<?, ?> map) {
        String text = required(map, "step", String.class);
        try {
            return IntakeStep.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("intake draft: field 'step' is not an intake step: " + text, e);
        }
    }

    private static <T> T required(Map<?, ?> map, String name, Class<T> type) {
        return required(map, name, name, type);
    }

    private static <T> T required(Map<?, ?> map, String where, String key, Class<T> type) {
        T value = optional(map, where, key, type);
        if (value == null) {
            throw new IllegalArgumentException("intake draft: field '" + where + "' is missing");
        }
        return value;
    }

    private static <T> T optional(Map<?, ?> map, String where, String key, Class<T> type) {
        Object value = map.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("intake draft: field '" + where + "' must be a "
                    + type.getSimpleName().toLowerCase(java.util.Locale.ROOT).replace("list", "array")
                            .replace("map", "object"));
        }
        return type.cast(value);
    }
}
