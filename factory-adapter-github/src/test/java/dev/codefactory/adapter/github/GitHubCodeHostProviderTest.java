package dev.codefactory.adapter.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GitHubCodeHostProviderTest {

    @Test
    void service_loader_finds_the_github_provider() {
        List<String> found = new ArrayList<>();
        for (CodeHostProvider provider : ServiceLoader.load(CodeHostProvider.class)) {
            found.add(provider.id() + "=" + provider.displayName());
        }
        assertEquals(List.of("github=GitHub"), found);
    }

    @Test
    void provider_is_public_final_with_a_public_no_arg_constructor() throws NoSuchMethodException {
        Class<?> type = GitHubCodeHostProvider.class;
        assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()));
        assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()));
    }

    @Test
    void creating_a_host_does_no_io_and_hides_the_token() {
        CodeHost host = new GitHubCodeHostProvider().create(new CodeHostSettings(URI.create("http://127.0.0.1:9"),
                URI.create("http://127.0.0.1:9"), "", Optional.of(Hosts.TOKEN), Duration.ofSeconds(1), Hosts.CLOCK));
        assertEquals("github", host.id());
        assertFalse(host.toString().contains(Hosts.TOKEN), host.toString());
    }
}
