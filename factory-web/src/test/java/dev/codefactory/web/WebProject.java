package dev.codefactory.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.testsupport.GitSandbox;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;

/**
 * A real project for the web's tests: a git repository in a temporary folder (through the git command line in an
 * isolated HOME), initialised by Code-Factory, with specs committed; its mirror's routes answer in-process through
 * {@link #get}, and {@link WebServer} can serve it for the HTTP and browser tests.
 */
public final class WebProject implements AutoCloseable {
    private final GitSandbox git;
    private final Path repo;
    private final CodeFactory factory;
    private Router router;

    private WebProject(Path home, Path repo) {
        this.git = GitSandbox.at(home);
        this.repo = repo;
        git.init(repo);
        this.factory = CodeFactory.builder().projectRoot(repo).isolated().build();
        factory.init();
        git.git(repo, "add", "-A");
        git.git(repo, "commit", "-q", "-m", "init");
    }

    /** A new project in {@code repo}, with git's HOME in {@code home} (both empty temporary folders). */
    public static WebProject create(Path home, Path repo) {
        return new WebProject(home, repo);
    }

    /** A spec's file text: front matter with {@code id}, {@code title}, {@code status}, {@code tags}, and a body. */
    public static String spec(String id, String title, String status, List<String> tags, String requirements) {
        return "---\nid: " + id + "\ntitle: " + title + "\nstatus: " + status + "\ncreated: 2026-01-01\n"
                + "updated: 2026-01-02\nauthor: Ada\ntags: [" + String.join(", ", tags) + "]\npriority: medium\n"
                + "---\n\n# " + title + "\n\n## Overview\nA spec.\n\n## Requirements\n" + requirements
                + "\n## Acceptance Criteria\n- [ ] it works\n";
    }

    /** Writes {@code pathsAndContents} (path, text, path, text...) and commits them as {@code message}. */
    public WebProject commit(String message, String... pathsAndContents) {
        git.commitFiles(repo, message, pathsAndContents);
        return this;
    }

    public Path root() {
        return repo;
    }

    public GitSandbox git() {
        return git;
    }

    public CodeFactory factory() {
        return factory;
    }

    /** The mirror's routes for this project (built once). */
    public Router router() {
        if (router == null) {
            router = WebRoutes.of(factory.mirror());
        }
        return router;
    }

    /** GET {@code pathAndQuery} ({@code /specs?status=draft&tag=web}) answered in-process; 404 when no route. */
    public Response get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    /** GET with request headers (names in lower case). */
    public Response get(String pathAndQuery, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        // the server's own query parsing, so the routes see what they would see over HTTP
        Map<String, List<String>> query = Guard.query(q < 0 ? null : pathAndQuery.substring(q + 1))
                .orElseThrow(() -> new IllegalArgumentException("a bad escape in " + pathAndQuery));
        Map<String, List<String>> head = new LinkedHashMap<>();
        headers.forEach((k, v) -> head.put(k.toLowerCase(Locale.ROOT), List.of(v)));
        return router().handle(new Request("GET", path, query, head, Map.of()))
                .orElse(Response.of(404, Response.TEXT, "no route for " + path));
    }

    /** GET {@code path}, which must answer 200, as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json(String path) {
        Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.status() + ": " + r.text());
        }
        return (Map<String, Object>) JsonReader.parse(r.text());
    }

    /** How many times {@code regex} occurs in {@code text}. */
    public static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        factory.close();
    }
}
