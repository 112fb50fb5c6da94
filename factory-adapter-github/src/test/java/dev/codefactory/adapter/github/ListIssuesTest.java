package dev.codefactory.adapter.github;

import static dev.codefactory.testsupport.FakeGitHub.Reply.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.ExistingIssue;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-004
class ListIssuesTest {
    static final RepositoryRef ACME = new RepositoryRef("acme", "rocket");
    static final String PATH = "/repos/acme/rocket/issues";
    private FakeGitHub fake;
    private CodeHost host;

    @BeforeEach
    void start() throws IOException {
        fake = FakeGitHub.start();
        host = Hosts.on(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** An issue as GitHub lists it, numbered {@code number}, open when even. */
    private static String issue(int number) {
        return "{\"id\":" + (1000 + number) + ",\"number\":" + number + ",\"state\":\""
                + (number % 2 == 0 ? "open" : "closed") + "\",\"title\":\"Issue " + number + "\",\"body\":\"Body "
                + number + "\",\"html_url\":\"https://github.com/acme/rocket/issues/" + number + "\",\"labels\":"
                + "[{\"name\":\"factory\"}],\"user\":{\"login\":\"octocat\"}}";
    }

    private static String pullRequest(int number) {
        return "{\"id\":" + (1000 + number) + ",\"number\":" + number + ",\"state\":\"open\",\"title\":\"PR "
                + number + "\",\"body\":null,\"html_url\":\"https://github.com/acme/rocket/pull/" + number + "\","
                + "\"pull_request\":{\"url\":\"https://api.github.com/repos/acme/rocket/pulls/" + number + "\"}}";
    }

    /** Issues numbered {@code from} down, {@code count} of them (newest first, as GitHub sorts them). */
    private static String page(int from, int count) {
        return IntStream.range(0, count).mapToObj(i -> issue(from - i))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static Map<String, String> query(FakeGitHub.Received request) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    @Test
    void asks_for_the_label_in_every_state_newest_first_a_hundred_per_page() {
        fake.on("GET", PATH, json(200, page(3, 3)));

        host.issues(ACME, "factory", 50);

        FakeGitHub.Received request = fake.only();
        assertEquals("GET", request.method());
        assertEquals(PATH, request.path());
        assertEquals(new TreeMap<>(Map.of("labels", "factory", "state", "all", "per_page", "100", "page", "1",
                "sort", "created", "direction", "desc")), query(request));
        assertEquals("Bearer " + Hosts.TOKEN, request.header("Authorization"));
        assertEquals("application/vnd.github+json", request.header("Accept"));
    }

    @Test
    void reads_number_address_title_body_and_state() {
        fake.on("GET", PATH, json(200, page(8, 2)));

        assertEquals(List.of(
                new ExistingIssue(8, "https://github.com/acme/rocket/issues/8", "Issue 8", "Body 8", true),
                new ExistingIssue(7, "https://github.com/acme/rocket/issues/7", "Issue 7", "Body 7", false)),
                host.issues(ACME, "factory", 10));
    }

    @Test
    void pages_on_until_a_short_page() {
        fake.on("GET", PATH, json(200, page(103, 100)), json(200, page(3, 3)));

        List<ExistingIssue> issues = host.issues(ACME, "factory", 150);

        assertEquals(103, issues.size());
        assertEquals(103, issues.get(0).number());
        assertEquals(1, issues.get(102).number());
        assertEquals(List.of("1", "2"), fake.received().stream().map(r -> query(r).get("page")).toList());
    }

    @Test
    void stops_at_max_within_a_page_without_asking_for_more() {
        fake.on("GET", PATH, json(200, page(200, 100)), json(200, page(100, 100)));

        List<ExistingIssue> issues = host.issues(ACME, "factory", 5);

        assertEquals(List.of(200, 199, 198, 197, 196), issues.stream().map(ExistingIssue::number).toList());
        assertEquals(1, fake.received().size());
    }

    @Test
    void stops_at_max_on_a_later_page() {
        fake.on("GET", PATH, json(200, page(200, 100)), json(200, page(100, 100)), json(200, page(0, 0)));

        List<ExistingIssue> issues = host.issues(ACME, "factory", 120);

        assertEquals(120, issues.size());
        assertEquals(81, issues.get(119).number());
        assertEquals(2, fake.received().size());
    }

    @Test
    void skips_pull_requests() {
        fake.on("GET", PATH, json(200, "[" + issue(9) + "," + pullRequest(8) + "," + issue(7) + "]"));

        assertEquals(List.of(9, 7), host.issues(ACME, "factory", 10).stream().map(ExistingIssue::number).toList());
    }

    @Test
    void a_full_page_of_pull_requests_does_not_end_the_list() {
        String pulls = IntStream.range(0, 100).mapToObj(i -> pullRequest(200 - i))
                .collect(Collectors.joining(",", "[", "]"));
        fake.on("GET", PATH, json(200, pulls), json(200, page(5, 2)));

        assertEquals(List.of(5, 4), host.issues(ACME, "factory", 10).stream().map(ExistingIssue::number).toList());
    }

    @Test
    void missing_body_is_empty() {
        fake.on("GET", PATH, json(200, "[{\"number\":4,\"state\":\"open\",\"title\":\"No body\",\"body\":null,"
                + "\"html_url\":\"https://github.com/acme/rocket/issues/4\"},{\"number\":3,\"state\":\"closed\","
                + "\"title\":\"Absent body\",\"html_url\":\"https://github.com/acme/rocket/issues/3\"}]"));

        List<ExistingIssue> issues = host.issues(ACME, "factory", 10);

        assertEquals(List.of("", ""), issues.stream().map(ExistingIssue::body).toList());
    }

    @Test
    void empty_list_is_no_issues() {
        fake.on("GET", PATH, json(200, "[]"));

        assertEquals(List.of(), host.issues(ACME, "factory", 10));
        assertEquals(1, fake.received().size());
    }

    @Test
    void unknown_repository_is_not_found_naming_it() {
        CodeHostException e = assertThrows(CodeHostException.class, () -> host.issues(ACME, "factory", 10));

        assertEquals(CodeHostException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("issues of acme/rocket"), e.getMessage());
        assertTrue(!e.getMessage().contains(Hosts.TOKEN), e.getMessage());
    }

    @Test
    void label_with_a_space_or_reserved_characters_is_url_encoded() {
        fake.on("GET", PATH, json(200, "[]"));

        host.issues(ACME, "needs review", 10);
        host.issues(ACME, "a&b=c#d", 10);

        List<FakeGitHub.Received> requests = fake.received();
        assertEquals("needs%20review", query(requests.get(0)).get("labels"));
        assertEquals("a%26b%3Dc%23d", query(requests.get(1)).get("labels"));
    }

    @Test
    void works_without_a_token_on_public_repositories() {
        fake.on("GET", PATH, json(200, page(1, 1)));

        assertEquals(1, Hosts.withoutToken(fake).issues(ACME, "factory", 10).size());
        assertNull(fake.only().header("Authorization"));
    }

    @Test
    void max_zero_asks_nothing() {
        assertEquals(List.of(), host.issues(ACME, "factory", 0));
        assertEquals(List.of(), fake.received());
    }

    @Test
    void blank_label_is_refused_before_asking() {
        assertThrows(IllegalArgumentException.class, () -> host.issues(ACME, " ", 10));
        assertEquals(List.of(), fake.received());
    }
}
