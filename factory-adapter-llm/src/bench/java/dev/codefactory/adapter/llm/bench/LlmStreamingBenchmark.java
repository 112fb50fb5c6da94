package dev.codefactory.adapter.llm.bench;

import dev.codefactory.adapter.llm.anthropic.AnthropicLanguageModelProvider;
import dev.codefactory.adapter.llm.ollama.OllamaLanguageModelProvider;
import dev.codefactory.adapter.llm.openai.OpenAiLanguageModelProvider;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.GenerationRequest;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.llm.StreamListener;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A benchmark, not a test (outside the Maven build: {@code bench/llm.sh} compiles and runs it):
 * what the providers add over the raw server, on loopback only.
 *
 * <ol>
 *   <li><b>Time to first token.</b> A loopback server answers each request by writing the response headers and the
 *   first token chunk in one write, taking {@code System.nanoTime()} just before that write. The client side takes
 *   its own {@code nanoTime()} when the first token reaches it: for the raw socket client when the first body byte
 *   is read, for a raw {@link HttpClient} when the first body read returns, for a provider at the first
 *   {@code onToken}. Client time minus server time is the delivery latency; the provider's overhead is its
 *   latency minus the raw one. End to end (call to first token, including the request's own building and the
 *   connection) is reported too.</li>
 *   <li><b>Throughput.</b> The server writes a pre-built 100,000-token stream in the provider's wire format as fast
 *   as the socket takes it; tokens/s and MB/s through {@code stream()} against a raw byte read of the same
 *   response, with the peak heap in use sampled while it runs.</li>
 * </ol>
 *
 * <p>Arguments (all optional): {@code warmup=30 requests=200 tokens=100000 streams=5 providers=ollama,openai,anthropic}.
 */
