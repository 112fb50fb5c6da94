package dev.codefactory.domain.drift;

import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A spec's drift from what changed since it was reconciled (feature-010, FR-011, FR-012): pure, no model, no I/O.
 *
 * <p>A link names the lines from its own line to the line before the next link in the same file (to the end of
 * the file for the last one): a comment {@code // implements} {@code feature-010/FR-011} above a method names that method.
 * A requirement's linked lines changed when a changed range of the file (a removal counts for the lines around it)
 * overlaps them.
 */
// implements feature-010/FR-011, feature-010/FR-012
public final class Drift {
    private Drift() {
    }

    /**
     * What a spec reconciled at {@code reconciled} and counted from {@code since} looks like now.
     *
     * @param spec       the spec's id
     * @param path       the spec's file
     * @param reconciled the commit its front matter records
     * @param since      the commit the changes are counted from
     * @param specThen   the spec's text at {@code since} (empty when it was not there)
     * @param specNow    the spec's text now
     * @param links      the lines linking to this spec's requirements, anywhere
     * @param matched    the files review's matching finds for the spec (not linked to it)
     * @param changes    every file changed since {@code since}, by project-relative path as named now
     * @param warning    a warning to keep on the row (history rewritten), or empty
     */
    public static DriftRow row(String spec, String path, String reconciled, String since, Optional<String> specThen,
                               String specNow, Collection<LinkedLine> links, Collection<String> matched,
                               Map<String, FileChange> changes, Optional<String> warning) {
        Objects.requireNonNull(changes, "changes");
        Map<String, List<LinkedLine>> byFile = new TreeMap<>();
        for (LinkedLine l : links) {
            byFile.computeIfAbsent(l.path(), p -> new ArrayList<>()).add(l);
        }
        Set<String> paths = new TreeSet<>(byFile.keySet());
        for (String m : matched) {
            if (!m.equals(path)) {
                paths.add(m);
            }
        }
        List<DriftFile> files = new ArrayList<>();
        Set<RequirementId> changedRequirements = new TreeSet<>();
        for (String file : paths) {
            FileChange change = changes.get(file);
            if (change == null) {
                continue;
            }
            List<RequirementId> touched = touched(byFile.getOrDefault(file, List.of()), change);
            changedRequirements.addAll(touched);
            files.add(new DriftFile(file, change.renamedFrom(), change.deleted(), byFile.containsKey(file),
                    change.added(), change.removed(), change.commits(), touched));
        }
        List<String> edited = edited(specThen.orElse(""), specNow);
        DriftStatus status = files.isEmpty() ? edited.isEmpty() ? DriftStatus.IN_SYNC : DriftStatus.SPEC_CHANGED
                : edited.isEmpty() ? DriftStatus.CODE_CHANGED : DriftStatus.BOTH_CHANGED;
        return new DriftRow(spec, path, status, Optional.of(reconciled), Optional.of(since), files,
                new ArrayList<>(changedRequirements), edited, warning);
    }

    /** The requirements whose linked lines in one file {@code change} touches. */
    static List<RequirementId> touched(List<LinkedLine> links, FileChange change) {
        List<LinkedLine> sorted = new ArrayList<>(links);
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        Set<RequirementId> out = new TreeSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            int from = sorted.get(i).line();
            int next = Integer.MAX_VALUE;
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).line() > from) {
                    next = sorted.get(j).line();
                    break;
                }
            }
            if (change.deleted() || change.touches(from, next == Integer.MAX_VALUE ? next : next - 1)) {
                out.add(sorted.get(i).requirement());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The requirements whose text differs between two versions of a spec: by id (added, edited, removed), and
     * {@code line N} (as now) for a requirement without an id whose text is new.
     */
    public static List<String> edited(String then, String now) {
        List<RequirementItem> before = SpecRequirements.read(body(then), 1).items();
        List<RequirementItem> after = SpecRequirements.read(body(now), 1).items();
        Map<RequirementId, String> byIdBefore = new HashMap<>();
        Set<String> plainBefore = new LinkedHashSet<>();
        for (RequirementItem item : before) {
            if (item.id() != null) {
                byIdBefore.putIfAbsent(item.id(), item.text());
            } else {
                plainBefore.add(item.text());
            }
        }
        Set<RequirementId> ids = new TreeSet<>();
        Set<RequirementId> seen = new LinkedHashSet<>();
        List<String> plain = new ArrayList<>();
        int offset = lineOfBody(now) - 1;
        for (RequirementItem item : after) {
            if (item.id() == null) {
                if (!plainBefore.contains(item.text())) {
                    plain.add("line " + (item.line() + offset));
                }
                continue;
            }
            seen.add(item.id());
            if (!item.text().equals(byIdBefore.get(item.id()))) {
                ids.add(item.id());
            }
        }
        for (RequirementId id : byIdBefore.keySet()) {
            if (!seen.contains(id)) {
                ids.add(id); // removed since
            }
        }
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.toString()));
        out.addAll(plain);
        return out;
    }

    /** The text after the front matter ({@code ---} lines at the top), or all of it when there is none. */
    static String body(String text) {
        int start = bodyStart(text);
        return text.substring(start);
    }

    private static int bodyStart(String text) {
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return 0;
        }
        int pos = text.indexOf('\n') + 1;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String line = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return end < 0 ? text.length() : end + 1;
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return 0;
    }

    /** The 1-based line of the body's first line. */
    private static int lineOfBody(String text) {
        int start = bodyStart(text);
        int line = 1;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
