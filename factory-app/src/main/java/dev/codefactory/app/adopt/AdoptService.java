package dev.codefactory.app.adopt;

import dev.codefactory.app.adopt.AdoptWriting.Accepted;
import dev.codefactory.app.adopt.AdoptWriting.Written;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionDraft;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.CapabilityGrouping;
import dev.codefactory.domain.adopt.ExistingSpec;
import dev.codefactory.domain.adopt.SpecSkeleton;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.port.adopt.AdoptDialog;
import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The adoption of an existing code base ({@link AdoptUseCase}): discovery through the workspace scanner, the project
 * files and the source surveys; drafting through the language models; the draft kept in the adoption store at every
 * step; the specs written through the catalog and committed together. It keeps the flow and the run; the parts are
 * {@link AdoptDiscovery} (scope, files, links, existing specs), {@link AdoptDrafting} (the model, the prompts, the
 * review) and {@link AdoptWriting} (the specs and comments written together, the commit).
 */
// implements feature-011/FR-013
public final class AdoptService implements AdoptUseCase {
    private static final DateTimeFormatter DRAFT_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final SpecCatalog catalog;
    private final Supplier<AdoptionStore> store;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;
    private final Supplier<Optional<VersionControl>> git;
    private final AdoptDiscovery discovery;
    private final AdoptDrafting drafting;
    private final AdoptWriting writing;

    /**
     * @param threads makes the one helper thread that reads files beside the caller during discovery (null: the
     *                caller reads every file)
     */
    public AdoptService(SpecCatalog catalog, LanguageModels models, Supplier<ProjectFiles> files,
                        Supplier<WorkspaceScanner> scanner, Supplier<List<SourceSurvey>> surveys,
                        Supplier<AdoptionStore> store, Supplier<Optional<VersionControl>> git,
                        Supplier<FactoryConfig> config, Clock clock, ThreadFactory threads) {
        this.catalog = catalog;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.git = git;
        this.discovery = new AdoptDiscovery(catalog, files, scanner, surveys, config, clock, threads);
        this.drafting = new AdoptDrafting(catalog, models, files, config);
        this.writing = new AdoptWriting(catalog, files, git);
    }

    // ---- discovery -----------------------------------------------------------------------------------------------

    @Override
    public Discovered discover(String path, AdoptDialog dialog) {
        requireGit();
        Instant start = clock.instant();
        String scope = discovery.scope(path);
        AdoptDiscovery.Found found = discovery.read(scope, dialog);
        List<ExistingSpec> existing = discovery.existingSpecs(found.linked());
        AdoptionPlan plan = CapabilityGrouping.group(found.discovery(), existing);
        return new Discovered(found.discovery(), plan, Duration.between(start, clock.instant()));
    }

    /**
     * Adoption reads the files git lists (tracked, and untracked but not ignored): outside a repository there is no
     * such list, and a folder such as a home directory would be read whole, installed packages and all.
     */
    private void requireGit() {
        if (git.get().isEmpty()) {
            throw new ProjectStateException("the project is not in a git repository, and adoption reads the files git"
                    + " lists; run `git init` there (and commit the code), then try again");
        }
    }

    // ---- adoption ------------------------------------------------------------------------------------------------

    /** One run: the command, the dialog, and the draft as it stands. */
    static final class Run {
        final AdoptCommand command;
        final AdoptDialog dialog;
        AdoptionDraft draft;
        AdoptionBudget budget = new AdoptionBudget(0, 0, 0, 0, List.of());
        LanguageModel model;
        String template;
        int contextTokens;
        int modelCalls;
        long tokens;
        final List<String> skipped = new ArrayList<>();

        private final Clock clock;
        private final Supplier<AdoptionStore> store;

        Run(AdoptCommand command, AdoptDialog dialog, Clock clock, Supplier<AdoptionStore> store) {
            this.command = command;
            this.dialog = dialog;
            this.clock = clock;
            this.store = store;
        }

