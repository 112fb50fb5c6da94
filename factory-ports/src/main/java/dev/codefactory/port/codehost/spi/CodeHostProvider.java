package dev.codefactory.port.codehost.spi;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link CodeHost} implementations through {@link java.util.ServiceLoader}: {@code github}. */
public interface CodeHostProvider extends Provider {

    /** A human name for messages: {@code GitHub}. */
    String displayName();

    /** Creates the host client; does no I/O until it is used. */
    CodeHost create(CodeHostSettings settings);
}
