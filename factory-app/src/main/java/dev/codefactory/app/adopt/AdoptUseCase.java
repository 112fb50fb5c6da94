package dev.codefactory.app.adopt;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.adopt.AdoptionBudget;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Discovery;
import dev.codefactory.port.adopt.AdoptDialog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ADOPT: an existing code base (or one path of it) becomes draft specifications a person reviews, each requirement
 * pointing at the code that shows it. Discovery needs no model and ends in a plan the person edits; drafting asks a
 * model per accepted capability (or writes skeletons offline); nothing is written to {@code contracts/} until the
 * person accepts, and the accepted specs are committed together.
 */
// implements feature-011/FR-013
public interface AdoptUseCase {

    /** Discovery only, no model and no write: what {@code path} ("" for the whole project) holds, and the plan. */
    Discovered discover(String path, AdoptDialog dialog);

    /** Discovers, lets {@code dialog} edit the plan, drafts, and writes and commits what the person accepts. */
    AdoptOutcome adopt(AdoptCommand command, AdoptDialog dialog);

    /**
     * @param path         the path to adopt, relative to the project root ("" for the whole project)
     * @param offline      no model: skeleton specs with the evidence lists and empty requirements (FR-011)
     * @param yes          take the plan as found and accept every draft that validates, without asking
     * @param resume       go on with the most recent unfinished adoption instead of starting one (FR-009)
     * @param maxSpecs     draft at most this many specs (0: no limit)
     * @param budgetTokens spend at most this many tokens, estimated before drafting (0: no limit)
     * @param commit       commit the new specs together when git is there
     * @param useCache     let identical model requests be answered from the cache
     */
    record AdoptCommand(String path, boolean offline, boolean yes, boolean resume, int maxSpecs, long budgetTokens,
                        boolean commit, boolean useCache) {
        public AdoptCommand {
            path = path == null ? "" : path;
            if (maxSpecs < 0) {
                throw new InvalidCommandException("--max-specs must be 0 (no limit) or more, not " + maxSpecs);
            }
            if (budgetTokens < 0) {
                throw new InvalidCommandException("--budget-tokens must be 0 (no limit) or more, not "
                        + budgetTokens);
            }
        }

        /** The whole project, with a model, asking at every step, committed. */
        public static AdoptCommand of(String path) {
            return new AdoptCommand(path, false, false, false, 0, 0, true, true);
        }

        public AdoptCommand withOffline(boolean offline) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withYes(boolean yes) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withResume(boolean resume) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withMaxSpecs(int maxSpecs) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withBudgetTokens(long budgetTokens) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withCommit(boolean commit) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }

        public AdoptCommand withCache(boolean useCache) {
            return new AdoptCommand(path, offline, yes, resume, maxSpecs, budgetTokens, commit, useCache);
        }
    }

    /**
     * What discovery found.
     *
     * @param discovery what the files say
     * @param plan      the candidate capabilities, covered ones marked
     * @param took      how long discovery took
     */
    record Discovered(Discovery discovery, AdoptionPlan plan, Duration took) {
        public Discovered {
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(took, "took");
        }
    }

    /**
     * A spec adoption wrote.
     *
     * @param specId     its id
     * @param path       its file, relative to the project root
     * @param capability the key of the capability it describes
     * @param skeleton   an offline skeleton (no model)
     * @param update     a proposed update of an existing spec the person accepted, not a new spec
     */
    record AdoptedSpec(String specId, String path, String capability, boolean skeleton, boolean update) {
    }

    /**
     * How an adoption ended.
     *
     * @param plan         the plan as the person left it
     * @param budget       the estimate shown before drafting (zero offline)
     * @param written      the specs written
     * @param commit       the commit of the specs, when one was made
     * @param skipped      the capability keys skipped (by the person, covered, or over the budget)
     * @param draftId      the unfinished adoption's draft id, when one is kept ("" when finished)
     * @param draftPath    where that draft is ("" when none)
     * @param stopped      the person stopped or quit; what was accepted so far is in the draft
     * @param modelCalls   the model calls made
     * @param tokens       the tokens they used
     * @param codeTouched  the code files that got trace-link comments (only with the person's consent)
     */
    record AdoptOutcome(AdoptionPlan plan, AdoptionBudget budget, List<AdoptedSpec> written,
                        Optional<String> commit, List<String> skipped, String draftId, String draftPath,
                        boolean stopped, int modelCalls, long tokens, List<String> codeTouched) {
        public AdoptOutcome {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(budget, "budget");
            written = List.copyOf(written);
            Objects.requireNonNull(commit, "commit");
            skipped = List.copyOf(skipped);
            draftId = draftId == null ? "" : draftId;
            draftPath = draftPath == null ? "" : draftPath;
            codeTouched = List.copyOf(codeTouched);
        }
    }
}
