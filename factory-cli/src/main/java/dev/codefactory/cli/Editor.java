package dev.codefactory.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The person's editor: {@code $VISUAL}, else {@code $EDITOR}; a command line split on spaces, as git does. */
final class Editor {

    private Editor() {
    }

    /** What {@link #edit} got back: the editor's exit code, and the saved text when that is 0. */
    record Edited(int exitCode, String text) {
    }

    /** The editor command as configured ({@code code --wait}, say), or empty when neither variable is set. */
    static Optional<String> configured(Map<String, String> environment) {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String v = environment.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Puts {@code text} in a temporary {@code .md} file in {@code dir}, opens it with {@code editor} on the person's
     * terminal, waits, and returns the editor's exit code and the text as saved (null unless the code is 0). The file
     * is removed in every case.
     */
    static Edited edit(String editor, String text, Path dir) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "factory-edit-", ".md");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of(editor.strip().split("\\s+")));
            argv.add(file.toString());
            int code = new ProcessBuilder(argv).inheritIO().start().waitFor();
            return new Edited(code, code == 0 ? Files.readString(file, StandardCharsets.UTF_8) : null);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary copy is harmless
            }
        }
    }
}
