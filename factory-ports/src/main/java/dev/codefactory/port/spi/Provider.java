package dev.codefactory.port.spi;

/**
 * What every discovery interface shares: a stable id by which configuration selects it. Implementations are public
 * final classes with a no-argument constructor that does no I/O, registered in {@code META-INF/services}.
 */
public interface Provider {

    /** Lowercase, stable, unique among the providers of one port: {@code markdown}, {@code ollama}. */
    String id();
}
