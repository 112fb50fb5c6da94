package dev.codefactory.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.codefactory.app.event.Events;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.web.WebProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSE stream end to end over real sockets on 127.0.0.1, mounted on a real JDK HTTP server. */
class EventStreamTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    /** One SSE client on a raw socket, so the test controls exactly when it reads. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;

        Client(int port, String lastEventId) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The lines read until one contains {@code text}; fails after 5 s. */
        List<String> until(String text) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                if (line.contains(text)) {
                    return lines;
                }
            }
            throw new IOException("stream ended before " + text + ": " + lines);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // covers feature-012/FR-005
    // covers feature-012/NFR-002
    @Test
    void fiftyStreamsGetEveryEventWithoutAThreadEachAndAClientThatGoesIsDropped() throws Exception {
        try (WebProject project = WebProject.create(home, repo)) {
            Events events = project.factory().events();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EventStream stream = new EventStream(events);
            server.createContext("/api/v1/events/stream", stream::attach);
            server.start();
            stream.start();
            List<Client> clients = new ArrayList<>();
            try {
                int port = server.getAddress().getPort();
                Client first = new Client(port, null);
                clients.add(first);
                List<String> head = first.until("connected");
                assertTrue(head.get(0).startsWith("HTTP/1.1 200"), head.toString());
                assertTrue(head.stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type: text/event-stream; "
                        + "charset=utf-8")), head.toString());
                assertTrue(head.stream().anyMatch(h -> h.equalsIgnoreCase("Cache-Control: no-cache")));
                int threads = Thread.activeCount();
                for (int i = 1; i < 50; i++) {
                    Client c = new Client(port, null);
                    c.until("connected");
                    clients.add(c);
                }
                assertTrue(Thread.activeCount() <= threads + 3, "no thread per client: " + threads + " then "
                        + Thread.activeCount());
                waitFor(() -> stream.clients() == 50);

                events.start("review", "reviewing <specs>").progress("hello-all", 1, 2);
                for (Client c : clients) {
                    List<String> lines = c.until("hello-all");
                    String data = lines.get(lines.size() - 1);
                    assertTrue(data.startsWith("data: {"), data);
                    assertTrue(lines.stream().anyMatch(l -> l.equals("event: factory")), lines.toString());
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith("id: ")), lines.toString());
                }

                for (int i = 0; i < 10; i++) {
                    clients.remove(0).close();
                }
                Events.Run run = events.start("trace", "reading files");
                for (int i = 0; i < 50 && stream.clients() > 40; i++) {
                    run.progress("step " + i, i, 50);
                    Thread.sleep(100);
                }
                assertEquals(40, stream.clients(), "the clients that went are dropped");
                clients.get(0).until("step 1\"");

                EventBatch recent = events.recent(100);
                int hello = 0;
                while (!recent.events().get(hello).step().equals("hello-all")) {
                    hello++;
                }
                long before = recent.positions().get(hello - 1);
                try (Client resumed = new Client(port, Long.toString(before))) {
                    List<String> lines = resumed.until("hello-all");
                    assertTrue(lines.stream().noneMatch(l -> l.contains("\"started\"") && l.contains("review")),
                            "resumed after the id it gave: " + lines);
                }
            } finally {
                for (Client c : clients) {
                    c.close();
                }
                stream.close();
                server.stop(0);
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean());
    }
}
