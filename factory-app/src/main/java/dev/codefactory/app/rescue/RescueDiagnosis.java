package dev.codefactory.app.rescue;

import dev.codefactory.domain.change.ChangePrompts;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.app.llm.RedactingLanguageModel;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.DiagnosisAnswer;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.RescuePrompts;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.VersionControl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks the model why the project is broken: the findings with their evidence, the test failures, the code around each
 * failure, the recent commits and the diff since the last green state when it is known (the newest applied change
 * whose tests passed: its last commit); its answer read by {@link DiagnosisAnswer} and checked like review's (made-up
 * files and lines dropped and counted, one repair request for an answer that cannot be read, then an empty diagnosis
 * with a note). The model is a {@link RedactingLanguageModel}: the code and output it is shown have their secrets
 * masked.
 */
// implements feature-008/FR-009
final class RescueDiagnosis {
    /** Lines shown above and below the line a failure points at. */
    static final int WINDOW_RADIUS = 12;
    /** At most this many code windows go to the model. */
    static final int MAX_WINDOWS = 12;
    /** At most this many recent commits go to the model. */
    static final int MAX_COMMITS = 10;
    /** A file larger than this is not read for a window (nor counted for evidence: its evidence is dropped). */
    static final long MAX_FILE_BYTES = 2_000_000;

    private final LanguageModels models;
    private final Supplier<ProjectFiles> files;
    private final Supplier<VersionControl> git;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;
    private final Supplier<ChangeJournal> journal;

    /** Without the change journal: the last green state is not known (no diff since it is given). */
    RescueDiagnosis(LanguageModels models, Supplier<ProjectFiles> files, Supplier<VersionControl> git,
                    Supplier<FactoryConfig> config, Clock clock) {
        this(models, files, git, config, clock, null);
    }

