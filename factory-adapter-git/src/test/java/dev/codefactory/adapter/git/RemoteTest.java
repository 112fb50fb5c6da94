package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.vcs.PullResult;
import dev.codefactory.port.vcs.PushResult;
import dev.codefactory.port.vcs.RepositoryState.Operation;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-001
class RemoteTest extends IsolatedGit {

    private Path bare() {
        git(work, "init", "-q", "--bare", "-b", "main", "remote.git");
        return work.resolve("remote.git");
    }

    @Test
    void push_to_a_bare_repository_sets_the_upstream() {
        Path bare = bare();
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", bare.toString());
        commitFiles(r, "first", "a.txt", "a\n");
        assertEquals(Optional.of(bare.toString()), vc.remoteUrl("origin"));

        PushResult result = vc.push("origin", "main", null);

        String head = git(r, "rev-parse", "HEAD").strip();
        assertEquals(new PushResult("origin", "refs/heads/main", head, true), result);
        assertEquals("first\n", git(work, "--git-dir=" + bare, "log", "--format=%s", "main"));
        assertEquals("origin\n", git(r, "config", "branch.main.remote"));
        assertEquals("refs/heads/main\n", git(r, "config", "branch.main.merge"));
        commitFiles(r, "second", "a.txt", "b\n");
        assertFalse(vc.push("origin", "main", null).created());
    }

    @Test
    void push_to_a_missing_remote_names_it() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "first", "a.txt", "a\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.push("upstream", "main", null));
        assertTrue(e.getMessage().contains("git remote add upstream"), e.getMessage());
        assertEquals(Optional.empty(), vc.remoteUrl("upstream"));
    }

    /** A clone of the bare remote where "another developer" pushes. */
    private Path otherClone(Path bare) {
        git(work, "clone", "-q", bare.toString(), "other");
        return work.resolve("other");
    }

    @Test
    void pull_fast_forwards_then_reports_up_to_date() {
        Path bare = bare();
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", bare.toString());
        commitFiles(r, "first", "a.txt", "a\n");
        vc.push("origin", "main", null);
        Path other = otherClone(bare);
        commitFiles(other, "theirs", "b.txt", "b\n");
        git(other, "push", "-q", "origin", "main");

        PullResult pulled = vc.pull("origin", null);

        assertEquals("fast-forward", pulled.outcome());
        assertEquals(git(other, "rev-parse", "HEAD").strip(), pulled.head());
        assertEquals("b\n", read(r.resolve("b.txt")));
        assertEquals("up-to-date", vc.pull("origin", null).outcome());
    }

    @Test
    void pull_with_diverged_history_makes_a_merge_commit() {
        Path bare = bare();
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", bare.toString());
        commitFiles(r, "first", "a.txt", "a\n");
        vc.push("origin", "main", null);
        Path other = otherClone(bare);
        commitFiles(other, "theirs", "b.txt", "b\n");
        git(other, "push", "-q", "origin", "main");
        commitFiles(r, "ours", "c.txt", "c\n");

        PullResult pulled = vc.pull("origin", null);

        assertEquals("merged", pulled.outcome());
        assertEquals("2\n", git(r, "log", "-1", "--format=%p").split(" ").length + "\n");
        assertEquals(pulled.head() + "\n", git(r, "rev-parse", "HEAD"));
    }

    @Test
    void pull_with_conflicting_changes_lists_the_conflicts() {
        Path bare = bare();
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", bare.toString());
        commitFiles(r, "first", "a.txt", "a\n");
        vc.push("origin", "main", null);
        Path other = otherClone(bare);
        commitFiles(other, "theirs", "a.txt", "theirs\n");
        git(other, "push", "-q", "origin", "main");
        commitFiles(r, "ours", "a.txt", "ours\n");

        PullResult pulled = vc.pull("origin", null);

        assertEquals("conflicting", pulled.outcome());
        assertEquals(List.of("a.txt"), pulled.conflicted());
        assertEquals(Operation.MERGE, vc.state().operation());
        assertEquals("UU a.txt\n", git(r, "status", "--porcelain"));
    }

    @Test
    void pull_without_upstream_says_what_to_do() {
        Path bare = bare();
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", bare.toString());
        commitFiles(r, "first", "a.txt", "a\n");
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.pull("origin", null));
        assertTrue(e.getMessage().contains("no upstream"), e.getMessage());
    }

    // covers feature-004/NFR-003
    @Test
    void token_is_sent_as_basic_auth_of_x_access_token_and_never_shown() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            exchange.getRequestBody().readAllBytes();
            if (auth == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"x\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                authorizations.add(exchange.getRequestURI() + " " + auth);
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            VersionControl vc = newRepo("r");
            Path r = vc.workTree();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
            git(r, "remote", "add", "origin", url);
            commitFiles(r, "first", "a.txt", "a\n");
            Secret token = new Secret("github.token", "ghp_s3cr3tT0ken");

            VersionControlException e = assertThrows(VersionControlException.class,
                    () -> vc.push("origin", "main", token));

            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString("x-access-token:ghp_s3cr3tT0ken".getBytes(StandardCharsets.UTF_8));
            assertFalse(authorizations.isEmpty());
            assertEquals("/repo.git/info/refs?service=git-receive-pack " + expected, authorizations.get(0));
            assertFalse(e.getMessage().contains("ghp_s3cr3tT0ken"), e.getMessage());
            assertFalse(read(r.resolve(".git/config")).contains("ghp_s3cr3tT0ken"));
            assertEquals(Optional.of(url), vc.remoteUrl("origin"));
        } finally {
            server.stop(0);
        }
    }

    // covers feature-004/NFR-003
    @Test
    void a_token_is_never_sent_over_plain_http_to_another_machine() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "remote", "add", "origin", "http://git.example.invalid/repo.git");
        commitFiles(r, "first", "a.txt", "a\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.push("origin", "main", new Secret("github.token", "ghp_s3cr3tT0ken")));
        assertTrue(e.getMessage().contains("unencrypted HTTP"), e.getMessage());
        assertFalse(e.getMessage().contains("ghp_s3cr3tT0ken"), e.getMessage());
    }
}
