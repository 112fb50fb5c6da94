package dev.codefactory.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.testsupport.Browser;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web mirror in a real browser: headless Debian chromium through chromium-driver against the real
 * {@link WebServer} on 127.0.0.1 serving a real project (specs that link to each other, a review report made by the
 * real offline review, a spec with hostile text). Skips where no browser is installed ({@link Browser#MISSING}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final String HOSTILE_TITLE = "<script>alert(1)</script> Evil";

    private WebProject project;
    private WebServer server;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        assumeTrue(Browser.available(), Browser.MISSING);
        project = WebProject.create(java.nio.file.Files.createDirectories(tmp.resolve("home")),
                java.nio.file.Files.createDirectories(tmp.resolve("repo")));
        project.commit("specs",
                "contracts/specs/login.md", WebProject.spec("feature-001", "User login", "approved", List.of("auth"),
                        "- FR-001: A user logs in with a password.\n"),
                "contracts/specs/export.md", WebProject.spec("feature-002", "Invoice export", "draft",
                        List.of("billing"), "- FR-001: Invoices export as PDF; a user logs in first, see "
                                + "[User login](login.md).\n"),
                "contracts/specs/cart.md", WebProject.spec("feature-003", "Shopping cart", "approved",
                        List.of("billing"), "- FR-001: A cart holds items.\n"),
                "contracts/specs/evil.md", WebProject.spec("feature-004", HOSTILE_TITLE, "draft",
                        List.of("auth"), "- FR-001: Shows <script>alert('body')</script> and "
                                + "\"><img src=x onerror=alert('img')> and [a link](javascript:alert('link')).\n"));
        project.factory().review(ReviewCommand.all().withOffline(true), ReviewDialog.ACCEPT_ALL);
        server = WebServer.start(project.factory(), ServeOptions.loopback(0));
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (project != null) {
            project.close();
        }
    }

    private String url(String path) {
        return server.address().resolve(path).toString();
    }

    private Set<String> rows() {
        return browser.all("#catalog tr.spec").stream().map(r -> r.getAttribute("data-id"))
                .collect(Collectors.toSet());
    }

    // covers feature-012/FR-001
    @Test
    void the_catalog_filters_by_status_and_by_tag_through_its_form() {
        browser.open(url("/"));
        assertEquals(Set.of("feature-001", "feature-002", "feature-003", "feature-004"), rows());
        assertTrue(browser.find("#status-counts").getText().contains("approved"),
                browser.find("#status-counts").getText());

        new Select(browser.find("#filters select[name=status]")).selectByValue("approved");
        browser.find("#filters button").click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("status=approved"));
        assertEquals(Set.of("feature-001", "feature-003"), rows(), browser.url());

        browser.open(url("/"));
        new Select(browser.find("#filters select[name=tag]")).selectByValue("billing");
        browser.find("#filters button").click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("tag=billing"));
        assertEquals(Set.of("feature-002", "feature-003"), rows(), browser.url());
    }

    // covers feature-012/FR-001, feature-012/FR-002
    @Test
    void a_spec_opens_from_the_catalog_and_its_link_leads_to_the_other_spec() {
        browser.open(url("/"));
        browser.find("#catalog tr.spec[data-id='feature-002'] a.spec-link").click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/specs/feature-002"));
        assertEquals("Invoice export", browser.find("h1").getText());
        assertFalse(browser.find("#rendered").getText().isBlank());

        WebElement link = browser.find("#rendered a[href='/specs/feature-001']");
        link.click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/specs/feature-001"));
        assertEquals("User login", browser.find("h1").getText());
        assertTrue(browser.all("#links a.spec-link").stream()
                .anyMatch(a -> a.getAttribute("href").endsWith("/specs/feature-002")),
                "the login spec shows the export spec that links to it");
    }

    // covers feature-012/FR-003
    @Test
    void the_reports_page_draws_the_review_trend_and_a_review_report_opens() {
        browser.open(url("/reports"));
        List<WebElement> points = browser.find("svg#trend").findElements(org.openqa.selenium.By.cssSelector(
                "circle.point"));
        assertEquals(1, points.size(), "one point for the one review");
        WebElement review = browser.all("#reports a.report-link").stream()
                .filter(a -> a.getAttribute("href").contains("/reports/review-")).findFirst().orElseThrow();
        review.click();
        assertTrue(browser.find("#report").isDisplayed());
        assertTrue(browser.find("#compliance").getText().contains("feature-001"),
                browser.find("#compliance").getText());
        browser.find("#severities");
    }

    // covers feature-012/FR-010
    @Test
    void a_hostile_spec_shows_its_markup_as_text_and_nothing_runs() {
        browser.consoleProblems();
        browser.open(url("/specs/feature-004"));
        assertNull(browser.openDialog(), "no script of the spec ran");
        assertEquals(HOSTILE_TITLE, browser.find("h1").getText());
        assertTrue(browser.find("#rendered").getText().contains("<script>alert('body')</script>"),
                browser.find("#rendered").getText());
        assertTrue(browser.all("script:not([src])").isEmpty(), "no inline script on the page");
        assertTrue(browser.all("[onerror], [onclick], [onload]").isEmpty(), "no event handler attribute");
        assertTrue(browser.all("a[href^='javascript']").isEmpty(), "no javascript: link");

        browser.open(url("/"));
        assertNull(browser.openDialog(), "no script of the spec ran in the catalog");
        assertTrue(browser.find("#catalog tr.spec[data-id='feature-004']").getText().contains(HOSTILE_TITLE));

        List<String> csp = browser.consoleProblems().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .collect(Collectors.toList());
        assertEquals(List.of(), csp, "our own pages need nothing the policy forbids");
    }
}