        void save() {
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), draft.accepted(), draft.skipped(),
                    draft.started(), clock.instant());
            store.get().save(draft);
        }

        void accept(String key, String markdown) {
            Map<String, String> accepted = new LinkedHashMap<>(draft.accepted());
            accepted.put(key, markdown);
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), accepted, draft.skipped(),
                    draft.started(), clock.instant());
            save();
        }

        void skip(String key) {
            List<String> s = new ArrayList<>(draft.skipped());
            if (!s.contains(key)) {
                s.add(key);
            }
            draft = new AdoptionDraft(draft.id(), draft.scope(), draft.plan(), draft.accepted(), s, draft.started(),
                    clock.instant());
            save();
            if (!skipped.contains(key)) {
                skipped.add(key);
            }
        }

        void stopIfAsked(String during) {
            if (dialog.stopRequested()) {
                throw new StopRequestedException("stopped " + during);
            }
        }

        AdoptOutcome kept(AdoptionPlan plan) {
            String path = "";
            String id = "";
            if (draft != null) {
                save();
                id = draft.id();
                path = store.get().pathOf(id);
                dialog.say("Stopped. " + draft.accepted().size() + " accepted draft(s) are kept in " + path
                        + "; go on with: factory adopt --resume");
            }
            return new AdoptOutcome(plan, budget, List.of(), Optional.empty(), skipped, id, path, true, modelCalls,
                    tokens, List.of());
        }
    }

    @Override
    public AdoptOutcome adopt(AdoptCommand command, AdoptDialog dialog) {
        requireGit();
        if (!catalog.initialized()) {
            throw new ProjectStateException("this project has no Code-Factory layout yet (contracts/, .factory/):"
                    + " run 'factory init' first; nothing was read or written");
        }
        Run run = new Run(command, dialog, clock, store);
        AdoptionPlan plan = null;
        try {
            if (command.resume()) {
                run.draft = store.get().list().stream().findFirst().orElseThrow(() -> new InvalidCommandException(
                        "there is no unfinished adoption to resume in .factory/drafts/adopt/; start one with:"
                                + " factory adopt [PATH]"));
                plan = run.draft.plan();
                run.skipped.addAll(run.draft.skipped());
                dialog.say("Resuming the adoption " + run.draft.id() + " (" + store.get().pathOf(run.draft.id())
                        + "): " + run.draft.accepted().size() + " accepted, " + run.draft.skipped().size()
                        + " skipped so far.");
            } else {
                Discovered found = discover(command.path(), dialog);
                plan = command.yes() ? found.plan() : dialog.plan(found.plan());
                run.stopIfAsked("at the plan");
            }
            if (command.offline()) {
                return offline(run, plan);
            }
            return drafted(run, plan);
        } catch (StopRequestedException stop) {
            return run.kept(plan == null ? new AdoptionPlan(scopeOrEmpty(command.path()), List.of(), List.of())
                    : plan);
        }
    }

    private static String scopeOrEmpty(String path) {
        return path == null ? "" : path;
    }

    /** Skeleton specs, one per capability no spec covers, written and committed together (FR-011). */
    // implements feature-011/FR-011
    private AdoptOutcome offline(Run run, AdoptionPlan plan) {
        List<Capability> toWrite = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Capability c : plan.capabilities()) {
            if (run.draft != null && run.draft.accepted().containsKey(c.key())) {
                // resumed offline: what the person accepted before is written as it was accepted
                accepted.add(new Accepted(c, run.draft.accepted().get(c.key()), false));
            } else if (run.draft != null && run.draft.skipped().contains(c.key())) {
                continue;
            } else if (c.covered()) {
                run.skipped.add(c.key());
                run.dialog.say("\"" + c.title() + "\" is covered by " + c.coveredBy() + ": skipped.");
            } else if (run.command.maxSpecs() > 0 && toWrite.size() + accepted.size() >= run.command.maxSpecs()) {
                run.skipped.add(c.key());
                run.dialog.say("\"" + c.title() + "\" left out: --max-specs " + run.command.maxSpecs() + ".");
            } else {
                toWrite.add(c);
            }
        }
        for (Capability c : toWrite) {
            accepted.add(new Accepted(c, SpecSkeleton.body(c), true));
        }
        Written w = writing.write(run, plan, accepted);
        if (run.draft != null) {
            store.get().delete(run.draft.id());
        }
        return new AdoptOutcome(plan, run.budget, w.specs(), w.commit(), run.skipped, "", "", false, 0, 0,
                w.touched());
    }

    /** The specs the model drafts and the person accepts (FR-007, FR-008, FR-012). */
    private AdoptOutcome drafted(Run run, AdoptionPlan plan) {
        run.model = drafting.openModel(run.dialog, run.command);
        run.template = catalog.templateBody(SpecKind.SPEC);
        run.contextTokens = config.get().positive("review.context-window");
        List<Capability> candidates = new ArrayList<>();
        for (Capability c : plan.capabilities()) {
            if (run.draft != null && (run.draft.accepted().containsKey(c.key())
                    || run.draft.skipped().contains(c.key()))) {
                continue;
            }
            if (c.covered()) {
                if (!run.command.yes() && run.dialog.proposeUpdate(c, c.coveredBy())) {
                    candidates.add(c);
                } else {
                    run.skipped.add(c.key());
                    run.dialog.say("\"" + c.title() + "\" is covered by " + c.coveredBy() + ": skipped.");
                }
                run.stopIfAsked("at a covered capability");
            } else {
                candidates.add(c);
            }
        }
        int alreadyAccepted = run.draft == null ? 0 : run.draft.accepted().size();
        run.budget = drafting.estimate(candidates, run.command, run.contextTokens, alreadyAccepted);
        if (!run.command.yes() && !candidates.isEmpty() && !run.dialog.approveBudget(run.budget)) {
            run.dialog.say("Drafting declined: nothing was written.");
            return new AdoptOutcome(plan, run.budget, List.of(), Optional.empty(), run.skipped,
                    run.draft == null ? "" : run.draft.id(),
                    run.draft == null ? "" : store.get().pathOf(run.draft.id()), false, 0, 0, List.of());
        }
        run.stopIfAsked("at the budget");
        for (String key : run.budget.leftOut()) {
            run.skipped.add(key);
            run.dialog.say("\"" + plan.find(key).map(Capability::title).orElse(key) + "\" left out by the budget"
                    + " (--max-specs, --budget-tokens).");
        }
        if (run.draft == null) {
            Instant now = clock.instant();
            run.draft = new AdoptionDraft(newDraftId(), discovery.scope(run.command.path()), plan, Map.of(), List.of(),
                    now, now);
            run.save();
        }
        List<Capability> toDraft = candidates.stream().filter(c -> !run.budget.leftOut().contains(c.key()))
                .toList();
        for (int i = 0; i < toDraft.size(); i++) {
            Capability c = toDraft.get(i);
            run.dialog.progress("drafting " + (i + 1) + " of " + toDraft.size() + ": " + c.title());
            try {
                if (!drafting.review(run, c)) {
                    return run.kept(plan);
                }
            } catch (LanguageModelException e) {
                run.save();
                throw new FactoryException(e.getMessage() + " Nothing was lost: the accepted drafts are kept in "
                        + store.get().pathOf(run.draft.id()) + "; continue with: factory adopt --resume", e);
            }
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Map.Entry<String, String> e : run.draft.accepted().entrySet()) {
            Optional<Capability> c = run.draft.plan().find(e.getKey());
            if (c.isPresent()) {
                accepted.add(new Accepted(c.get(), e.getValue(), false));
            }
        }
        Written w;
        try {
            w = writing.write(run, plan, accepted);
        } catch (FactoryException e) {
            String path = store.get().pathOf(run.draft.id());
            run.dialog.say("Nothing was written to contracts/; the accepted drafts are kept in " + path + ". Once"
                    + " that is fixed: factory adopt --resume");
            throw e.withDetail("draft", path);
        }
        store.get().delete(run.draft.id());
        return new AdoptOutcome(plan, run.budget, w.specs(), w.commit(), run.skipped, "", "", false,
                run.modelCalls, run.tokens, w.touched());
    }

    private String newDraftId() {
        String base = "adopt-" + DRAFT_ID.format(clock.instant());
        String id = base;
        for (int n = 2; store.get().load(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
