package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.domain.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders a {@link ReviewReport} as SARIF 2.1.0 for GitHub code scanning: one run, one rule per category (and per
 * deterministic check), one result per finding located relative to {@code %SRCROOT%}, with the finding's fingerprint
 * as {@code partialFingerprints["codeFactory/v1"]} so alerts stay the same alert across runs.
 *
 * <p>GitHub accepts at most {@value #MAX_RESULTS} results per run: past that the least serious findings are left
 * out and a tool notification says so. (It also accepts at most 10 locations per result; a finding has one.)
 */
// implements feature-006/FR-006
public final class Sarif {
    /** The most results GitHub code scanning accepts in one run. */
    public static final int MAX_RESULTS = 25_000;
    /** The key of the fingerprint in each result's {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "codeFactory/v1";
    static final String SRCROOT = "%SRCROOT%";

    private static final Map<String, String> CATEGORY_DESCRIPTIONS = Map.of(
            "compliance", "The code does not meet a requirement of its specification.",
            "correctness", "The code may not do what it is meant to do.",
            "security", "The code may be exploitable or may leak secrets.",
            "performance", "The code may be slower or use more resources than it needs to.",
            "maintainability", "The code is harder to understand or change than it needs to be.",
            "test-gap", "Behaviour that no test covers.");

    private Sarif() {
    }

    public static String render(ReviewReport r, String toolVersion) {
        return render(r, toolVersion, MAX_RESULTS);
    }

    static String render(ReviewReport r, String toolVersion, int maxResults) {
        Objects.requireNonNull(r, "report");
        Objects.requireNonNull(toolVersion, "toolVersion");
        List<Item> kept = r.findings().size() > maxResults ? r.findings().subList(0, maxResults) : r.findings();

        Map<String, Rule> rules = new TreeMap<>();
        for (Item f : kept) {
            Rule rule = rules.computeIfAbsent(ruleId(f), id -> new Rule(id, f));
            rule.mostSerious = Math.min(rule.mostSerious, ReviewReport.rank(f.severity()));
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        List<Object> ruleList = new ArrayList<>();
        rules.values().forEach(rule -> ruleList.add(rule.toJson()));

        List<Object> results = new ArrayList<>();
        for (Item f : kept) {
            results.add(result(f, ruleIds));
        }

        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "Code-Factory");
        driver.put("informationUri", "https://github.com/code-factory");
        driver.put("semanticVersion", toolVersion);
        driver.put("version", toolVersion);
        driver.put("rules", ruleList);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(invocation(r, kept.size(), maxResults)));
        Map<String, Object> srcRoot = new LinkedHashMap<>();
        srcRoot.put("description", message("The root of the reviewed repository."));
        run.put("originalUriBaseIds", Map.of(SRCROOT, srcRoot));
        run.put("results", results);
        Map<String, Object> runProperties = new LinkedHashMap<>();
        runProperties.put("reportId", r.id());
        runProperties.put("specIds", r.specIds());
        if (r.commit() != null) {
            runProperties.put("commit", r.commit());
        }
        if (r.provider() != null) {
            runProperties.put("provider", r.provider());
        }
        if (r.model() != null) {
            runProperties.put("model", r.model());
        }
        runProperties.put("offline", r.offline());
        runProperties.put("partial", r.partial());
        run.put("properties", runProperties);

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return JsonWriter.pretty(log);
    }

    /** {@code CF-<CATEGORY>} for a model finding, {@code CF-CHECK-<RULE>} for a deterministic check's. */
    static String ruleId(Item f) {
        String rule = f.checkRule();
        return rule == null ? "CF-" + token(f.category()) : "CF-CHECK-" + token(rule);
    }

    /** SARIF's level for a severity: critical and high are errors, medium a warning, low and info notes. */
    static String level(String severity) {
        int rank = ReviewReport.rank(severity);
        return rank <= 1 ? "error" : rank == 2 ? "warning" : "note";
    }

    private static String token(String s) {
        String t = s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "UNNAMED" : t;
    }

    private static Map<String, Object> result(Item f, List<String> ruleIds) {
        String ruleId = ruleId(f);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", ruleIds.indexOf(ruleId));
        result.put("level", level(f.severity()));
        String text = f.message().strip();
        if (!f.suggestion().isBlank()) {
            text += (text.isEmpty() ? "" : "\n\n") + "Suggestion: " + f.suggestion().strip();
        }
        if (f.requirementRef().isPresent()) { // code scanning shows the message, not the properties
            text += (text.isEmpty() ? "" : "\n\n") + "Requirement: " + f.requirementRef().get();
        }
        result.put("message", message(text.isEmpty() ? "(no message)" : text));

        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", RelativePaths.uri(f.file()));
        artifact.put("uriBaseId", SRCROOT);
        Map<String, Object> region = new LinkedHashMap<>();
        int start = Math.max(1, f.startLine());
        region.put("startLine", start);
        region.put("endLine", Math.max(start, f.endLine()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        result.put("locations", List.of(Map.of("physicalLocation", physical)));

        if (!f.fingerprint().isBlank()) {
            result.put("partialFingerprints", Map.of(FINGERPRINT_KEY, f.fingerprint()));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("severity", f.severity());
        properties.put("category", f.category());
        properties.put("specId", f.specId());
        if (f.requirementId() != null) {
            properties.put("requirement", f.requirementId());
        }
        f.requirementRef().ifPresent(ref -> properties.put("requirementRef", ref));
        properties.put("source", f.source());
        result.put("properties", properties);
        return result;
    }

    private static Map<String, Object> invocation(ReviewReport r, int kept, int maxResults) {
        List<Object> notifications = new ArrayList<>();
        if (r.partial()) {
            List<String> missing = r.unreviewedSpecIds();
            notifications.add(notification("error", "The review was stopped before the end"
                    + (missing.isEmpty() ? "; some files may not have been read."
                            : "; specs not reviewed: " + String.join(", ", missing) + ".")));
        }
        if (kept < r.findings().size()) {
            notifications.add(notification("warning", "Only the " + kept + " most serious of "
                    + r.findings().size() + " findings are included: GitHub code scanning accepts at most "
                    + maxResults + " results per run."));
        }
        if (r.droppedFindings() > 0) {
            notifications.add(notification("note", r.droppedFindings() + " model findings and verdicts were dropped"
                    + " because they cited files, lines or requirements that do not exist."));
        }
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", !r.partial());
        if (!notifications.isEmpty()) {
            invocation.put("toolExecutionNotifications", notifications);
        }
        return invocation;
    }

    private static Map<String, Object> notification(String level, String text) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("level", level);
        n.put("message", message(text));
        return n;
    }

    private static Map<String, Object> message(String text) {
        return Map.of("text", text);
    }

    /** One reporting descriptor, with the level of its most serious result as its default. */
    private static final class Rule {
        private final String id;
        private final String category;
        private final String check;
        private int mostSerious = Integer.MAX_VALUE;

        Rule(String id, Item first) {
            this.id = id;
            this.category = first.category();
            this.check = first.checkRule();
        }

        Map<String, Object> toJson() {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", id);
            String description = check == null
                    ? CATEGORY_DESCRIPTIONS.get(category)
                    : "Deterministic check '" + check + "' (" + category + ").";
            rule.put("shortDescription", message(description));
            rule.put("defaultConfiguration", Map.of("level", level(ReviewReport.SEVERITIES.get(mostSerious))));
            rule.put("properties", Map.of("tags", List.of(category)));
            return rule;
        }
    }
}
