package dev.codefactory.domain.change;

import dev.codefactory.domain.markdown.Fence;
import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A model's edits for an approved plan, read, checked and applied in memory, and nothing else: what comes out is
 * either the exact content of every file it changes, each verified, or the reasons it cannot be used.
 *
 * <p>{@link #read} reads one answer ({@link EditBlocks}), refuses what may not be written ({@link ChangeSafety}),
 * applies each file's edits ({@link EditApplier}) and then checks each result before anything may be written:
 * <ul>
 *   <li>every replacement is where its edit put it ({@link EditApplier} checks this after every edit);</li>
 *   <li>no line of the edit format ({@code <<<<<<< SEARCH}, {@code >>>>>>> REPLACE}) appears that the file did not
 *       have: a block was misread;</li>
 *   <li>a new file's content is complete: it has none of those lines either, and no code fence is left open in it
 *       (a content cut at a fence of its own);</li>
 *   <li>every block the answer meant for a file was read: a file with a dropped block is not used.</li>
 * </ul>
 * An edit of a file that is not in the approved plan (a person may have taken it out of the plan the model proposed)
 * is left out and said ({@link Result#outsidePlan()}): never written, never sent back, and no reason to refuse the
 * edits of the planned files. Paths that may never be written ({@code .git}, absolute, {@code ..}) stay problems.
 * {@link #retry} reads the answer to the request sent back with the problems, and keeps every edit of the first
 * answer that worked: for each file, the first answer's edits that applied are kept unless the retry sends a block with
 * the same SEARCH part (which replaces it), the retry's blocks are added, and the retry must send at least one new
 * block for each block that failed or was dropped; the file is then applied anew from its original and checked again.
 */
// implements feature-007/FR-006
public final class ModelEdits {

    private ModelEdits() {
    }

    /**
     * What the edits may touch.
     *
     * @param contents     the current text of the planned files that exist, by path
     * @param planned      the paths of the approved plan
     * @param creates      the planned paths that are to be created
     * @param binaryOrLink whether a path names a binary file, a link or anything else Code-Factory does not write
     * @param exists       whether a path names an existing file (for a new file that is not new)
     * @param limits       the change's limits
     */
    public record Scope(Map<String, String> contents, Set<String> planned, Set<String> creates,
                        Predicate<String> binaryOrLink, Predicate<String> exists, Limits limits) {
        public Scope {
            contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
            planned = Collections.unmodifiableSet(new LinkedHashSet<>(planned));
            creates = Set.copyOf(creates);
            Objects.requireNonNull(binaryOrLink, "binaryOrLink");
            Objects.requireNonNull(exists, "exists");
            Objects.requireNonNull(limits, "limits");
        }

        EditBlocks.Context context() {
            return new EditBlocks.Context(contents, planned, creates);
        }
    }

    /** What an answer's edits do: the usable files, and what could not be used. */
    public static final class Result {
        private final Map<String, String> before = new LinkedHashMap<>();
        private final Map<String, String> after = new LinkedHashMap<>();
        private final Map<String, List<Edit>> applied = new LinkedHashMap<>();
        private final Map<String, Integer> failed = new LinkedHashMap<>();
        private final List<EditProblem> problems = new ArrayList<>();
        private final Map<String, List<String>> notes = new LinkedHashMap<>();
        private final Map<String, EditProblem> outsidePlan = new LinkedHashMap<>();

        /** The content before (null: the file is new) of every usable file, by path. */
        public Map<String, String> before() {
            return Collections.unmodifiableMap(before);
        }

        /** The content after (null: the file is deleted) of every usable file, by path. */
        public Map<String, String> after() {
            return Collections.unmodifiableMap(after);
        }

        /** Why the rest cannot be used; empty when every edit of the answer can be. */
        public List<EditProblem> problems() {
            return Collections.unmodifiableList(problems);
        }

        /** How edits that did not match exactly were placed, as {@code PATH: NOTE}, file by file. */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            notes.forEach((path, each) -> each.forEach(n -> out.add(path + ": " + n)));
            return out;
        }

        /** How the edits of {@code path} that did not match exactly were placed; empty when all matched exactly. */
        public List<String> notes(String path) {
            return List.copyOf(notes.getOrDefault(path, List.of()));
        }

        /**
         * The files the answer edited that are not in the approved plan, one each with why: left out, never written,
         * and not counted as problems.
         */
        public List<EditProblem> outsidePlan() {
            return List.copyOf(outsidePlan.values());
        }

        /** Whether every edit of the answer can be used. */
        public boolean usable() {
            return problems.isEmpty();
        }
    }

    /** Reads one answer (see the class comment). */
    public static Result read(String answer, Scope scope) {
        EditBlocks.Parsed parsed = EditBlocks.parse(answer, scope.context());
        return apply(parsed.changes(), parsed, scope);
    }

    /** Reads the answer to a retry and merges it with {@code first}, keeping what worked there. */
    public static Result retry(Result first, String answer, Scope scope) {
        Objects.requireNonNull(first, "first");
        EditBlocks.Parsed parsed = EditBlocks.parse(answer, scope.context());
        Map<String, FileChange> again = new LinkedHashMap<>();
        parsed.changes().forEach(c -> again.put(c.path(), c));
        Set<String> paths = new LinkedHashSet<>(first.after.keySet());
        paths.addAll(first.applied.keySet());
        paths.addAll(first.failed.keySet());
        paths.addAll(again.keySet());
        List<FileChange> merged = new ArrayList<>();
        List<EditProblem> carried = new ArrayList<>();
        for (String path : paths) {
            FileChange second = again.get(path);
            List<Edit> kept = first.applied.getOrDefault(path, List.of());
            int failed = first.failed.getOrDefault(path, 0);
            if (second == null) {
                if (first.after.containsKey(path) && failed == 0) {
                    merged.add(asChange(path, first, kept));
                } else if (scope.planned().contains(path)) {
                    // a planned file that failed is not dropped by leaving it out; a file outside the plan is
                    first.problems.stream().filter(p -> p.path().equals(path)).forEach(carried::add);
                }
            } else if (second instanceof FileChange.Modify modify) {
                List<Edit> edits = new ArrayList<>();
                for (Edit k : kept) {
                    if (modify.edits().stream().noneMatch(e -> sameAnchor(e, k))) {
                        edits.add(k);
                    }
                }
                long fresh = modify.edits().stream().filter(e -> kept.stream().noneMatch(k -> sameAnchor(e, k)))
                        .count();
                if (fresh < failed) {
                    carried.add(new EditProblem(path, failed + " of its blocks could not be used in the first answer,"
                            + " but the second sent " + fresh + " new block" + (fresh == 1 ? "" : "s") + " for it:"
                            + " send again every block of this file that failed, one block for each"));
                    continue;
                }
                edits.addAll(modify.edits());
                merged.add(new FileChange.Modify(path, edits));
            } else {
                merged.add(second);
            }
        }
        Result result = apply(merged, parsed, scope);
        first.outsidePlan.forEach(result.outsidePlan::putIfAbsent);
        result.problems.addAll(carried);
        carried.forEach(p -> result.failed.merge(p.path(), 1, Integer::sum));
        return result;
    }

    /** The change {@code first} made to a usable {@code path}, to apply again with the rest. */
    private static FileChange asChange(String path, Result first, List<Edit> edits) {
        String after = first.after.get(path);
        if (after == null) {
            return new FileChange.Delete(path);
        }
        if (first.before.get(path) == null) {
            return new FileChange.Create(path, after);
        }
        return new FileChange.Modify(path, edits);
    }

    private static boolean sameAnchor(Edit a, Edit b) {
        return anchor(a.search()).equals(anchor(b.search()));
    }

    private static String anchor(String search) {
        StringBuilder out = new StringBuilder();
        for (String line : search.replace("\r\n", "\n").strip().split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Checks and applies {@code changes} in memory, with the problems {@code parsed} found in its answer. */
    private static Result apply(List<FileChange> changes, EditBlocks.Parsed parsed, Scope scope) {
        Result r = new Result();
        for (EditProblem issue : parsed.issues()) {
            if (!issue.path().isEmpty() && ChangeSafety.outsidePlan(issue.path(), scope.planned())) {
                r.outsidePlan.putIfAbsent(issue.path(), ChangeSafety.outsidePlan(issue.path()));
            } else {
                r.problems.add(issue);
            }
        }
        parsed.skipped().forEach((path, n) -> {
            if (!ChangeSafety.outsidePlan(path, scope.planned())) {
                r.failed.put(path, n);
            }
        });
        if (parsed.truncated()) {
            r.problems.add(EditProblem.general("the answer was cut off in the middle of an edit: write shorter"
                    + " edits, one file at a time"));
        }
        ChangeSafety.Checked safety = ChangeSafety.check(changes, scope.binaryOrLink(), scope.planned(),
                scope.limits());
        r.problems.addAll(safety.problems());
        safety.outsidePlan().forEach(p -> r.outsidePlan.putIfAbsent(p.path(), p));
        Set<String> unsafe = new LinkedHashSet<>();
        safety.problems().forEach(p -> unsafe.add(p.path()));
        for (FileChange change : changes) {
            String path = change.path();
            if (r.outsidePlan.containsKey(path)) {
                continue; // left out, never written
            }
            if (unsafe.contains(path)) {
                r.failed.merge(path, 1, Integer::sum);
                continue;
            }
            String original = scope.contents().get(path);
            String after = null;
            String problem;
            if (change instanceof FileChange.Modify modify) {
                if (original == null) {
                    problem = "it does not exist, so it cannot be edited; create it with NEW FILE";
                } else {
                    EditApplier.Each each = EditApplier.applyEach(original, modify.edits());
                    List<Edit> worked = new ArrayList<>();
                    each.applied().forEach(i -> worked.add(modify.edits().get(i)));
                    r.applied.put(path, worked);
                    if (!each.notes().isEmpty()) {
                        r.notes.computeIfAbsent(path, k -> new ArrayList<>()).addAll(each.notes());
                    }
                    for (EditApplier.Refused refused : each.refused()) {
                        r.problems.add(new EditProblem(path, "edit " + (refused.editIndex() + 1) + " of "
                                + modify.edits().size() + ": " + refused.reason()));
                        r.failed.merge(path, 1, Integer::sum);
                    }
                    after = each.content();
                    problem = each.refused().isEmpty() ? strayMarker(original, after) : null;
                }
            } else if (change instanceof FileChange.Create create) {
                after = create.content();
                problem = original != null || scope.exists().test(path)
                        ? "it already exists; change it with FILE: and SEARCH/REPLACE blocks" : incomplete(after);
            } else {
                problem = original == null ? "it does not exist, so it cannot be deleted" : null;
            }
            if (problem != null) {
                r.problems.add(new EditProblem(path, problem));
                r.failed.merge(path, 1, Integer::sum);
            }
            if (r.failed.getOrDefault(path, 0) == 0) {
                r.before.put(path, original);
                r.after.put(path, after);
            }
        }
        return r;
    }

    /** Why an edited file's new text cannot be right because of an edit-format line it did not have, or null. */
    private static String strayMarker(String original, String result) {
        int had = markers(original).size();
        List<Integer> now = markers(result);
        if (now.size() <= had) {
            return null;
        }
        return "the result would hold an edit-format line (line " + now.get(now.size() - 1) + ") that the file does"
                + " not have, so a block was misread: write each block with one SEARCH, one ======= and one REPLACE"
                + " line";
    }

    /** Why a new file's content looks cut short or misread, or null when it looks complete. */
    private static String incomplete(String content) {
        List<Integer> markers = markers(content);
        if (!markers.isEmpty()) {
            return "its content holds an edit-format line (line " + markers.get(0) + "), so the answer was misread:"
                    + " send the whole file again in a code fence";
        }
        List<String> lines = List.of(content.split("\n", -1));
        for (Fence open : List.of(new Fence(0, '`', 3, ""), new Fence(0, '~', 3, ""))) {
            if (!EditBlocks.paired(lines, open)) {
                return "its content ends inside a code fence of its own, so it was probably cut short: send the"
                        + " whole file again, fenced with a longer fence (````)";
            }
        }
        return null;
    }

    /** The 1-based numbers of the lines of {@code text} that belong to the edit format. */
    private static List<Integer> markers(String text) {
        List<Integer> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (EditBlocks.isMarker(lines[i].replace("\r", ""))) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
