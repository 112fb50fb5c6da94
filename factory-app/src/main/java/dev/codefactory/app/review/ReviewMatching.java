package dev.codefactory.app.review;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.review.Review.SpecWork;
import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.review.SpecMatcher;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.text.Closest;
import dev.codefactory.port.review.ReviewDialog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The matching step of a review: each spec's requirements, and the files {@link SpecMatcher} ranks for it as the
 * person confirms them (a path that is not among the files is asked again, naming the closest).
 */
// implements feature-006/FR-001, feature-006/FR-009
final class ReviewMatching {
    private final Supplier<FactoryConfig> config;
    private final ReviewFiles reader;

    ReviewMatching(Supplier<FactoryConfig> config, ReviewFiles reader) {
        this.config = config;
        this.reader = reader;
    }

    /**
     * Specs matched to files: for each spec, its requirements and the files ranked for it, as the person confirms
     * them. A stop request (at a question or before it) asks no more questions.
     */
    void matchSpecs(Review r) {
        Map<String, String> texts = new HashMap<>();
        Function<String, String> head = path -> texts.computeIfAbsent(path, p -> reader.readHead(p));
        int maxFiles = config.get().positive("review.max-files-per-spec");
        for (Specification spec : r.chosen) {
            if (r.stopped || r.dialog.stopRequested()) { // Ctrl-C at a question or before it: no more are asked
                r.stopped = true;
                r.notReviewed.add(spec.id().value());
                continue;
            }
            String body = reader.readSpec(spec);
            int bodyStart = bodyStartLine(body);
            SpecWork w = new SpecWork(spec, body, Requirements.of(spec.id().value(), body.substring(offsetOfLine(body,
                    bodyStart)), bodyStart));
            List<SpecMatcher.Match> matches = SpecMatcher.rank(new SpecMatcher.SpecInfo(spec.id().value(),
                    spec.title(), spec.tags(), spec.status().label(), body, spec.path()),
                    new ArrayList<>(r.files.keySet()), head, maxFiles);
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
