package dev.codefactory.domain.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why part of a model's edits cannot be used.
 *
 * @param path   the file it concerns, relative to the project root; empty when it concerns the answer as a whole
 * @param reason why, without the path, fit to show to the person and to the model
 */
public record EditProblem(String path, String reason) {
    public EditProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem of the answer as a whole. */
    public static EditProblem general(String reason) {
        return new EditProblem("", reason);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? reason : path + ": " + reason;
    }

    /** One line per file (each named once, its reasons joined, repeats dropped), then those of the whole answer. */
    public static List<String> byFile(List<EditProblem> problems) {
        Map<String, Set<String>> grouped = new LinkedHashMap<>();
        for (EditProblem p : problems) {
            grouped.computeIfAbsent(p.path, k -> new LinkedHashSet<>()).add(p.reason);
        }
        List<String> out = new ArrayList<>();
        grouped.forEach((path, reasons) -> {
            if (!path.isEmpty()) {
                out.add(path + ": " + String.join("; ", reasons));
            }
        });
        if (grouped.containsKey("")) {
            out.addAll(grouped.get(""));
        }
        return out;
    }
}
