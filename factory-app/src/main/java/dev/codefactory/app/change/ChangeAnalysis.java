package dev.codefactory.app.change;

import dev.codefactory.app.change.ChangeOrderUseCase.ChangeCommand;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.RedactingLanguageModel;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.change.ChangeCandidates;
import dev.codefactory.domain.change.ChangePrompts;
import dev.codefactory.domain.change.PlanAnswer;
import dev.codefactory.domain.change.ChangePlan;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.workspace.ProjectPaths;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Step 1 of a change order, the analysis: the heads of the files git sees, the specs (named, or sharing words with
 * the request) and the files they and the request point at, then the model's plan (asked again once when unusable).
 */
// implements feature-007/FR-001
final class ChangeAnalysis {
    private static final int HEAD_CHARS = 64 * 1024;
    private static final int EXCERPT_CHARS = 4_000;
    private static final int EXCERPT_FILES = 10;
    private static final int CANDIDATES = 40;
    private static final int SCAN_FILES = 20_000;

    private final Supplier<WorkspaceScanner> scanner;
    private final Supplier<ProjectFiles> files;
    private final Supplier<FactoryConfig> config;

    ChangeAnalysis(Supplier<WorkspaceScanner> scanner, Supplier<ProjectFiles> files, Supplier<FactoryConfig> config) {
        this.scanner = scanner;
        this.files = files;
        this.config = config;
    }

    /**
     * What the analysis found and the model planned from it.
     *
     * @param heads         the heads of the files git sees, by path
     * @param specTitles    every spec not deprecated, id to title
     * @param specContexts  the specs considered, as the model is shown them
     * @param candidates    the files the request likely touches, with reasons
     * @param plan          the model's plan
     * @param specs         the specs the change is for: those named with --spec, then the plan's
     */
    record Findings(Map<String, String> heads, Map<String, String> specTitles,
            List<ChangePrompts.SpecContext> specContexts, List<ChangePrompts.Candidate> candidates,
            PlanAnswer.Parsed plan, List<ChangePlan.SpecRef> specs) {
    }

    /** The files' heads, the specs and the candidate files, then the model's plan. */
    Findings analyse(ChangeCommand command, RedactingLanguageModel model, List<Specification> allSpecs,
            List<Specification> named, ChangeDialog dialog) {
        dialog.step(ChangeOrderStep.ANALYSIS, "reading the specs and the project's files");
        Map<String, String> heads = heads(dialog);
        List<Specification> considered = named.isEmpty() ? likelySpecs(allSpecs, command.request()) : named;
        Map<String, String> specTitles = new LinkedHashMap<>();
        allSpecs.stream().filter(s -> s.status() != SpecStatus.DEPRECATED)
                .forEach(s -> specTitles.put(s.id().value(), s.title()));
        List<ChangePrompts.SpecContext> specContexts = new ArrayList<>();
        List<String> specReferences = new ArrayList<>();
        for (Specification spec : considered) {
            String body = readSpec(spec);
            specContexts.add(new ChangePrompts.SpecContext(spec.id().value(), spec.title(), cut(body, EXCERPT_CHARS)));
            for (SpecMatcher.Match m : SpecMatcher.rank(new SpecMatcher.SpecInfo(spec.id().value(), spec.title(),
                    spec.tags(), spec.status().label(), body, spec.path()), new ArrayList<>(heads.keySet()),
                    heads::get, 10)) {
                if (!specReferences.contains(m.path())) {
                    specReferences.add(m.path());
                }
            }
        }
        List<ChangePrompts.Candidate> candidates = ChangeCandidates.rank(command.request(), specReferences,
                new ArrayList<>(heads.keySet()), heads::get, CANDIDATES);
        Map<String, String> excerpts = new LinkedHashMap<>();
        for (ChangePrompts.Candidate c : candidates) {
            if (excerpts.size() >= EXCERPT_FILES) {
                break;
            }
            excerpts.put(c.path(), cut(heads.get(c.path()), EXCERPT_CHARS));
        }
        PlanAnswer.Parsed plan = askPlan(model, command.request(), specContexts, candidates, excerpts, specTitles,
                dialog);
        if (model.redactedSecrets() > 0) {
            dialog.say(model.redactedSecrets() + " secret(s) in what the model was shown were replaced by"
                    + " [REDACTED:...] markers; they stay as they are in your files.");
        }
        return new Findings(heads, specTitles, specContexts, candidates, plan, planSpecs(named, plan, specTitles));
    }

