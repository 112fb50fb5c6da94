package dev.codefactory.app.change;

import dev.codefactory.app.llm.RedactingLanguageModel;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.change.ChangePrompts;
import dev.codefactory.domain.change.ChangeSafety;
import dev.codefactory.domain.change.EditApplier;
import dev.codefactory.domain.change.EditBlocks;
import dev.codefactory.domain.change.EditProblem;
import dev.codefactory.domain.change.Limits;
import dev.codefactory.domain.change.ModelEdits;
import dev.codefactory.domain.change.PlannedFile.Action;
import dev.codefactory.domain.change.ChangePlan;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The model's edits for an approved plan, asked for and checked in memory by {@link ModelEdits}: {@link EditBlocks}
 * reads the answer, {@link ChangeSafety} refuses what may not be written, {@link EditApplier} applies each file's
 * edits, and each result is verified. What fails goes back to the model once with the reasons; what still fails stops
 * the change before anything is written ({@link Unusable}). The model is a {@link RedactingLanguageModel}: it is shown
 * the files with their secrets masked, and its answers get them back before they are read, so that SEARCH parts still
 * match the files.
 */
final class EditGeneration {
    private final Supplier<ProjectFiles> files;

    EditGeneration(Supplier<ProjectFiles> files) {
        this.files = files;
    }

    /** The model's edits could not be used, even after one retry: nothing was written. */
    static final class Unusable extends FactoryException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /**
     * What the model's edits do: the content before (null: new) and after (null: deleted) of every file, how the edits
     * that did not match exactly were placed, and the files left out as outside the plan.
     */
    static final class Edits {
        final Map<String, String> before = new LinkedHashMap<>();
        final Map<String, String> after = new LinkedHashMap<>();
        final Map<String, List<String>> notes = new LinkedHashMap<>();
        final List<String> outsidePlan = new ArrayList<>();
    }

    /** The edits that carry out {@code plan}: every planned file the model changed, applied in memory. */
    Edits generate(RedactingLanguageModel model, ChangePlan plan, List<ChangePrompts.SpecContext> specs,
                   Map<String, String> contents, Limits limits, ChangeDialog dialog) {
        Edits edits = edits(model, ChangePrompts.generate(plan, specs, contents), plan, contents, limits,
                dialog);
        List<String> untouched = new ArrayList<>();
        for (String path : plan.paths()) {
            if (!edits.after.containsKey(path)) {
                untouched.add(path);
            }
        }
        if (!untouched.isEmpty()) {
            dialog.say("The model left " + String.join(", ", untouched) + " unchanged, though the plan named them.");
        }
        if (edits.after.keySet().stream().allMatch(p -> Objects.equals(edits.before.get(p), edits.after.get(p)))) {
            throw new Unusable(edits.outsidePlan.isEmpty() ? "the model's answer changes nothing, so nothing was"
                    + " written; try rephrasing the request." : "the model's answer changes no file of the approved"
                    + " plan (only " + String.join(", ", edits.outsidePlan) + ", which the plan leaves out), so"
                    + " nothing was written; try again with those files in the plan, or rephrase the request.");
        }
        return edits;
    }

    /**
     * Asks {@code prompt}, reads the answer and applies it in memory; what could not be used goes back to the model
     * once with the reasons, and the second answer is merged with what worked in the first ({@link ModelEdits#retry}).
     *
     * @throws Unusable naming every file whose edits still could not be used, once each, and why
     */
    Edits edits(RedactingLanguageModel model, ChangePrompts.Prompt prompt, ChangePlan plan,
                Map<String, String> contents, Limits limits, ChangeDialog dialog) {
        Set<String> creates = new LinkedHashSet<>();
        plan.files().stream().filter(f -> f.action() == Action.CREATE).forEach(f -> creates.add(f.path()));
        ModelEdits.Scope scope = new ModelEdits.Scope(contents, plan.paths(), creates, this::binaryOrLink,
                this::exists, limits);
        String answer = ask(model, prompt);
        // the model saw the files with their secrets masked: its SEARCH and REPLACE parts get them back
        ModelEdits.Result result = ModelEdits.read(model.restore(answer), scope);
        if (!result.usable()) {
            List<String> problems = EditProblem.byFile(result.problems());
            dialog.say("Some edits could not be used; sending them back to the model once:\n  - "
                    + String.join("\n  - ", problems));
            String again = ask(model, ChangePrompts.regenerate(plan, answer, problems, contents));
            result = ModelEdits.retry(result, model.restore(again), scope);
            if (!result.usable()) {
                throw new Unusable("the model's edits could not be used, even after one retry, so nothing was"
                        + " written:\n  - " + String.join("\n  - ", EditProblem.byFile(result.problems()))
                        + "\nTry a smaller request, name the exact lines to change, or another model.");
            }
        }
        // a file the person took out of the plan (or never in it) is not written, and the rest still is: say so; how
        // edits that did not match exactly were placed goes with each file's diff (FileDiff.notes)
        result.outsidePlan().forEach(p -> dialog.say("Left out: " + p + "."));
        Edits edits = new Edits();
        edits.before.putAll(result.before());
        edits.after.putAll(result.after());
        for (String path : result.after().keySet()) {
            edits.notes.put(path, result.notes(path));
        }
        for (EditProblem left : result.outsidePlan()) {
            edits.outsidePlan.add(left.path());
        }
        return edits;
    }

    private boolean binaryOrLink(String path) {
        try {
            FileKind k = files.get().kind(path);
            return k == FileKind.BINARY || k == FileKind.SYMLINK || k == FileKind.DIRECTORY || k == FileKind.OTHER;
        } catch (FactoryException unsafe) {
            return true;
        }
    }

    /** One diff per file the edits change, with the notes on how its edits were placed. */
    static List<FileDiff> diffs(Edits edits) {
        List<FileDiff> out = new ArrayList<>();
        for (Map.Entry<String, String> e : edits.after.entrySet()) {
            String path = e.getKey();
            String old = edits.before.get(path);
            String now = e.getValue();
            if (old != null && old.equals(now)) {
                continue;
            }
            String diff = UnifiedDiff.of(path, old, now, 3);
            int added = 0;
            int removed = 0;
            boolean header = true; // "--- a/x" and "+++ b/x" come before the first hunk
            for (String line : diff.split("\n")) {
                if (line.startsWith("@@")) {
                    header = false;
                } else if (!header && line.startsWith("+")) {
                    added++;
                } else if (!header && line.startsWith("-")) {
                    removed++;
                }
            }
            Action action = old == null ? Action.CREATE : now == null ? Action.DELETE : Action.MODIFY;
            out.add(new FileDiff(path, action, diff, added, removed, edits.notes.getOrDefault(path, List.of())));
        }
        return out;
    }

    private static String ask(LanguageModel model, ChangePrompts.Prompt prompt) {
        return model.generate(GenerationRequest.of(prompt.system(), prompt.user())).text();
    }

    private boolean exists(String path) {
        try {
            return files.get().kind(path) != FileKind.MISSING;
        } catch (FactoryException unsafe) {
            return false;
        }
    }
}
