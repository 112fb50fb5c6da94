package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.testsupport.Browser;
import dev.codefactory.web.ServeOptions;
import dev.codefactory.web.WebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live progress end to end: {@code factory review --offline} runs in a separate JVM (the real CLI, as a person would
 * start it in a terminal) in a project that the real {@link WebServer} serves, and a page open in headless chromium
 * shows the review's progress as it happens, in the live strip and on the live page. Skips where no browser is
 * installed ({@link Browser#MISSING}).
 */
class LiveBrowserTest {
    /** Enough specs that the review runs for a while after its first progress event. */
    private static final int SPECS = 150;

    @TempDir
    Path tmp;

    // covers feature-012/FR-005
    @Test
    void a_review_run_by_the_cli_in_another_process_shows_its_progress_on_open_pages() throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        TestProject project = TestProject.initialised(Files.createDirectories(tmp.resolve("repo")));
        for (int i = 1; i <= SPECS; i++) {
            String id = String.format("feature-%03d", i);
            project.write("contracts/specs/" + id + ".md", "---\nid: " + id + "\ntitle: Spec " + i
                    + "\nstatus: approved\ncreated: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: [live]\n"
                    + "priority: high\n---\n\n# Spec " + i + "\n\n## Overview\n\nA part through `Part" + i
                    + "`.\n\n## Requirements\n\n### Functional\n\n- FR-001: `Part" + i + "` works.\n");
            project.write("src/main/java/app/Part" + i + ".java", "package app;\nclass Part" + i + " {}\n");
        }
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "specs");

        try (CodeFactory factory = CodeFactory.builder().projectRoot(project.root).isolated().build();
             WebServer server = WebServer.start(factory, ServeOptions.loopback(0));
             Browser browser = Browser.start()) {
            browser.open(server.address().resolve("/live").toString());
            browser.find("#live-strip");
            browser.find("#live-events");

            // every state a .live-run element shows is recorded as it appears, so a short run is not missed
            // between two polls (a script run by the driver, which the page's policy does not apply to)
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            page.executeScript("window.seenRuns = [];"
                    + "const look = () => document.querySelectorAll('#live-strip .live-run, #live-events .live-run')"
                    + ".forEach(e => window.seenRuns.push((e.getAttribute('data-run') || '') + '|' + e.textContent));"
                    + "new MutationObserver(look).observe(document.body,"
                    + " {subtree: true, childList: true, characterData: true, attributes: true}); look();");

            Process cli = startCli(project, "review", "--offline", "--yes");
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> readAll(cli));

            String run = new WebDriverWait(browser.driver(), Duration.ofSeconds(60), Duration.ofMillis(100))
                    .until(d -> ((List<?>) page.executeScript("return window.seenRuns;")).stream()
                            .map(String::valueOf)
                            .filter(t -> !t.startsWith("|") && t.matches("(?s).*review: .*\\d+ of \\d+.*"))
                            .findFirst().orElse(null));
            assertTrue(run.contains("review: "), run);

            assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "the review ended");
            String output = said.get(10, TimeUnit.SECONDS);
            assertEquals(0, cli.exitValue(), output);
            assertTrue(browser.find("#live-events").getText().contains("review"),
                    "the finished review is among the recent events: " + browser.find("#live-events").getText());
        }
    }

    /** The real CLI in a new JVM on this test's class path, in the project's folder. */
    private static Process startCli(TestProject project, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.root.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        return pb.start();
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
