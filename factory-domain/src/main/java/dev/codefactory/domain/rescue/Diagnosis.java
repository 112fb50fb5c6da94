package dev.codefactory.domain.rescue;

import java.util.List;

/**
 * The model's causes, most confident first, and what was dropped from its answer.
 *
 * @param causes  the checked causes
 * @param dropped evidence the answer named that does not exist (a made-up file or line), counted
 * @param notes   what the checks said about the answer, one line each
 */
public record Diagnosis(List<Cause> causes, int dropped, List<String> notes) {
    public Diagnosis {
        causes = List.copyOf(causes);
        notes = List.copyOf(notes);
    }

    /** No diagnosis (offline, or nothing to diagnose). */
    public static Diagnosis none() {
        return new Diagnosis(List.of(), 0, List.of());
    }
}
