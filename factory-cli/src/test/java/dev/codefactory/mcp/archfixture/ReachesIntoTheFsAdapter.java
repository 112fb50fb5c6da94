package dev.codefactory.mcp.archfixture;

import dev.codefactory.adapter.fs.archfixture.SharedWithASibling;

/** The MCP server reaching into an adapter instead of going through the application. */
public class ReachesIntoTheFsAdapter {
    Object adapter() {
        return new SharedWithASibling();
    }
}
