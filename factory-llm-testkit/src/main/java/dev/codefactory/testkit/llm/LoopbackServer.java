package dev.codefactory.testkit.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted HTTP/1.1 server on 127.0.0.1 for adapter tests, written on a raw socket so that a reply can be split
 * at any byte, paused, cut without its final chunk, or held open until the client hangs up. Every response says
 * {@code Connection: close}.
 */
// implements feature-003/NFR-001
public final class LoopbackServer implements AutoCloseable {

    /** A request as received; header names are lower case. */
    public record Request(String method, String target, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** A scripted reply: status, headers, body parts (each flushed on its own), and how it ends. */
    public static final class Reply {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Object> parts = new ArrayList<>();
        private boolean chunked;
        private boolean cut;
        private boolean holdOpen;
        private boolean silent;

        private Reply(int status) {
            this.status = status;
        }

        public static Reply status(int status) {
            return new Reply(status);
        }

        public static Reply json(int status, String body) {
            return status(status).header("Content-Type", "application/json").body(body);
        }

        public Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A whole body, sent with Content-Length (unless chunks are added too). */
        public Reply body(String text) {
            parts.add(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** A piece of a chunked body, flushed on its own. */
        public Reply chunk(byte[] bytes) {
            chunked = true;
            parts.add(bytes.clone());
            return this;
        }

        public Reply chunk(String text) {
            return chunk(text.getBytes(StandardCharsets.UTF_8));
        }

        public Reply pause(Duration pause) {
            parts.add(pause);
            return this;
        }

        /** Ends by closing the connection without the final chunk. */
        public Reply cut() {
            chunked = true;
            cut = true;
            return this;
        }

        /** Sends nothing at all, not even the status line, until the client hangs up. */
        public static Reply silence() {
            Reply reply = new Reply(0);
            reply.silent = true;
            return reply;
        }

        /** Ends by keeping the connection open until the client closes it. */
        public Reply holdOpen() {
            chunked = true;
            holdOpen = true;
            return this;
        }
    }

    private final ServerSocket socket;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Semaphore disconnects = new Semaphore(0);
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Reply> responder = r -> Reply.status(500).body("no reply scripted");

    private LoopbackServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::acceptLoop, "loopback-server-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new IllegalStateException("could not bind a loopback port", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Every following request is answered by this function. */
    public void respond(Function<Request, Reply> function) {
        responder = function;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** Waits until the client closed a held-open connection. */
    public boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return disconnects.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "loopback-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            Request request = readRequest(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            Reply reply = responder.apply(request);
            write(client, in, reply);
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private void awaitHangUp(InputStream in) {
        try {
            while (in.read() >= 0) {
                // wait for the client to hang up
            }
        } catch (IOException reset) {
            // hung up hard
        }
        disconnects.release();
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private void write(Socket client, InputStream in, Reply reply) throws IOException, InterruptedException {
        if (reply.silent) {
            awaitHangUp(in);
            return;
        }
        OutputStream out = client.getOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status + " Status\r\n");
        reply.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Connection: close\r\n");
        if (reply.chunked) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (Object part : reply.parts) {
                if (part instanceof Duration) {
                    Thread.sleep(((Duration) part).toMillis());
                    continue;
                }
                byte[] bytes = (byte[]) part;
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(2);
            }
            if (reply.cut) {
                // let the client read what was sent: a reset can discard data not yet read
                Thread.sleep(150);
                client.setSoLinger(true, 0);
                return;
            }
            if (reply.holdOpen) {
                awaitHangUp(in);
                return;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } else {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Object part : reply.parts) {
                if (part instanceof byte[]) {
                    body.write((byte[]) part);
                }
            }
            head.append("Content-Length: ").append(body.size()).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            body.writeTo(out);
            out.flush();
        }
        client.shutdownOutput();
    }
}
