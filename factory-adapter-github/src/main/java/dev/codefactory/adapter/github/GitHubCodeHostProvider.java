package dev.codefactory.adapter.github;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import java.util.Objects;

/**
 * GitHub and GitHub Enterprise through the REST API ({@code github.api-url}) and the OAuth device flow on the web
 * host ({@code github.web-url}). Creating a host does no I/O.
 */
public final class GitHubCodeHostProvider implements CodeHostProvider {
    static final String ID = "github";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "GitHub";
    }

    @Override
    public CodeHost create(CodeHostSettings settings) {
        return new GitHubCodeHost(Objects.requireNonNull(settings, "settings"));
    }
}
