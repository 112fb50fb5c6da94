package dev.codefactory.domain.change;

import dev.codefactory.domain.plan.Edit;
import dev.codefactory.domain.plan.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks a set of file changes must pass before anything is written.
 *
 * <p>A change is refused when its path is empty, absolute ({@code /x}, {@code C:x}, {@code ~/x}), contains a
 * {@code ..} segment, a NUL character or a backslash, lies inside {@code .git} (at any depth) or at the root's
 * {@code .factory}; or when it touches a binary file or a symbolic link. A change to a file that is not in the
 * approved plan (and whose path is otherwise fine) is not a problem of the rest: it is left out, never written, and
 * said ({@link Checked#outsidePlan()}); it does not count towards the limits. The change set as a whole is refused
 * when it touches more files than {@link Limits#maxFiles()} or writes more bytes than {@link Limits#maxBytes()}.
 * Every problem names the path and says what to do.
 */
// implements feature-007/FR-012
public final class ChangeSafety {

    private ChangeSafety() {
    }

    /**
     * What {@link #check} found.
     *
     * @param problems    what refuses the change, in the order of the changes, then the limits; empty when the rest
     *                    may be applied
     * @param outsidePlan the changes left out because their file is not in the approved plan, one per path: never
     *                    written, and no reason to refuse the rest
     */
    public record Checked(List<EditProblem> problems, List<EditProblem> outsidePlan) {
        public Checked {
            problems = List.copyOf(problems);
            outsidePlan = List.copyOf(outsidePlan);
        }
    }

    /** Why a change to {@code path}, which is not in the approved plan, is left out. */
    static EditProblem outsidePlan(String path) {
        return new EditProblem(path, "left out: it is not in the approved plan, so the model's edit of it is never"
                + " written (revise the plan to include it, in another change)");
    }

    /**
     * Whether {@code path} is a well-formed path that is not in the approved plan: a change to it is left out
     * ({@link Checked#outsidePlan()}) rather than refused.
     */
    static boolean outsidePlan(String path, Set<String> plannedPaths) {
        return !plannedPaths.contains(path) && PathRules.editProblem(path).isEmpty();
    }

    /** {@link #check}'s problems alone. */
    public static List<EditProblem> problems(List<FileChange> changes, Predicate<String> isBinaryOrSymlink,
            Set<String> plannedPaths, Limits limits) {
        return check(changes, isBinaryOrSymlink, plannedPaths, limits).problems();
    }

    /**
     * What is wrong with {@code changes}, and which of them are left out as outside the plan (see the class comment).
     *
     * @param isBinaryOrSymlink whether a path names an existing binary file or a symbolic link in the project
     * @param plannedPaths      the paths of the approved plan
     */
    public static Checked check(List<FileChange> changes, Predicate<String> isBinaryOrSymlink,
            Set<String> plannedPaths, Limits limits) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(isBinaryOrSymlink, "isBinaryOrSymlink");
        Objects.requireNonNull(plannedPaths, "plannedPaths");
        Objects.requireNonNull(limits, "limits");
        List<EditProblem> problems = new ArrayList<>();
        List<EditProblem> outside = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        long bytes = 0;
        String largest = null;
        long largestBytes = -1;
        for (FileChange change : changes) {
            String path = change.path();
            if (outsidePlan(path, plannedPaths)) {
                if (outside.stream().noneMatch(p -> p.path().equals(path))) {
                    outside.add(outsidePlan(path));
                }
                continue; // never written: not looked up on disk, not counted
            }
            paths.add(path);
            long written = written(change);
            bytes += written;
            if (written > largestBytes) {
                largest = path;
                largestBytes = written;
            }
            var shape = PathRules.editProblem(path);
            if (shape.isPresent()) {
                problems.add(shape.get());
                continue; // a malformed path is not looked up on disk
            }
            if (isBinaryOrSymlink.test(path)) {
                problems.add(new EditProblem(path, "it is a binary file or a symbolic link: Code-Factory does not"
                        + " write those; leave it out of the change and edit it by hand"));
            }
        }
        if (paths.size() > limits.maxFiles()) {
            List<String> beyond = new ArrayList<>(paths).subList(limits.maxFiles(), paths.size());
            problems.add(EditProblem.general("the change touches " + paths.size() + " files, more than the limit of "
                    + limits.maxFiles() + " (beyond it: " + String.join(", ", beyond) + "): split it into smaller"
                    + " changes"));
        }
        if (bytes > limits.maxBytes()) {
            problems.add(EditProblem.general("the change writes " + bytes + " bytes, more than the limit of "
                    + limits.maxBytes() + " (the most in " + largest + ": " + largestBytes + " bytes): split it into"
                    + " smaller changes or raise the limit"));
        }
        return new Checked(problems, outside);
    }

    private static long written(FileChange change) {
        if (change instanceof FileChange.Create) {
            return utf8(((FileChange.Create) change).content());
        }
        long n = 0;
        if (change instanceof FileChange.Modify) {
            for (Edit edit : ((FileChange.Modify) change).edits()) {
                n += utf8(edit.replace());
            }
        }
        return n;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
