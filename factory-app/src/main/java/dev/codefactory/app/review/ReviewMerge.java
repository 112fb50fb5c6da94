package dev.codefactory.app.review;

import dev.codefactory.app.review.ReviewReport.Item;
import dev.codefactory.app.review.ReviewReport.Metrics;
import dev.codefactory.app.review.ReviewReport.RequirementResult;
import dev.codefactory.app.review.ReviewReport.Skipped;
import dev.codefactory.app.review.ReviewReport.SpecResult;
import dev.codefactory.app.review.ReviewUseCase.ReviewPart;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the results of a review's shards ({@link ReviewShard}) into the report one run would have made: each spec's
 * result from the shard that reviewed it, every shard's findings (disjoint by construction), the skipped files once,
 * the tokens, durations and dropped findings added up, the model's name from a shard that asked it. The parts are
 * untrusted: each is read strictly, and a part that is not a shard's result, a second result of one shard, a
 * missing shard or a part of another review (scope, specs, model, commit) is refused naming the part.
 */
final class ReviewMerge {
    private ReviewMerge() {
    }

    /** The merged report, with the id {@code merged} until the caller gives it its own ({@link #withId}). */
    static ReviewReport merge(List<ReviewPart> parts) {
        if (parts.isEmpty()) {
            throw new InvalidCommandException("no shard results to merge: name the JSON files the --shard runs"
                    + " printed");
        }
        Map<Integer, Part> byIndex = new TreeMap<>();
        Part first = null;
        for (ReviewPart raw : parts) {
            Part p = read(raw);
            if (first == null) {
                first = p;
            } else {
                same(first, p);
            }
            Part before = byIndex.put(p.index, p);
            if (before != null) {
                throw new InvalidCommandException(raw.name() + " and " + before.name + " are both shard " + p.index
                        + "/" + p.count + "; give each shard's result once");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= first.count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidCommandException("shard(s) " + missing + " of " + first.count + " missing: merge needs"
                    + " every shard's result");
        }
        Map<String, SpecResult> specs = new LinkedHashMap<>();
        List<Item> findings = new ArrayList<>();
        LinkedHashSet<Skipped> skipped = new LinkedHashSet<>();
        Instant date = first.report.date();
        long tokensIn = 0;
        long tokensOut = 0;
        long millis = 0;
        int dropped = 0;
        boolean partial = false;
        String model = first.report.model();
        for (Part p : byIndex.values()) {
            ReviewReport r = p.report;
            model = blank(model) ? r.model() : model;
            for (SpecResult s : r.specs()) {
                if (ReviewShard.ownerOfSpec(s.specId(), r.specIds(), p.count) == p.index) {
                    specs.put(s.specId(), s); // the reviewing shard's result, in the place the first part gave it
                } else {
                    specs.putIfAbsent(s.specId(), s);
                }
            }
            for (Item f : r.findings()) {
                if (ReviewShard.ownerOf(f, r.specIds(), p.count) != p.index) {
                    throw new InvalidCommandException(p.name + ": a finding in " + f.file() + " belongs to shard "
                            + ReviewShard.ownerOf(f, r.specIds(), p.count) + ", not " + p.index + "/" + p.count
                            + "; this is not the result of 'factory review --shard " + p.index + "/" + p.count + "'");
                }
                findings.add(f);
            }
            skipped.addAll(r.skipped());
            date = r.date().isBefore(date) ? r.date() : date;
            tokensIn += r.metrics().tokensIn();
            tokensOut += r.metrics().tokensOut();
            millis += r.metrics().durationMillis();
            dropped += r.droppedFindings();
            partial |= r.partial();
        }
        ReviewReport r = first.report;
        return new ReviewReport("merged", date, r.scope(), r.specIds(), r.provider(), model, r.commit(), partial,
                r.offline(), List.copyOf(specs.values()), findings, List.copyOf(skipped), new Metrics(
                r.metrics().files(), r.metrics().lines(), r.metrics().languages(), tokensIn, tokensOut, millis),
                dropped);
    }

    /** {@code report} with the id {@code id}. */
    static ReviewReport withId(ReviewReport r, String id) {
        return new ReviewReport(id, r.date(), r.scope(), r.specIds(), r.provider(), r.model(), r.commit(),
                r.partial(), r.offline(), r.specs(), r.findings(), r.skipped(), r.metrics(), r.droppedFindings());
    }

    /** Refuses {@code p} when it is not a share of the review {@code first} is. */
    private static void same(Part first, Part p) {
        ReviewReport a = first.report;
        ReviewReport b = p.report;
        String what = a.scope().equals(b.scope()) ? a.specIds().equals(b.specIds())
                ? Objects.equals(a.provider(), b.provider()) && (blank(a.model()) || blank(b.model())
                || a.model().equals(b.model()))
                ? Objects.equals(a.commit(), b.commit()) ? a.offline() == b.offline() ? first.count == p.count ? null
                : "the number of shards (" + first.count + " and " + p.count + ")"
                : "offline and with a model" : "the commit reviewed" : "the model" : "the specs" : "the paths";
        if (what != null) {
            throw new InvalidCommandException(p.name + " and " + first.name + " are not shares of one review: they"
                    + " differ in " + what + "; run every shard with the same arguments on the same commit");
        }
    }

    /** No model name: the shard asked the model nothing (the name is the one its answers gave). */
    private static boolean blank(String model) {
        return model == null || model.isEmpty();
    }

    private record Part(String name, int index, int count, ReviewReport report) {
    }

    // ---- reading one part, strictly --------------------------------------------------------------------------------

    private static Part read(ReviewPart raw) {
        Reader in = new Reader(raw.name());
        Object parsed;
        try {
            parsed = JsonReader.parse(raw.json());
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(raw.name() + ": not JSON (" + e.getMessage() + "); give the file"
                    + " 'factory review --shard I/N --json' printed");
        }
        Map<?, ?> doc = in.map(parsed, "the document");
        if (!ReviewJson.FORMAT.equals(doc.get("format"))) {
            throw new InvalidCommandException(raw.name() + ": not a review result (format is not "
                    + ReviewJson.FORMAT + "); give the file 'factory review --shard I/N --json' printed");
        }
        if (!(doc.get("shard") instanceof Map<?, ?> shard)) {
            throw new InvalidCommandException(raw.name() + ": a whole review, not a shard's result (no \"shard\");"
                    + " merge joins the results of 'factory review --shard I/N --json'");
        }
        int count = in.integer(shard, "count");
        int index = in.integer(shard, "index");
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidCommandException(raw.name() + ": shard " + index + "/" + count + " is not I/N with"
                    + " 1 <= I <= N");
        }
        try {
            List<SpecResult> specs = new ArrayList<>();
            for (Object s : in.list(doc, "specs")) {
                specs.add(in.spec(in.map(s, "a spec")));
            }
            List<Item> findings = new ArrayList<>();
            for (Object f : in.list(doc, "findings")) {
                findings.add(in.finding(in.map(f, "a finding")));
            }
            List<Skipped> skipped = new ArrayList<>();
            for (Object s : in.list(doc, "skipped")) {
                Map<?, ?> m = in.map(s, "a skipped file");
                skipped.add(new Skipped(in.text(m, "path"), in.text(m, "reason"), in.text(m, "detail")));
            }
            Map<?, ?> mt = in.map(doc.get("metrics"), "metrics");
            Map<String, Integer> languages = new TreeMap<>();
            in.map(mt.get("languages"), "languages").forEach((k, v) -> languages.put(String.valueOf(k),
                    in.integer(Map.of("count", v == null ? "" : v), "count")));
            Metrics metrics = new Metrics(in.integer(mt, "files"), in.number(mt, "lines"), languages,
                    in.number(mt, "tokensIn"), in.number(mt, "tokensOut"), in.number(mt, "durationMillis"));
            ReviewReport report = new ReviewReport(in.text(doc, "id"), in.instant(doc, "date"),
                    in.texts(doc, "scope"), in.texts(doc, "specIds"), in.optionalText(doc, "provider"),
                    in.optionalText(doc, "model"), in.optionalText(doc, "commit"), in.bool(doc, "partial"),
                    in.bool(doc, "offline"), specs, findings, skipped, metrics, in.integer(mt, "droppedFindings"));
            return new Part(raw.name(), index, count, report);
        } catch (InvalidCommandException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidCommandException(raw.name() + ": not a valid review result (" + e.getMessage() + ")");
        }
    }

