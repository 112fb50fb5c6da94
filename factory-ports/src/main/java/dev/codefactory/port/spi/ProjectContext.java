package dev.codefactory.port.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a project-bound adapter is created with: the project root (absolute, normalised), the clock and the
 * environment (never read from globals, so that tests and embedders control them), and the limits in force.
 */
public record ProjectContext(Path root, Clock clock, Map<String, String> environment, Limits limits) {

    public ProjectContext {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(limits, "limits");
    }

    /** Size limits on what Code-Factory reads. */
    public record Limits(long maxSpecBytes) {
        /** 1 MiB per contract: far above any real spec, far below a file that would exhaust memory. */
        public static final Limits DEFAULT = new Limits(1024 * 1024);

        public Limits {
            if (maxSpecBytes <= 0) {
                throw new IllegalArgumentException("maxSpecBytes must be positive, was " + maxSpecBytes);
            }
        }
    }
}
