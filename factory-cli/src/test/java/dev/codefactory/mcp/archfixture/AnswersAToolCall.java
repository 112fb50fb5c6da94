package dev.codefactory.mcp.archfixture;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** The MCP server using the SDK: where the SDK belongs (keeps to the rule). */
public class AnswersAToolCall {
    Object answer() {
        return CallToolResult.builder().addTextContent("{}").build();
    }
}
