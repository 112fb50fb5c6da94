package dev.codefactory.domain.workspace;

import java.util.ArrayList;
import java.util.List;

/** Project-relative paths (forward slashes, from the project root) and the relative references found in files. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /**
     * Whether {@code path} (relative to the project root) is one of Code-Factory's own records: the specs in
     * {@code contracts/}, the reports in {@code reports/}, the state in {@code .factory/}. Review, trace, change
     * orders and adoption read the project's code, never these.
     */
    public static boolean isRecord(String path) {
        return path.startsWith("contracts/") || path.startsWith("reports/") || path.startsWith(".factory/");
    }

    /**
     * {@code relative} (a link target, an import specifier) resolved against the folder {@code dir} ({@code ""} for
     * the root), with {@code .} and {@code ..} segments worked out: {@code resolve("a/b", "../c")} is {@code a/c};
     * null when it climbs out of the project.
     */
    public static String resolve(String dir, String relative) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    /** The folder of {@code path}, {@code ""} for a file at the root. */
    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
