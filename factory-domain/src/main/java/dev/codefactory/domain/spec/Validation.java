package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import java.util.List;

/**
 * The outcome of validating contract files.
 *
 * @param files          how many files were looked at
 * @param specifications those whose front matter was sound, by path
 * @param findings       every problem, in report order
 */
public record Validation(int files, List<Specification> specifications, List<Finding> findings) {
    public Validation {
        specifications = List.copyOf(specifications);
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public boolean isValid() {
        return errors() == 0;
    }
}
