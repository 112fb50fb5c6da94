package dev.codefactory.cli;

import dev.codefactory.mcp.McpStdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve the project's specifications to a coding agent (Claude Code, GitHub Copilot, Cursor,"
                + " Codex, ...) over the Model Context Protocol on standard input and output; the agent starts it."
                + " Tools: list_specs, show_spec, search_specs, validate_specs, trace, drift and review_offline"
                + " (no model); with --allow-writes also create_spec and set_spec_status. Resources: each spec as"
                + " factory://spec/ID (markdown).",
            "Standard output carries the protocol alone; it runs until the agent closes standard input, then exits"
                + " with 0. Configure it in the agent as the command 'factory' with the arguments"
                + " '-C /path/to/project mcp' (README.md, \"Agents (MCP)\", has snippets)."})
final class McpCommand implements Callable<Integer> {
    @ParentCommand
    FactoryCommand root;

    @Option(names = "--allow-writes", description = "Also offer the tools that write: create_spec (a draft, as"
            + " 'factory spec new') and set_spec_status (as 'factory spec status'). Without it they are not listed.")
    boolean allowWrites;

    @Override
    public Integer call() throws InterruptedException {
        root.factory().requireInitialized();
        Session session = root.session();
        McpStdioServer.serve(root.factory(), allowWrites, session.in(), session.protocolOut());
        return ExitCodes.OK;
    }
}
