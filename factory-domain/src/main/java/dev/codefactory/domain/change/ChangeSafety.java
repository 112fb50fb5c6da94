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
 * {@code .factory}; when it touches a binary file or a symbolic link; or when its path is not in the approved plan.
 * The change set as a whole is refused when it touches more files than {@link Limits#maxFiles()} or writes more
 * bytes than {@link Limits#maxBytes()}. Every problem names the path and says what to do.
 */
public final class ChangeSafety {

    private ChangeSafety() {
    }

    /**
     * What is wrong with {@code changes}, in the order of the changes, then the limits; empty when they may be
     * applied.
     *
     * @param isBinaryOrSymlink whether a path names an existing binary file or a symbolic link in the project
     * @param plannedPaths      the paths of the approved plan
     */
    public static List<EditProblem> problems(List<FileChange> changes, Predicate<String> isBinaryOrSymlink,
            Set<String> plannedPaths, Limits limits) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(isBinaryOrSymlink, "isBinaryOrSymlink");
        Objects.requireNonNull(plannedPaths, "plannedPaths");
        Objects.requireNonNull(limits, "limits");
        List<EditProblem> problems = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        long bytes = 0;
        String largest = null;
        long largestBytes = -1;
        for (FileChange change : changes) {
            String path = change.path();
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
            if (!plannedPaths.contains(path)) {
                problems.add(new EditProblem(path, "it is not in the approved plan: leave it out, or revise the plan"
                        + " to include it and have it approved again"));
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
        return problems;
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
