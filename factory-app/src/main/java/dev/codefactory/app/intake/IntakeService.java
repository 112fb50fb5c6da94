package dev.codefactory.app.intake;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.StreamedSpec;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreatedSpec;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.intake.ClarifyingQuestions;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.intake.DraftRequirementIds;
import dev.codefactory.domain.trace.IdAssignment;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.intake.IntakePrompts;
import dev.codefactory.domain.intake.IntakePrompts.Answered;
import dev.codefactory.domain.intake.IntakePrompts.IntakeContext;
import dev.codefactory.domain.intake.IntakePrompts.Prompt;
import dev.codefactory.domain.intake.ModelMarkdown;
import dev.codefactory.domain.intake.ModelMarkdownStream;
import dev.codefactory.domain.intake.NearDuplicates;
import dev.codefactory.domain.intake.NearDuplicates.Candidate;
import dev.codefactory.domain.intake.RelatedLinks;
import dev.codefactory.domain.intake.TechStack;
import dev.codefactory.domain.intake.TemplateSections;
import dev.codefactory.domain.mode.IntakeStep;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.intake.IntakeDialog;
import dev.codefactory.port.intake.IntakeDialog.Answer;
import dev.codefactory.port.intake.IntakeDialog.Notice;
import dev.codefactory.port.intake.IntakeDialog.ReviewDecision;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.History;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The INTAKE flow over the spec catalog, a language model, the draft store and git. Every step ends with the draft
 * saved; nothing is written to {@code contracts/} before the person accepts a spec that validates.
 */
