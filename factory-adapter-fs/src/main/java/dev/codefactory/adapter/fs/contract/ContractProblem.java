package dev.codefactory.adapter.fs.contract;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.Rule;

/**
 * Why a contract's text could not be read, where: thrown inside the parsing steps and turned into a
 * {@link dev.codefactory.domain.spec.SpecSource.Unreadable} at their edge. Carries no stack trace: it is an answer,
 * not a failure.
 */
final class ContractProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Rule rule;
    private final int line;

    ContractProblem(Rule rule, int line, String message) {
        super(message, null, false, false);
        this.rule = rule;
        this.line = line;
    }

    Rule rule() {
        return rule;
    }

    int line() {
        return line;
    }

    Finding toFinding(String path) {
        return rule.error(path, line, getMessage());
    }
}
