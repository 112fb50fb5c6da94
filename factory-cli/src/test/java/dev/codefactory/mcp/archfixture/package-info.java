/**
 * Deliberate violations of {@link dev.codefactory.cli.ArchitectureRules}, in the MCP server's package tree (mcp),
 * each class breaking one rule (or, where its name says so, keeping to it). Test classes: never imported by
 * {@code ArchitectureTest}, only by {@code ArchitectureRulesTest}.
 */
package dev.codefactory.mcp.archfixture;
