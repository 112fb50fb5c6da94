package dev.codefactory.app.spec;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.trace.IdHistory;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.vcs.FileVersion;
import dev.codefactory.port.vcs.History;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requirement ids each contract had in its committed versions (feature-010/FR-004), read from git through the
 * {@link History} port: what makes a deleted id retired. Without a repository, without commits, or when git cannot
 * be read, a contract simply has no history: validation and {@code spec ids} still work, without retired ids.
 */
final class RequirementIdHistories {
    /** The most commits of the main line looked at, so that a very long history stays quick. */
    static final int MAX_COMMITS = 20_000;
    /** Versions larger than a contract may be are not read. */
    static final long MAX_BYTES = 1 << 20;

    private RequirementIdHistories() {
    }

    /** The id history of each of {@code paths}; a path without one is left out. */
    static Map<String, IdHistory> of(Optional<? extends History> history, SpecificationRepository repo,
                                     Collection<String> paths) {
        Map<String, IdHistory> out = new HashMap<>();
        if (history.isEmpty() || paths.isEmpty()) {
            return out;
        }
        Map<String, List<FileVersion>> versions;
        try {
            versions = history.get().versions(paths, MAX_COMMITS, MAX_BYTES);
        } catch (FactoryException e) {
            return out; // an unreadable history retires nothing; the file's own checks still run
        }
        versions.forEach((path, list) -> {
            List<Set<RequirementId>> ids = new ArrayList<>();
            for (FileVersion version : list) {
                SpecSource source = repo.parse(path, version.text());
                if (source instanceof SpecSource.Parsed parsed) {
                    ids.add(ids(parsed));
                }
            }
            if (!ids.isEmpty()) {
                out.put(path, new IdHistory(ids));
            }
        });
        return out;
    }

    /** The ids the requirements of {@code source} have now. */
    static Set<RequirementId> ids(SpecSource.Parsed source) {
        Set<RequirementId> ids = new HashSet<>();
        for (RequirementItem item : SpecRequirements.read(source.body(), source.bodyLine()).items()) {
            item.requirementId().ifPresent(ids::add);
        }
        return ids;
    }
}
