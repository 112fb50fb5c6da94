package dev.codefactory.mcp;

import dev.codefactory.app.CodeFactory;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code factory mcp}: a project's specifications served to a coding agent over the Model Context Protocol on a
 * pair of streams (the process's standard input and output), with the official MCP Java SDK. Tools list, show,
 * search and validate specs, trace requirements, check drift and run an offline review; each spec is a resource.
 * The tools that write (a new draft, a status change) are there only when {@code allowWrites} is set. Everything goes
 * through the {@link CodeFactory} facade, as the CLI's commands do, and answers in the CLI's {@code --json} shapes.
 *
 * <p>Nothing but the protocol is written to {@code out}; the SDK logs through SLF4J, which the CLI binds to nothing.
 */
public final class McpStdioServer {
    /** The server's name in the initialize answer. */
    public static final String NAME = "code-factory";
    /** How long the end of the input waits at most for the answers being made (an offline review may take long). */
    private static final long ANSWER_WAIT_MILLIS = 10 * 60 * 1000L;

    private McpStdioServer() {
    }

    /**
     * Serves {@code factory} on {@code in} and {@code out} until {@code in} ends (the agent closed it or stopped), then
     * closes the session and returns.
     */
    public static void serve(CodeFactory factory, boolean allowWrites, InputStream in, OutputStream out)
            throws InterruptedException {
        Objects.requireNonNull(factory, "factory");
        CountDownLatch ended = new CountDownLatch(1);
        Exchanges exchanges = new Exchanges();
        McpJsonMapper json = McpJsonDefaults.getMapper();
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json,
                exchanges.input(in, ANSWER_WAIT_MILLIS, ended::countDown), exchanges.output(out));
        AtomicReference<McpSyncServer> started = new AtomicReference<>();
        SpecResources resources = new SpecResources(factory, exchanges);
        SpecTools tools = new SpecTools(factory, exchanges, spec -> {
            McpSyncServer server = started.get();
            if (server != null) {
                server.addResource(resources.of(spec));
            }
        });
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(NAME, CodeFactory.version())
                .instructions("Code-Factory's specifications of this project (contracts/): list, show and search"
                        + " them, validate them, trace requirements to code and tests, see which specs drifted"
                        + " from the code, and review the code offline against them."
                        + (allowWrites ? " Writes are allowed: create a draft spec, change a spec's status."
                                : " Read-only: started without --allow-writes."))
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, true).build())
                // the tools read their arguments as the CLI reads its options, with its messages (what is allowed);
                // the SDK's schema validator would answer in its own words, and costs start-up time
                .validateToolInputs(false)
                .jsonSchemaValidator(new NoSchemaCheck())
                .tools(tools.specifications(allowWrites))
                .resources(resources.all())
                .build();
        started.set(server);
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    /**
     * The SDK checks a tool's input (off: {@link SpecTools} reads the arguments) and its structured output against
     * the tool's output schema (none is declared) with this; so there is nothing to check, and its default validator
     * (networknt's, with its own YAML and time libraries) is neither loaded nor shipped.
     */
    private static final class NoSchemaCheck implements JsonSchemaValidator {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object content) {
            return ValidationResponse.asValid(null);
        }
    }
}
