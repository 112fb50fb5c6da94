package dev.codefactory.domain.rescue;

import dev.codefactory.domain.change.PlannedFile;

import java.util.List;
import java.util.Objects;

/**
 * A cause the model gave for what is broken, after its answer was checked.
 *
 * @param summary    what is wrong, in one or two sentences
 * @param confidence how sure the model is, 0..1
 * @param evidence   the files and lines (that exist) it rests on
 * @param fix        what to change to put it right, in words; empty when the model proposes none
 * @param files      the files the fix changes (a change plan's files); empty when no fix is proposed
 */
public record Cause(String summary, double confidence, List<Evidence> evidence, String fix, List<PlannedFile> files) {
    public Cause {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fix, "fix");
        evidence = List.copyOf(evidence);
        files = List.copyOf(files);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
    }

    /** True when a fix is proposed. */
    public boolean fixable() {
        return !files.isEmpty();
    }
}
