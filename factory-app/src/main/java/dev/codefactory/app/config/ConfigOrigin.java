package dev.codefactory.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an effective value came from: a layer, and for files the file and the line of the key; for the environment
 * the variable's name.
 */
public record ConfigOrigin(Layer layer, Path file, int line, String variable) {

    /** The layers, highest precedence first. */
    public enum Layer {
        COMMAND_LINE, ENVIRONMENT, EXPLICIT_FILE, PROJECT_FILE, USER_FILE, SYSTEM_FILE, DEFAULT;

        boolean isFile() {
            return this == EXPLICIT_FILE || this == PROJECT_FILE || this == USER_FILE || this == SYSTEM_FILE;
        }
    }

    public ConfigOrigin {
        Objects.requireNonNull(layer, "layer");
    }

    static ConfigOrigin commandLine() {
        return new ConfigOrigin(Layer.COMMAND_LINE, null, 0, null);
    }

    static ConfigOrigin environment(String variable) {
        return new ConfigOrigin(Layer.ENVIRONMENT, null, 0, variable);
    }

    static ConfigOrigin file(Layer layer, Path file, int line) {
        return new ConfigOrigin(layer, file, line, null);
    }

    static ConfigOrigin defaults() {
        return new ConfigOrigin(Layer.DEFAULT, null, 0, null);
    }

    public Optional<Path> fileIfAny() {
        return Optional.ofNullable(file);
    }

    /** {@code FILE:LINE}, {@code environment FACTORY_LLM_MODEL}, {@code command line} or {@code default}. */
    public String describe() {
        switch (layer) {
            case COMMAND_LINE: return "command line";
            case ENVIRONMENT: return "environment " + variable;
            case DEFAULT: return "default";
            default: return line > 0 ? file + ":" + line : file.toString();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