    /** The specs a change is for: those named with --spec, then those the plan names, each once. */
    private static List<ChangePlan.SpecRef> planSpecs(List<Specification> named, PlanAnswer.Parsed plan,
            Map<String, String> specTitles) {
        List<ChangePlan.SpecRef> specs = new ArrayList<>();
        for (Specification s : named) {
            specs.add(new ChangePlan.SpecRef(s.id().value(), s.title(), "named with --spec"));
        }
        for (ChangePlan.SpecRef ref : plan.specs()) {
            if (specs.stream().noneMatch(s -> s.id().equals(ref.id()))) {
                specs.add(new ChangePlan.SpecRef(ref.id(), specTitles.getOrDefault(ref.id(), ref.title()),
                        ref.reason()));
            }
        }
        return specs;
    }

    /** The specs named with --spec, in their order; an unknown id is refused. */
    static List<Specification> named(List<Specification> all, List<String> ids) {
        List<Specification> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(s -> s.id().value().equals(id)).findFirst().orElseThrow(() ->
                    new InvalidCommandException("no spec with id '" + id + "'; `factory spec list` shows them")));
        }
        return out;
    }

    /** The specs whose title, tags or id share words with the request; all of them when there are few. */
    private static List<Specification> likelySpecs(List<Specification> all, String request) {
        List<Specification> live = all.stream().filter(s -> s.status() != SpecStatus.DEPRECATED).toList();
        if (live.size() <= 8) {
            return live;
        }
        Set<String> words = words(request);
        TreeMap<Integer, List<Specification>> ranked = new TreeMap<>();
        for (Specification s : live) {
            Set<String> own = words(s.title() + " " + String.join(" ", s.tags()) + " " + s.id().value());
            own.retainAll(words);
            if (!own.isEmpty()) {
                ranked.computeIfAbsent(-own.size(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Specification> out = new ArrayList<>();
        ranked.values().forEach(out::addAll);
        return out.size() > 8 ? out.subList(0, 8) : out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() >= 4) {
                out.add(w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    /** The head of every text file git sees (not contracts, reports or .factory), by path. */
    private Map<String, String> heads(ChangeDialog dialog) {
        FactoryConfig cfg = config.get();
        var scan = scanner.get().scan(new ScanRequest(List.of(), cfg.scanMaxFileBytes(), SCAN_FILES));
        if (!scan.skipped().isEmpty()) {
            dialog.say(scan.skipped().size() + " file(s) left out of the analysis (binary, too large or beyond "
                    + SCAN_FILES + " files).");
        }
        Map<String, String> out = new LinkedHashMap<>();
        ProjectFiles project = files.get();
        for (SourceFile f : scan.files()) {
            String p = f.path();
            if (ProjectPaths.isRecord(p)) {
                continue;
            }
            try {
                project.readText(p).ifPresent(text -> out.put(p, cut(text, HEAD_CHARS)));
            } catch (FactoryException unreadable) {
                // binary, a link, or gone since the scan: not a candidate
            }
        }
        return out;
    }

    private PlanAnswer.Parsed askPlan(LanguageModel model, String request, List<ChangePrompts.SpecContext> specs,
                                      List<ChangePrompts.Candidate> candidates, Map<String, String> excerpts,
                                      Map<String, String> specTitles, ChangeDialog dialog) {
        ChangePrompts.Prompt prompt = ChangePrompts.plan(request, specs, candidates, excerpts);
        String answer = ask(model, prompt);
        try {
            return PlanAnswer.parse(answer, this::exists, specTitles);
        } catch (IllegalArgumentException malformed) {
            dialog.say("The model's plan could not be used (" + malformed.getMessage() + "); asking once more.");
            String again = ask(model, ChangePrompts.planRepair(answer, malformed.getMessage()));
            try {
                return PlanAnswer.parse(again, this::exists, specTitles);
            } catch (IllegalArgumentException still) {
                throw new FactoryException("the model did not propose a usable plan, even when asked again ("
                        + still.getMessage() + "). Nothing was changed. Name the files or the spec in the request"
                        + " (--spec ID), or try another model (--model).");
            }
        }
    }

    private static String ask(LanguageModel model, ChangePrompts.Prompt prompt) {
        Generation g = model.generate(GenerationRequest.of(prompt.system(), prompt.user()));
        return g.text();
    }

    private boolean exists(String path) {
        try {
            return files.get().kind(path) != FileKind.MISSING;
        } catch (FactoryException unsafe) {
            return false;
        }
    }

    private String readSpec(Specification spec) {
        return files.get().readText(spec.path()).orElse("").replace("\r\n", "\n");
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
