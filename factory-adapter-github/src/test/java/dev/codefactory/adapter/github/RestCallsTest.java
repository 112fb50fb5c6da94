package dev.codefactory.adapter.github;

import static dev.codefactory.testsupport.FakeGitHub.Reply.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.HostRepository;
import dev.codefactory.port.codehost.HostUser;
import dev.codefactory.port.codehost.Issue;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.PullRequest;
import dev.codefactory.port.codehost.PullRequestDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-004
class RestCallsTest {
    static final RepositoryRef ACME = new RepositoryRef("acme", "rocket");
    static final String USER = "{\"login\":\"octocat\",\"id\":1,\"name\":\"The Octocat\","
            + "\"html_url\":\"https://github.com/octocat\",\"type\":\"User\"}";
    static final String REPO = "{\"id\":1296269,\"name\":\"rocket\",\"full_name\":\"acme/rocket\",\"private\":true,"
            + "\"html_url\":\"https://github.com/acme/rocket\",\"default_branch\":\"trunk\","
            + "\"permissions\":{\"admin\":false,\"maintain\":false,\"push\":true,\"triage\":true,\"pull\":true}}";
    static final String PULL = "{\"id\":1,\"number\":42,\"state\":\"open\",\"draft\":true,"
            + "\"html_url\":\"https://github.com/acme/rocket/pull/42\"}";
    static final String ISSUE = "{\"id\":2,\"number\":7,\"state\":\"open\","
            + "\"html_url\":\"https://github.com/acme/rocket/issues/7\"}";
    private final ObjectMapper json = new ObjectMapper();
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

    private static void assertGitHubHeaders(FakeGitHub.Received request) {
        assertEquals("application/vnd.github+json", request.header("Accept"), request.toString());
        assertEquals("2022-11-28", request.header("X-GitHub-Api-Version"), request.toString());
        assertEquals("code-factory", request.header("User-Agent"), request.toString());
        assertEquals("Bearer " + Hosts.TOKEN, request.header("Authorization"), request.toString());
    }

    @Test
    void current_user_sends_githubs_headers_and_the_bearer_token() {
        fake.on("GET", "/user", json(200, USER));

        host.currentUser();

        FakeGitHub.Received request = fake.only();
        assertEquals("GET", request.method());
        assertEquals("/user", request.path());
        assertGitHubHeaders(request);
    }

    @Test
    void current_user_reads_login_name_address_and_the_tokens_scopes() {
        fake.on("GET", "/user", json(200, USER).with("X-OAuth-Scopes", "repo, read:org"));

        assertEquals(new HostUser("octocat", "The Octocat", "https://github.com/octocat", "repo, read:org"),
                host.currentUser());
    }

    @Test
    void current_user_without_a_name_or_scopes_header_has_empty_ones() {
        fake.on("GET", "/user", json(200, "{\"login\":\"octocat\",\"name\":null,"
                + "\"html_url\":\"https://github.com/octocat\"}"));

        HostUser user = host.currentUser();

        assertEquals("", user.name());
        assertEquals("", user.scopes());
    }

    @Test
    void current_user_when_not_signed_in_says_how_and_sends_nothing() {
        CodeHostException e = assertThrows(CodeHostException.class, () -> Hosts.withoutToken(fake).currentUser());

        assertEquals(CodeHostException.Kind.UNAUTHORIZED, e.kind());
        assertEquals("not signed in to GitHub: run `factory auth login github` (or set GITHUB_TOKEN).",
                e.getMessage());
        assertEquals(List.of(), fake.received());
    }

    @Test
    void repository_reads_default_branch_address_push_permission_and_visibility() {
        fake.on("GET", "/repos/acme/rocket", json(200, REPO));

        assertEquals(new HostRepository(ACME, "trunk", "https://github.com/acme/rocket", true, true),
                host.repository(ACME));
        assertGitHubHeaders(fake.only());
    }

    @Test
    void repository_without_permissions_cannot_be_pushed_to() {
        fake.on("GET", "/repos/acme/rocket", json(200, "{\"default_branch\":\"main\",\"private\":false,"
                + "\"html_url\":\"https://github.com/acme/rocket\"}"));

        HostRepository repo = host.repository(ACME);

        assertFalse(repo.canPush());
        assertFalse(repo.isPrivate());
    }

    @Test
    void pull_request_with_labels_posts_the_draft_then_the_labels() throws IOException {
        fake.on("POST", "/repos/acme/rocket/pulls", json(201, PULL));
        fake.on("POST", "/repos/acme/rocket/issues/42/labels", json(200, "[{\"id\":1,\"name\":\"factory\"}]"));

        PullRequest pr = host.createPullRequest(ACME, new PullRequestDraft("Add rocket", "Adds it.\n", "feature/x",
                "trunk", List.of("factory", "needs review"), true));

        assertEquals(new PullRequest(42, "https://github.com/acme/rocket/pull/42", true), pr);
        List<FakeGitHub.Received> requests = fake.received();
        assertEquals(2, requests.size());
        assertEquals("/repos/acme/rocket/pulls", requests.get(0).path());
        assertGitHubHeaders(requests.get(0));
        assertEquals(json.readTree("{\"title\":\"Add rocket\",\"body\":\"Adds it.\\n\",\"head\":\"feature/x\","
                + "\"base\":\"trunk\",\"draft\":true}"), json.readTree(requests.get(0).body()));
        assertEquals("/repos/acme/rocket/issues/42/labels", requests.get(1).path());
        assertGitHubHeaders(requests.get(1));
        assertEquals(json.readTree("{\"labels\":[\"factory\",\"needs review\"]}"),
                json.readTree(requests.get(1).body()));
    }

