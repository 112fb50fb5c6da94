package dev.codefactory.app.mirror;

import dev.codefactory.domain.change.DiffLines;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.vcs.VersionControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change-order history as the web mirror shows it (feature-012, FR-004): each change's record (request, status,
 * specs, files, tests, publication, note, commits) and its diff, from the commit the project stood at before the
 * change to the change's last commit, split per file and read line by line ({@link DiffLines}) with the old and new
 * line numbers, for a unified view and a side-by-side one. The plan itself is not recorded with a change: its specs
 * and files stand for it.
 */
// implements feature-012/FR-004
public final class ChangeMirror {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

    private final Supplier<List<ChangeRecord>> history;
    private final Supplier<Optional<VersionControl>> git;

    public ChangeMirror(Supplier<List<ChangeRecord>> history, Supplier<Optional<VersionControl>> git) {
        this.history = Objects.requireNonNull(history, "history");
        this.git = Objects.requireNonNull(git, "git");
    }

    /** One line of a file's diff: what it is, its numbers in the old and new file (0 when it has none), its text. */
    public record Row(DiffLines.Kind kind, int oldLine, int newLine, String text) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A row of the side-by-side view: the old file's line on the left, the new one's on the right (either empty). */
    public record Pair(Optional<Row> left, Optional<Row> right) {
        public Pair {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * One file's part of a change's diff.
     *
     * @param diff the unified diff of this file, as git wrote it
     * @param rows its lines after the header, hunk lines included
     */
    public record FileDiff(String path, String diff, int added, int removed, List<Row> rows) {
        public FileDiff {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(diff, "diff");
            rows = List.copyOf(rows);
        }

        /** The rows side by side: context on both sides, each run of removed lines beside the added ones after it. */
        public List<Pair> split() {
            List<Pair> out = new ArrayList<>();
            int i = 0;
            while (i < rows.size()) {
                Row row = rows.get(i);
                if (row.kind() != DiffLines.Kind.REMOVED && row.kind() != DiffLines.Kind.ADDED) {
                    out.add(new Pair(Optional.of(row), Optional.of(row)));
                    i++;
                    continue;
                }
                List<Row> left = new ArrayList<>();
                List<Row> right = new ArrayList<>();
                while (i < rows.size() && rows.get(i).kind() == DiffLines.Kind.REMOVED) {
                    left.add(rows.get(i++));
                }
                while (i < rows.size() && rows.get(i).kind() == DiffLines.Kind.ADDED) {
                    right.add(rows.get(i++));
                }
                for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
                    out.add(new Pair(k < left.size() ? Optional.of(left.get(k)) : Optional.empty(),
                            k < right.size() ? Optional.of(right.get(k)) : Optional.empty()));
                }
            }
            return out;
        }
    }

    /**
     * A change with its diff.
     *
     * @param files  the diff per file, in git's order
     * @param noDiff why there is no diff (no commit, no repository, the commits are gone); empty when there is one
     */
    public record Shown(ChangeRecord record, List<FileDiff> files, Optional<String> noDiff) {
        public Shown {
            Objects.requireNonNull(record, "record");
            files = List.copyOf(files);
            Objects.requireNonNull(noDiff, "noDiff");
        }
    }

    /** The change orders, newest first. */
    public List<ChangeRecord> list() {
        return history.get();
    }

    /** The change {@code id} with its diff, or empty when there is no such change. */
    public Optional<Shown> change(String id) {
        Optional<ChangeRecord> found = list().stream().filter(r -> r.id().equals(id)).findFirst();
        return found.map(this::shown);
    }

    private Shown shown(ChangeRecord r) {
        if (r.tip().isEmpty()) {
            return new Shown(r, List.of(), Optional.of("no diff: the change made no commit"));
        }
        Optional<VersionControl> vc = git.get();
        if (vc.isEmpty()) {
            return new Shown(r, List.of(), Optional.of("no diff: the project is not in a git repository"));
        }
        String from = r.before().commit().orElse(r.commits().get(0) + "^");
        if (vc.get().resolve(from).isEmpty() || vc.get().resolve(r.tip().get()).isEmpty()) {
            return new Shown(r, List.of(), Optional.of("no diff: its commits are no longer in this repository"));
        }
        return new Shown(r, perFile(vc.get().diff(from, r.tip().get())), Optional.empty());
    }

    /** {@code diff} split at each {@code diff --git} line, each part read with its line numbers. */
    static List<FileDiff> perFile(String diff) {
        List<FileDiff> out = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ") && !part.isEmpty()) {
                out.add(file(String.join("\n", part)));
                part.clear();
            }
            part.add(line);
        }
        if (part.stream().anyMatch(l -> !l.isEmpty())) {
            out.add(file(String.join("\n", part)));
        }
        return out;
    }

    private static FileDiff file(String diff) {
        String path = path(diff);
        List<Row> rows = new ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        int added = 0;
        int removed = 0;
        for (DiffLines.Line line : DiffLines.of(path, diff)) {
            switch (line.kind()) {
                case HEADER -> {
                    continue;
                }
                case HUNK -> {
                    Matcher m = HUNK.matcher(line.text());
                    if (m.matches()) {
                        oldLine = Integer.parseInt(m.group(1));
                        newLine = Integer.parseInt(m.group(2));
                    }
                    rows.add(new Row(line.kind(), 0, 0, line.text()));
                }
                case REMOVED -> {
                    rows.add(new Row(line.kind(), oldLine++, 0, line.text()));
                    removed++;
                }
                case ADDED -> {
                    rows.add(new Row(line.kind(), 0, newLine++, line.text()));
                    added++;
                }
                case CONTEXT -> rows.add(new Row(line.kind(), oldLine++, newLine++, line.text()));
                default -> rows.add(new Row(line.kind(), 0, 0, line.text()));
            }
        }
        return new FileDiff(path, diff, added, removed, rows);
    }

    /** The file a part of a diff is about: its new name ({@code +++ b/x}), or its old one when it was deleted. */
    private static String path(String diff) {
        String old = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("+++ ") && !line.equals("+++ /dev/null")) {
                return strip(line.substring(4));
            }
            if (line.startsWith("--- ") && !line.equals("--- /dev/null")) {
                old = strip(line.substring(4));
            }
            if (line.startsWith("@@")) {
                break;
            }
        }
        if (old != null) {
            return old;
        }
        String first = diff.split("\n", 2)[0];
        int b = first.lastIndexOf(" b/");
        return b >= 0 ? first.substring(b + 3) : first;
    }

    private static String strip(String name) {
        String n = name.strip();
        return n.startsWith("a/") || n.startsWith("b/") ? n.substring(2) : n;
    }
}
