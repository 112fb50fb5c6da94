import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Floors for bench/startup.sh: the least a JVM process does for a command, on the libraries the design card names.
 * Modes:
 *   list DIR       picocli parses a one-option command, then each DIR/NAME/spec.md... file is read and one line
 *                  printed: what no `spec list` can go below with picocli;
 *   socket PORT    a raw socket POSTs to a loopback chat endpoint and prints the body as it comes: any JVM client;
 *   card PORT      SmallRye Config built (its default sources), picocli's parse, a Jackson mapper, a Feign target
 *                  with Jackson's encoder, then the same socket: what an `ask` on the card's stack does before its
 *                  first byte at the least;
 *   stat DIR       walks DIR (skipping .git and the generated tree's ignored folders and *.log by name, crudely),
 *                  reads each file's attributes once (the walk's own) and prints how many files it saw: the least
 *                  any JVM that checks every file of a review's tree can cost.
 */
public final class Floor {
    @picocli.CommandLine.Command(name = "floor")
    static final class Command implements Runnable {
        @picocli.CommandLine.Option(names = "--json") boolean json;
        @picocli.CommandLine.Option(names = "--endpoint") String endpoint;
        @picocli.CommandLine.Parameters(arity = "0..1") String word;

        @Override
        public void run() {
        }
    }

    interface Chat {
        @feign.RequestLine("POST /api/chat")
        String chat(String body);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("picocli.disable.closures", "true");
        switch (args[0]) {
            case "list" -> {
                new picocli.CommandLine(new Command()).parseArgs("--json");
                list(Path.of(args[1]));
            }
            case "socket" -> chat(Integer.parseInt(args[1]));
            case "card" -> {
                int port = Integer.parseInt(args[1]);
                var config = new io.smallrye.config.SmallRyeConfigBuilder().addDefaultSources().build();
                config.getOptionalValue("llm.model", String.class);
                new picocli.CommandLine(new Command()).parseArgs("--endpoint", "http://127.0.0.1:" + port, "Hi");
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                mapper.writeValueAsString(java.util.Map.of("model", "bench", "stream", true));
                feign.Feign.builder().encoder(new feign.jackson.JacksonEncoder(mapper))
                        .target(Chat.class, "http://127.0.0.1:" + port);
                mapper.readTree("{\"message\":{\"content\":\"x\"}}");
                chat(port);
            }
            case "stat" -> stat(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void list(Path dir) throws Exception {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    list(f);
                } else if (f.toString().endsWith(".md")) {
                    System.out.println(f.getFileName() + "  " + Files.readString(f).lines().findFirst().orElse(""));
                }
            }
        }
    }

    private static void stat(Path dir) throws Exception {
        java.util.Set<String> skip = java.util.Set.of(".git", "node_modules", "build", "target", "dist", ".venv");
        long[] seen = {0, 0};
        Files.walkFileTree(dir.toRealPath(), new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                    java.nio.file.attribute.BasicFileAttributes a) {
                return skip.contains(String.valueOf(d.getFileName())) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                if (!f.getFileName().toString().endsWith(".log")) {
                    seen[0]++;
                    seen[1] += a.size() + a.lastModifiedTime().toMillis() % 2 + a.fileKey().hashCode() % 2;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        System.out.println(seen[0] + " " + seen[1]);
    }

    private static void chat(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            byte[] body = "{\"model\":\"bench\",\"stream\":true}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            int c;
            int state = 0;
            while (state < 4 && (c = in.read()) >= 0) { // the head, up to its empty line
                state = c == '\r' || c == '\n' ? state + 1 : 0;
            }
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                System.out.write(buffer, 0, n);
                System.out.flush();
            }
        }
    }
}
