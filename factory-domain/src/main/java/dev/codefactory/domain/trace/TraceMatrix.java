package dev.codefactory.domain.trace;

import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Requirements linked to the code that implements them and the tests that cover them (feature-010, FR-007), built
 * from the specs and the links found in the workspace, without a model (NFR-003). Every list is in a fixed order:
 * rows and uncovered requirements by spec id then requirement id, orphans and findings by file then line.
 *
 * @param rows      one per requirement with an id of a spec that is not deprecated
 * @param orphans   the links to a spec or a requirement that does not exist, or to a deprecated spec
 * @param uncovered the requirements of approved and implemented specs without code, without a test or both
 * @param findings  malformed references in the workspace, links in files that are not read, and requirement ids a
 *                  spec gives twice (links to them are ambiguous)
 */
// implements feature-010/FR-007
public record TraceMatrix(List<Row> rows, List<Orphan> orphans, List<Uncovered> uncovered,
                          List<LinkSiteFinding> findings) {

    public TraceMatrix {
        rows = List.copyOf(rows);
        orphans = List.copyOf(orphans);
        uncovered = List.copyOf(uncovered);
        findings = List.copyOf(findings);
    }

    /**
     * A spec as the matrix needs it.
     *
     * @param id           the spec's id
     * @param status       its status
     * @param path         its file, relative to the working tree
     * @param requirements its requirements with their ids
     */
    public record Spec(SpecId id, SpecStatus status, String path, SpecRequirements requirements) {
        public Spec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(requirements, "requirements");
        }
    }

    /**
     * One requirement and its links.
     *
     * @param ref          the requirement
     * @param status       its spec's status
     * @param specPath     its spec's file
     * @param line         the line of the requirement in the spec file
     * @param text         the requirement's statement (from a spec: escape it to show it)
     * @param implementing the code that implements it, by file and line
     * @param covering     the tests that cover it, by file and line
     */
    public record Row(RequirementRef ref, SpecStatus status, String specPath, int line, String text,
                      List<LinkSite> implementing, List<LinkSite> covering) {
        public Row {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(specPath, "specPath");
            Objects.requireNonNull(text, "text");
            implementing = List.copyOf(implementing);
            covering = List.copyOf(covering);
        }
    }

    /** Why a link is an orphan. */
    public enum OrphanReason {
        /** No spec has the id the link names. */
        NO_SPEC("no such spec"),
        /** The spec exists but has no requirement with that id. */
        NO_REQUIREMENT("no such requirement"),
        /** The spec is deprecated: its requirements are no longer to be implemented. */
        DEPRECATED_SPEC("deprecated spec");

        private final String label;

        OrphanReason(String label) {
            this.label = label;
        }

        /** For a person: "no such spec". */
        public String label() {
            return label;
        }
    }

    /**
     * A link to nothing that should be linked to.
     *
     * @param site    where the link is
     * @param reason  why it is an orphan
     * @param message what to do, for a person
     */
    public record Orphan(LinkSite site, OrphanReason reason, String message) {
        public Orphan {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** What an uncovered requirement lacks. */
    public enum Missing {
        /** No code implements it (a test covers it). */
        CODE("no code"),
        /** No test covers it (code implements it). */
        TEST("no test"),
        /** Neither code nor a test is linked to it. */
        CODE_AND_TEST("no code, no test");

        private final String label;

        Missing(String label) {
            this.label = label;
        }

        /** For a person: "no code, no test". */
        public String label() {
            return label;
        }
    }

    /**
     * A requirement of an approved or implemented spec that lacks code, a test or both.
     *
     * @param ref     the requirement
     * @param status  its spec's status
     * @param missing what it lacks
     */
    public record Uncovered(RequirementRef ref, SpecStatus status, Missing missing) {
        public Uncovered {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(missing, "missing");
        }
    }

    /**
     * Builds the matrix.
     *
     * @param specs    every spec of the project (a second spec with an id already seen is left out)
     * @param sites    every link of the workspace, in any order
     * @param findings what reading the links found (kept, in file and line order)
     */
    public static TraceMatrix build(List<Spec> specs, List<LinkSite> sites, List<LinkSiteFinding> findings) {
        Map<SpecId, Spec> byId = new HashMap<>();
        for (Spec spec : specs) {
            byId.putIfAbsent(spec.id(), spec);
        }
        List<LinkSiteFinding> allFindings = new ArrayList<>(findings);
        Map<RequirementRef, RequirementItem> known = new TreeMap<>();
        for (Spec spec : byId.values()) {
            Set<RequirementId> seen = new HashSet<>();
            for (RequirementItem item : spec.requirements().items()) {
                if (item.id() != null && seen.add(item.id())) {
                    known.put(new RequirementRef(spec.id(), item.id()), item);
                }
            }
            for (IdFinding f : spec.requirements().findings()) {
                if (f.problem() == IdFinding.Problem.DUPLICATE) {
                    allFindings.add(new LinkSiteFinding(spec.path(), f.line(), "", f.message()));
                }
            }
        }
        Map<RequirementRef, List<LinkSite>> implementing = new HashMap<>();
        Map<RequirementRef, List<LinkSite>> covering = new HashMap<>();
        List<Orphan> orphans = new ArrayList<>();
        for (LinkSite site : sites.stream().sorted().toList()) {
            Spec spec = byId.get(site.ref().spec());
            if (spec == null) {
                orphans.add(new Orphan(site, OrphanReason.NO_SPEC, "no spec has the id " + site.ref().spec()
                        + ": correct the link, or remove it"));
            } else if (spec.status() == SpecStatus.DEPRECATED) {
                orphans.add(new Orphan(site, OrphanReason.DEPRECATED_SPEC, site.ref().spec() + " is deprecated ("
                        + spec.path() + "): link the spec that replaced it, or remove the link"));
            } else if (!known.containsKey(site.ref())) {
                orphans.add(new Orphan(site, OrphanReason.NO_REQUIREMENT, spec.path() + " has no requirement "
                        + site.ref().id() + ": correct the link, or give the requirement that id"));
            } else {
                (site.kind() == LinkKind.IMPLEMENTS ? implementing : covering)
                        .computeIfAbsent(site.ref(), r -> new ArrayList<>()).add(site);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Uncovered> uncovered = new ArrayList<>();
        for (Map.Entry<RequirementRef, RequirementItem> e : known.entrySet()) {
            Spec spec = byId.get(e.getKey().spec());
            if (spec.status() == SpecStatus.DEPRECATED) {
                continue;
            }
            List<LinkSite> code = implementing.getOrDefault(e.getKey(), List.of());
            List<LinkSite> tests = covering.getOrDefault(e.getKey(), List.of());
            rows.add(new Row(e.getKey(), spec.status(), spec.path(), e.getValue().line(), e.getValue().text(), code,
                    tests));
            if (spec.status() == SpecStatus.APPROVED || spec.status() == SpecStatus.IMPLEMENTED) {
                Missing missing = code.isEmpty() && tests.isEmpty() ? Missing.CODE_AND_TEST
                        : code.isEmpty() ? Missing.CODE : tests.isEmpty() ? Missing.TEST : null;
                if (missing != null) {
                    uncovered.add(new Uncovered(e.getKey(), spec.status(), missing));
                }
            }
        }
        allFindings.sort(Comparator.naturalOrder());
        return new TraceMatrix(rows, orphans, uncovered, allFindings);
    }

    /** The row of {@code ref}, if it is a requirement of a spec that is not deprecated. */
    public Optional<Row> row(RequirementRef ref) {
        return rows.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }

    /** The distinct files linked to {@code spec} (implementing or covering one of its requirements), in path order. */
    public List<String> filesLinkedTo(SpecId spec) {
        return rows.stream().filter(r -> r.ref().spec().equals(spec))
                .flatMap(r -> Stream.concat(r.implementing().stream(), r.covering().stream()))
                .map(LinkSite::path).distinct().sorted().toList();
    }
}
