package dev.codefactory.domain.state;

import dev.codefactory.domain.FactoryException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** A move that the state machine does not allow; the message names the moves that are allowed. */
public final class IllegalTransitionException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String subject, String from, String to, Collection<? extends Enum<?>> allowed) {
        super(message(subject, from, to, allowed));
    }

    private static String message(String subject, String from, String to, Collection<? extends Enum<?>> allowed) {
        String f = lower(from);
        String t = lower(to);
        String prefix = subject + ": cannot move from " + f + " to " + t;
        if (allowed.isEmpty()) {
            return prefix + "; " + f + " is final, nothing may follow it";
        }
        String names = allowed.stream().map(e -> lower(e.name())).sorted().collect(Collectors.joining(", "));
        return prefix + "; from " + f + " the allowed " + (allowed.size() == 1 ? "move is" : "moves are") + ": " + names;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
