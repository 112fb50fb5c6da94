package dev.codefactory.adapter.fs.secret;

import dev.codefactory.domain.FactoryException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a keyring's command-line tool: arguments never hold a secret (it travels on standard input), the child sees
 * the given environment without the master key, and every wait has a time limit after which the child is killed.
 */
final class ChildProcess {

    /** What a child said and how it ended. {@code stdout} may hold a secret: never show it. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        @Override
        public String toString() {
            return "Result[exitCode=" + exitCode + ", stdout=" + stdout.length + " bytes, stderr=" + stderr + "]";
        }
    }

    private ChildProcess() {
    }

    /** The executable {@code name} on the {@code PATH} of {@code environment}, if there is one. */
    static Optional<Path> onPath(String name, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (RuntimeException e) {
                // an invalid PATH entry names no tool
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command}, writing {@code stdin} to it and closing its input.
     *
     * @throws FactoryException when the tool cannot be started or does not finish within {@code timeout}
     */
    static Result run(List<String> command, byte[] stdin, Map<String, String> environment, Duration timeout) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().remove("FACTORY_MASTER_KEY");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new FactoryException("could not run " + tool + ": " + e.getMessage(), e);
        }
        try {
            // own threads, not the common pool: these block on the child's pipes
            FutureTask<byte[]> out = reader(process.getInputStream(), tool + " stdout");
            FutureTask<byte[]> err = reader(process.getErrorStream(), tool + " stderr");
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the child closed its input early; its exit code and error output tell why
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new FactoryException(tool + " did not answer within " + timeout.toSeconds()
                        + " s; is the keyring locked or waiting for a password prompt?");
            }
            long left = Math.max(1, deadline - System.nanoTime());
            byte[] stdout = out.get(left, TimeUnit.NANOSECONDS);
            byte[] stderr = err.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Result(process.exitValue(), stdout, new String(stderr, StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FactoryException("interrupted while waiting for " + tool, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FactoryException(tool + " did not finish its output within " + timeout.toSeconds() + " s");
        } finally {
            process.destroyForcibly();
        }
    }

    private static FutureTask<byte[]> reader(InputStream in, String name) {
        FutureTask<byte[]> task = new FutureTask<>(() -> readAll(in));
        Thread thread = new Thread(task, "factory " + name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