public final class LlmStreamingBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LlmStreamingBenchmark() {
    }

    // ---- wire formats -------------------------------------------------------------------------------------------

    /** A provider and how its server frames a streamed answer. */
    enum Wire {
        OLLAMA("ollama", "application/x-ndjson", new OllamaLanguageModelProvider(), "llama3.2") {
            @Override
            String preamble() {
                return "";
            }

            @Override
            String token(String text) {
                return "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00.000000Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"done\":false}\n";
            }

            @Override
            String end(int tokens) {
                return "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00.000000Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                        + "\"total_duration\":1,\"prompt_eval_count\":12,\"eval_count\":" + tokens + "}\n";
            }
        },
        OPENAI("openai", "text/event-stream", new OpenAiLanguageModelProvider(), "gpt-bench") {
            @Override
            String preamble() {
                return "";
            }

            @Override
            String token(String text) {
                return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                        + "\"model\":\"gpt-bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text
                        + "\"},\"finish_reason\":null}]}\n\n";
            }

            @Override
            String end(int tokens) {
                return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                        + "\"model\":\"gpt-bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + tokens + ",\"total_tokens\":"
                        + (tokens + 12) + "}}\n\ndata: [DONE]\n\n";
            }
        },
        ANTHROPIC("anthropic", "text/event-stream", new AnthropicLanguageModelProvider(), "claude-bench") {
            @Override
            String preamble() {
                return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-bench\",\"content\":[],"
                        + "\"stop_reason\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
                        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
            }

            @Override
            String token(String text) {
                return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}\n\n";
            }

            @Override
            String end(int tokens) {
                return "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + tokens + "}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
            }
        };

        final String id;
        final String contentType;
        final LanguageModelProvider provider;
        final String model;

        Wire(String id, String contentType, LanguageModelProvider provider, String model) {
            this.id = id;
            this.contentType = contentType;
            this.provider = provider;
            this.model = model;
        }

        /** What comes before the first token (sent with it, in the same write). */
        abstract String preamble();

        abstract String token(String text);

        abstract String end(int tokens);

        LanguageModel create(URI endpoint) {
            LanguageModelSettings.Timeouts timeouts =
                    new LanguageModelSettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), WAIT);
            return provider.create(new LanguageModelSettings(endpoint, model, "bench-key-not-secret", Map.of(),
                    timeouts, new LanguageModelSettings.Retries(1), Map.of(), null));
        }
    }

    /** The i-th token of a long answer: short, ASCII, like a real sub-word token. */
    static String tokenText(int i) {
        return " w" + (i % 1000);
    }

    // ---- the server ---------------------------------------------------------------------------------------------

    /**
     * An HTTP/1.1 server on 127.0.0.1 that answers every request with a chunked body: the first part (headers and
     * first token chunk) in one write, timed, then the rest in one write. {@code Connection: close} on each.
     */
    static final class Server implements AutoCloseable {
        private final ServerSocket socket;
        private final BlockingQueue<Long> firstFlushes = new LinkedBlockingQueue<>();
        private volatile byte[] first = new byte[0];
        private volatile byte[] rest = new byte[0];

        Server() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread accept = new Thread(this::acceptLoop, "bench-server-accept");
            accept.setDaemon(true);
            accept.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Every following request gets this answer: {@code firstBody} timed, then {@code restBody}. */
        void script(String contentType, byte[] firstBody, byte[] restBody) {
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            a.writeBytes(head);
            a.writeBytes(chunk(firstBody));
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int size = 16 * 1024;
            for (int off = 0; off < restBody.length; off += size) {
                b.writeBytes(chunk(Arrays.copyOfRange(restBody, off, Math.min(restBody.length, off + size))));
            }
            b.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            first = a.toByteArray();
            rest = b.toByteArray();
            firstFlushes.clear();
        }

        long responseBytes() {
            return (long) first.length + rest.length;
        }

        /** The nanoTime the server took just before writing the first token of the latest request. */
        long takeFirstFlush() throws InterruptedException {
            Long t = firstFlushes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (t == null) {
                throw new IllegalStateException("the server never answered");
            }
            return t;
        }

        private static byte[] chunk(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread t = new Thread(() -> serve(client), "bench-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                client.setTcpNoDelay(true);
                InputStream in = client.getInputStream();
                readRequest(in);
                byte[] a = first;
                byte[] b = rest;
                OutputStream out = client.getOutputStream();
                long t = System.nanoTime();
                out.write(a);
                out.flush();
                firstFlushes.add(t);
                out.write(b);
                out.flush();
                client.shutdownOutput();
                // wait for the client to close so the connection ends on its side first
                while (in.read() >= 0) {
                    // drain
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void readRequest(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String l = line.toString().strip();
                    line.setLength(0);
                    if (l.isEmpty()) {
                        break;
                    }
                    if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(l.substring(15).strip());
                    }
                } else {
                    line.append((char) b);
                }
            }
            in.readNBytes(length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- clients -------------------------------------------------------------------------------------------------

    /** One timed request: when it started, when its first token arrived, how many tokens/bytes came in all. */
    record Sample(long start, long firstToken, long end, long count) {
    }

    private static final byte[] REQUEST_BODY = ("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello.\"}]}").getBytes(StandardCharsets.UTF_8);

    /** A plain socket: writes a request, reads until the first body byte, then to the end. Counts bytes. */
    static Sample rawSocket(int port) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(("POST /bench HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + REQUEST_BODY.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(REQUEST_BODY);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long firstToken = 0;
            long total = 0;
            int matched = 0; // progress through "\r\n\r\n"
            boolean inBody = false;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (!inBody) {
                    for (int i = 0; i < n; i++) {
                        byte c = buffer[i];
                        matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
                        if (matched == 4) {
                            inBody = true;
                            if (i + 1 < n) {
                                firstToken = System.nanoTime();
                            }
                            break;
                        }
                    }
                } else if (firstToken == 0 && n > 0) {
                    firstToken = System.nanoTime();
                }
            }
            return new Sample(start, firstToken, System.nanoTime(), total);
        }
    }

    /** java.net.http as the providers use it, without any provider code: first body read, then to the end. */
    static Sample rawHttpClient(HttpClient client, URI uri) throws Exception {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/bench")).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST_BODY)).build();
        HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            long firstToken = 0;
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (firstToken == 0 && n > 0) {
                    firstToken = System.nanoTime();
                }
                total += n;
            }
            return new Sample(start, firstToken, System.nanoTime(), total);
        }
    }

    /** The provider's stream(): nanoTime at the first onToken, then every token to onComplete. Counts tokens. */
    static Sample provider(LanguageModel model, long expectedTokens) throws InterruptedException {
        GenerationRequest request = GenerationRequest.of("", "Say hello.");
        CountDownLatch done = new CountDownLatch(1);
        long[] first = new long[1];
        long[] tokens = new long[1];
        Object[] outcome = new Object[1];
        long start = System.nanoTime();
        model.stream(request, new StreamListener() {
            @Override
            public void onToken(String token) {
                if (tokens[0]++ == 0) {
                    first[0] = System.nanoTime();
                }
            }

            @Override
            public void onComplete(Generation generation) {
                outcome[0] = generation;
                done.countDown();
            }

            @Override
            public void onError(LanguageModelException error) {
                outcome[0] = error;
                done.countDown();
            }
        });
        if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(model.providerId() + ": the stream did not end within " + WAIT);
        }
        long end = System.nanoTime();
        if (outcome[0] instanceof LanguageModelException) {
            throw new IllegalStateException(model.providerId() + " failed: " + outcome[0],
                    (LanguageModelException) outcome[0]);
        }
        if (expectedTokens > 0 && tokens[0] != expectedTokens) {
            throw new IllegalStateException(model.providerId() + ": " + tokens[0] + " tokens, expected "
                    + expectedTokens);
        }
        return new Sample(start, first[0], end, tokens[0]);
    }

    // ---- statistics ----------------------------------------------------------------------------------------------

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String us(double nanos) {
        return String.format(Locale.ROOT, "%8.1f", nanos / 1000.0);
    }

    /** The peak of heap in use while it runs, sampled every millisecond or so. */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        HeapSampler() {
            Runtime rt = Runtime.getRuntime();
            thread = new Thread(() -> {
                while (running) {
                    long used = rt.totalMemory() - rt.freeMemory();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    // ---- the runs -------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        int warmup = 30;
        int requests = 200;
        int tokens = 100_000;
        int streams = 5;
        List<Wire> wires = List.of(Wire.values());
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "requests" -> requests = Integer.parseInt(kv[1]);
                case "tokens" -> tokens = Integer.parseInt(kv[1]);
                case "streams" -> streams = Integer.parseInt(kv[1]);
                case "providers" -> wires = Arrays.stream(kv[1].split(","))
                        .map(s -> Wire.valueOf(s.strip().toUpperCase(Locale.ROOT))).toList();
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + " (warmup=N requests=N tokens=N streams=N providers=ollama,openai,anthropic)");
            }
        }
        System.out.printf(Locale.ROOT, "# %s  %d cores  Java %s (%s)  max heap %d MB  GC %s%n",
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining("+")));
        System.out.printf(Locale.ROOT, "# time to first token: %d warm-up + %d measured requests per client, "
                + "interleaved; latency = client first-token nanoTime - server nanoTime just before writing it%n",
                warmup, requests);
        try (Server server = new Server()) {
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            System.out.println();
            System.out.println("## Time to first token (microseconds)");
            System.out.printf(Locale.ROOT, "%-10s %-22s %8s %8s %8s   %10s %10s%n", "provider", "client",
                    "median", "p95", "max", "e2e median", "e2e p95");
            List<String> verdicts = new ArrayList<>();
            for (Wire wire : wires) {
                verdicts.add(firstToken(server, raw, wire, warmup, requests));
            }
            verdicts.forEach(System.out::println);

            System.out.println();
            System.out.printf(Locale.ROOT, "## Throughput: one stream of %,d tokens, %d warm-up + %d measured "
                    + "streams per client (median shown)%n", tokens, Math.min(2, streams), streams);
            System.out.printf(Locale.ROOT, "%-10s %-22s %10s %12s %9s %9s %12s%n", "provider", "client", "MB",
                    "tokens/s", "MB/s", "ms", "peak heap MB");
            for (Wire wire : wires) {
                throughput(server, raw, wire, tokens, streams);
            }
            System.out.println("# raw clients parse nothing: their tokens/s is the token count over the time to read "
                    + "the bytes. ms = request to last byte (raw) or to onComplete (provider). peak heap = highest "
                    + "totalMemory-freeMemory sampled about every 1 ms, whole JVM, garbage not yet collected included, "
                    + "System.gc() before each stream.");
        }
    }

    private static String firstToken(Server server, HttpClient raw, Wire wire, int warmup, int requests)
            throws Exception {
        String body = wire.preamble() + wire.token("Hello");
        String rest = wire.token(",") + wire.token(" world") + wire.end(3);
        server.script(wire.contentType, body.getBytes(StandardCharsets.UTF_8), rest.getBytes(StandardCharsets.UTF_8));
        LanguageModel model = wire.create(server.uri());
        String[] names = {"raw socket", "raw java.net.http", "provider stream()"};
        long[][] latency = new long[3][requests];
        long[][] e2e = new long[3][requests];
        for (int i = -warmup; i < requests; i++) {
            for (int c = 0; c < 3; c++) {
                // rotate the order so that no client always runs right after another
                int client = (c + Math.floorMod(i, 3)) % 3;
                Sample s = switch (client) {
                    case 0 -> rawSocket(server.port());
                    case 1 -> rawHttpClient(raw, server.uri());
                    default -> provider(model, 3);
                };
                long flushed = server.takeFirstFlush();
                if (s.firstToken() == 0) {
                    throw new IllegalStateException(names[client] + " saw no token");
                }
                if (i >= 0) {
                    latency[client][i] = s.firstToken() - flushed;
                    e2e[client][i] = s.firstToken() - s.start();
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            System.out.printf(Locale.ROOT, "%-10s %-22s %s %s %s   %s %s%n", wire.id, names[c],
                    us(percentile(latency[c], 50)), us(percentile(latency[c], 95)), us(percentile(latency[c], 100)),
                    us(percentile(e2e[c], 50)), us(percentile(e2e[c], 95)));
        }
        double overMedian = percentile(latency[2], 50) - percentile(latency[0], 50);
        double overP95 = percentile(latency[2], 95) - percentile(latency[0], 95);
        double overHttpMedian = percentile(latency[2], 50) - percentile(latency[1], 50);
        double overE2e = percentile(e2e[2], 50) - percentile(e2e[0], 50);
        return String.format(Locale.ROOT, "%-10s overhead vs raw socket: median %.3f ms, p95 %.3f ms "
                        + "(vs raw java.net.http: median %.3f ms; end to end median %.3f ms)  target < 5 ms: %s",
                wire.id, overMedian / 1e6, overP95 / 1e6, overHttpMedian / 1e6, overE2e / 1e6,
                overMedian < 5e6 && overP95 < 5e6 ? "met" : "NOT met");
    }

    private static void throughput(Server server, HttpClient raw, Wire wire, int tokens, int streams)
            throws Exception {
        StringBuilder rest = new StringBuilder(tokens * 120);
        for (int i = 1; i < tokens; i++) {
            rest.append(wire.token(tokenText(i)));
        }
        rest.append(wire.end(tokens));
        server.script(wire.contentType, (wire.preamble() + wire.token(tokenText(0))).getBytes(StandardCharsets.UTF_8),
                rest.toString().getBytes(StandardCharsets.UTF_8));
        rest.setLength(0);
        rest.trimToSize();
        long bytes = server.responseBytes();
        LanguageModel model = wire.create(server.uri());
        String[] names = {"raw socket", "raw java.net.http", "provider stream()"};
        int warm = Math.min(2, streams);
        for (int c = 0; c < 3; c++) {
            long[] nanos = new long[streams];
            long peak = 0;
            for (int i = -warm; i < streams; i++) {
                System.gc();
                Sample s;
                long runPeak;
                try (HeapSampler heap = new HeapSampler()) {
                    s = switch (c) {
                        case 0 -> rawSocket(server.port());
                        case 1 -> rawHttpClient(raw, server.uri());
                        default -> provider(model, tokens);
                    };
                    server.takeFirstFlush();
                    runPeak = heap.peak();
                }
                if (i >= 0) {
                    nanos[i] = s.end() - s.start();
                    peak = Math.max(peak, runPeak);
                }
            }
            double median = percentile(nanos, 50);
            double seconds = median / 1e9;
            System.out.printf(Locale.ROOT, "%-10s %-22s %10.2f %,12.0f %9.1f %9.1f %12.1f%n", wire.id, names[c],
                    bytes / 1e6, tokens / seconds, bytes / 1e6 / seconds, median / 1e6, peak / 1048576.0);
        }
    }
}
