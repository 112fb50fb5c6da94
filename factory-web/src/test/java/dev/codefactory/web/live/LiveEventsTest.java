package dev.codefactory.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.event.Events;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.port.event.FactoryEvent;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.web.WebProject;
import dev.codefactory.web.http.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log as the use cases write it and the API and the /live page show it. */
class LiveEventsTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    // covers feature-012/FR-005
    @Test
    void aRealOfflineReviewReportsItsRunInOrderAndTheApiPagesItByPosition() {
        try (WebProject project = WebProject.create(home, repo)) {
            project.commit("specs",
                    "contracts/specs/one.md", WebProject.spec("feature-101", "One", "approved", List.of("web"),
                            "- **FR-001**: it says hello\n"),
                    "contracts/specs/two.md", WebProject.spec("feature-102", "Two", "approved", List.of("web"),
                            "- **FR-001**: it says bye\n"),
                    "src/Hello.java", "class Hello { /* impl" + "ements feature-101/FR-001 */ }\n");
            project.factory().review(ReviewCommand.all().withOffline(true), ReviewDialog.ACCEPT_ALL);
            List<FactoryEvent> events = project.factory().events().recent(100).events();
            List<FactoryEvent> review = events.stream().filter(e -> e.mode().equals("review")).toList();
            assertEquals(FactoryEvent.Phase.STARTED, review.get(0).phase());
            assertEquals(FactoryEvent.Phase.FINISHED, review.get(review.size() - 1).phase(), review.toString());
            assertTrue(review.get(review.size() - 1).message().contains("findings"));
            List<FactoryEvent> progress = review.stream().filter(e -> e.phase() == FactoryEvent.Phase.PROGRESS)
                    .toList();
            assertFalse(progress.isEmpty(), "progress reported: " + review);
            for (int i = 1; i < progress.size(); i++) {
                FactoryEvent before = progress.get(i - 1);
                FactoryEvent now = progress.get(i);
                assertTrue(!before.step().equals(now.step()) || before.done() <= now.done(), "in order: " + review);
            }
            FactoryEvent checked = progress.stream().filter(e -> e.step().equals("checking files"))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(checked.total(), checked.done(), "the checks' last count is N of N: " + review);

            Response first = project.get("/api/v1/events?after=0&limit=2");
            assertEquals(200, first.status());
            Map<?, ?> page = (Map<?, ?>) JsonReader.parse(first.text());
            List<?> items = (List<?>) page.get("items");
            assertEquals(2, items.size());
            assertEquals("started", ((Map<?, ?>) items.get(0)).get("phase"));
            long next = ((Number) page.get("next")).longValue();
            assertEquals(next, ((Number) ((Map<?, ?>) items.get(1)).get("position")).longValue());
            Map<?, ?> rest = (Map<?, ?>) JsonReader.parse(project.get("/api/v1/events?after=" + next + "&limit=500")
                    .text());
            assertEquals(events.size() - 2, ((List<?>) rest.get("items")).size(), "no event twice, none lost");
            assertEquals(400, project.get("/api/v1/events?after=x").status());
            assertEquals(400, project.get("/api/v1/events?limit=0").status());
            Map<?, ?> newest = (Map<?, ?>) JsonReader.parse(project.get("/api/v1/events?limit=1").text());
            assertEquals("finished", ((Map<?, ?>) ((List<?>) newest.get("items")).get(0)).get("phase"));
        }
    }

    // covers feature-012/FR-005
    @Test
    void theLivePageShowsRunningRunsAndEventsAsTextEvenHostileOnes() {
        try (WebProject project = WebProject.create(home, repo)) {
            Events events = project.factory().events();
            events.start("trace", "reading files").finished("done");
            Events.Run run = events.start("review", "matching files");
            run.progress("reviewing specs", 14, 40);
            events.start("intake", "<script>alert(1)</script>\u001b[2J\u202e")
                    .failed("\"><img src=x onerror=alert(1)>");
            String html = project.get("/live").text();
            assertTrue(html.contains("id=\"live-events\""));
            assertTrue(html.contains("class=\"live-run\" data-run=\""));
            assertTrue(html.contains("review: reviewing specs 14 of 40"), html);
            assertFalse(html.contains("<script>alert"), "escaped");
            assertFalse(html.contains("<img"), "escaped");
            assertFalse(html.contains("\u001b"), "control characters made visible");
            assertFalse(html.contains("\u202e"), "control characters made visible");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            int intake = html.indexOf("intake: ");
            int trace = html.indexOf("trace: reading files");
            assertTrue(intake > 0 && trace > intake, "newest first");
            assertFalse(html.substring(html.indexOf("id=\"live-runs\""), html.indexOf("id=\"live-events\""))
                    .contains("trace:"), "an ended run is not running");
        }
    }
}
