package dev.codefactory.app.spec;

import dev.codefactory.domain.spec.Validation;
import java.util.List;

/** {@code factory spec validate}: the catalog's rules over all contracts, or over some of them. */
public interface ValidateSpecsUseCase {

    ValidationResult validate(ValidateSpecsCommand command);

    /**
     * @param ids         spec ids or contract paths to report on; empty for all (uniqueness is always checked
     *                    across the whole catalog)
     * @param writeReport also write the result to {@code reports/validation-<date>.md}
     */
    record ValidateSpecsCommand(List<String> ids, boolean writeReport) {
        public ValidateSpecsCommand {
            ids = List.copyOf(ids);
        }

        public static ValidateSpecsCommand all() {
            return new ValidateSpecsCommand(List.of(), false);
        }
    }

    /** @param reportPath the report written, or empty when none was asked for */
    record ValidationResult(Validation validation, String reportPath) {
    }
}
