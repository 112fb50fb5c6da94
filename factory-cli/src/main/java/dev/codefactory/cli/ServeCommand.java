package dev.codefactory.cli;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.web.ServeOptions;
import dev.codefactory.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a read-only web mirror of the project: the spec catalog, each spec rendered with its"
                + " findings, trace and git history, the reports with their trend, the changes with their diffs, the"
                + " live progress of a running command, and the same as JSON under /api/v1 (its OpenAPI document is"
                + " /api/v1/openapi.json). Nothing in the project is changed: every method but GET and HEAD is"
                + " refused.",
            "It listens on 127.0.0.1 only, unless --host names another interface; then every request must carry a"
                + " token (--token, or one generated and printed at start): open the printed address with"
                + " ?token=..., which sets a cookie, or send 'Authorization: Bearer TOKEN'.",
            "It runs until Ctrl-C, which stops the server and exits with 0."})
// implements feature-012/FR-012, feature-012/FR-009
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    FactoryCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port to listen on (default: ${DEFAULT-VALUE});"
            + " 0 picks a free one.")
    int port = ServeOptions.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "H", description = "The interface to listen on (default: 127.0.0.1)."
            + " Any other (0.0.0.0, a LAN address) needs a token, generated when --token is not given.")
    String host = ServeOptions.LOOPBACK;

    @Option(names = "--token", paramLabel = "T", description = "The token every request must carry, also on"
            + " 127.0.0.1. Prefer the generated one: a token on the command line shows in the process list.")
    String token;

    @Option(names = "--open", description = "Open the mirror in the default browser once it is serving.")
    boolean open;

    @Option(names = "--json", description = "Print {url, host, port, token} as one JSON object (token null when none"
            + " is needed) instead of the text, for scripts.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidCommandException("--port takes 0 to 65535 (0: any free port); it was " + port);
        }
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '?' || c == '#')) {
            throw new InvalidCommandException("--host takes an interface's name or address, such as 127.0.0.1 or"
                    + " 0.0.0.0");
        }
        if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c == ';' || c > '~'))) {
            throw new InvalidCommandException("--token takes printable ASCII without spaces or ';'");
        }
        root.factory().requireInitialized();
        CountDownLatch stop = new CountDownLatch(1);
        Interrupts interrupts = root.interrupts();
        interrupts.stoppable();
        interrupts.onRequest(stop::countDown);
        ServeOptions options = new ServeOptions(host, port, Optional.ofNullable(token), List.of());
        try (WebServer server = WebServer.start(root.factory(), options)) {
            URI address = server.address();
            Optional<String> needed = server.token();
            String withToken = needed.map(t -> address + "?token=" + t).orElse(address.toString());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("url", address.toString());
                doc.put("host", host);
                doc.put("port", address.getPort());
                doc.put("token", needed.orElse(null));
                out.println(JsonWriter.compact(doc));
            } else {
                out.println("Serving " + root.factory().root().getFileName() + " at " + address);
                needed.ifPresent(t -> {
                    out.println("Token: " + t);
                    out.println("Open:  " + withToken);
                });
                out.println("Ctrl-C stops it.");
            }
            out.flush();
            if (open) {
                openBrowser(URI.create(withToken));
            }
            stop.await();
        }
        if (!json) {
            spec.commandLine().getOut().println("Stopped.");
        }
        return ExitCodes.OK;
    }

    /** Opens {@code address} in the default browser, without a shell; says so on failure and keeps serving. */
    private void openBrowser(URI address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> argv = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", address.toString())
                : os.contains("mac") ? List.of("open", address.toString()) : List.of("xdg-open", address.toString());
        String failure;
        try {
            Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() == 0) {
                return;
            }
            failure = argv.get(0) + " exited with " + process.exitValue();
        } catch (IOException e) {
            failure = argv.get(0) + " could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        root.err().println("factory: could not open a browser (" + failure + "); open " + address
                + " yourself. Still serving.");
        root.err().flush();
    }
}
