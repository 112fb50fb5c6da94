package dev.codefactory.cli;

import dev.codefactory.domain.InvalidCommandException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code --fail-on} values of the commands that end with exit 1 when some kind of row exists (trace, drift). */
// implements feature-010/FR-008
final class FailOn {
    private FailOn() {
    }

    /** The values given, lower-cased, in order, each once; anything {@code allowed} lacks is a usage error. */
    static Set<String> conditions(List<String> given, List<String> allowed) {
        Set<String> conditions = new LinkedHashSet<>();
        for (String c : given) {
            String value = c.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new InvalidCommandException("--fail-on takes " + String.join(" or ", allowed) + ", not '"
                        + c + "'");
            }
            conditions.add(value);
        }
        return conditions;
    }
}
