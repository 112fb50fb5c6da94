package dev.codefactory.port.intake;

import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.NearDuplicates;
import dev.codefactory.domain.intake.TemplateSections;
import java.util.List;
import java.util.Optional;

/**
 * The person in the loop of an intake: everything the intake asks or shows goes through here, so the same intake
 * runs on a terminal, from a script with prepared answers, or inside another program. Implementations may block
 * while the person thinks.
 * <p>
 * Every method has a default that asks nobody: nothing is shown, no question is answered (the rest are skipped), a
 * spec with nothing wrong is accepted as written and one with problems is left as a draft, and a template section is
 * left blank. A program overrides what matters to it: {@link #section} for the offline wizard, {@link #ask} to answer
 * the model's questions, {@link #review} to look at the spec before it is saved.
 */
// implements feature-009/FR-005
public interface IntakeDialog {

    /** Something to tell the person: which model was chosen, a hint, a warning. */
    default void say(Notice notice) {
    }

    /**
     * True once the person asked to stop (Ctrl-C): the model call in progress is cancelled and the intake ends at
     * once, its draft kept for {@code factory intake --resume}; nothing is written to {@code contracts/}. The intake
     * looks at it after every question and while the model writes; a question being asked may also end by throwing
     * {@link dev.codefactory.domain.StopRequestedException}. A dialog that cannot be interrupted keeps this default.
     */
    default boolean stopRequested() {
        return false;
    }

    /**
     * The idea, when none was given or the one given was too short ({@code hint} says what to add); the same text
     * again to go on with it, empty to give up. When the person stops while typing it ({@link #stopRequested()}),
     * the text so far: the intake keeps it in the draft. By default, {@code current} as it is (empty when blank).
     */
    default Optional<String> idea(String current, String hint) {
        // nobody to ask: go on with the idea given (even a short one), give up when there is none
        return current == null || current.isBlank() ? Optional.empty() : Optional.of(current);
    }

    /** Whether to go on although these specs look like the same feature; by default, yes (the caller asked for it). */
    default boolean proceedDespite(List<NearDuplicates.Match> duplicates) {
        return true;
    }

    /** One clarifying question ({@code number} of {@code count}); by default this and the rest are skipped. */
    default Answer ask(Question question, int number, int count) {
        return new Answer.SkipRest();
    }

    /**
     * A piece of the spec as the model writes it, cleaned as it arrives: never the model's chatter, its code fence or
     * its own front matter ({@link dev.codefactory.domain.intake.ModelMarkdownStream}). The spec then shown for
     * review may still differ a little (a title added, a repair, links to related specs).
     */
    default void token(String text) {
    }

    /**
     * The spec as it stands and what is still wrong with it; {@code canRegenerate} is false without a model. By
     * default a spec with no problems is accepted, one with problems ends the intake with its draft kept.
     */
    default ReviewDecision review(String markdown, List<String> problems, boolean canRegenerate) {
        return problems.isEmpty() ? new ReviewDecision.Accept() : new ReviewDecision.Quit();
    }

    /** The person's edit of {@code markdown} (in their editor); the text unchanged when they changed nothing. */
    default String edit(String markdown) {
        return markdown;
    }

    /**
     * Without a model: the text of one template section ({@code number} of {@code count}); blank to leave it (the
     * default).
     */
    default String section(TemplateSections.Section section, int number, int count) {
        return "";
    }

    /** A message for the person. */
    record Notice(Level level, String message) {
        public enum Level { INFO, HINT, WARNING }

        public static Notice info(String message) {
            return new Notice(Level.INFO, message);
        }

        public static Notice hint(String message) {
            return new Notice(Level.HINT, message);
        }

        public static Notice warning(String message) {
            return new Notice(Level.WARNING, message);
        }
    }

    /** An answer to a clarifying question. */
    sealed interface Answer {
        record Given(String text) implements Answer {
        }

        /** This question is skipped. */
        record Skipped() implements Answer {
        }

        /** This and every remaining question are skipped. */
        record SkipRest() implements Answer {
        }
    }

    /** What to do with the spec shown. */
    sealed interface ReviewDecision {
        /** Save it (only offered when nothing is wrong with it). */
        record Accept() implements ReviewDecision {
        }

        /** Open it in the editor, then show it again. */
        record Edit() implements ReviewDecision {
        }

        /** Write it again, taking {@code feedback} into account. */
        record Regenerate(String feedback) implements ReviewDecision {
        }

        /** Stop; the draft is kept for {@code factory intake --resume}. */
        record Quit() implements ReviewDecision {
        }
    }
}
