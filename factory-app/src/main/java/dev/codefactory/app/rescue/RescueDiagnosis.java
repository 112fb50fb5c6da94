package dev.codefactory.app.rescue;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.llm.LanguageModels;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.vcs.VersionControl;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asks the model why the project is broken: the findings with their evidence, the code around each failure, the
 * recent commits and the diff since the last green state when it is known; its answer checked like review's.
 * (Skeleton: helper h15-model implements it; keep the constructor.)
 */
final class RescueDiagnosis {
    RescueDiagnosis(LanguageModels models, Supplier<ProjectFiles> files, Supplier<VersionControl> git,
                    Supplier<FactoryConfig> config, Clock clock) {
    }

    /** The causes of what {@code findings} and {@code failures} show. */
    Diagnosis diagnose(List<RescueFinding> findings, List<TestFailure> failures, RescueUseCase.RescueCommand command,
                       RescueDialog dialog) {
        return Diagnosis.none();
    }
}
