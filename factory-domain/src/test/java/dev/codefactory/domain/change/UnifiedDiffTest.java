package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @TempDir
    Path dir;

    private static String numbered(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append("line ").append(i).append('\n');
        }
        return s.toString();
    }

    /** Git's hunks for the same texts, from the first "@@" on, without the function names after hunk headers. */
    private String git(String before, String after, int context) throws IOException, InterruptedException {
        String old = before == null ? "/dev/null" : write("old.txt", before).toString();
        String neu = after == null ? "/dev/null" : write("new.txt", after).toString();
        GitSandbox.Result r = GitSandbox.at(dir.resolve("home")).run(dir, "-c", "core.autocrlf=false", "diff",
                "--no-index", "--no-color", "--no-ext-diff", "--no-indent-heuristic", "-U" + context, old, neu);
        String out = r.out();
        assertTrue(r.exit() == 0 || r.exit() == 1, "git failed: " + r.err() + out);
        return hunks(out);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String hunks(String diff) {
        int at = diff.startsWith("@@") ? 0 : diff.indexOf("\n@@") + 1;
        if (at <= 0 && !diff.startsWith("@@")) {
            return "";
        }
        return diff.substring(at).replaceAll("(?m)^(@@ [^@]* @@).*$", "$1");
    }

    private void assertSameAsGit(String before, String after, int context) throws Exception {
        String ours = UnifiedDiff.of("f.txt", before, after, context);
        assertEquals(git(before, after, context), hunks(ours));
    }

    @Test
    void writes_headers_and_one_hunk_like_diff_u() {
        String diff = UnifiedDiff.of("src/A.txt", "a\nb\nc\n", "a\nB\nc\n", 3);
        assertEquals("--- a/src/A.txt\n+++ b/src/A.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff);
    }

    @Test
    void equal_texts_have_no_diff() {
        assertEquals("", UnifiedDiff.of("a", "x\n", "x\n", 3));
    }

    @Test
    void a_new_file_comes_from_dev_null() {
        assertEquals("--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,2 @@\n+one\n+two\n",
                UnifiedDiff.of("n.txt", null, "one\ntwo\n", 3));
    }

    @Test
    void a_deleted_file_goes_to_dev_null() {
        assertEquals("--- a/d.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n", UnifiedDiff.of("d.txt", "gone\n", null, 3));
    }

    @Test
    void marks_a_missing_final_newline() {
        assertEquals("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
                UnifiedDiff.of("f", "a\nb", "a\nb\n", 3));
    }

    @Test
    void rejects_bad_arguments() {
        assertThrows(IllegalArgumentException.class, () -> UnifiedDiff.of("f", null, null, 3));
        assertThrows(IllegalArgumentException.class, () -> UnifiedDiff.of("f", "a", "b", -1));
    }

    @Test
    void matches_git_for_a_change_in_the_middle() throws Exception {
        String before = numbered(1, 20);
        assertSameAsGit(before, before.replace("line 10\n", "line ten\n"), 3);
    }

    @Test
    void matches_git_for_separate_and_merged_hunks() throws Exception {
        String before = numbered(1, 40);
        String after = before.replace("line 2\n", "line two\n")
                .replace("line 8\n", "line eight\n")   // 5 lines after the first change: same hunk at -U3
                .replace("line 30\n", "")               // far away: its own hunk
                .replace("line 40\n", "line 40\nline 41\n");
        assertSameAsGit(before, after, 3);
        assertSameAsGit(before, after, 1);
        assertSameAsGit(before, after, 0);
    }

    @Test
    void matches_git_for_insertions_at_the_start_and_deletions_at_the_end() throws Exception {
        String before = numbered(1, 10);
        assertSameAsGit(before, "first\nsecond\n" + numbered(1, 7), 3);
        assertSameAsGit(before, "first\nsecond\n" + numbered(1, 7), 0);
    }

    @Test
    void matches_git_without_final_newlines() throws Exception {
        assertSameAsGit("a\nb\nc", "a\nB\nc", 3);
        assertSameAsGit("a\nb\nc\n", "a\nb\nc", 3);
        assertSameAsGit("a\nb\nc", "a\nb\nc\nd\n", 1);
    }

    @Test
    void matches_git_for_new_and_deleted_files() throws Exception {
        assertSameAsGit(null, "x\ny\n", 3);
        assertSameAsGit("x\ny", null, 3);
    }

    @Test
    void matches_git_for_a_program_rewritten_in_several_places() throws Exception {
        String before = "package a;\n\nimport java.util.List;\n\nclass A {\n    int x;\n\n    int get() {\n"
                + "        return x;\n    }\n\n    void set(int v) {\n        x = v;\n    }\n}\n";
        String after = "package a;\n\nimport java.util.List;\nimport java.util.Map;\n\nclass A {\n    long x;\n\n"
                + "    long get() {\n        return x;\n    }\n}\n";
        assertSameAsGit(before, after, 3);
    }

    @Test
    void a_random_script_always_turns_before_into_after() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            String before = randomLines(random);
            String after = randomLines(random);
            String diff = UnifiedDiff.of("r", before, after, random.nextInt(4));
            assertEquals(after, patch(before, diff), "round " + round);
        }
    }

    @Test
    void falls_back_to_a_whole_file_hunk_above_the_size_guard() {
        String before = numbered(1, UnifiedDiff.MAX_LINES + 1);
        String after = before.replace("line 7\n", "line seven\n");
        String diff = UnifiedDiff.of("big.txt", before, after, 3);

        assertTrue(diff.startsWith("# big.txt: more than 5000 lines, shown as a whole-file replacement\n--- a/big.txt\n"
                + "+++ b/big.txt\n@@ -1,5001 +1,5001 @@\n-line 1\n"), diff.substring(0, 200));
        assertEquals(after, patch(before, diff));
    }

    private static String randomLines(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(4))).append('\n');
        }
        if (s.length() > 0 && random.nextBoolean()) {
            s.setLength(s.length() - 1);
        }
        return s.toString();
    }

    /** Applies a unified diff made by {@link UnifiedDiff} to {@code before}. */
    private static String patch(String before, String diff) {
        List<String> old = new ArrayList<>();
        for (int at = 0; at < before.length();) {
            int end = before.indexOf('\n', at);
            end = end < 0 ? before.length() : end + 1;
            old.add(before.substring(at, end));
            at = end;
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        String[] lines = diff.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("@@ ")) {
                String[] range = line.split(" ")[1].substring(1).split(",");
                int start = Integer.parseInt(range[0]);
                int count = range.length > 1 ? Integer.parseInt(range[1]) : 1;
                int first = count == 0 ? start : start - 1;
                while (next < first) {
                    out.append(old.get(next++));
                }
            } else if (line.startsWith("+") && !line.startsWith("+++") || line.startsWith(" ")) {
                boolean noEol = i + 1 < lines.length && lines[i + 1].startsWith("\\ No newline");
                out.append(line.substring(1)).append(noEol ? "" : "\n");
                if (line.startsWith(" ")) {
                    next++;
                }
            } else if (line.startsWith("-") && !line.startsWith("---")) {
                next++;
            }
        }
        while (next < old.size()) {
            out.append(old.get(next++));
        }
        return out.toString();
    }
}
