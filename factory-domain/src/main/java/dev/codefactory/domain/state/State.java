package dev.codefactory.domain.state;

import java.util.Set;

/**
 * A state of a closed state machine whose constants carry their own allowed transitions.
 *
 * @param <S> the enum that implements it
 */
public interface State<S extends Enum<S> & State<S>> {

    /** The states that may follow this one; empty for a final state. */
    Set<S> successors();

    default boolean canMoveTo(S target) {
        return successors().contains(target);
    }

    /**
     * Returns {@code target} when the move is allowed, else throws an exception naming the allowed moves.
     *
     * @param subject what moves (a spec id, a plan id), used in the message
     */
    default S moveTo(S target, String subject) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(subject, name(), target.name(), successors());
        }
        return target;
    }

    String name();
}
