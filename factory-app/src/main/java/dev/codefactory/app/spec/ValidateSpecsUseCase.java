package dev.codefactory.app.spec;

import dev.codefactory.domain.spec.Validation;
import java.util.List;

/** {@code factory spec validate}: the catalog's rules over all contracts, or over some of them. */
public interface ValidateSpecsUseCase {

    ValidationResult validate(ValidateSpecsCommand command);

    /**
     * @param ids            spec ids or contract paths to report on; empty for all (uniqueness is always checked
     *                       across the whole catalog)
     * @param writeReport    also write the result to {@code reports/validation-<date>.md}
     * @param specifications keep the valid contracts in the result; without them only the findings and the number
     *                       of files are kept, and a large catalog is checked in little memory
     */
    record ValidateSpecsCommand(List<String> ids, boolean writeReport, boolean specifications) {
        public ValidateSpecsCommand {
            ids = List.copyOf(ids);
        }

        /** A command whose result keeps the valid contracts. */
        public ValidateSpecsCommand(List<String> ids, boolean writeReport) {
            this(ids, writeReport, true);
        }

        public static ValidateSpecsCommand all() {
            return new ValidateSpecsCommand(List.of(), false);
        }

        /** This command with a result of findings alone: no contract is kept once it has been checked. */
        // implements feature-013/NFR-004
        public ValidateSpecsCommand findingsOnly() {
            return new ValidateSpecsCommand(ids, writeReport, false);
        }
    }

    /** @param reportPath the report written, or empty when none was asked for */
    record ValidationResult(Validation validation, String reportPath) {
    }
}