    /** Typed reads of a parsed part that fail naming the part and the key. */
    private record Reader(String name) {
        InvalidCommandException bad(String what) {
            return new InvalidCommandException(name + ": " + what + " is missing or of the wrong type; give the file"
                    + " 'factory review --shard I/N --json' printed");
        }

        Map<?, ?> map(Object value, String what) {
            if (value instanceof Map<?, ?> m) {
                return m;
            }
            throw bad(what);
        }

        List<?> list(Map<?, ?> m, String key) {
            if (m.get(key) instanceof List<?> l) {
                return l;
            }
            throw bad("\"" + key + "\"");
        }

        String text(Map<?, ?> m, String key) {
            if (m.get(key) instanceof String s) {
                return s;
            }
            throw bad("\"" + key + "\"");
        }

        String optionalText(Map<?, ?> m, String key) {
            return m.get(key) == null ? null : text(m, key);
        }

        List<String> texts(Map<?, ?> m, String key) {
            List<String> out = new ArrayList<>();
            for (Object o : list(m, key)) {
                if (!(o instanceof String s)) {
                    throw bad("\"" + key + "\"");
                }
                out.add(s);
            }
            return out;
        }

        boolean bool(Map<?, ?> m, String key) {
            if (m.get(key) instanceof Boolean b) {
                return b;
            }
            throw bad("\"" + key + "\"");
        }

