package dev.codefactory.app.codehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.DeviceAuthorization;
import dev.codefactory.port.codehost.ExistingIssue;
import dev.codefactory.port.codehost.HostRepository;
import dev.codefactory.port.codehost.HostUser;
import dev.codefactory.port.codehost.Issue;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.PullRequest;
import dev.codefactory.port.codehost.PullRequestDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.codehost.TokenPoll;
import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushing a branch and opening its pull request: the real JGit adapter pushing to a bare repository that stands for
 * GitHub's (a local path as origin's push URL), and a scripted host that knows that path as acme/rocket.
 */
// covers feature-007/FR-009
class OpenPullRequestTest {
    private static final String TOKEN = "gho_pull_request_token_0001";

    @TempDir
    Path tmp;
    Path project;
    Path bare;
    GitSandbox sandbox;
    final List<PullRequestDraft> opened = new ArrayList<>();

    /** Knows the bare repository's path as acme/rocket; records the pull requests it is asked to open. */
    public final class PathHostProvider implements CodeHostProvider {
        @Override
        public String id() {
            return "github";
        }

        @Override
        public String displayName() {
            return "GitHub on a path";
        }

        @Override
        public CodeHost create(CodeHostSettings settings) {
            return new CodeHost() {
                @Override
                public String id() {
                    return "github";
                }

                @Override
                public DeviceAuthorization startDeviceFlow(Set<String> scopes) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public TokenPoll pollDeviceFlow(DeviceAuthorization authorization) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public HostUser currentUser() {
                    return new HostUser("octocat", "", "", "repo");
                }

                @Override
                public Optional<RepositoryRef> repositoryOf(String remoteUrl) {
                    return remoteUrl.equals(bare.toString()) ? Optional.of(new RepositoryRef("acme", "rocket"))
                            : Optional.empty();
                }

                @Override
                public HostRepository repository(RepositoryRef ref) {
                    return new HostRepository(ref, "main", "https://github.com/acme/rocket", true, false);
                }

                @Override
                public PullRequest createPullRequest(RepositoryRef ref, PullRequestDraft draft) {
                    assertEquals(Optional.of(TOKEN), settings.token());
                    opened.add(draft);
                    return new PullRequest(7, "https://github.com/acme/rocket/pull/7", draft.draft());
                }

                @Override
                public Issue createIssue(RepositoryRef ref, IssueDraft draft) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<ExistingIssue> issues(RepositoryRef ref, String label, int max) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @BeforeEach
    void repositories() throws Exception {
        sandbox = GitSandbox.at(tmp);
        // the identity of the commits Code-Factory makes: git's, from this HOME (never the developer's own)
        Files.writeString(tmp.resolve(".gitconfig"), "[user]\n\tname = Ada\n\temail = ada@example.com\n");
        bare = tmp.resolve("rocket.git");
        project = tmp.resolve("rocket");
        git(tmp, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(tmp, "init", "-q", "-b", "main", project.toString());
        Files.writeString(project.resolve("README.md"), "rocket\n");
        git(project, "add", "README.md");
        git(project, "commit", "-q", "-m", "first");
        git(project, "remote", "add", "origin", bare.toString());
        git(project, "push", "-q", "origin", "main");
        Files.createDirectories(project.resolve(".factory"));
    }

    private CodeFactory factory(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", tmp.toString(), "FACTORY_MASTER_KEY",
                "master", "PATH", ""));
        env.putAll(extra);
        return CodeFactory.builder().projectRoot(project).environment(env).userConfigDir(tmp.resolve("cfg"))
                .addProvider(new PathHostProvider()).build();
    }

    @Test
    void pushes_the_branch_and_opens_the_pull_request_into_the_default_branch() throws Exception {
        try (CodeFactory f = factory(Map.of("GITHUB_TOKEN", TOKEN))) {
            VersionControl vcs = f.requireVersionControl();
            vcs.createBranch("factory/change-1", null);
            vcs.switchBranch("factory/change-1");
            Files.writeString(project.resolve("README.md"), "rocket, faster\n");
            vcs.commit(CommitRequest.only("change: faster (change-1)", List.of("README.md")));

            CodeHostAccess.OpenedPullRequest pr = f.codeHosts().openPullRequest(vcs, new OpenPullRequestCommand(
                    "factory/change-1", "Faster rocket", "The plan...", List.of("code-factory"), true, null));

            assertEquals("acme/rocket", pr.repository().toString());
            assertEquals("main", pr.base());
            assertEquals(7, pr.pullRequest().number());
            assertTrue(pr.push().created());
            assertEquals(List.of(new PullRequestDraft("Faster rocket", "The plan...", "factory/change-1", "main",
                    List.of("code-factory"), true)), opened);
            assertEquals(git(project, "rev-parse", "HEAD"), git(bare, "rev-parse", "refs/heads/factory/change-1"));
            assertEquals(Optional.of(new RepositoryRef("acme", "rocket")), f.codeHosts().repositoryOf(vcs));
        }
    }

    @Test
    void without_a_token_nothing_is_pushed_and_the_message_says_how_to_sign_in() throws Exception {
        try (CodeFactory f = factory(Map.of())) {
            VersionControl vcs = f.requireVersionControl();
            vcs.createBranch("factory/change-2", null);

            CodeHostException e = assertThrows(CodeHostException.class, () -> f.codeHosts().openPullRequest(vcs,
                    new OpenPullRequestCommand("factory/change-2", "T", "B", List.of(), false, null)));

            assertEquals(CodeHostException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.getMessage().contains("factory auth login github"), e.getMessage());
            assertEquals("", git(bare, "branch", "--list", "factory/change-2"));
            assertTrue(opened.isEmpty());
        }
    }

    @Test
    void an_origin_on_another_host_is_named_without_its_credentials() throws Exception {
        git(project, "remote", "set-url", "origin", "https://bob:s3cr3t@gitlab.example.com/acme/rocket.git");
        try (CodeFactory f = factory(Map.of("GITHUB_TOKEN", TOKEN))) {
            ProjectStateException e = assertThrows(ProjectStateException.class, () -> f.codeHosts()
                    .openPullRequest(f.requireVersionControl(), new OpenPullRequestCommand("main2", "T", "B",
                            List.of(), false, null)));

            assertTrue(e.getMessage().contains("https://gitlab.example.com/acme/rocket.git"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        }
    }

    @Test
    void a_project_outside_git_is_told_how_to_make_a_repository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain/.factory")).getParent();
        try (CodeFactory f = CodeFactory.builder().projectRoot(plain).environment(Map.of()).build()) {
            assertEquals(Optional.empty(), f.versionControl());
            ProjectStateException e = assertThrows(ProjectStateException.class, f::requireVersionControl);
            assertTrue(e.getMessage().contains("git init"), e.getMessage());
        }
    }

    private String git(Path dir, String... args) throws IOException, InterruptedException {
        return sandbox.git(dir, args).strip();
    }
}
