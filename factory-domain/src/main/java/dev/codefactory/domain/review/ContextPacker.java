package dev.codefactory.domain.review;

import dev.codefactory.domain.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits the code of a REVIEW into batches that each fit a model's context budget.
 *
 * <p>The requirements are the question, so every batch carries all of them. Files fill batches in the order given;
 * a file that does not fit what is left of the current batch starts a new one; a file larger than a whole batch is
 * split at line boundaries into chunks, each with its line range, spread over as many batches as it takes (its first
 * chunk fills what is left of the current batch). Nothing is ever dropped: every line of every file is in exactly
 * one chunk, and the chunks of one file, in order, concatenate to its text. An empty file has no lines and gives no
 * chunk. A single line longer than a whole batch's room for code still gets a chunk of its own, in a batch of its
 * own whose estimate then exceeds the budget (the one case where it does).
 *
 * <p>Costs are {@link Tokens} estimates of the text as {@link ReviewPrompts} renders it (each requirement as a line
 * {@code FR-001 (spec line 12): text}; each code line with a line-number prefix; a small allowance per chunk for
 * its label and delimiters). The budget covers this data only: the caller keeps room for the instructions and for the answer.
 */
// implements feature-006/FR-003
public final class ContextPacker {
    /** Allowance for a chunk's label line and delimiters, on top of its path. */
    static final int CHUNK_OVERHEAD = 16;
    /** Allowance for the requirements block's label and delimiters. */
    static final int REQUIREMENTS_OVERHEAD = 16;
    /** Allowance for the line-number prefix of one code line ({@code "  12| "}). */
    static final int LINE_PREFIX_CHARS = 8;

    private ContextPacker() {
    }

    /** A run of whole lines of one file; {@code text} is exactly those lines, with their line endings. */
    public record Chunk(String path, int startLine, int endLine, String text) {
        public Chunk {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            if (startLine < 1 || endLine < startLine) {
                throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " of " + path);
            }
        }
    }

    /** What one model call reviews: all the requirements and some code, with its estimated cost. */
    public record Batch(List<Requirement> requirements, List<Chunk> chunks, int estimatedTokens) {
        public Batch {
            requirements = List.copyOf(requirements);
            chunks = List.copyOf(chunks);
            if (estimatedTokens < 0) {
                throw new IllegalArgumentException("estimatedTokens must not be negative: " + estimatedTokens);
            }
        }
    }

    /**
     * Packs {@code files} into batches of at most {@code budgetTokens} (see the class comment); no batches when
     * there are no files with content.
     *
     * @throws IllegalArgumentException when the requirements alone cost more than the budget, saying by how much
     */
    public static List<Batch> pack(List<Requirement> requirements, List<CodeFile> files, int budgetTokens) {
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(files, "files");
        if (budgetTokens < 1) {
            throw new IllegalArgumentException("the token budget must be positive: " + budgetTokens);
        }
        int fixed = requirementsCost(requirements);
        if (fixed > budgetTokens) {
            throw new IllegalArgumentException("the " + requirements.size() + " requirements alone need about "
                    + fixed + " tokens, " + (fixed - budgetTokens) + " more than the budget of " + budgetTokens
                    + " tokens");
        }
        int room = budgetTokens - fixed;
        Packing packing = new Packing(requirements, fixed);
        for (CodeFile file : files) {
            Objects.requireNonNull(file, "file");
            if (file.text().isEmpty()) {
                continue;
            }
            int[] starts = lineStarts(file.text());
            int lineCount = starts.length - 1;
            int[] costs = new int[lineCount];
            long whole = chunkOverhead(file.path());
            for (int i = 0; i < lineCount; i++) {
                costs[i] = lineCost(file.text(), starts[i], starts[i + 1]);
                whole += costs[i];
            }
            if (whole <= packing.left(room)) {
                packing.add(new Chunk(file.path(), 1, lineCount, file.text()), (int) whole);
                continue;
            }
            if (whole <= room) {
                packing.next();
                packing.add(new Chunk(file.path(), 1, lineCount, file.text()), (int) whole);
                continue;
            }
            int line = 0;
            while (line < lineCount) {
                int budget = packing.left(room) - chunkOverhead(file.path());
                int end = line;
                long used = 0;
                while (end < lineCount && used + costs[end] <= budget) {
                    used += costs[end];
                    end++;
                }
                if (end == line) {
                    if (!packing.isEmpty()) {
                        packing.next();
                        continue;
                    }
                    used = costs[end]; // one line larger than a whole batch: alone, over budget, never dropped
                    end++;
                }
                packing.add(new Chunk(file.path(), line + 1, end,
                        file.text().substring(starts[line], starts[end])), (int) (used + chunkOverhead(file.path())));
                line = end;
            }
        }
        return packing.finish();
    }

    /** The estimated cost of the requirements block that starts every batch. */
    static int requirementsCost(List<Requirement> requirements) {
        int cost = REQUIREMENTS_OVERHEAD;
        for (Requirement r : requirements) {
            Objects.requireNonNull(r, "requirement");
            cost += Tokens.estimate(ReviewPrompts.requirementLine(r));
        }
        return cost;
    }

    static int chunkOverhead(String path) {
        return CHUNK_OVERHEAD + Tokens.estimate(path);
    }

    private static int lineCost(String text, int from, int to) {
        return Tokens.estimate(text.substring(from, to)) + (LINE_PREFIX_CHARS + 3) / 4;
    }

    /** Offsets where each line starts, plus the text's length; a final newline does not start a line. */
    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        int[] out = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            out[i] = starts.get(i);
        }
        out[starts.size()] = text.length();
        return out;
    }

    /** The batches built so far and the one being filled. */
    private static final class Packing {
        private final List<Requirement> requirements;
        private final int fixed;
        private final List<Batch> done = new ArrayList<>();
        private List<Chunk> chunks = new ArrayList<>();
        private int used;

        Packing(List<Requirement> requirements, int fixed) {
            this.requirements = requirements;
            this.fixed = fixed;
        }

        int left(int room) {
            return room - used;
        }

        boolean isEmpty() {
            return chunks.isEmpty();
        }

        void add(Chunk chunk, int cost) {
            chunks.add(chunk);
            used += cost;
        }

        void next() {
            if (!chunks.isEmpty()) {
                done.add(new Batch(requirements, chunks, fixed + used));
                chunks = new ArrayList<>();
                used = 0;
            }
        }

        List<Batch> finish() {
            next();
            return List.copyOf(done);
        }
    }
}
