package dev.codefactory.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written HTTP/1.1 requests over a plain socket, for what {@code java.net.http} will not send: any {@code Host}
 * header, any method, a path exactly as written (no normalisation, no re-encoding).
 */
final class RawHttp {
    private RawHttp() {
    }

    /** One answer: the status, the headers (names in lower case, the last of each) and the body as text. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code method target} to {@code server} with {@code Host: host} (none when null) and {@code extra} lines. */
    static Answer send(URI server, String method, String target, String host, String... extra) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (host != null) {
            request.append("Host: ").append(host).append("\r\n");
        }
        for (String line : extra) {
            request.append(line).append("\r\n");
        }
        request.append("Connection: close\r\n");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of {@code target} naming the server by its own address. */
    static Answer get(URI server, String target, String... extra) {
        return send(server, "GET", target, server.getHost() + ":" + server.getPort(), extra);
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, body);
    }
}
