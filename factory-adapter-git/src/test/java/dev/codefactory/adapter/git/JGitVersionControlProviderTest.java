package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.spi.VersionControlProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JGitVersionControlProviderTest extends IsolatedGit {

    @Test
    void service_loader_finds_the_jgit_provider() {
        List<String> ids = ServiceLoader.load(VersionControlProvider.class).stream()
                .map(p -> p.get().id()).toList();
        assertEquals(List.of("jgit"), ids);
    }

    @Test
    void open_finds_the_repository_from_a_subfolder() throws Exception {
        newRepo("r");
        Path sub = Files.createDirectories(work.resolve("r/src/main"));
        VersionControl vc = open(sub);
        assertEquals(work.resolve("r").toRealPath(), vc.workTree().toRealPath());
    }

    @Test
    void open_returns_empty_outside_any_repository() throws Exception {
        Path plain = Files.createDirectories(work.resolve("plain/sub"));
        assertTrue(provider.open(plain).isEmpty());
    }

    @Test
    void init_creates_a_repository_on_the_initial_branch() {
        try (VersionControl vc = provider.init(work.resolve("fresh"), "trunk")) {
            assertEquals("refs/heads/trunk\n", git(work.resolve("fresh"), "symbolic-ref", "HEAD"));
            assertTrue(vc.state().empty());
        }
    }
}
