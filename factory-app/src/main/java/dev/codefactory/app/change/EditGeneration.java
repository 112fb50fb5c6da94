package dev.codefactory.app.change;

import dev.codefactory.app.llm.RedactingLanguageModel;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.change.ChangePrompts;
import dev.codefactory.domain.change.ChangeSafety;
import dev.codefactory.domain.change.EditApplier;
import dev.codefactory.domain.change.EditBlocks;
import dev.codefactory.domain.change.Limits;
import dev.codefactory.domain.change.PlannedFile.Action;
import dev.codefactory.domain.change.Proposal;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.domain.plan.FileChange;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The model's edits for an approved plan, checked and applied in memory: {@link EditBlocks} reads the answer,
 * {@link ChangeSafety} refuses what may not be written, {@link EditApplier} applies each file's edits all or nothing.
 * What fails goes back to the model once with the reasons; what still fails stops the change before anything is
 * written. The model is a {@link RedactingLanguageModel}: it is shown the files with their secrets masked, and its
 * answers get them back before they are read, so that SEARCH parts still match the files.
 */
final class EditGeneration {
    private final Supplier<ProjectFiles> files;

    EditGeneration(Supplier<ProjectFiles> files) {
        this.files = files;
    }

    /** What the model's edits do: the content before (null: new) and after (null: deleted) of every file. */
    static final class Edits {
        final Map<String, String> before = new LinkedHashMap<>();
        final Map<String, String> after = new LinkedHashMap<>();
    }

    /** The edits that carry out {@code proposal}: every planned file the model changed, applied in memory. */
    Edits generate(RedactingLanguageModel model, Proposal proposal, List<ChangePrompts.SpecContext> specs,
                   Map<String, String> contents, Limits limits, ChangeDialog dialog) {
        Edits edits = edits(model, ChangePrompts.generate(proposal, specs, contents), proposal, contents, limits,
                dialog);
        List<String> untouched = new ArrayList<>();
        for (String path : proposal.paths()) {
            if (!edits.after.containsKey(path)) {
                untouched.add(path);
            }
        }
        if (!untouched.isEmpty()) {
            dialog.say("The model left " + String.join(", ", untouched) + " unchanged, though the plan named them.");
        }
        if (edits.after.keySet().stream().allMatch(p -> Objects.equals(edits.before.get(p), edits.after.get(p)))) {
            throw new FactoryException("the model's answer changes nothing, so nothing was written; try rephrasing"
                    + " the request.");
        }
        return edits;
    }

    /**
     * Asks {@code prompt}, reads the answer and applies it in memory; what could not be used goes back to the model
     * once with the reasons. The second answer wins for the files it names, the first keeps the files it got right.
     *
     * @throws FactoryException naming every edit that still could not be used, and why
     */
    Edits edits(RedactingLanguageModel model, ChangePrompts.Prompt prompt, Proposal proposal,
                Map<String, String> contents, Limits limits, ChangeDialog dialog) {
        String answer = ask(model, prompt);
        Edits edits = new Edits();
        // the model saw the files with their secrets masked: its SEARCH and REPLACE parts get them back
        List<String> problems = attempt(model.restore(answer), proposal, contents, limits, edits);
        if (problems.isEmpty()) {
            return edits;
        }
        dialog.say("Some edits could not be used; sending them back to the model once:\n  - "
                + String.join("\n  - ", problems));
        String again = ask(model, ChangePrompts.regenerate(proposal, answer, problems, contents));
        Edits second = new Edits();
        List<String> remaining = new ArrayList<>(attempt(model.restore(again), proposal, contents, limits, second));
        Edits merged = new Edits();
        for (String path : proposal.paths()) {
            if (second.after.containsKey(path)) {
                put(merged, second, path);
            } else if (edits.after.containsKey(path)) {
                put(merged, edits, path);
            } else if (mentions(problems, path) && !mentions(remaining, path)) {
                problems.stream().filter(p -> p.startsWith(path + ":")).findFirst().ifPresent(remaining::add);
            }
        }
        if (!remaining.isEmpty()) {
            throw new FactoryException("the model's edits could not be applied, even after one retry, so nothing"
                    + " was written:\n  - " + String.join("\n  - ", remaining) + "\nTry a smaller request, name"
                    + " the exact lines to change, or another model.");
        }
        return merged;
    }

    private static void put(Edits into, Edits from, String path) {
        into.before.put(path, from.before.get(path));
        into.after.put(path, from.after.get(path));
    }

    private static boolean mentions(List<String> problems, String path) {
        return problems.stream().anyMatch(p -> p.startsWith(path + ":") || p.startsWith(path + " "));
    }

    /**
     * Reads one answer into {@code edits} (only files whose every edit applied); returns what went wrong, each
     * problem starting with the path it concerns when it concerns one.
     */
    private List<String> attempt(String answer, Proposal proposal, Map<String, String> contents, Limits limits,
                                 Edits edits) {
        EditBlocks.Parsed parsed = EditBlocks.parse(answer);
        List<String> problems = new ArrayList<>(parsed.problems());
        if (parsed.truncated()) {
            problems.add("the answer was cut off in the middle of an edit: write shorter edits, one file at a time");
        }
        List<String> safety = ChangeSafety.problems(parsed.changes(), this::binaryOrLink, proposal.paths(), limits);
        problems.addAll(safety);
        for (FileChange change : parsed.changes()) {
            String path = change.path();
            if (mentions(safety, path)) {
                continue;
            }
            if (change instanceof FileChange.Modify modify) {
                String original = contents.get(path);
                if (original == null) {
                    problems.add(path + ": it does not exist, so it cannot be edited; create it with NEW FILE");
                    continue;
                }
                EditApplier.Result r = EditApplier.apply(original, modify.edits());
                if (r instanceof EditApplier.Refused refused) {
                    problems.add(path + ": edit " + (refused.editIndex() + 1) + " of " + modify.edits().size()
                            + ": " + refused.reason());
                    continue;
                }
                edits.before.put(path, original);
                edits.after.put(path, ((EditApplier.Applied) r).content());
            } else if (change instanceof FileChange.Create create) {
                if (contents.containsKey(path) || exists(path)) {
                    problems.add(path + ": it already exists; change it with FILE: and SEARCH/REPLACE blocks");
                    continue;
                }
                edits.before.put(path, null);
                edits.after.put(path, create.content());
            } else {
                if (!contents.containsKey(path)) {
                    problems.add(path + ": it does not exist, so it cannot be deleted");
                    continue;
                }
                edits.before.put(path, contents.get(path));
                edits.after.put(path, null);
            }
        }
        return problems;
    }

    private boolean binaryOrLink(String path) {
        try {
            FileKind k = files.get().kind(path);
            return k == FileKind.BINARY || k == FileKind.SYMLINK || k == FileKind.DIRECTORY || k == FileKind.OTHER;
        } catch (FactoryException unsafe) {
            return true;
        }
    }

    static List<FileDiff> diffs(Map<String, String> before, Map<String, String> after) {
        List<FileDiff> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String path = e.getKey();
            String old = before.get(path);
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
            out.add(new FileDiff(path, action, diff, added, removed));
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
