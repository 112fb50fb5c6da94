package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox;
import dev.codefactory.testsupport.GitSandbox.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests: a temporary HOME with its own {@code .gitconfig} and XDG folder ({@link GitSandbox}), seen the
 * same way by JGit (through a {@link SystemReader} installed for the test) and by the {@code git} command line
 * (through its environment), so that the developer's own configuration never leaks in.
 */
abstract class IsolatedGit {

    @TempDir
    Path temp;
    Path home;
    Path work;
    Map<String, String> env;
    GitSandbox sandbox;
    final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    final JGitVersionControlProvider provider = new JGitVersionControlProvider(clock);
    private final List<VersionControl> opened = new ArrayList<>();

    @BeforeEach
    void isolate() throws IOException {
        sandbox = GitSandbox.at(temp.resolve("home"));
        home = sandbox.home();
        env = sandbox.environment();
        work = Files.createDirectories(temp.resolve("work"));
        SystemReader.setInstance(new TestSystemReader(SystemReader.getInstance(), home, env));
    }

    @AfterEach
    void restoreSystemReader() {
        opened.forEach(VersionControl::close);
        SystemReader.setInstance(null);
    }

    /** Opens (and closes after the test) the repository around {@code dir}. */
    VersionControl open(Path dir) {
        return closeAfterTest(provider.open(dir).orElseThrow());
    }

    /** Closes {@code vc} after the test. */
    VersionControl closeAfterTest(VersionControl vc) {
        opened.add(vc);
        return vc;
    }

    /** A new repository made by {@code git init} with branch main, opened through the provider. */
    VersionControl newRepo(String name) {
        return open(sandbox.init(work.resolve(name)));
    }

    /** Runs git in {@code dir} with the isolated environment; returns stdout, fails the test on a non-zero exit. */
    String git(Path dir, String... args) {
        return sandbox.git(dir, args);
    }

    Result run(Path dir, String... args) {
        return sandbox.run(dir, args);
    }

    static void write(Path file, String content) {
        GitSandbox.write(file, content);
    }

    static String read(Path file) {
        return GitSandbox.read(file);
    }

    /** Makes a commit with the CLI: writes the files, adds everything, commits. */
    void commitFiles(Path repo, String message, String... pathsAndContents) {
        sandbox.commitFiles(repo, message, pathsAndContents);
    }

    /** JGit's view of the environment: HOME, XDG and config files inside the test's temporary folder. */
    static final class TestSystemReader extends SystemReader {
        private final SystemReader delegate;
        private final Path home;
        private final Map<String, String> env;

        TestSystemReader(SystemReader delegate, Path home, Map<String, String> env) {
            this.delegate = delegate;
            this.home = home;
            this.env = env;
        }

        @Override
        public String getHostname() {
            return "localhost";
        }

        @Override
        public String getenv(String variable) {
            return env.get(variable);
        }

        @Override
        public String getProperty(String key) {
            return "user.home".equals(key) ? home.toString() : delegate.getProperty(key);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, home.resolve(".gitconfig").toFile(), fs);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return emptyConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, home.resolve(".jgitconfig").toFile(), fs);
        }

        private static FileBasedConfig emptyConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // nothing: no system or JGit configuration in tests
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }

        @Override
        public Path getXdgConfigDirectory(FS fs) {
            return Path.of(env.get("XDG_CONFIG_HOME"));
        }

        @Override
        public long getCurrentTime() {
            return delegate.getCurrentTime();
        }

        @Override
        public int getTimezone(long when) {
            return 0;
        }
    }
}
