package dev.codefactory.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.testsupport.FakeGitHub.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeGitHubTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(FakeGitHub github, String method, String pathAndQuery, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(github.base() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer t").build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replies_come_in_turn_the_last_from_then_on_and_anything_else_is_not_found() throws Exception {
        try (FakeGitHub github = FakeGitHub.start()) {
            github.on("GET", "/user", Reply.json(500, "{}"), Reply.json(200, "{\"login\":\"octocat\"}")
                    .with("X-OAuth-Scopes", "repo"));

            assertEquals(500, send(github, "GET", "/user", null).statusCode());
            HttpResponse<String> second = send(github, "GET", "/user", null);
            HttpResponse<String> third = send(github, "GET", "/user", null);
            HttpResponse<String> other = send(github, "POST", "/user", "{}");

            assertEquals(List.of(200, 200), List.of(second.statusCode(), third.statusCode()));
            assertEquals("{\"login\":\"octocat\"}", third.body());
            assertEquals("repo", third.headers().firstValue("X-OAuth-Scopes").orElseThrow());
            assertEquals(404, other.statusCode());
            assertEquals(4, github.received().size());
            assertEquals("Bearer t", github.received().get(3).header("AUTHORIZATION"));
        }
    }

    @Test
    void an_answer_may_depend_on_the_request_and_replace_the_not_found() throws Exception {
        try (FakeGitHub github = FakeGitHub.start()) {
            github.on("POST", "/repos/acme/rocket/issues", r -> Reply.json(201, "{\"echo\":" + r.body() + "}"))
                    .otherwise(r -> Reply.json(418, "{\"query\":\"" + r.query() + "\"}"));

            assertEquals("{\"echo\":{\"a\":1}}", send(github, "POST", "/repos/acme/rocket/issues", "{\"a\":1}").body());
            HttpResponse<String> other = send(github, "GET", "/repos/acme/rocket/issues?state=all", null);

            assertEquals(418, other.statusCode());
            assertEquals("{\"query\":\"state=all\"}", other.body());
            assertEquals("/repos/acme/rocket/issues", github.received().get(1).path());
        }
    }
}
