package dev.codefactory.app.review;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.review.Review.SpecWork;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.text.Closest;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementRef;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.review.ReviewDialog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The matching step of a review: each spec's requirements, and the files linked to it ({@code implements} and
 * {@code covers} comments, feature-010 FR-009) followed by those {@link SpecMatcher} ranks for it, as the
 * person confirms them (a path that is not among the files is asked again, naming the closest).
 */
// implements feature-006/FR-001, feature-006/FR-009
// implements feature-010/FR-009
// implements feature-013/NFR-002
final class ReviewMatching {
    private final Supplier<FactoryConfig> config;
    private final ReviewFiles reader;
    private final ReviewFacts.Store cache;

    ReviewMatching(Supplier<FactoryConfig> config, ReviewFiles reader, ReviewFacts.Store cache) {
        this.config = config;
        this.reader = reader;
        this.cache = cache;
    }

    /**
     * Specs matched to files: for each spec, its requirements and the files ranked for it, as the person confirms
     * them. A stop request (at a question or before it) asks no more questions.
     */
    void matchSpecs(Review r) {
        Map<String, String> texts = new HashMap<>();
        Function<String, String> head = path -> texts.computeIfAbsent(path, p -> reader.readHead(p));
        int maxFiles = config.get().positive("review.max-files-per-spec");
        Map<String, Map<String, Set<String>>> links = null; // read once, when a spec is matched
        Map<Specification, SpecWork> works = new HashMap<>(); // the specs read for the checks' words, kept
        for (Specification spec : r.chosen) {
            if (r.stopped || r.dialog.stopRequested()) { // Ctrl-C at a question or before it: no more are asked
                r.stopped = true;
                r.notReviewed.add(spec.id().value());
                continue;
            }
            if (links == null) {
                links = links(r, works);
            }
            SpecWork w = works.computeIfAbsent(spec, this::work);
            List<SpecMatcher.Match> matches = linkedFirst(spec.id().value(), links, SpecMatcher.rank(
                    new SpecMatcher.SpecInfo(spec.id().value(), spec.title(), spec.tags(), spec.status().label(),
                            w.body, spec.path()), new ArrayList<>(r.files.keySet()), head, maxFiles), maxFiles);
            List<String> confirmed;
            try {
                confirmed = confirmed(spec, matches, r.files.keySet(), r.dialog);
            } catch (StopRequestedException stop) {
                r.stopped = true;
                r.notReviewed.add(spec.id().value());
                continue;
            }
            List<String> files = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (String path : confirmed) {
                if (!r.files.containsKey(path)) {
                    r.dialog.say(spec.id().value() + ": " + path + " is not among the files reviewed; left out.");
                    continue;
                }
                files.add(path);
                matches.stream().filter(m -> m.path().equals(path)).findFirst()
                        .ifPresent(m -> reasons.add(path + ": " + String.join("; ", m.reasons())));
            }
            w.files = files;
            w.reasons = reasons;
            r.work.add(w);
        }
    }

    /**
     * The links of the files reviewed (feature-010, FR-009): per spec id, the files that name one of its requirements
     * ({@code implements} or {@code covers}), with the requirements each names. Each site is kept in
     * {@link Review#links} too, for the report's requirement rows, and what the checks need of each file in
     * {@link Review#facts}, with the words of every chosen spec's requirements they look for in {@link Review#words}.
     */
    private Map<String, Map<String, Set<String>>> links(Review r, Map<Specification, SpecWork> works) {
        // the one read of each file (or none, when the cache kept its facts): what the checks need of it is kept, so
        // that they do not read it again
        for (Specification spec : r.chosen) {
            works.computeIfAbsent(spec, this::work);
        }
        r.words = new ReviewWords(ReviewChecks.wantedWords(works.values()));
        List<String> paths = new ArrayList<>(new TreeSet<>(r.files.keySet()));
        ReviewFacts facts = cache.open(reader, r.words, paths);
        Map<String, Map<String, Set<String>>> bySpec = new HashMap<>();
        for (String path : paths) {
            FileFactsCache.FileFacts read = facts.of(path);
            r.facts.put(path, read);
            for (LinkSite site : read.links()) {
                r.links.computeIfAbsent(site.ref().spec().value(), k -> new HashMap<>())
                        .computeIfAbsent(site.ref().id().toString(), k -> new ArrayList<>()).add(site);
                bySpec.computeIfAbsent(site.ref().spec().value(), k -> new TreeMap<>())
                        .computeIfAbsent(path, k -> new TreeSet<>(Comparator.comparing(RequirementRef::parse)))
                        .add(site.ref().toString());
            }
        }
        facts.save();
        return bySpec;
    }

