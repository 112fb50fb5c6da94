package dev.codefactory.domain.rescue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outputs captured from real runs under {@code src/test/resources/rescue/} (how each was made:
 * {@code rescue/README.md} there).
 */
public final class RescueFixtures {
    private RescueFixtures() {
    }

    /** The text of {@code rescue/<name>}, as the tool wrote it. */
    public static String text(String name) {
        try (InputStream in = RescueFixtures.class.getResourceAsStream("/rescue/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture rescue/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code rescue/<name>} as {@link ConsoleLines} gives them to the readers. */
    public static List<String> lines(String name) {
        return ConsoleLines.of(text(name));
    }
}