    @Test
    void pull_request_without_labels_is_one_request() {
        fake.on("POST", "/repos/acme/rocket/pulls", json(201, PULL.replace("\"draft\":true", "\"draft\":false")));

        PullRequest pr = host.createPullRequest(ACME, new PullRequestDraft("T", "", "x", "main", List.of(), false));

        assertFalse(pr.draft());
        assertEquals(1, fake.received().size());
    }

    @Test
    void pull_request_that_exists_already_is_invalid_with_githubs_words_and_what_to_do() {
        fake.on("POST", "/repos/acme/rocket/pulls", json(422, "{\"message\":\"Validation Failed\",\"errors\":"
                + "[{\"resource\":\"PullRequest\",\"code\":\"custom\",\"message\":\"A pull request already exists "
                + "for acme:feature/x.\"}],\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls\"}"));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.createPullRequest(ACME,
                new PullRequestDraft("T", "", "feature/x", "main", List.of("factory"), false)));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("A pull request already exists for acme:feature/x."), e.getMessage());
        assertTrue(e.getMessage().contains("Validation Failed"), e.getMessage());
        assertTrue(e.getMessage().contains("existing pull request"), e.getMessage());
        assertEquals(1, fake.received().size(), "no labels after a failed creation");
    }

    @Test
    void pull_request_with_a_bad_base_lists_githubs_errors() {
        fake.on("POST", "/repos/acme/rocket/pulls", json(422, "{\"message\":\"Validation Failed\",\"errors\":"
                + "[{\"resource\":\"PullRequest\",\"field\":\"base\",\"code\":\"invalid\"}]}"));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.createPullRequest(ACME,
                new PullRequestDraft("T", "", "feature/x", "nope", List.of(), false)));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("PullRequest.base invalid"), e.getMessage());
    }

    @Test
    void labels_that_fail_after_creation_name_the_opened_pull_request() {
        fake.on("POST", "/repos/acme/rocket/pulls", json(201, PULL));
        fake.on("POST", "/repos/acme/rocket/issues/42/labels", json(500, "{\"message\":\"Server Error\"}"));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.createPullRequest(ACME,
                new PullRequestDraft("T", "", "x", "main", List.of("factory"), true)));

        assertEquals(CodeHostException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("#42 was opened (https://github.com/acme/rocket/pull/42)"),
                e.getMessage());
    }

    @Test
    void issue_posts_title_body_and_labels_and_returns_its_number_and_address() throws IOException {
        fake.on("POST", "/repos/acme/rocket/issues", json(201, ISSUE));

        Issue issue = host.createIssue(ACME, new IssueDraft("Broken", "It broke.", List.of("bug", "factory")));

        assertEquals(new Issue(7, "https://github.com/acme/rocket/issues/7"), issue);
        FakeGitHub.Received request = fake.only();
        assertGitHubHeaders(request);
        assertEquals(json.readTree("{\"title\":\"Broken\",\"body\":\"It broke.\",\"labels\":[\"bug\",\"factory\"]}"),
                json.readTree(request.body()));
    }

    @Test
    void enterprise_api_under_api_v3_with_trailing_slashes_is_reached_there() {
        fake.on("GET", "/api/v3/user", json(200, USER).with("X-OAuth-Scopes", "repo"));
        fake.on("GET", "/api/v3/repos/acme/rocket", json(200, REPO));
        CodeHost enterprise = Hosts.create(URI.create(fake.base() + "/api/v3/"), URI.create(fake.base() + "/"),
                Optional.of(Hosts.TOKEN), Hosts.PATIENT);

        assertEquals("octocat", enterprise.currentUser().login());
        assertEquals("trunk", enterprise.repository(ACME).defaultBranch());
        assertEquals(List.of("/api/v3/user", "/api/v3/repos/acme/rocket"),
                fake.received().stream().map(FakeGitHub.Received::path).toList());
        fake.received().forEach(RestCallsTest::assertGitHubHeaders);
        assertEquals(Optional.of(ACME), enterprise.repositoryOf("git@127.0.0.1:acme/rocket.git"));
        assertEquals(Optional.empty(), enterprise.repositoryOf("git@github.com:acme/rocket.git"));
    }

    @Test
    void enterprise_device_flow_lives_on_the_web_host() {
        fake.on("POST", "/login/device/code", json(200, "{\"device_code\":\"d\",\"user_code\":\"U-1\","
                + "\"verification_uri\":\"http://127.0.0.1/login/device\",\"expires_in\":60}"));
        CodeHost enterprise = Hosts.create(URI.create(fake.base() + "/api/v3"), URI.create(fake.base() + "/"),
                Optional.empty(), Hosts.PATIENT);

        assertEquals("U-1", enterprise.startDeviceFlow(java.util.Set.of("repo")).userCode());
        assertEquals("/login/device/code", fake.only().path());
    }
}