    /** With the change journal, whose newest applied change with passing tests is the last green state. */
    RescueDiagnosis(LanguageModels models, Supplier<ProjectFiles> files, Supplier<VersionControl> git,
                    Supplier<FactoryConfig> config, Clock clock, Supplier<ChangeJournal> journal) {
        this.models = models;
        this.files = files;
        this.git = git;
        this.config = config;
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * The causes of what {@code findings} and {@code failures} show, most confident first ({@code dialog.causes} is
     * told them); {@link Diagnosis#none()} offline or when nothing is broken. A model that cannot be reached gives an
     * empty diagnosis with a note saying why (detection's results stand without it).
     */
    Diagnosis diagnose(List<RescueFinding> findings, List<TestFailure> failures, RescueUseCase.RescueCommand command,
                       RescueDialog dialog) {
        if (command.offline() || findings.stream().noneMatch(RescueFinding::broken) && failures.isEmpty()) {
            return Diagnosis.none();
        }
        dialog.progress("gathering the evidence for the model");
        Map<String, Integer> lineCounts = new HashMap<>();
        RescuePrompts.Context context = context(findings, failures, lineCounts);
        RedactingLanguageModel model;
        try {
            LanguageModels.Selection selection = models.select();
            dialog.say("Using " + selection.providerId() + ": " + selection.reason() + ".");
            model = new RedactingLanguageModel(models.open(selection.providerId(), "rescue", command.useCache(),
                    dialog::stopRequested));
        } catch (StopRequestedException stop) {
            throw stop;
        } catch (FactoryException unavailable) {
            return new Diagnosis(List.of(), 0, List.of("No model could be used (" + unavailable.getMessage()
                    + "); run with --offline for detection only, or configure one (`factory models`)."));
        }
        dialog.progress("asking " + model.providerId() + " why the project is broken");
        Diagnosis diagnosis;
        try {
            diagnosis = ask(model, context, lineCounts, dialog);
        } catch (StopRequestedException stop) {
            throw stop;
        } catch (FactoryException failed) {
            diagnosis = new Diagnosis(List.of(), 0, List.of("The model could not be asked (" + failed.getMessage()
                    + "); nothing was diagnosed."));
        }
        dialog.causes(diagnosis.causes());
        return diagnosis;
    }

    private Diagnosis ask(LanguageModel model, RescuePrompts.Context context, Map<String, Integer> lineCounts,
                          RescueDialog dialog) {
        String answer = generate(model, RescuePrompts.diagnose(context));
        try {
            return DiagnosisAnswer.parse(answer, path -> lines(path, lineCounts));
        } catch (DiagnosisAnswer.MalformedAnswerException malformed) {
            dialog.say("The model's diagnosis could not be read (" + malformed.problem() + "); asking once more.");
            String again = generate(model, RescuePrompts.repair(answer, malformed.problem()));
            try {
                Diagnosis repaired = DiagnosisAnswer.parse(again, path -> lines(path, lineCounts));
                List<String> notes = new ArrayList<>();
                notes.add("The first answer could not be read (" + malformed.problem() + "); this is the model's"
                        + " second.");
                notes.addAll(repaired.notes());
                return new Diagnosis(repaired.causes(), repaired.dropped(), notes);
            } catch (DiagnosisAnswer.MalformedAnswerException still) {
                return new Diagnosis(List.of(), 0, List.of("The model's diagnosis could not be read, even when asked"
                        + " again (" + still.problem() + "); no cause is given. Try another model (--model)."));
            }
        }
    }

    private static String generate(LanguageModel model, ChangePrompts.Prompt prompt) {
        return model.generate(GenerationRequest.of(prompt.system(), prompt.user())).text();
    }

    /** What the model is shown. */
    private RescuePrompts.Context context(List<RescueFinding> findings, List<TestFailure> failures,
                                          Map<String, Integer> lineCounts) {
        List<RescuePrompts.CodeWindow> windows = new ArrayList<>();
        Map<String, List<int[]>> shown = new HashMap<>();
        for (TestFailure f : failures) {
            if (windows.size() >= MAX_WINDOWS) {
                break;
            }
            if (f.path().isEmpty() || f.line() < 1 || covered(shown, f.path(), f.line())) {
                continue;
            }
            text(f.path()).flatMap(t -> RescuePrompts.CodeWindow.around(f.path(), t, f.line(), WINDOW_RADIUS))
                    .ifPresent(w -> {
                        windows.add(w);
                        shown.computeIfAbsent(w.path(), k -> new ArrayList<>()).add(new int[] {w.startLine(),
                                w.endLine()});
                    });
        }
        VersionControl vcs = git.get();
        List<String> commits = new ArrayList<>();
        try {
            for (CommitInfo c : vcs.log(null, MAX_COMMITS)) {
                commits.add(c.shortId() + " " + c.subject() + " (" + c.author().name() + ", " + c.time() + ")");
            }
        } catch (RuntimeException noHistory) {
            // an empty repository: no commits to show
        }
        Optional<String> diff = Optional.empty();
        String note;
        Optional<ChangeRecord> green = lastGreen();
        if (green.isEmpty()) {
            note = "not known (Code-Factory has no record of a change whose tests passed), so no diff is given";
        } else {
            String tip = green.get().tip().orElseThrow();
            String shortTip = tip.substring(0, Math.min(7, tip.length()));
            try {
                if (vcs.resolve(tip).isEmpty()) {
                    throw new IllegalStateException("gone");
                }
                String d = vcs.diff(tip, "HEAD") + vcs.diffWorkingTree();
                diff = Optional.of(d.isBlank() ? "(no difference)" : d);
                note = "commit " + shortTip + ", change " + green.get().id() + " whose tests passed; the diff runs"
                        + " from it to the working tree";
            } catch (RuntimeException gone) {
                note = "change " + green.get().id() + "'s commit " + shortTip + " (its tests passed) is no longer in"
                        + " this repository, so no diff is given";
            }
        }
        return new RescuePrompts.Context(findings, failures, windows, commits, diff, note);
    }

    /** The newest applied change whose tests passed, when the journal has one. */
    private Optional<ChangeRecord> lastGreen() {
        if (journal == null) {
            return Optional.empty();
        }
        try {
            return journal.get().list().stream().filter(r -> r.status() == ChangeRecord.Status.APPLIED)
                    .filter(r -> r.tests().equals("passed") && r.tip().isPresent()).findFirst();
        } catch (RuntimeException unreadable) { // a damaged record is detection's finding, not the diagnosis's
            return Optional.empty();
        }
    }

    private static boolean covered(Map<String, List<int[]>> shown, String path, int line) {
        return shown.getOrDefault(path, List.of()).stream().anyMatch(r -> line >= r[0] && line <= r[1]);
    }

    /** The text of a project file, or empty when it is missing, too large, binary or may not be read. */
    private Optional<String> text(String path) {
        try {
            return files.get().readBytes(path, MAX_FILE_BYTES).isEmpty() ? Optional.empty()
                    : files.get().readText(path);
        } catch (FactoryException | java.io.UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /** How many lines {@code path} has; -1 when it is not a project file that can be read. */
    private int lines(String path, Map<String, Integer> cache) {
        return cache.computeIfAbsent(path, p -> text(p).map(t -> {
            long n = t.lines().count();
            return (int) Math.min(n, Integer.MAX_VALUE);
        }).orElse(-1));
    }
}
