package dev.codefactory.app.spec;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import java.util.List;

/** {@code factory spec list}: the contracts, filtered. */
public interface ListSpecsUseCase {

    SpecList list(SpecQuery query);

    /** Filters; null matches anything. */
    record SpecQuery(SpecStatus status, String tag, Priority priority, SpecKind kind) {
        public static final SpecQuery ALL = new SpecQuery(null, null, null, null);

        public boolean matches(Specification s) {
            return (status == null || s.status() == status)
                    && (tag == null || s.tags().contains(tag))
                    && (priority == null || s.priority() == priority)
                    && (kind == null || s.kind() == kind);
        }
    }

    /**
     * @param specs    the matching contracts, by id
     * @param problems errors in files that could not be listed (or listed with errors): the user should run
     *                 {@code factory spec validate}
     */
    record SpecList(List<Specification> specs, List<Finding> problems) {
        public SpecList {
            specs = List.copyOf(specs);
            problems = List.copyOf(problems);
        }
    }
}
