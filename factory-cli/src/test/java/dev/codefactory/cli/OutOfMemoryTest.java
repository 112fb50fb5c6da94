package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap, for real: the CLI's {@code main} in a child JVM with a 16 MB heap (as the launcher runs it with
 * {@code FACTORY_JAVA_OPTS=-Xmx16m}) validating a project whose findings do not fit in it: 30 specs of about 900 KB,
 * each under the 1 MiB a contract may have, each holding some 30,000 broken links, whose findings validation keeps
 * (it lets each file's text go once checked, so large files alone no longer fill the heap). The test's own JVM cannot
 * run out of heap without failing the test runner with it, and throwing an error by hand would not show that there is
 * memory left to report it.
 */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    // covers feature-002/FR-003, feature-013/FR-006
    @Test
    void running_out_of_heap_exits_3_and_says_how_to_give_it_more() throws Exception {
        TestProject project = TestProject.initialised(dir);
        StringBuilder links = new StringBuilder();
        for (int n = 1; links.length() < 900_000; n++) {
            links.append("- See [part ").append(n).append("](missing-").append(n).append(".md).\n");
        }
        String filler = links.toString();
        for (int i = 1; i <= 30; i++) {
            String id = String.format("feature-%03d", i);
            project.write("contracts/specs/" + id + ".md", "---\nid: " + id + "\ntitle: Big " + i + "\nstatus: draft\n"
                    + "created: 2026-01-07\nupdated: 2026-01-07\n---\n\n# Big " + i + "\n\n## Overview\n\n" + filler
                    + "\n## Requirements\n\n- It is big.\n");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "spec", "validate", "--json")
                .directory(project.root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);

        Process child = pb.start();

        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the command ended");
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.FAILURE, child.exitValue(), "not 1, which means problems found: " + said);
        assertTrue(said.contains("factory: out of memory: the Java heap ("), said);
        assertTrue(said.contains("give it more with FACTORY_JAVA_OPTS=-Xmx2g"), said);
        assertFalse(said.contains("Exception in thread \"main\""), said);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals("out-of-memory", json.get("error").asText(), json.toString());
        assertEquals(ExitCodes.FAILURE, json.get("exitCode").asInt(), json.toString());
        assertTrue(json.get("message").asText().contains("FACTORY_JAVA_OPTS"), json.toString());
    }
}
