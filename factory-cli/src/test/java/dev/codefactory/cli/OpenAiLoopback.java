package dev.codefactory.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A server on 127.0.0.1 that speaks OpenAI's chat completions ({@code /v1/chat/completions}, SSE) and
 * {@code /v1/models}, answering the way {@link #mode} says: a good stream, a 401 or a 500 whose body echoes the key it
 * was sent, a connection cut mid-answer, or headers and then nothing (no first token, ever).
 */
final class OpenAiLoopback implements AutoCloseable {
    enum Mode { OK, UNAUTHORIZED_ECHOING_THE_KEY, SERVER_ERROR_ECHOING_THE_KEY, CUT_MID_ANSWER, NO_FIRST_TOKEN }

    private final HttpServer server;
    private final ServerSocket cutter;
    private final CountDownLatch closing = new CountDownLatch(1);
    volatile Mode mode = Mode.OK;
    /** The {@code Authorization} header of every request, in order. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The body of every chat request, in order. */
    final List<String> bodies = new CopyOnWriteArrayList<>();

    OpenAiLoopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openai-loopback");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/models", this::models);
        server.start();
        cutter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::cutEveryConnection, "openai-loopback-cutter");
        t.setDaemon(true);
        t.start();
    }

    /** The value for {@code OPENAI_BASE_URL}; in {@link Mode#CUT_MID_ANSWER} the address that cuts. */
    String baseUrl() {
        return "http://127.0.0.1:" + (mode == Mode.CUT_MID_ANSWER ? cutter.getLocalPort()
                : server.getAddress().getPort());
    }

    /**
     * Another port, where every request gets the start of a good answer and then a reset connection: the
     * JDK's server cannot drop a connection mid-body, so this one speaks HTTP by hand.
     */
    private void cutEveryConnection() {
        while (!cutter.isClosed()) {
            try (Socket s = cutter.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String authorization = "null";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.regionMatches(true, 0, "Authorization:", 0, 14)) {
                        authorization = line.substring(14).strip();
                    }
                }
                authorizations.add(authorization);
                String chunk = new String(event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}"),
                        StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(50);
                s.setSoLinger(true, 0); // a reset, not an orderly end
            } catch (IOException e) {
                // closed, or the client went first
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int chats() {
        return authorizations.size();
    }

    private void chat(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        String key = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        switch (mode) {
            case UNAUTHORIZED_ECHOING_THE_KEY:
                send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ". You can"
                        + " find your API key at https://platform.openai.com/account/api-keys.\",\"type\":"
                        + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
                return;
            case SERVER_ERROR_ECHOING_THE_KEY:
                send(exchange, 500, "{\"error\":{\"message\":\"internal error while serving " + authorization
                        + "\",\"type\":\"server_error\"}}");
                return;
            case NO_FIRST_TOKEN:
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().flush();
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            default:
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                            + "\"finish_reason\":null}]}"));
                    body.write(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"finish_reason\":null}]}"));
                    body.write(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
                    body.write(event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\","
                            + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
                            + "\"total_tokens\":7}}"));
                    body.write(event("[DONE]"));
                }
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        send(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-test\",\"object\":\"model\"}]}");
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        try {
            cutter.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
