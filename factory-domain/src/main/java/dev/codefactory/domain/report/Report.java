package dev.codefactory.domain.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a check over part of a project: what was looked at, what was found, and free-form facts
 * (provider, model, commit, durations) that later modes add.
 *
 * @param kind       what produced it, used in the file name: {@code validation}, {@code review}
 * @param title      the heading of the rendered report
 * @param createdAt  when it was made
 * @param scope      the files or spec ids it covered
 * @param findings   what it found, in report order
 * @param properties further facts, rendered in the front matter sorted by key (so that the output does not depend
 *                   on the map's iteration order)
 */
public record Report(String kind, String title, Instant createdAt, List<String> scope, List<Finding> findings,
                     Map<String, String> properties) {

    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        scope = List.copyOf(scope);
        findings = findings.stream().sorted(Finding.BY_LOCATION).toList();
        properties = Map.copyOf(properties);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when any finding is at or above {@code threshold}. */
    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    }
}
