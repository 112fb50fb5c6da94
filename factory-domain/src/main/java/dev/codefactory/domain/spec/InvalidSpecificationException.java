package dev.codefactory.domain.spec;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.report.Finding;
import java.util.List;

/** A contract that cannot be used as it is; the message is its first error, the findings hold all of them. */
public final class InvalidSpecificationException extends FactoryException {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    public InvalidSpecificationException(List<Finding> findings) {
        super(message(findings));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }

    private static String message(List<Finding> findings) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an invalid specification has at least one finding");
        }
        Finding first = findings.get(0);
        String more = findings.size() > 1 ? " (and " + (findings.size() - 1) + " more; run 'factory spec validate')" : "";
        return first.location() + ": " + first.message() + " [" + first.ruleId() + "]" + more;
    }
}
