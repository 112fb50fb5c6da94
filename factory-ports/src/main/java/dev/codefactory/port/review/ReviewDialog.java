package dev.codefactory.port.review;

import dev.codefactory.domain.review.SpecMatcher;
import java.time.Duration;
import java.util.List;

/**
 * The person watching a review: which files were matched to each spec (and, on a terminal, a chance to change
 * them), and progress while the files are checked and while the model reads the code. Implemented by the CLI for a
 * terminal or a script, by tests, and by programs that embed Code-Factory.
 */
// implements feature-009/FR-005
public interface ReviewDialog {
    /** Accepts every match and shows nothing: a review run by a program. */
    ReviewDialog ACCEPT_ALL = new ReviewDialog() {
    };

    /**
     * The files matched to a spec, with the reasons; returns the paths to review for it (the same list to accept
     * them; fewer, or others from the project, to change them). By default the matches are accepted.
     */
    default List<String> confirmMatches(String specId, String specTitle, List<SpecMatcher.Match> matches) {
        return matches.stream().map(SpecMatcher.Match::path).collect(java.util.stream.Collectors.toList());
    }

    /**
     * The paths given for a spec ({@link #confirmMatches}) named files that are not among the files reviewed (a
     * typo, most likely): {@code problem} names them, each with the closest path that is. Returns the paths to
     * review for it instead, as {@link #confirmMatches} does, or null to leave the unknown ones out. By default
     * they are left out (a program that chose them has nobody to ask).
     */
    default List<String> confirmMatchesAgain(String specId, String specTitle, List<SpecMatcher.Match> matches,
                                             String problem) {
        return null;
    }

    /** Something to tell the person: which model, what was skipped, a warning. Nothing by default. */
    default void say(String message) {
    }

    /**
     * Progress: {@code done} of {@code total} model calls finished, the current spec and batch, the time so far and
     * an estimate of the time left (zero until one call has finished). Nothing by default.
     */
    default void progress(int done, int total, String specId, String what, Duration elapsed, Duration left) {
    }

    /**
     * Progress of the deterministic checks, which read every file of the review before the model is asked:
     * {@code done} of {@code total} files read, the time so far and an estimate of the time left (zero until a file
     * has been read). Nothing by default.
     */
    default void checking(int done, int total, Duration elapsed, Duration left) {
    }

    /**
     * True once the person asked to stop (Ctrl-C): the review ends at once, the model call in progress cancelled,
     * with a report marked partial of what was reviewed so far. Asking the person ({@link #confirmMatches}) may also
     * end with {@link dev.codefactory.domain.StopRequestedException} for the same stop.
     * Never, by default.
     */
    default boolean stopRequested() {
        return false;
    }
}
