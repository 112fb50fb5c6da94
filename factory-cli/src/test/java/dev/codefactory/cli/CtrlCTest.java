package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code factory ask} stops the stream and closes the connection: a real {@code factory} JVM streams
 * from a loopback Ollama that sends two tokens and then stalls, and gets SIGINT.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CtrlCTest {

    @TempDir
    Path dir;

    @Test
    void sigint_closes_the_connection_at_once() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> closedAt = CompletableFuture.supplyAsync(() -> serveThenWaitForClose(server));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ask", "go"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("OLLAMA_") || k.endsWith("_API_KEY"));
            env.put("OLLAMA_HOST", "127.0.0.1:" + server.getLocalPort());
            env.put("FACTORY_LLM_PROVIDER", "ollama");
            env.put("FACTORY_LLM_MODEL", "m");
            env.put("XDG_CONFIG_HOME", dir.resolve(".xdg").toString());
            Process child = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            InputStream out = child.getInputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!seen.toString(StandardCharsets.UTF_8).contains("two") && System.nanoTime() < deadline) {
                int b = out.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            }
            assertTrue(seen.toString(StandardCharsets.UTF_8).contains("one two"),
                    () -> "the first tokens were printed before Ctrl-C: " + seen);
            long interrupted = System.nanoTime();
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the command ended after Ctrl-C");
            long closed = closedAt.get(10, TimeUnit.SECONDS);
            assertTrue(closed > 0, "the server saw the connection close");
            long millis = TimeUnit.NANOSECONDS.toMillis(closed - interrupted);
            assertTrue(millis < 5000, "the connection closed " + millis + " ms after Ctrl-C");
            assertEquals(130, child.exitValue(), err.get(10, TimeUnit.SECONDS));
        }
    }

    /** Answers one chat with two tokens, then stalls; returns when the client closes, as System.nanoTime(). */
    private static long serveThenWaitForClose(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            readRequest(in);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (String token : List.of("one ", "two")) {
                out.write(("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"" + token
                        + "\"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            while (in.read() >= 0) {
                // stall: nothing more is sent; a read returns -1 when the client closes
            }
            return System.nanoTime();
        } catch (IOException e) {
            return System.nanoTime();
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
    }
}
