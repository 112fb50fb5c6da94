package dev.codefactory.app.archfixture;

import dev.codefactory.mcp.archfixture.AnswersAToolCall;

/** The application depending on the MCP server, a driving adapter that depends on it. */
public class StartsTheMcpServer {
    Object server() {
        return new AnswersAToolCall();
    }
}
