package dev.codefactory.app.config;

import dev.codefactory.domain.FactoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A configuration that cannot be used: a file that is not valid YAML, an unknown key, a value out of range, a value
 * in the environment that is not acceptable. The message starts with {@code FILE:LINE:} when a file is to blame.
 */
public final class ConfigException extends FactoryException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    ConfigException(Path file, int line, String problem) {
        super(where(file, line) + problem);
        this.file = file;
        this.line = line;
    }

    ConfigException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line, or 0 when not known. */
    public int line() {
        return line;
    }

    private static String where(Path file, int line) {
        return file == null ? "" : line > 0 ? file + ":" + line + ": " : file + ": ";
    }
}