        long number(Map<?, ?> m, String key) {
            if (m.get(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            throw bad("\"" + key + "\"");
        }

        int integer(Map<?, ?> m, String key) {
            long n = number(m, key);
            if (n != (int) n) {
                throw bad("\"" + key + "\"");
            }
            return (int) n;
        }

        double decimal(Map<?, ?> m, String key) {
            if (m.get(key) instanceof Number n) {
                return n.doubleValue();
            }
            throw bad("\"" + key + "\"");
        }

        Instant instant(Map<?, ?> m, String key) {
            try {
                return Instant.parse(text(m, key));
            } catch (java.time.format.DateTimeParseException e) {
                throw bad("\"" + key + "\" (an ISO instant)");
            }
        }

        SpecResult spec(Map<?, ?> m) {
            String specId = text(m, "specId");
            List<RequirementResult> rows = new ArrayList<>();
            for (Object o : list(m, "requirementResults")) {
                Map<?, ?> q = map(o, "a requirement result");
                String id = text(q, "id");
                rows.add(new RequirementResult(specId, id, text(q, "text"), integer(q, "line"), text(q, "verdict"),
                        sites(specId, id, LinkKind.IMPLEMENTS, texts(q, "implementedBy")),
                        sites(specId, id, LinkKind.COVERS, texts(q, "coveredBy"))));
            }
            return new SpecResult(specId, text(m, "title"), text(m, "path"), integer(m, "requirements"),
                    integer(m, "met"), integer(m, "partial"), integer(m, "missing"), integer(m, "contradicted"),
                    integer(m, "unassessed"), decimal(m, "score"), texts(m, "matchedFiles"),
                    texts(m, "matchReasons"), rows);
        }

        /** The links {@code path:line} of requirement {@code id} (a stable id, as only those are linked to). */
        private List<LinkSite> sites(String specId, String id, LinkKind kind, List<String> locations) {
            List<LinkSite> out = new ArrayList<>();
            for (String at : locations) {
                int colon = at.lastIndexOf(':');
                if (colon <= 0) {
                    throw bad("a link's place (path:line) '" + at + "'");
                }
                out.add(new LinkSite(RequirementRef.parse(specId + "/" + id), kind, at.substring(0, colon),
                        Integer.parseInt(at.substring(colon + 1))));
            }
            out.sort(Comparator.naturalOrder());
            return out;
        }

        Item finding(Map<?, ?> m) {
            return new Item(text(m, "specId"), text(m, "severity"), text(m, "category"), text(m, "file"),
                    integer(m, "startLine"), integer(m, "endLine"), optionalText(m, "requirementId"),
                    text(m, "message"), text(m, "suggestion"), text(m, "fingerprint"), text(m, "source"));
        }
    }
}
