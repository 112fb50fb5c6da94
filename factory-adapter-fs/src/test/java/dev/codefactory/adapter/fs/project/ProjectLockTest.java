package dev.codefactory.adapter.fs.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-001/NFR-002
class ProjectLockTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void is_reentrant_within_a_thread() {
        ProjectLayout layout = Projects.layout(root);
        assertEquals(42, assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> layout.exclusively(() -> layout.exclusively(() -> 42))));
    }

    @Test
    void is_reentrant_across_instances_on_the_same_project() {
        ProjectLayout layout = Projects.layout(root);
        SpecificationRepository repo = Projects.specs(root);
        String path = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> layout.exclusively(() -> {
            String created = repo.create(SpecKind.SPEC, "a.md", Projects.spec("feature-001"));
            Projects.reports(root).list();
            repo.writeIndex("<!-- factory:index:start -->\n<!-- factory:index:end -->\n");
            return created;
        }));
        assertEquals("contracts/specs/a.md", path);
    }

    @Test
    void threads_with_their_own_instances_take_turns() throws Exception {
        Path counter = root.resolve("counter.txt");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                ProjectLayout own = Projects.layout(root);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        own.exclusively(() -> LockWorker.increment(counter));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("150", Projects.read(root, "counter.txt"));
    }

    @Test
    void processes_take_turns_and_lose_no_update() throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            workers.add(start("count", root.toString(), "40"));
        }
        awaitAll(workers);
        assertEquals("120", Projects.read(root, "counter.txt"));
    }

    @Test
    void processes_creating_specs_never_reuse_an_id() throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            workers.add(start("specs", root.toString(), "10", "w" + p));
        }
        awaitAll(workers);
        List<SpecSource> all = Projects.specs(root).loadAll();
        Set<Object> ids = new HashSet<>();
        for (SpecSource s : all) {
            assertTrue(s instanceof SpecSource.Parsed, s.path() + " is unreadable");
            ids.add(((SpecSource.Parsed) s).frontMatter().get("id"));
        }
        assertEquals(30, all.size());
        assertEquals(30, ids.size(), "an id was given twice: " + ids);
    }

    private static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LockWorker.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitAll(List<Process> workers) throws Exception {
        for (Process w : workers) {
            boolean ended = w.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                workers.forEach(Process::destroyForcibly);
            }
            String output = new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ended, "a worker did not finish in time");
            assertEquals(0, w.exitValue(), output);
        }
    }
}
