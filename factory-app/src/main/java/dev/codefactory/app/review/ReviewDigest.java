package dev.codefactory.app.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A review report read back from its markdown ({@link ReviewMarkdownReader}): what the web mirror shows and charts
 * (feature-012, FR-003). Scores are whole percentages, as the report prints them.
 *
 * @param id         the report's id
 * @param date       when the review ran
 * @param scope      the paths it was limited to; empty for the whole project
 * @param specIds    the specs it was asked to check
 * @param provider   the model's provider, or null
 * @param model      the model, or null
 * @param commit     the commit reviewed, or null
 * @param overall    the overall score in percent; empty when nothing was assessed ("n/a")
 * @param severities findings per severity, most serious first
 * @param compliance the compliance of each reviewed spec, in report order
 * @param findings   the findings, most serious first
 */
public record ReviewDigest(String id, Instant date, List<String> scope, List<String> specIds, String provider,
        String model, String commit, boolean partial, boolean offline, OptionalInt overall,
        Map<String, Integer> severities, List<SpecScore> compliance, List<Finding> findings) {

    public ReviewDigest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        scope = List.copyOf(scope);
        specIds = List.copyOf(specIds);
        Objects.requireNonNull(overall, "overall");
        severities = Map.copyOf(severities);
        compliance = List.copyOf(compliance);
        findings = List.copyOf(findings);
    }

    /** One row of the "Compliance by spec" table; {@code score} is empty when nothing was assessed. */
    public record SpecScore(String specId, String title, OptionalInt score, int met, int partial, int missing,
            int contradicted, int unassessed) {
        public SpecScore {
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(score, "score");
        }
    }

    /**
     * One finding row.
     *
     * @param location    {@code file}, {@code file:line} or {@code file:start-end}
     * @param category    the category, with {@code (check RULE)} for a deterministic check's
     * @param requirement the requirement's address or id; empty when none
     */
    public record Finding(String severity, String location, String category, String requirement, String message,
            String suggestion) {
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(suggestion, "suggestion");
        }
    }
}
