package dev.codefactory.app.adopt;

import dev.codefactory.app.adopt.AdoptService.Run;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptCommand;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.StreamedSpec;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.adopt.AdoptPrompts;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.DocEvidence;
import dev.codefactory.domain.adopt.DraftedSpec;
import dev.codefactory.domain.change.ChangePrompts.Prompt;
import dev.codefactory.domain.change.UnifiedDiff;
import dev.codefactory.domain.review.CodeFile;
import dev.codefactory.domain.trace.IdAssignment;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.adopt.AdoptDialog.DraftDecision;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The drafting of an adoption: the model opened, the cost estimated, each capability's prompt streamed to the person,
 * the draft's problems found and repaired once, and the review until the person accepts, skips or quits.
 */
final class AdoptDrafting {
    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<ProjectFiles> files;
    private final Supplier<FactoryConfig> config;

    AdoptDrafting(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                  Supplier<FactoryConfig> config) {
        this.catalog = catalog;
        this.models = models;
        this.files = files;
        this.config = config;
    }

    LanguageModel openModel(AdoptDialog dialog, AdoptCommand command) {
        try {
            LanguageModels.Selection selection = models.select();
            dialog.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
            // Ctrl-C cancels the call in progress: its connection is closed at once
            return models.open(selection.providerId(), "adopt", command.useCache(), dialog::stopRequested);
        } catch (StopRequestedException e) {
            throw e;
        } catch (FactoryException e) {
            throw new FactoryException("no model is available (" + e.getMessage() + "); configure one (factory"
                    + " config set llm.provider ...) or run 'factory adopt --offline' for skeleton specs to fill in"
                    + " by hand", e);
        }
    }

    /**
     * The cost of drafting {@code candidates} in plan order ({@link AdoptionBudget#estimate}), within
     * {@code --max-specs} (counting the drafts accepted before a resume) and {@code --budget-tokens}.
     */
    // implements feature-011/FR-012
    AdoptionBudget estimate(List<Capability> candidates, AdoptCommand command, int contextTokens,
                                    int alreadyAccepted) {
        long limit = config.get().scanMaxFileBytes();
        int maxSpecs = command.maxSpecs() == 0 ? 0 : Math.max(0, command.maxSpecs() - alreadyAccepted);
        if (command.maxSpecs() > 0 && maxSpecs == 0) {
            return new AdoptionBudget(0, 0, 0, 0, candidates.stream().map(Capability::key).toList());
        }
        return AdoptionBudget.estimate(candidates, path -> {
            try {
                return files.get().readBytes(path, limit).map(b -> (long) b.length).orElse(0L);
            } catch (FactoryException e) {
                return 0L;
            }
        }, contextTokens, maxSpecs, command.budgetTokens());
    }

    /**
     * Drafts {@code c}, and asks the person until they accept, skip or quit; false when they quit. The draft is
     * saved after every decision.
     */
    // implements feature-011/FR-008
    boolean review(Run run, Capability c) {
        List<CodeFile> evidence = evidenceFiles(c);
        String before = c.covered() ? currentBody(c.coveredBy()) : null;
        String feedback = c.covered() ? updateRequest(c, before) : "";
        AdoptPrompts.Drafting drafting = AdoptPrompts.draft(c, run.template, evidence, run.contextTokens, feedback);
        if (!drafting.leftOut().isEmpty()) {
            // never dropped silently: what did not fit the model's context is named (FR-007)
            run.dialog.say("Not in the prompt for \"" + c.title() + "\" (over the context window): "
                    + String.join(", ", drafting.leftOut()) + ".");
        }
        String body = generate(run, c, drafting.prompt());
        while (true) {
            List<String> problems = problems(c, body);
            String shown = before == null ? body : UnifiedDiff.of(specPath(c.coveredBy()), before, body, 3);
            DraftDecision decision;
            if (run.command.yes()) {
                decision = problems.isEmpty() ? new DraftDecision.Accept() : new DraftDecision.Skip();
            } else {
                decision = run.dialog.review(c, shown, problems, drafting.leftOut(), true);
            }
            run.stopIfAsked("at the review");
            if (decision instanceof DraftDecision.Accept) {
                List<String> blocking = blocking(c, body);
                if (blocking.isEmpty()) {
                    run.accept(c.key(), body);
                    return true;
                }
                run.dialog.say("It cannot be accepted as it is: " + String.join("; ", blocking)
                        + ". Edit or regenerate it first.");
            } else if (decision instanceof DraftDecision.Edit) {
                String edited = run.dialog.edit(body);
                run.stopIfAsked("after the edit");
                if (edited != null && !edited.isBlank()) {
                    body = edited;
                }
            } else if (decision instanceof DraftDecision.Regenerate r) {
                String more = r.feedback() == null || r.feedback().isBlank() ? "Write it again, better."
                        : r.feedback();
                drafting = AdoptPrompts.draft(c, run.template, evidence, run.contextTokens,
                        feedback.isEmpty() ? more : feedback + "\n\n" + more);
                body = generate(run, c, drafting.prompt());
            } else if (decision instanceof DraftDecision.Skip) {
                run.skip(c.key());
                return true;
            } else {
                run.save();
                return false;
            }
        }
    }