    /**
     * The files linked to {@code specId} first, in path order, each with the reason "links to feature-006/FR-002"
     * (and the matcher's reasons when it matched the file too), then the matcher's other files, up to
     * {@code maxFiles} in all; a linked file is always kept, whatever {@code maxFiles} says.
     */
    static List<SpecMatcher.Match> linkedFirst(String specId, Map<String, Map<String, Set<String>>> links,
                                               List<SpecMatcher.Match> matches, int maxFiles) {
        Map<String, Set<String>> linked = links.getOrDefault(specId, Map.of());
        if (linked.isEmpty()) {
            return matches;
        }
        Map<String, SpecMatcher.Match> matched = new HashMap<>();
        matches.forEach(m -> matched.put(m.path(), m));
        List<SpecMatcher.Match> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : linked.entrySet()) {
            List<String> reasons = new ArrayList<>();
            reasons.add("links to " + String.join(", ", e.getValue()));
            SpecMatcher.Match also = matched.get(e.getKey());
            double score = also == null ? 0 : also.score();
            if (also != null) {
                reasons.addAll(also.reasons());
            }
            out.add(new SpecMatcher.Match(specId, e.getKey(), score, reasons));
        }
        for (SpecMatcher.Match m : matches) {
            if (out.size() >= maxFiles) {
                break;
            }
            if (!linked.containsKey(m.path())) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The paths the person confirms for {@code spec}: asked again, naming the closest existing path, as long as the
     * answer names a file that is not among {@code known} and the dialog asks again.
     */
    private static List<String> confirmed(Specification spec, List<SpecMatcher.Match> matches, Set<String> known,
                                          ReviewDialog dialog) {
        String id = spec.id().value();
        List<String> confirmed = dialog.confirmMatches(id, spec.title(), matches);
        while (true) {
            List<String> unknown = confirmed.stream().filter(p -> !known.contains(p)).toList();
            if (unknown.isEmpty()) {
                return confirmed;
            }
            List<String> problems = new ArrayList<>();
            for (String p : unknown) {
                problems.add(p + " is not among the files reviewed" + Closest.path(p, known)
                        .map(c -> " (did you mean " + c + "?)").orElse(""));
            }
            List<String> again = dialog.confirmMatchesAgain(id, spec.title(), matches, String.join("; ", problems));
            if (again == null) {
                return confirmed; // left out, each said
            }
            confirmed = again;
        }
    }

    /** A spec's text and requirements, for matching and for the checks. */
    private SpecWork work(Specification spec) {
        String body = reader.readSpec(spec);
        int bodyStart = bodyStartLine(body);
        return new SpecWork(spec, body, Requirements.of(spec.id().value(), body.substring(offsetOfLine(body,
                bodyStart)), bodyStart));
    }

    /** The first line after the front matter (1-based), or 1 when there is none. */
    private static int bodyStartLine(String text) {
        if (!text.startsWith("---\n")) {
            return 1;
        }
        int end = text.indexOf("\n---\n", 3);
        return end < 0 ? 1 : (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.max(0, Math.min(offset, text.length()));
    }
}
