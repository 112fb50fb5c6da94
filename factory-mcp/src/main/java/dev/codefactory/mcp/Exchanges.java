package dev.codefactory.mcp;

import dev.codefactory.domain.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The requests read from the input and the answers written to the output, counted from the newline-delimited
 * JSON-RPC messages as they pass, so that the end of the input (an agent, or a script, that sent its last requests and
 * closed the stream) is held back from the SDK, which closes the session when it reads it, until every request read
 * before it has its answer. Lines that are not a JSON object are the SDK's to refuse; they count for nothing here.
 * A request the SDK never answers (one sent before the client's {@code notifications/initialized}, say) holds the end
 * back only while something happens: {@link #IDLE_NANOS} with no tool running and no answer written let it through.
 */
final class Exchanges {
    /** How long the end waits, with no tool running and no answer written, for answers that may never come. */
    static final long IDLE_NANOS = 5_000_000_000L;
    private long requests;
    private long answers;
    private int running;
    private long lastActivity = System.nanoTime();

    /** {@code in}, counting the requests it carries; its end waits (at most {@code maxMillis}) for their answers. */
    InputStream input(InputStream in, long maxMillis, Runnable ended) {
        return new Input(in, maxMillis, ended);
    }

    /** {@code out}, counting the answers written to it. */
    OutputStream output(OutputStream out) {
        return new Output(out);
    }

    /** Runs a tool call or a resource read: while one runs, the end waits for it. */
    <T> T call(Supplier<T> call) {
        synchronized (this) {
            running++;
            lastActivity = System.nanoTime();
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                running--;
                lastActivity = System.nanoTime();
                notifyAll();
            }
        }
    }

    private synchronized void requested() {
        requests++;
        lastActivity = System.nanoTime();
    }

    private synchronized void answered() {
        answers++;
        lastActivity = System.nanoTime();
        notifyAll();
    }

    private synchronized void awaitAnswers(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (answers < requests) {
            long now = System.nanoTime();
            long idleLeft = running > 0 ? Long.MAX_VALUE : IDLE_NANOS - (now - lastActivity);
            long left = Math.min(deadline - now, idleLeft);
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
    }

    /** A request has a method and an id; an answer has an id and no method. */
    private static Map<?, ?> message(ByteArrayOutputStream line) {
        try {
            Object parsed = JsonReader.parse(line.toString(StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> ? (Map<?, ?>) parsed : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private final class Input extends FilterInputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final long maxMillis;
        private final Runnable ended;

        Input(InputStream in, long maxMillis, Runnable ended) {
            super(Objects.requireNonNull(in, "in"));
            this.maxMillis = maxMillis;
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                ended.run();
                throw e;
            }
            if (n < 0) {
                end();
                return n;
            }
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    Map<?, ?> m = message(line);
                    if (m.containsKey("method") && m.containsKey("id")) {
                        requested();
                    }
                    line.reset();
                } else {
                    line.write(buffer[i]);
                }
            }
            return n;
        }

        private void end() {
            try {
                awaitAnswers(maxMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.run();
            }
        }

        @Override
        public void close() throws IOException {
            ended.run();
            super.close();
        }
    }

    private final class Output extends FilterOutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Output(OutputStream out) {
            super(Objects.requireNonNull(out, "out"));
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    out.flush();
                    Map<?, ?> m = message(line);
                    if (m.containsKey("id") && !m.containsKey("method")) {
                        answered();
                    }
                    line.reset();
                } else {
                    line.write(buffer[i]);
                }
            }
        }
    }
}
