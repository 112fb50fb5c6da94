package dev.codefactory.app.provider;

import java.util.Map;

/**
 * Which standard artifact provides each SPI, so that a missing adapter is named by what to add to the build rather
 * than by an interface (the library is often embedded with {@code factory-app} alone at first).
 */
// implements feature-009/FR-002
public final class StandardAdapters {
    private static final String GROUP = "dev.codefactory:";
    /** The artifact that brings the library with every standard adapter. */
    public static final String STANDARD = GROUP + "factory-standard";

    private static final Map<String, String> ARTIFACT_BY_PORT_PACKAGE = Map.ofEntries(
            Map.entry("audit", "factory-adapter-fs"), Map.entry("cache", "factory-adapter-fs"),
            Map.entry("config", "factory-adapter-fs"),
            Map.entry("change", "factory-adapter-fs"), Map.entry("files", "factory-adapter-fs"),
            Map.entry("intake", "factory-adapter-fs"), Map.entry("plugin", "factory-adapter-fs"),
            Map.entry("project", "factory-adapter-fs"),
            Map.entry("report", "factory-adapter-fs"), Map.entry("secret", "factory-adapter-fs"),
            Map.entry("spec", "factory-adapter-fs"), Map.entry("template", "factory-adapter-fs"),
            Map.entry("vcs", "factory-adapter-git"), Map.entry("workspace", "factory-adapter-git"),
            Map.entry("codehost", "factory-adapter-github"), Map.entry("llm", "factory-adapter-llm"),
            Map.entry("source", "factory-adapter-java"), Map.entry("adopt", "factory-adapter-fs"),
            Map.entry("event", "factory-adapter-fs"));

    private StandardAdapters() {
    }

    /**
     * Why there is no provider of {@code spi} and what to add: "no ProjectFiles adapter is on the class path: add
     * dev.codefactory:factory-adapter-fs, or dev.codefactory:factory-standard for every standard adapter".
     */
    public static String missing(Class<?> spi) {
        String port = spi.getSimpleName().endsWith("Provider")
                ? spi.getSimpleName().substring(0, spi.getSimpleName().length() - "Provider".length())
                : spi.getSimpleName();
        String artifact = artifactOf(spi);
        if (artifact == null) {
            return "no " + port + " adapter is on the class path; add the jar that provides one (it registers "
                    + spi.getName() + " in META-INF/services)";
        }
        return "no " + port + " adapter is on the class path: add " + GROUP + artifact + ", or " + STANDARD
                + " for the library with every standard adapter";
    }

    /** The standard artifact that provides {@code spi}, or null for an SPI that is not one of ours. */
    static String artifactOf(Class<?> spi) {
        String pkg = spi.getPackageName();
        String prefix = "dev.codefactory.port.";
        if (!pkg.startsWith(prefix) || !pkg.endsWith(".spi")) {
            return null;
        }
        String port = pkg.substring(prefix.length(), pkg.length() - ".spi".length());
        return ARTIFACT_BY_PORT_PACKAGE.get(port);
    }
}
