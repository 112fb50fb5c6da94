package dev.codefactory.dist;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How a command of the release tests ended: its exit status and what it wrote. */
record Run(int exit, String out, String err) {

    /**
     * Runs {@code command} in {@code directory} with nothing on its standard input, within 5 minutes; with exactly
     * {@code env} as its environment, or this process's when {@code env} is empty.
     */
    static Run of(List<String> command, Path directory, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile("release", ".out");
        Path err = Files.createTempFile("release", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (!env.isEmpty()) {
                pb.environment().clear();
                pb.environment().putAll(env);
            }
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