    private String updateRequest(Capability c, String before) {
        return "This capability is already described by the spec " + c.coveredBy() + ". Write an updated version"
                + " of that spec: keep its title, its requirements and their ids, correct what the code"
                + " contradicts, and add what the code shows beyond it as new requirements with the next free ids."
                + " The current spec, as data:\n<<<SPEC\n" + before + "\nSPEC>>>";
    }

    /** The text of the evidence files, read for this prompt only. */
    private List<CodeFile> evidenceFiles(Capability c) {
        Set<String> paths = new LinkedHashSet<>(c.paths());
        for (DocEvidence d : c.docs()) {
            paths.add(d.at().path());
        }
        List<CodeFile> out = new ArrayList<>();
        for (String p : paths) {
            try {
                files.get().readText(p).ifPresent(text -> out.add(new CodeFile(p,
                        Languages.byName(p).orElse(Languages.TEXT), text)));
            } catch (FactoryException e) {
                // a file that cannot be read now is left out of the prompt; its surfaces stay in the evidence lists
            }
        }
        return out;
    }

    /** The model's draft, cleaned and checked ({@link DraftedSpec}), then one repair request when it has problems. */
    // implements feature-011/FR-007
    private String generate(Run run, Capability c, Prompt prompt) {
        Generation g = stream(run, prompt);
        DraftedSpec drafted = DraftedSpec.read(g.text(), c, g.finishReason() == FinishReason.LENGTH);
        if (drafted.truncated()) {
            run.dialog.say("The answer was cut off before its end.");
        }
        List<String> problems = problems(c, drafted);
        if (!problems.isEmpty()) {
            run.dialog.say("The draft of \"" + c.title() + "\" has " + problems.size() + " problem(s); asking the"
                    + " model to repair them once.");
            Generation fixed = call(run, AdoptPrompts.repair(prompt, drafted.body(), problems));
            DraftedSpec repaired = DraftedSpec.read(fixed.text(), c, fixed.finishReason() == FinishReason.LENGTH);
            if (!repaired.body().isBlank() && problems(c, repaired).size() <= problems.size()) {
                drafted = repaired;
            }
        }
        String body = drafted.body().isBlank() ? "# " + c.title() + "\n" : drafted.body();
        return IdAssignment.assign(body, 1, Set.of()).text();
    }

    private Generation call(Run run, Prompt prompt) {
        Generation g = run.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
        run.modelCalls++;
        run.tokens += g.usage().inputTokens() + g.usage().outputTokens();
        return g;
    }

    /** The model's answer, streamed to the dialog cleaned as it arrives; a stop request cancels it at once. */
    private Generation stream(Run run, Prompt prompt) {
        Generation g;
        try {
            g = StreamedSpec.write(run.model, GenerationRequest.of(prompt.system(), prompt.user()), run.dialog::token,
                    run.dialog::stopRequested);
        } catch (LanguageModelException e) {
            run.modelCalls++; // a call that failed was made all the same
            throw e;
        }
        run.modelCalls++;
        run.tokens += g.usage().inputTokens() + g.usage().outputTokens();
        return g;
    }

    /** What is wrong with a draft: what the drafting checks find ({@link DraftedSpec}) and what the catalog refuses. */
    private List<String> problems(Capability c, DraftedSpec drafted) {
        if (drafted.body().isBlank()) {
            return drafted.problems();
        }
        List<String> out = new ArrayList<>(drafted.problems());
        for (String p : blocking(c, drafted.body())) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** What is wrong with a body the person sees (after an edit too). */
    private List<String> problems(Capability c, String body) {
        return problems(c, DraftedSpec.read(body, c, false));
    }

    /** What the catalog would refuse to write. */
    private List<String> blocking(Capability c, String body) {
        try {
            return catalog.check(AdoptWriting.command(c, body), body);
        } catch (InvalidCommandException e) {
            return List.of(e.getMessage());
        }
    }

    private String specPath(String id) {
        return catalog.show(id).path();
    }

    private String currentBody(String id) {
        return AdoptWriting.bodyOf(files.get().readText(specPath(id)).orElseThrow(() -> new FactoryException(
                "the spec " + id + " is gone from " + specPath(id))));
    }
}
