package dev.codefactory.app.intake;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.port.intake.IntakeDialog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * INTAKE: an idea becomes a reviewed specification in {@code contracts/specs/}, committed. A program drives it
 * through an {@link IntakeDialog} (questions, answers, review decisions); the draft is saved at every step so that an
 * interrupted intake can be resumed.
 */
public interface IntakeUseCase {

    IntakeResult intake(IntakeCommand command, IntakeDialog dialog);

    /**
     * @param idea         the idea; null to ask the dialog (or, with {@code resume}, to take the draft's)
     * @param resume       continue the most recent unfinished draft instead of starting one
     * @param offline      do not use a model: the guided template wizard
     * @param maxQuestions at most this many clarifying questions; 0 skips the step; -1 takes
     *                     {@code intake.questions} (5)
     * @param commit       commit the new spec (and the index) when git is there
     */
    record IntakeCommand(String idea, boolean resume, boolean offline, int maxQuestions, boolean commit,
                         List<String> tags, Priority priority) {
        public IntakeCommand {
            if (maxQuestions < -1 || maxQuestions > 20) {
                throw new InvalidCommandException("the number of questions must be between 0 and 20, not "
                        + maxQuestions);
            }
            tags = List.copyOf(tags);
            Objects.requireNonNull(priority, "priority");
            if (idea != null && idea.length() > 20_000) {
                throw new InvalidCommandException("the idea is " + idea.length() + " characters long; keep it under"
                        + " 20,000 (the details come with the questions)");
            }
        }

        /** An intake of {@code idea} with a model: the configured number of questions, committed, priority medium. */
        public static IntakeCommand of(String idea) {
            return new IntakeCommand(idea, false, false, -1, true, List.of(), Priority.MEDIUM);
        }

        /** The offline wizard for {@code idea}: no model, the template's sections asked one by one, committed. */
        public static IntakeCommand wizard(String idea) {
            return of(idea).withOffline(true);
        }

        /** Goes on with the most recent unfinished draft. */
        public static IntakeCommand resumeLatest() {
            return new IntakeCommand(null, true, false, -1, true, List.of(), Priority.MEDIUM);
        }

        public IntakeCommand withOffline(boolean offline) {
            return new IntakeCommand(idea, resume, offline, maxQuestions, commit, tags, priority);
        }

        /** At most {@code max} clarifying questions (0: none). */
        public IntakeCommand withQuestions(int max) {
            return new IntakeCommand(idea, resume, offline, max, commit, tags, priority);
        }

        /** Whether to commit the new spec when git is there. */
        public IntakeCommand withCommit(boolean commit) {
            return new IntakeCommand(idea, resume, offline, maxQuestions, commit, tags, priority);
        }

        public IntakeCommand withTags(String... tags) {
            return new IntakeCommand(idea, resume, offline, maxQuestions, commit, List.of(tags), priority);
        }

        public IntakeCommand withPriority(Priority priority) {
            return new IntakeCommand(idea, resume, offline, maxQuestions, commit, tags, priority);
        }
    }

    /**
     * How an intake ended.
     *
     * @param saved      true when a spec was written; false when the person quit or stopped (the draft is kept)
     * @param commit     the commit's id, when one was made
     * @param draftPath  where the draft is kept (when not saved) — {@code factory intake --resume} continues it; null
     *                   when there is none (stopped before anything was typed)
     * @param stopped    the person stopped it (Ctrl-C: {@link IntakeDialog#stopRequested()}) at a question or while
     *                   the model wrote; nothing was written to {@code contracts/}
     * @param resumeFrom where {@code --resume} goes on with the draft kept ({@code "question 2 of 3"}), or null
     */
    record IntakeResult(boolean saved, String specId, String path, Optional<String> commit, String draftId,
                        String draftPath, boolean wizard, boolean stopped, String resumeFrom) {
        public IntakeResult {
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(draftId, "draftId");
        }
    }
}
