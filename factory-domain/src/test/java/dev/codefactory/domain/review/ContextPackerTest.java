package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.ContextPacker.Batch;
import dev.codefactory.domain.review.ContextPacker.Chunk;
import dev.codefactory.domain.spec.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-003
class ContextPackerTest {

    private static final List<Requirement> REQS = List.of(new Requirement("S", "R1", "Users log in", 3),
            new Requirement("S", "R2", "Sessions expire after 30 minutes", 4));

    private static String lines(int n, int width) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            out.append(("line " + i + " ").repeat(Math.max(1, width / 8))).append('\n');
        }
        return out.toString();
    }

    @Test
    void tokens_estimate_four_characters_per_token_rounded_up() {
        assertEquals(0, Tokens.estimate(""));
        assertEquals(0, Tokens.estimate(null));
        assertEquals(1, Tokens.estimate("abc"));
        assertEquals(1, Tokens.estimate("abcd"));
        assertEquals(2, Tokens.estimate("abcde"));
    }

    @Test
    void tokens_count_each_cjk_character_as_one() {
        assertEquals(4, Tokens.estimate("日本語の"));
        assertEquals(3, Tokens.estimate("한국어"));
        assertEquals(2 + 1, Tokens.estimate("中文abcd"));
    }

    @Test
    void small_files_share_one_batch_that_carries_every_requirement() {
        List<Batch> batches = ContextPacker.pack(REQS, List.of(new CodeFile("a.java", "Java", "class A {}\n"),
                new CodeFile("b.java", "Java", "class B {}\n")), 1000);
        assertEquals(1, batches.size());
        assertEquals(REQS, batches.get(0).requirements());
        assertEquals(List.of(new Chunk("a.java", 1, 1, "class A {}\n"), new Chunk("b.java", 1, 1, "class B {}\n")),
                batches.get(0).chunks());
        assertTrue(batches.get(0).estimatedTokens() <= 1000);
        assertTrue(batches.get(0).estimatedTokens() > ContextPacker.requirementsCost(REQS));
    }

    @Test
    void a_file_that_does_not_fit_the_rest_starts_a_new_batch_whole() {
        int fixed = ContextPacker.requirementsCost(REQS);
        String text = lines(10, 40);
        List<Batch> one = ContextPacker.pack(REQS, List.of(new CodeFile("a", "", text)), 100_000);
        int fileCost = one.get(0).estimatedTokens() - fixed;
        int budget = fixed + fileCost + fileCost / 2;
        List<Batch> batches = ContextPacker.pack(REQS, List.of(new CodeFile("a", "", text), new CodeFile("b", "", text)),
                budget);
        assertEquals(2, batches.size());
        assertEquals(List.of(new Chunk("a", 1, 10, text)), batches.get(0).chunks());
        assertEquals(List.of(new Chunk("b", 1, 10, text)), batches.get(1).chunks());
        for (Batch b : batches) {
            assertEquals(REQS, b.requirements());
            assertTrue(b.estimatedTokens() <= budget);
        }
    }

    @Test
    void a_file_larger_than_a_batch_is_split_at_line_boundaries_with_line_ranges() {
        String text = lines(100, 80);
        int budget = ContextPacker.requirementsCost(REQS) + 300;
        List<Batch> batches = ContextPacker.pack(REQS, List.of(new CodeFile("big.py", "Python", text)), budget);
        assertTrue(batches.size() > 3, "expected several batches, got " + batches.size());
        int next = 1;
        StringBuilder joined = new StringBuilder();
        for (Batch b : batches) {
            assertEquals(1, b.chunks().size());
            Chunk c = b.chunks().get(0);
            assertEquals(next, c.startLine());
            assertEquals(c.endLine() - c.startLine() + 1, c.text().split("\n", -1).length - 1);
            assertTrue(b.estimatedTokens() <= budget);
            joined.append(c.text());
            next = c.endLine() + 1;
        }
        assertEquals(101, next);
        assertEquals(text, joined.toString());
    }

    @Test
    void requirements_over_budget_are_refused_saying_by_how_much() {
        int need = ContextPacker.requirementsCost(REQS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContextPacker.pack(REQS, List.of(new CodeFile("a", "", "x\n")), need - 7));
        assertTrue(e.getMessage().contains("7 more than the budget"), e.getMessage());
        assertTrue(e.getMessage().contains(Integer.toString(need)), e.getMessage());
    }

    @Test
    void a_single_line_longer_than_a_batch_gets_a_batch_of_its_own_rather_than_being_dropped() {
        String huge = "x".repeat(4000);
        String text = "short\n" + huge + "\nafter\n";
        int budget = ContextPacker.requirementsCost(REQS) + 100;
        List<Batch> batches = ContextPacker.pack(REQS, List.of(new CodeFile("min.js", "", text)), budget);
        StringBuilder joined = new StringBuilder();
        boolean sawHuge = false;
        for (Batch b : batches) {
            for (Chunk c : b.chunks()) {
                joined.append(c.text());
                if (c.text().contains(huge)) {
                    sawHuge = true;
                    assertEquals(2, c.startLine());
                    assertEquals(2, c.endLine());
                    assertEquals(1, b.chunks().size());
                    assertTrue(b.estimatedTokens() > budget);
                }
            }
        }
        assertTrue(sawHuge);
        assertEquals(text, joined.toString());
    }

    @Test
    void no_files_give_no_batches_and_empty_files_give_no_chunks() {
        assertEquals(List.of(), ContextPacker.pack(REQS, List.of(), 1000));
        assertEquals(List.of(), ContextPacker.pack(REQS, List.of(new CodeFile("empty", "", "")), 1000));
    }

    @Test
    void rejects_a_budget_that_is_not_positive() {
        assertThrows(IllegalArgumentException.class, () -> ContextPacker.pack(REQS, List.of(), 0));
    }

    @Test
    void every_line_of_every_generated_file_lands_in_exactly_one_chunk() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<CodeFile> files = new ArrayList<>();
            int fileCount = 1 + random.nextInt(8);
            for (int f = 0; f < fileCount; f++) {
                StringBuilder text = new StringBuilder();
                int lineCount = random.nextInt(120);
                for (int l = 0; l < lineCount; l++) {
                    text.append("v".repeat(random.nextInt(random.nextInt(10) == 0 ? 900 : 90)));
                    if (l < lineCount - 1 || random.nextBoolean()) {
                        text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
                    }
                }
                files.add(new CodeFile("dir/f" + f + ".txt", "", text.toString()));
            }
            int budget = ContextPacker.requirementsCost(REQS) + 20 + random.nextInt(2000);
            List<Batch> batches = ContextPacker.pack(REQS, files, budget);
            Map<String, StringBuilder> rebuilt = new LinkedHashMap<>();
            Map<String, Integer> nextLine = new LinkedHashMap<>();
            for (Batch b : batches) {
                assertEquals(REQS, b.requirements());
                assertTrue(!b.chunks().isEmpty());
                for (Chunk c : b.chunks()) {
                    int expected = nextLine.getOrDefault(c.path(), 1);
                    assertEquals(expected, c.startLine(), "round " + round + " " + c.path());
                    nextLine.put(c.path(), c.endLine() + 1);
                    rebuilt.computeIfAbsent(c.path(), p -> new StringBuilder()).append(c.text());
                    if (b.chunks().size() > 1 || b.estimatedTokens() <= budget) {
                        assertTrue(b.estimatedTokens() <= budget, "round " + round);
                    }
                }
            }
            for (CodeFile file : files) {
                String got = rebuilt.containsKey(file.path()) ? rebuilt.get(file.path()).toString() : "";
                assertEquals(file.text(), got, "round " + round + " " + file.path());
                int lineCount = ContextPacker.lineStarts(file.text()).length - 1;
                if (!file.text().isEmpty()) {
                    assertEquals(lineCount + 1, nextLine.get(file.path()), "round " + round);
                }
            }
        }
    }

    @Test
    void chunk_and_batch_validate_their_values() {
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 0, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 3, 2, ""));
        assertThrows(IllegalArgumentException.class, () -> new Batch(REQS, List.of(), -1));
        assertThrows(NullPointerException.class, () -> new CodeFile(null, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new CodeFile(" ", "", ""));
        assertEquals("", new CodeFile("a", null, "").language());
    }
}
