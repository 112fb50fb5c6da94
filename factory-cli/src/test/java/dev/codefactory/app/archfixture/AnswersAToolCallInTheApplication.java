package dev.codefactory.app.archfixture;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** The application using the MCP SDK, which lives in the MCP server alone. */
public class AnswersAToolCallInTheApplication {
    Object answer() {
        return CallToolResult.builder().addTextContent("{}").build();
    }
}
