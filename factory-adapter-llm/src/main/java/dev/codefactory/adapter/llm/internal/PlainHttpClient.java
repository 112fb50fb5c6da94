package dev.codefactory.adapter.llm.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Feign's transport for plain {@code http://} endpoints (a local Ollama, an OpenAI-compatible server on the machine):
 * HTTP/1.1 over one socket per exchange. {@link java.net.http.HttpClient} initialises the default {@code SSLContext}
 * when it is built, reading the trust store, even when it only ever speaks plain HTTP; this client loads no TLS class
 * at all, and a cold {@code factory ask} reaches its first token sooner for it. {@code https://} goes to
 * {@link JdkFeignClient}. The exchange is cancelled (Ctrl-C, {@code StreamHandle.cancel()}) by closing the socket, or
 * by interrupting the thread (the socket is a channel's), which stops a connect, a write or a read at once; the
 * response headers must arrive within the exchange's wait.
 * The body is handed back unread: chunked, of a stated length, or up to the end of the connection, and closing it
 * closes the socket.
 */
// implements feature-013/FR-004, feature-013/NFR-003
final class PlainHttpClient implements Client {
    /** Headers this client writes itself. */
    private static final Set<String> OWN = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");
    /** The most a response's status line and headers may take together. */
    private static final int MAX_HEAD = 64 * 1024;

    private final String providerId;
    private final Duration connectTimeout;
    private final HttpLog log;

    PlainHttpClient(String providerId, Duration connectTimeout, HttpLog log) {
        this.providerId = providerId;
        this.connectTimeout = connectTimeout;
        this.log = log;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Exchange exchange = options instanceof Exchange ? (Exchange) options : null;
        Duration wait = Exchange.headerWait(options);
        URI uri = URI.create(request.url());
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IOException("not a plain http:// address: " + log.mask(request.url()));
        }
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        // a channel's socket: interrupting the thread (a stopped generate) closes it, as it aborts the JDK client
        Socket socket = SocketChannel.open().socket();
        if (exchange != null) {
            exchange.attach(() -> closeQuietly(socket));
        }
        log.request(providerId, request);
        boolean handedOver = false;
        try {
            connect(socket, uri, wait);
            writeRequest(socket.getOutputStream(), request, uri);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status;
            Map<String, Collection<String>> headers;
            do {
                status = statusOf(readLine(in, socket, deadline, wait));
                headers = readHeaders(in, socket, deadline, wait);
            } while (status / 100 == 1);
            socket.setSoTimeout(0); // from here on, the caller's timers close the body
            log.response(providerId, request, status, Duration.ofNanos(System.nanoTime() - started));
            InputStream body = bodyOf(request, status, headers, in, socket);
            handedOver = true;
            return Response.builder()
                    .request(request)
                    .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
                    .status(status)
                    .headers(headers)
                    .body(body, null)
                    .build();
        } catch (IOException e) {
            if (exchange != null && exchange.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new Exchange.Cancelled();
            }
            throw e;
        } finally {
            if (!handedOver) {
                closeQuietly(socket);
            }
        }
    }

    private void connect(Socket socket, URI uri, Duration wait) throws IOException {
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        long limit = Math.max(1, Math.min(Math.min(connectTimeout.toMillis(), wait.toMillis()), Integer.MAX_VALUE));
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) limit);
        } catch (SocketTimeoutException e) {
            throw new Exchange.ConnectTimedOut(uri.getHost() + ":" + port, limit);
        }
        socket.setTcpNoDelay(true);
    }

    private static void writeRequest(OutputStream socketOut, Request request, URI uri) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(256)
                .append(request.httpMethod().name()).append(' ').append(path)
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort())
                .append("\r\n");
        request.headers().forEach((name, values) -> {
            if (!OWN.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        byte[] body = request.body();
        if (body != null || request.httpMethod().isWithBody()) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        OutputStream out = new BufferedOutputStream(socketOut, 8192);
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static int statusOf(String line) throws IOException {
        // HTTP/1.1 200 OK
        if (line.startsWith("HTTP/") && line.length() >= 12 && line.charAt(8) == ' ') {
            try {
                return Integer.parseInt(line.substring(9, 12));
            } catch (NumberFormatException notANumber) {
                // said below
            }
        }
        throw new IOException("not an HTTP response: " + (line.length() > 80 ? line.substring(0, 80) : line));
    }

    private static Map<String, Collection<String>> readHeaders(InputStream in, Socket socket, long deadline,
                                                               Duration wait) throws IOException {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int size = 0;
        for (String line = readLine(in, socket, deadline, wait); !line.isEmpty();
             line = readLine(in, socket, deadline, wait)) {
            size += line.length();
            int colon = line.indexOf(':');
            if (size > MAX_HEAD || colon <= 0) {
                throw new IOException(size > MAX_HEAD ? "the response headers are longer than " + MAX_HEAD
                        + " bytes" : "a malformed response header: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** One line of the response's head, within what is left of {@code wait}. */
    private static String readLine(InputStream in, Socket socket, long deadline, Duration wait) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Exchange.TimedOut(wait);
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(left / 1_000_000, Integer.MAX_VALUE)));
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        try {
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection closed before the response headers ended");
                }
                if (line.size() >= MAX_HEAD) {
                    throw new IOException("a response header line is longer than " + MAX_HEAD + " bytes");
                }
                line.write(c);
            }
        } catch (SocketTimeoutException e) {
            throw new Exchange.TimedOut(wait);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static InputStream bodyOf(Request request, int status, Map<String, Collection<String>> headers,
                                      InputStream in, Socket socket) throws IOException {
        if (request.httpMethod() == Request.HttpMethod.HEAD || status == 204 || status == 304) {
            closeQuietly(socket);
            return InputStream.nullInputStream();
        }
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
            return new Chunked(in, socket);
        }
        String length = first(headers, "content-length");
        if (length != null) {
            try {
                return new Bounded(in, socket, Long.parseLong(length));
            } catch (NumberFormatException e) {
                throw new IOException("a malformed Content-Length: " + length);
            }
        }
        return new Bounded(in, socket, Long.MAX_VALUE); // to the end of the connection
    }

    private static String first(Map<String, Collection<String>> headers, String name) {
        String last = null;
        for (String value : headers.getOrDefault(name, List.of())) {
            last = value;
        }
        return last;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** A body that closes the socket when it is closed. */
    private abstract static class Body extends FilterInputStream {
        private final Socket socket;

        Body(InputStream in, Socket socket) {
            super(in);
            this.socket = socket;
        }

        /** One byte, through the subclass's {@code read(byte[], int, int)}. */
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    /** At most {@code remaining} bytes: a stated length, or to the end of the connection. */
    private static final class Bounded extends Body {
        private long remaining;

        Bounded(InputStream in, Socket socket, long length) {
            super(in, socket);
            this.remaining = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                if (remaining != Long.MAX_VALUE) {
                    throw new IOException("the connection closed " + remaining + " bytes before the answer's end");
                }
                remaining = 0;
                return -1;
            }
            if (remaining != Long.MAX_VALUE) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }

    /** A chunked body: sizes in hex, each chunk followed by CRLF, a zero size (and trailers) at the end. */
    private static final class Chunked extends Body {
        private long left;
        private boolean inChunk;
        private boolean ended;

        Chunked(InputStream in, Socket socket) {
            super(in, socket);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                // the CRLF after a chunk is read with the next size, so that a chunk is handed on as soon as it came
                if (inChunk && !line().isEmpty()) {
                    throw new IOException("a chunk of the answer did not end where its size said");
                }
                left = nextSize();
                inChunk = true;
                if (left == 0) {
                    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                        // trailers are not used
                    }
                    ended = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the connection closed inside a chunk of the answer");
            }
            left -= n;
            return n;
        }

        private long nextSize() throws IOException {
            String line = line();
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            try {
                long n = Long.parseLong(size, 16);
                if (n < 0) {
                    throw new NumberFormatException(size);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IOException("a malformed chunk size in the answer: " + (size.length() > 20
                        ? size.substring(0, 20) : size));
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection closed inside the chunked answer");
                }
                if (line.length() >= 4096) {
                    throw new IOException("a chunk header of the answer is longer than 4096 bytes");
                }
                line.append((char) c);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        @Override
        public int available() throws IOException {
            return ended ? 0 : (int) Math.min(in.available(), left);
        }
    }
}
