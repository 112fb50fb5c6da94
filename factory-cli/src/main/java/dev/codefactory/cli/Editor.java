package dev.codefactory.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The person's editor: {@code $VISUAL}, else {@code $EDITOR}; a command line split on spaces, as git does. */
final class Editor {

    private Editor() {
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

    /** Opens {@code file} with {@code editor} on the person's terminal and waits; returns the editor's exit code. */
    static int open(String editor, Path file) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(editor.strip().split("\\s+")));
        argv.add(file.toString());
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }
}