public final class IntakeService implements IntakeUseCase {
    /** Build files larger than this are not read for the tech stack. */
    private static final long MAX_BUILD_FILE = 256 * 1024;
    private static final DateTimeFormatter DRAFT_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** When a draft was started, as the person's clock shows it (the clock's zone), to the second. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String SECTION = "section:";

    private final Path root;
    private final SpecCatalog catalog;
    private final LanguageModels models;
    private final Supplier<DraftStore> drafts;
    private final Supplier<Optional<? extends History>> git;
    private final Clock clock;
    private final Supplier<FactoryConfig> config;
    private final Supplier<ProjectFiles> projectFiles;

    /** The author of the specs it saves is the catalog's ({@link dev.codefactory.app.spec.Authors}). */
    public IntakeService(Path root, SpecCatalog catalog, LanguageModels models, Supplier<DraftStore> drafts,
                         Supplier<Optional<? extends History>> git, Clock clock, Supplier<FactoryConfig> config,
                         Supplier<ProjectFiles> projectFiles) {
        this.root = root;
        this.catalog = catalog;
        this.models = models;
        this.drafts = drafts;
        this.git = git;
        this.clock = clock;
        this.config = config;
        this.projectFiles = projectFiles;
    }

    /** One run: the command, the dialog, and the draft as it stands. */
    private final class Run {
        final IntakeCommand command;
        final IntakeDialog dialog;
        IntakeDraft draft;
        IntakeContext context;
        LanguageModel model;
        String templateBody;

        Run(IntakeCommand command, IntakeDialog dialog) {
            this.command = command;
            this.dialog = dialog;
        }

        // implements feature-005/FR-006
        void save() {
            drafts.get().save(draft);
        }

        IntakeResult kept() {
            draft = draft.withStep(draft.step(), clock.instant());
            save();
            return new IntakeResult(false, null, null, Optional.empty(), draft.id(), drafts.get().pathOf(draft.id()),
                    draft.wizard(), false, draft.resumesAt());
        }

        /** The person asked to stop: the draft as it stands is kept (when there is one), nothing else is written. */
        IntakeResult stopped() {
            if (draft == null) {
                return new IntakeResult(false, null, null, Optional.empty(), "", null, false, true, null);
            }
            draft = draft.withStep(draft.step(), clock.instant());
            save();
            return new IntakeResult(false, null, null, Optional.empty(), draft.id(), drafts.get().pathOf(draft.id()),
                    draft.wizard(), true, draft.resumesAt());
        }

        /** Ends the intake when the person asked to stop ({@link IntakeDialog#stopRequested()}). */
        void stopIfAsked(String during) {
            if (dialog.stopRequested()) {
                throw new StopRequestedException("stopped " + during);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the person asks to stop ({@link IntakeDialog#stopRequested()}: at a question, or while the model
     * writes, whose call is then cancelled), the intake ends at once: the draft is kept as it stands (the idea typed
     * so far, the answers given, the spec written before a regeneration), nothing is written to {@code contracts/},
     * and the result says where {@code --resume} goes on.
     */
    // implements feature-005/FR-005
    @Override
    public IntakeResult intake(IntakeCommand command, IntakeDialog dialog) {
        List<Specification> existing = catalog.list(SpecQuery.ALL).specs();
        Run run = new Run(command, dialog);
        run.templateBody = catalog.templateBody(SpecKind.SPEC);
        try {
            return steps(run, existing);
        } catch (StopRequestedException stop) {
            return run.stopped();
        }
    }

    private IntakeResult steps(Run run, List<Specification> existing) {
        IntakeCommand command = run.command;
        IntakeDialog dialog = run.dialog;
        if (command.resume()) {
            run.draft = latestUnfinished();
            dialog.say(Notice.info("Resuming the intake of " + LOCAL_TIME.withZone(clock.getZone())
                    .format(run.draft.created()) + " (" + drafts.get().pathOf(run.draft.id()) + "), from "
                    + run.draft.resumesAt() + "."));
            if (run.draft.step() == IntakeStep.IDEA) {
                Optional<String> idea = dialog.idea(run.draft.idea(), "The idea as it was when you stopped: add to"
                        + " it, or press Enter to go on as it is.");
                keepTheIdea(run, idea.orElse(""));
                if (idea.isEmpty() || idea.get().isBlank()) {
                    return run.kept();
                }
            }
        } else {
            Optional<String> idea = idea(command.idea(), run);
            if (idea.isEmpty()) {
                return new IntakeResult(false, null, null, Optional.empty(), "", null, false, false, null);
            }
            run.draft = IntakeDraft.start(newDraftId(), idea.get(), clock.instant());
            run.save();
        }
        run.context = context(existing, run.draft.idea());
        if (run.draft.step() == IntakeStep.IDEA && !duplicatesAccepted(run, existing)) {
            run.draft = run.draft.withStep(IntakeStep.ABANDONED, clock.instant());
            run.save();
            return new IntakeResult(false, null, null, Optional.empty(), run.draft.id(),
                    drafts.get().pathOf(run.draft.id()), false, false, null);
        }
        if (run.draft.step() == IntakeStep.IDEA) {
            run.draft = run.draft.withStep(IntakeStep.CONTEXT, clock.instant());
            run.save();
        }
        run.model = command.offline() || run.draft.wizard() ? null : openModel(dialog);
        if (run.draft.current() == null) {
            if (run.model != null) {
                try {
                    askQuestions(run);
                } catch (LanguageModelException e) {
                    dialog.say(Notice.warning("No model answered (" + e.getMessage() + "). Switching to the guided"
                            + " wizard; your idea is kept."));
                    run.model = null;
                }
            }
            if (run.model == null) {
                wizard(run);
            } else {
                generateKeepingTheDraft(run, null);
            }
        }
        return review(run);
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    // implements feature-005/FR-001
    private Optional<String> idea(String given, Run run) {
        IntakeDialog dialog = run.dialog;
        String idea = given == null ? "" : given.strip();
        if (idea.isEmpty()) {
            Optional<String> typed = dialog.idea("", "Describe the feature: who it is for, what they must be able to"
                    + " do, and any limits (speed, security, platforms).");
            keepTheIdea(run, typed.orElse(""));
            if (typed.isEmpty() || typed.get().isBlank()) {
                return Optional.empty();
            }
            idea = typed.get().strip();
        }
        if (idea.length() < config.get().positive("intake.min-idea-length")) {
            Optional<String> longer = dialog.idea(idea, "That is short (" + idea.length() + " characters) to write a"
                    + " spec from: add who it is for, what they must be able to do, and any limits (speed,"
                    + " security, platforms). Or go on as it is.");
            keepTheIdea(run, longer.orElse(idea));
            if (longer.isEmpty() || longer.get().isBlank()) {
                return Optional.empty();
            }
            idea = longer.get().strip();
        }
        return Optional.of(idea);
    }

    /**
     * When the person stopped while typing the idea, {@code typed} (what they typed so far) is kept in the draft, a
     * new one if need be, for {@code --resume}; nothing is kept when nothing was typed.
     */
    private void keepTheIdea(Run run, String typed) {
        if (!run.dialog.stopRequested()) {
            if (run.draft != null && !typed.isBlank()) {
                run.draft = run.draft.withIdea(typed.strip(), clock.instant());
                run.save();
            }
            return;
        }
        if (!typed.isBlank()) {
            run.draft = run.draft == null ? IntakeDraft.start(newDraftId(), typed.strip(), clock.instant())
                    : run.draft.withIdea(typed.strip(), clock.instant());
        }
        throw new StopRequestedException("stopped while the idea was typed");
    }

    private boolean duplicatesAccepted(Run run, List<Specification> existing) {
        List<NearDuplicates.Match> duplicates = NearDuplicates.rank(run.draft.idea(), candidates(existing),
                NearDuplicates.DUPLICATE);
        if (duplicates.isEmpty()) {
            return true;
        }
        boolean proceed = run.dialog.proceedDespite(duplicates);
        run.stopIfAsked("when asked about a similar spec");
        return proceed;
    }

    private LanguageModel openModel(IntakeDialog dialog) {
        try {
            LanguageModels.Selection selection = models.select();
            dialog.say(Notice.info("Using " + selection.providerId() + ": " + selection.reason() + "."));
            // Ctrl-C cancels the call in progress: its connection is closed at once
            return models.open(selection.providerId(), "intake", true, dialog::stopRequested);
        } catch (FactoryException e) {
            dialog.say(Notice.warning("No model is available (" + e.getMessage() + "). Using the guided wizard"
                    + " instead."));
            return null;
        }
    }

    // implements feature-005/FR-002
    private void askQuestions(Run run) {
        IntakeDraft d = run.draft;
        int max = run.command.maxQuestions() >= 0 ? run.command.maxQuestions()
                : config.get().positive("intake.questions");
        if (d.step() == IntakeStep.CONTEXT && max > 0) {
            Prompt prompt = IntakePrompts.questions(run.context, d.idea(), max);
            Generation g = run.model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
            List<Question> questions = ClarifyingQuestions.parse(g.text(), max);
            if (questions.isEmpty()) {
                run.dialog.say(Notice.info("The model asked no usable questions; going on without."));
            }
            run.draft = d.withQuestions(questions, clock.instant()).withStep(IntakeStep.QUESTIONS, clock.instant());
            run.save();
        }
        List<Question> questions = run.draft.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (run.draft.answers().containsKey(q.id())) {
                continue;
            }
            Answer answer = run.dialog.ask(q, i + 1, questions.size());
            run.stopIfAsked("at a question");
            if (answer instanceof Answer.SkipRest) {
                for (int j = i; j < questions.size(); j++) {
                    run.draft = run.draft.withAnswer(questions.get(j).id(), "", clock.instant());
                }
                run.save();
                break;
            }
            String text = answer instanceof Answer.Given ? ((Answer.Given) answer).text().strip() : "";
            run.draft = run.draft.withAnswer(q.id(), text, clock.instant());
            run.save();
        }
    }

    /**
     * {@link #generate}, and when the model fails half-way (a dropped connection, a timeout) the draft stays as it
     * was before this generation, with a message that says how to go on.
     */
    private void generateKeepingTheDraft(Run run, String feedback) {
        IntakeDraft before = run.draft;
        try {
            generate(run, feedback);
        } catch (StopRequestedException e) {
            if (run.draft.step() != IntakeStep.REVIEW) { // stopped while it was written: it is written again
                run.draft = before.current() == null ? before.withStep(IntakeStep.GENERATION, clock.instant())
                        : before;
            }
            throw e;
        } catch (LanguageModelException e) {
            run.draft = before.current() == null ? before.withStep(IntakeStep.QUESTIONS, clock.instant()) : before;
            run.save();
            throw new FactoryException(e.getMessage() + " Nothing was lost: the draft is kept in "
                    + drafts.get().pathOf(run.draft.id()) + "; continue with: factory intake --resume", e);
        }
    }

    /** Writes (or rewrites, with feedback) the spec, then one repair round when it does not validate. */
    // implements feature-005/FR-003
    private void generate(Run run, String feedback) {
        IntakeDraft d = run.draft.withStep(IntakeStep.GENERATION, clock.instant());
        run.draft = d;
        run.save();
        Prompt prompt = IntakePrompts.generation(run.context, d.idea(), answered(d), run.templateBody, feedback,
                feedback == null ? null : d.current());
        String body = null;
        for (int attempt = 1; attempt <= 2 && body == null; attempt++) {
            Generation g = stream(run, prompt);
            ModelMarkdown.Extracted extracted = ModelMarkdown.extract(g.text());
            if (extracted.isEmpty()) {
                run.dialog.say(Notice.warning(attempt == 1 ? "The model returned no spec; asking once more."
                        : "The model returned no spec again."));
                continue;
            }
            if (extracted.hadFrontMatter()) {
                run.dialog.say(Notice.info("The model wrote front matter of its own; Code-Factory writes it"
                        + " instead."));
            }
            if (extracted.truncated() || g.finishReason() == FinishReason.LENGTH) {
                run.dialog.say(Notice.warning("The answer was cut off before its end; what is missing is listed"
                        + " below."));
            }
            body = withTitle(extracted.body(), d.idea());
        }
        if (body == null) {
            run.draft = run.draft.withStep(IntakeStep.REVIEW, clock.instant());
            run.save();
            throw new FactoryException("the model returned an empty answer twice; try again later, another model"
                    + " (--model), or --offline for the guided wizard. The idea and answers are kept: factory"
                    + " intake --resume");
        }
        List<String> problems = problemsToRepair(run, body);
        if (!problems.isEmpty()) {
            run.dialog.say(Notice.info("The spec has " + problems.size() + " problem(s); asking the model to"
                    + " repair them once."));
            Prompt repair = IntakePrompts.repair(body, problems, run.templateBody);
            Generation fixed;
            try {
                fixed = run.model.generate(GenerationRequest.of(repair.system(), repair.user()));
            } catch (StopRequestedException e) { // the spec as written (and shown) is kept, not repaired
                run.draft = run.draft.withGenerated(RelatedLinks.add(body, run.context.related(),
                        SpecKind.SPEC.folder()), clock.instant()).withStep(IntakeStep.REVIEW, clock.instant());
                throw e;
            }
            ModelMarkdown.Extracted extracted = ModelMarkdown.extract(fixed.text());
            if (!extracted.isEmpty()) {
                String repaired = withTitle(extracted.body(), d.idea());
                if (problemsToRepair(run, repaired).size() <= problems.size()) {
                    body = repaired;
                }
            }
        }
        body = RelatedLinks.add(withIds(body), run.context.related(), SpecKind.SPEC.folder());
        run.draft = run.draft.withGenerated(body, clock.instant()).withStep(IntakeStep.REVIEW, clock.instant());
        run.save();
    }

    /**
     * The model's answer, streamed: the dialog is given the spec cleaned as it arrives ({@link ModelMarkdownStream}),
     * never the model's chatter or fences. A stop request cancels the stream at once.
     */
    // implements feature-005/FR-003
    private Generation stream(Run run, Prompt prompt) {
        return StreamedSpec.write(run.model, GenerationRequest.of(prompt.system(), prompt.user()), run.dialog::token,
                run.dialog::stopRequested);
    }

    // implements feature-005/FR-007
    private void wizard(Run run) {
        List<TemplateSections.Section> sections = TemplateSections.of(run.templateBody);
        if (!run.draft.wizard()) {
            List<Question> asked = new ArrayList<>();
            for (TemplateSections.Section s : sections) {
                asked.add(new Question(SECTION + s.heading(), s.heading(), s.hint()));
            }
            run.draft = run.draft.withWizard(true, clock.instant()).withQuestions(asked, clock.instant())
                    .withStep(IntakeStep.GENERATION, clock.instant());
            run.save();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            TemplateSections.Section s = sections.get(i);
            String key = SECTION + s.heading();
            String text = run.draft.answers().get(key);
            if (text == null) {
                text = run.dialog.section(s, i + 1, sections.size());
                run.stopIfAsked("at a section");
                text = text == null ? "" : text.strip();
                run.draft = run.draft.withAnswer(key, text, clock.instant());
                run.save();
            }
            texts.put(s.heading(), text);
        }
        String body = RelatedLinks.add(withIds(TemplateSections.fill(titleFrom(run.draft.idea()), sections, texts)),
                run.context.related(), SpecKind.SPEC.folder());
        run.draft = run.draft.withGenerated(body, clock.instant()).withStep(IntakeStep.REVIEW, clock.instant());
        run.save();
    }

    // implements feature-005/FR-004
    private IntakeResult review(Run run) {
        while (true) {
            String current = run.draft.current();
            List<String> problems = problems(run, current);
            ReviewDecision decision = run.dialog.review(current, problems, run.model != null);
            run.stopIfAsked("at the review");
            if (decision instanceof ReviewDecision.Accept) {
                if (problems.isEmpty()) {
                    return save(run, current);
                }
                run.dialog.say(Notice.warning("It cannot be saved as it is: fix what is listed (edit"
                        + (run.model != null ? " or regenerate" : "") + ") first."));
            } else if (decision instanceof ReviewDecision.Edit) {
                String edited = run.dialog.edit(current);
                if (edited != null && !edited.equals(current)) {
                    run.draft = run.draft.withEdited(edited, clock.instant());
                    run.save();
                }
                run.stopIfAsked("after the edit");
            } else if (decision instanceof ReviewDecision.Regenerate) {
                if (run.model == null) {
                    run.dialog.say(Notice.warning("There is no model to write it again; edit it instead."));
                    continue;
                }
                String feedback = ((ReviewDecision.Regenerate) decision).feedback();
                run.draft = run.draft.withFeedback(feedback == null ? "" : feedback, clock.instant());
                run.save();
                generateKeepingTheDraft(run, feedback == null || feedback.isBlank() ? "Write it again, better."
                        : feedback);
            } else {
                return run.kept();
            }
        }
    }

    /**
     * Writes the spec, the index and their commit together: when any of them fails, nothing of it is left in
     * {@code contracts/} and the draft stays, so that {@code --resume} writes exactly one spec once the cause is fixed.
     */
    private IntakeResult save(Run run, String body) {
        String title = titleOf(body).orElse(titleFrom(run.draft.idea()));
        Optional<? extends History> vcs = git.get();
        if (run.command.commit() && vcs.isEmpty()) {
            run.dialog.say(Notice.warning("Not committed: the project is not in a git repository."));
        }
        record Saved(CreatedSpec created, Optional<String> commit) {
        }
        Saved saved;
        try {
            saved = catalog.create(new CreateSpecCommand(title, SpecKind.SPEC, run.command.tags(),
                    run.command.priority(), null), body, created -> {
                        if (!run.command.commit() || vcs.isEmpty()) {
                            return new Saved(created, Optional.empty());
                        }
                        Path workTree = vcs.get().workTree();
                        List<String> paths = List.of(relative(workTree, created.path()),
                                relative(workTree, catalog.indexPath()));
                        CommitInfo info = vcs.get().commit(CommitRequest.only("spec: add " + title + " ("
                                + created.spec().id().value() + ")", paths));
                        return new Saved(created, Optional.of(info.id()));
                    });
        } catch (FactoryException e) {
            String draftPath = drafts.get().pathOf(run.draft.id());
            run.dialog.say(Notice.hint("Nothing was saved in contracts/; the spec is kept in " + draftPath + ". Once"
                    + " that is fixed: factory intake --resume"));
            throw e.withDetail("draft", draftPath);
        }
        String id = saved.created().spec().id().value();
        String path = saved.created().path();
        run.draft = run.draft.withSaved(id, path, clock.instant());
        drafts.get().delete(run.draft.id());
        return new IntakeResult(true, id, path, saved.commit(), run.draft.id(), null, run.draft.wizard(), false, null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /**
     * What the model is asked to repair in a spec it wrote: the validator's problems ({@link #problems}) and its
     * requirements without ids, with malformed or shared ones ({@link DraftRequirementIds}, feature-010/FR-002).
     * Only the validator's problems keep a person from saving: a spec the person wrote or edited may lack ids.
     */
    private List<String> problemsToRepair(Run run, String body) {
        List<String> all = new ArrayList<>(problems(run, body));
        all.addAll(DraftRequirementIds.problems(body));
        return all;
    }

    /**
     * The draft with an id on every requirement that still lacks one, the next free number of its kind: what the
     * model left out after its repair round, or what the wizard's person wrote (feature-010/FR-002). Only the id
     * text is inserted; malformed and shared ids stay for the person to see.
     */
    // implements feature-010/FR-002
    private static String withIds(String body) {
        return IdAssignment.assign(body, 1, Set.of()).text();
    }

    private List<String> problems(Run run, String body) {
        String title = titleOf(body).orElse(titleFrom(run.draft.idea()));
        try {
            return catalog.check(new CreateSpecCommand(title, SpecKind.SPEC, run.command.tags(),
                    run.command.priority(), null), body);
        } catch (InvalidCommandException e) {
            return List.of(e.getMessage());
        }
    }

    private IntakeDraft latestUnfinished() {
        return drafts.get().list().stream()
                .filter(d -> d.step() != IntakeStep.SAVED && d.step() != IntakeStep.ABANDONED)
                .findFirst()
                .orElseThrow(() -> new InvalidCommandException("there is no unfinished intake to resume in"
                        + " .factory/drafts/; start one with: factory intake \"IDEA\""));
    }

    private String newDraftId() {
        String base = "intake-" + DRAFT_ID.format(clock.instant());
        String id = base;
        for (int n = 2; drafts.get().load(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private IntakeContext context(List<Specification> existing, String idea) {
        List<Candidate> all = candidates(existing);
        List<Candidate> related = new ArrayList<>();
        for (NearDuplicates.Match m : NearDuplicates.rank(idea, all, NearDuplicates.RELATED)) {
            if (related.size() < 5) {
                related.add(m.candidate());
            }
        }
        return new IntakeContext(root.getFileName() == null ? "project" : root.getFileName().toString(),
                TechStack.detect(buildFiles()), all, related);
    }

    // implements feature-005/FR-001
    private Map<String, String> buildFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : TechStack.buildFileNames()) {
            try {
                projectFiles.get().readBytes(name, MAX_BUILD_FILE)
                        .ifPresent(bytes -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
            } catch (FactoryException e) {
                // an unreadable build file only means a less precise tech stack
            }
        }
        return files;
    }

    private static List<Candidate> candidates(List<Specification> specs) {
        List<Candidate> out = new ArrayList<>();
        for (Specification s : specs) {
            out.add(new Candidate(s.id().value(), s.title(), s.tags(), s.path()));
        }
        return out;
    }

    private static List<Answered> answered(IntakeDraft d) {
        List<Answered> out = new ArrayList<>();
        for (Question q : d.questions()) {
            out.add(new Answered(q.text(), d.answers().getOrDefault(q.id(), "")));
        }
        return out;
    }

    /** The text of the body's first {@code # } heading. */
    static Optional<String> titleOf(String body) {
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String t = line.substring(2).strip();
                return t.isEmpty() || t.length() > 200 ? Optional.empty() : Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A title from the idea: its first sentence, at most 80 characters, cut at a word. */
    static String titleFrom(String idea) {
        String first = idea.strip().split("(?<=[.!?])\\s|\\n", 2)[0].replaceAll("[.!?]+$", "").strip();
        if (first.length() > 80) {
            int cut = first.lastIndexOf(' ', 80);
            first = first.substring(0, cut > 20 ? cut : 80);
        }
        return first.isEmpty() ? "New feature" : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    private static String withTitle(String body, String idea) {
        return titleOf(body).isPresent() ? body : "# " + titleFrom(idea) + "\n\n" + body;
    }

    private String relative(Path workTree, String projectRelative) {
        return workTree.toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize()
                .resolve(projectRelative)).toString().replace('\\', '/');
    }
}
