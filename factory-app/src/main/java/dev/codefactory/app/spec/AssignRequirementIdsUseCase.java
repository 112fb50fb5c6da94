package dev.codefactory.app.spec;

import dev.codefactory.domain.trace.AssignedId;
import java.util.List;
import java.util.Objects;

/**
 * {@code factory spec ids} (feature-010/FR-003): ids for the requirements of existing specs that lack them, shown
 * before they are written. {@link #planIds} reads and writes nothing; {@link #writeIds} writes a plan's files all or
 * none, and only when none changed since the plan was made.
 */
public interface AssignRequirementIdsUseCase {

    /** The ids the specs {@code command} names would get, with the diff of each file; nothing is written. */
    IdPlan planIds(AssignIdsCommand command);

    /**
     * Writes every file of {@code plan} through the project's atomic writer, or none.
     *
     * @throws dev.codefactory.domain.project.ProjectStateException when a file changed since the plan was made
     */
    void writeIds(IdPlan plan);

    /** @param specs spec ids or contract paths; every contract when empty */
    record AssignIdsCommand(List<String> specs) {
        public AssignIdsCommand {
            specs = List.copyOf(specs);
        }
    }

    /**
     * One contract that gets ids.
     *
     * @param path     the contract's project-relative path
     * @param specId   its id
     * @param before   its text as read
     * @param after    its text with the ids
     * @param assigned the ids given, in line order
     * @param diff     the unified diff from {@code before} to {@code after}
     */
    record FileIds(String path, String specId, String before, String after, List<AssignedId> assigned,
                   String diff) {
        public FileIds {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            assigned = List.copyOf(assigned);
            Objects.requireNonNull(diff, "diff");
        }
    }

    /**
     * @param checked the number of contracts looked at
     * @param files   the contracts that get ids, by path; empty when every requirement has one
     * @param skipped contracts that could not be read as such (no front matter, not UTF-8), with why: they get no
     *                ids until {@code factory spec validate} is happy with them
     */
    record IdPlan(int checked, List<FileIds> files, List<String> skipped) {
        public IdPlan {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }

        /** True when there is nothing to write. */
        public boolean isEmpty() {
            return files.isEmpty();
        }

        /** How many ids the plan gives, over all its files. */
        public int idCount() {
            return files.stream().mapToInt(f -> f.assigned().size()).sum();
        }
    }
}
