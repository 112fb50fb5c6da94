package dev.codefactory.app.config;

/** Which file {@code factory config set} writes. */
public enum ConfigScope {
    /** {@code .factory/config.yaml} in the project. */
    PROJECT,
    /** {@code config.yaml} in the user's configuration folder ({@code $XDG_CONFIG_HOME/factory}). */
    GLOBAL
}
