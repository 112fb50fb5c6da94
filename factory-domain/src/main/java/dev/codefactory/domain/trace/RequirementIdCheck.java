package dev.codefactory.domain.trace;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.ContractCheck;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.spec.SpecStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The requirement ids of a contract, as {@code spec validate} checks them (feature-010/FR-004): duplicate and
 * malformed ids and ids used again after their deletion are errors; a missing one is a warning on an approved or
 * implemented spec (none on a draft or a deprecated one), so that a project whose specs predate ids still validates,
 * and {@code factory spec ids} adds them.
 */
public final class RequirementIdCheck implements ContractCheck {
    /** The checks that need no history: no id is known to have been deleted. */
    public static final RequirementIdCheck WITHOUT_HISTORY = new RequirementIdCheck(path -> IdHistory.NONE);

    private final Function<String, IdHistory> histories;

    /** @param histories the id history of each contract, by path ({@link IdHistory#NONE} for none); thread-safe */
    public RequirementIdCheck(Function<String, IdHistory> histories) {
        this.histories = Objects.requireNonNull(histories, "histories");
    }

    @Override
    public List<Finding> check(SpecSource.Parsed source) {
        String path = source.path();
        List<Finding> findings = new ArrayList<>();
        SpecRequirements requirements = SpecRequirements.read(source.body(), source.bodyLine());
        boolean needsIds = SpecStatus.parse(String.valueOf(source.frontMatter().get("status")))
                .map(s -> s == SpecStatus.APPROVED || s == SpecStatus.IMPLEMENTED).orElse(false);
        for (IdFinding f : requirements.findings()) {
            switch (f.problem()) {
                case MISSING:
                    if (needsIds) {
                        findings.add(Rule.REQUIREMENT_ID_MISSING.warning(path, f.line(), f.message()));
                    }
                    break;
                case DUPLICATE:
                    findings.add(Rule.REQUIREMENT_ID_DUPLICATE.error(path, f.line(), f.message()));
                    break;
                default:
                    findings.add(Rule.REQUIREMENT_ID_FORMAT.error(path, f.line(), f.message()));
            }
        }
        Set<RequirementId> deleted = histories.apply(path).deleted();
        for (RequirementItem item : requirements.items()) {
            if (item.id() != null && deleted.contains(item.id())) {
                findings.add(Rule.REQUIREMENT_ID_REUSED.error(path, item.line(), item.id() + " was deleted from"
                        + " this spec before (its git history), so it is retired: give this requirement the next"
                        + " free " + item.id().kind() + " number (remove the id and run 'factory spec ids')"));
            }
        }
        return findings;
    }
}
