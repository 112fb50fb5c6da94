package dev.codefactory.app.review;

import dev.codefactory.domain.review.ReviewAnswer.ReviewFinding;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one REVIEW run found: the compliance of each specification, the findings, the files it left out and what the
 * run cost. {@link ReviewMarkdown}, {@link ReviewJson} and {@link Sarif} render it.
 *
 * <p>{@code provider}, {@code model} and {@code commit} may be null (an offline review has no model; a project
 * outside git has no commit). Findings are kept most serious first, then by file, then by line (then by their
 * other fields, so that the order does not depend on how they came).
 *
 * @param id the report's id
 * @param date when the review ran
 * @param scope the paths the review was limited to; empty for the whole project
 * @param specIds the specifications the review was asked to check, in the order asked
 * @param partial true when the review stopped before the end (cancelled, out of budget)
 * @param offline true when no model was asked: only deterministic checks ran
 * @param droppedFindings how many model findings were dropped because they cited files or lines that do not exist,
 *                        and verdicts because they named requirements that do not exist
 */
public record ReviewReport(String id, Instant date, List<String> scope, List<String> specIds, String provider,
        String model, String commit, boolean partial, boolean offline, List<SpecResult> specs, List<Item> findings,
        List<Skipped> skipped, Metrics metrics, int droppedFindings) {

    /** The severities, most serious first. */
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

    /** The finding categories, in the order reports list them. */
    public static final List<String> CATEGORIES = List.of(
            "compliance", "correctness", "security", "performance", "maintainability", "test-gap");

    private static final Comparator<Item> ORDER = Comparator.comparingInt((Item i) -> rank(i.severity()))
            .thenComparing(Item::file)
            .thenComparingInt(Item::startLine)
            .thenComparingInt(Item::endLine)
            .thenComparing(Item::category) // then by every other field: one order, however the findings came
            .thenComparing(Item::specId)
            .thenComparing(Item::requirementId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Item::message)
            .thenComparing(Item::suggestion)
            .thenComparing(Item::fingerprint)
            .thenComparing(Item::source);

    public ReviewReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        scope = List.copyOf(Objects.requireNonNull(scope, "scope"));
        specIds = List.copyOf(Objects.requireNonNull(specIds, "specIds"));
        specs = List.copyOf(Objects.requireNonNull(specs, "specs"));
        List<Item> sorted = new ArrayList<>(Objects.requireNonNull(findings, "findings"));
        sorted.forEach(f -> Objects.requireNonNull(f, "finding"));
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        Objects.requireNonNull(metrics, "metrics");
        if (droppedFindings < 0) {
            throw new IllegalArgumentException("droppedFindings must not be negative: " + droppedFindings);
        }
    }

    /**
     * The position of {@code severity} in {@link #SEVERITIES}: 0 for {@code critical} up to 4 for {@code info}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int rank(String severity) {
        int rank = severity == null ? -1 : SEVERITIES.indexOf(severity);
        if (rank < 0) {
            throw new IllegalArgumentException("unknown severity '" + severity + "', expected one of " + SEVERITIES);
        }
        return rank;
    }

    /** True when a finding is at {@code threshold} or more serious ({@code failsAt("high")} counts critical too). */
    public boolean failsAt(String threshold) {
        int limit = rank(threshold);
        return findings.stream().anyMatch(f -> rank(f.severity()) <= limit);
    }

    /** How many findings have {@code severity}. */
    public int count(String severity) {
        rank(severity);
        return (int) findings.stream().filter(f -> f.severity().equals(severity)).count();
    }

    /** The asked-for specifications that have no result, in the order asked (the ones a partial review missed). */
    public List<String> unreviewedSpecIds() {
        Set<String> missing = new LinkedHashSet<>(specIds);
        specs.forEach(s -> missing.remove(s.specId()));
        return List.copyOf(missing);
    }

    /**
     * The compliance of the whole review: the specs' scores weighted by their number of requirements (a plain mean
     * when none has requirements); empty when no spec was reviewed.
     */
    public OptionalDouble overallScore() {
        if (specs.isEmpty() || specs.stream().allMatch(s -> s.requirements() > 0 && s.unassessed() == s.requirements())) {
            // nothing was assessed (offline, or the model never answered): a score of 0% would be a false verdict
            return OptionalDouble.empty();
        }
        long requirements = specs.stream().mapToLong(SpecResult::requirements).sum();
        if (requirements == 0) {
            return specs.stream().mapToDouble(SpecResult::score).average();
        }
        double weighted = specs.stream().mapToDouble(s -> s.score() * s.requirements()).sum();
        return OptionalDouble.of(weighted / requirements);
    }

    /**
     * How well the code meets one specification.
     *
     * @param path the spec file, project-relative
     * @param score the share of requirements met, from 0 to 1 (partial ones count for part)
     * @param matchedFiles the files the review matched to this spec
     * @param matchReasons why each was matched
     * @param requirementResults each requirement with its verdict and its links, in the spec's order (empty when the
     *                           report was made without them)
     */
    public record SpecResult(String specId, String title, String path, int requirements, int met, int partial,
            int missing, int contradicted, int unassessed, double score, List<String> matchedFiles,
            List<String> matchReasons, List<RequirementResult> requirementResults) {
        /** A result without its requirements' rows. */
        public SpecResult(String specId, String title, String path, int requirements, int met, int partial,
                int missing, int contradicted, int unassessed, double score, List<String> matchedFiles,
                List<String> matchReasons) {
            this(specId, title, path, requirements, met, partial, missing, contradicted, unassessed, score,
                    matchedFiles, matchReasons, List.of());
        }

        public SpecResult {
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(path, "path");
            for (int n : new int[] {requirements, met, partial, missing, contradicted, unassessed}) {
                if (n < 0) {
                    throw new IllegalArgumentException("requirement counts must not be negative in " + specId);
                }
            }
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be between 0 and 1 in " + specId + ": " + score);
            }
            matchedFiles = List.copyOf(Objects.requireNonNull(matchedFiles, "matchedFiles"));
            matchReasons = List.copyOf(Objects.requireNonNull(matchReasons, "matchReasons"));
            requirementResults = List.copyOf(Objects.requireNonNull(requirementResults, "requirementResults"));
        }
    }

    /** The verdicts a requirement's row shows: the model's four, and {@code unassessed} when none was given. */
    public static final List<String> VERDICTS = List.of("met", "partial", "missing", "contradicted", "unassessed");

    /**
     * One requirement of a reviewed spec, as the spec's page in the report shows it (feature-010/FR-009): its name,
     * its verdict and the code and tests linked to it.
     *
     * @param id the name review uses: the stable id ({@code FR-001}), or the positional number ({@code R3}) of one
     *           without
     * @param text the statement, on one line
     * @param line the 1-based line of its list item in the spec file
     * @param verdict one of {@link #VERDICTS}
     * @param implementedBy the {@code path:line} of each link that says code implements it, in path and line order
     * @param coveredBy the {@code path:line} of each link that says a test covers it, in path and line order
     */
    public record RequirementResult(String specId, String id, String text, int line, String verdict,
            List<LinkSite> implementedBy, List<LinkSite> coveredBy) {
        public RequirementResult {
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (line < 1) {
                throw new IllegalArgumentException("line must be 1 or more: " + line);
            }
            if (!VERDICTS.contains(verdict)) {
                throw new IllegalArgumentException("unknown verdict '" + verdict + "', expected one of " + VERDICTS);
            }
            implementedBy = List.copyOf(Objects.requireNonNull(implementedBy, "implementedBy"));
            coveredBy = List.copyOf(Objects.requireNonNull(coveredBy, "coveredBy"));
        }

        /**
         * The requirement's global address, {@code feature-006/FR-001}, when it has a stable id; empty for one known
         * only by its positional number, which changes when the spec's list does.
         */
        public Optional<String> ref() {
            return RequirementId.tryParse(id).isEmpty() || specId.isEmpty() ? Optional.empty()
                    : Optional.of(specId + "/" + id);
        }
    }

    /**
     * One finding.
     *
     * @param severity one of {@link #SEVERITIES}
     * @param category one of {@link #CATEGORIES}
     * @param file the project-relative path it is about; for a finding about a spec as a whole (one that names no
     *             file, such as a missing feature), the spec's file
     * @param startLine the first line (1-based), or 0 when it is about the whole file (or the whole spec)
     * @param endLine the last line, not before {@code startLine}
     * @param requirementId the requirement it is about, by its stable id ({@code FR-001}) or, when it has none, its
     *                      positional number ({@code R3}); null when none
     * @param fingerprint a stable id of the finding across runs (SARIF's partial fingerprint)
     * @param source {@code model}, or {@code check:<rule>} for a deterministic check
     */
    public record Item(String specId, String severity, String category, String file, int startLine, int endLine,
            String requirementId, String message, String suggestion, String fingerprint, String source) {
        public Item {
            Objects.requireNonNull(specId, "specId");
            rank(severity);
            if (!CATEGORIES.contains(category)) {
                throw new IllegalArgumentException(
                        "unknown category '" + category + "', expected one of " + CATEGORIES);
            }
            Objects.requireNonNull(file, "file");
            if (startLine < 0 || endLine < startLine) {
                throw new IllegalArgumentException(
                        "bad line range " + startLine + "-" + endLine + " in " + file);
            }
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(suggestion, "suggestion");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(source, "source");
            if (!source.equals("model") && !(source.startsWith("check:") && source.length() > "check:".length())) {
                throw new IllegalArgumentException("source must be 'model' or 'check:<rule>': '" + source + "'");
            }
        }

        /**
         * The report row of a finding of the spec at {@code specPath}: a finding that names no file is about the
         * spec as a whole, so it is located at the spec's file, with no line. Its fingerprint stays the finding's.
         */
        public static Item of(ReviewFinding f, String specPath, String source) {
            Objects.requireNonNull(specPath, "specPath");
            return new Item(f.specId(), f.severity().label(), f.category().label(),
                    f.file() == null ? specPath : f.file(), f.startLine(), f.endLine(), f.requirementId(),
                    f.message(), f.suggestion() == null ? "" : f.suggestion(), f.fingerprint(), source);
        }

        /**
         * The requirement's global address, {@code feature-006/FR-001}, when it has a stable id (feature-010/FR-001);
         * empty when the finding names no requirement or one known only by its positional number ({@code R3}),
         * which is no address: it changes when the spec's list does.
         */
        public Optional<String> requirementRef() {
            if (requirementId == null || specId.isEmpty() || RequirementId.tryParse(requirementId).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(specId + "/" + requirementId);
        }

        /** The check's rule name for a {@code check:<rule>} finding, else null. */
        public String checkRule() {
            return source.startsWith("check:") ? source.substring("check:".length()) : null;
        }
    }

    /** A file the review did not read, and why. {@code detail} may be empty. */
    public record Skipped(String path, String reason, String detail) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * What the review read and what it cost.
     *
     * @param languages files per language, kept in name order
     */
    public record Metrics(int files, long lines, Map<String, Integer> languages, long tokensIn, long tokensOut,
            long durationMillis) {
        public Metrics {
            if (files < 0 || lines < 0 || tokensIn < 0 || tokensOut < 0 || durationMillis < 0) {
                throw new IllegalArgumentException("metrics must not be negative");
            }
            Map<String, Integer> sorted = new TreeMap<>();
            Objects.requireNonNull(languages, "languages").forEach((k, v) -> sorted.put(
                    Objects.requireNonNull(k, "language"), Objects.requireNonNull(v, "count of " + k)));
            languages = Collections.unmodifiableMap(sorted);
        }
    }
}
