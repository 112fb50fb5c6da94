package dev.codefactory.domain.adopt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL schemas and migrations, and configuration keys from Spring {@code application*.properties|yml|yaml} (YAML
 * flattened to dotted keys by an indentation scanner: leaf keys only, list items ignored) and from
 * {@code .env.example}/{@code .env.sample}/{@code .env.template} ({@code .env} itself is never read: it holds secrets).
 */
final class ConfigPatterns {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)(?<![\\w])create\\s+(?:(?:global\\s+|local\\s+)?(?:temporary\\s+|temp\\s+)|unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "([\\w.\"`\\[\\]]+)");
    private static final Pattern FLYWAY = Pattern.compile("^[VUR]\\d[\\w.]*__.*\\.sql$");
    private static final Pattern PROPERTY = Pattern.compile("^\\s*([A-Za-z0-9_][\\w.\\-\\[\\]]*)\\s*[=:]");
    private static final Pattern ENV_LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_]\\w*)\\s*=");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_$][\\w.\\-$]*|\"[^\"]+\"|'[^']+')\\s*:(?:\\s+(.*))?$");

    private ConfigPatterns() {
    }

    /** Whether {@code path} is a configuration file this class reads, whatever its language. */
    static boolean isConfig(String path) {
        String name = Scan.fileName(path);
        return isSpring(name) || isEnvExample(name);
    }

    static boolean isSpring(String name) {
        return name.matches("(application|bootstrap)(-[\\w.\\-]+)?\\.(properties|ya?ml)");
    }

    static boolean isEnvExample(String name) {
        return name.equals(".env.example") || name.equals(".env.sample") || name.equals(".env.template")
                || name.equals(".env.dist") || name.equals("example.env") || name.equals("sample.env");
    }

    static boolean isMigration(String path) {
        String p = "/" + path;
        return p.contains("/migrations/") || p.contains("/migration/") || p.contains("/db/migrate/")
                || p.contains("/versions/") || p.contains("/changelog/") || FLYWAY.matcher(Scan.fileName(path)).matches();
    }

    static FileFacts sql(String path, String language, String text, boolean test) {
        String[] lines = Scan.lines(text, Scan.Style.SQL);
        Scan.Found found = new Scan.Found(path);
        String detail = isMigration(path) ? "migration" : "";
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CREATE_TABLE.matcher(lines[i]);
            while (m.find()) {
                String table = m.group(1).replaceAll("[\"`\\[\\]]", "");
                found.add(SurfaceKind.SCHEMA, table, i + 1, detail);
            }
        }
        return found.facts(language, Scan.folder(path), test);
    }

    static FileFacts config(String path, String language, String text, boolean test) {
        String name = Scan.fileName(path);
        Scan.Found found = new Scan.Found(path);
        if (isEnvExample(name)) {
            String[] lines = Scan.lines(text, Scan.Style.HASH);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ENV_LINE.matcher(lines[i]);
                if (m.find()) {
                    found.add(SurfaceKind.CONFIG_KEY, m.group(1), i + 1, "env");
                }
            }
        } else if (name.endsWith(".properties")) {
            String[] lines = Scan.lines(text, Scan.Style.NONE);
            boolean continued = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String t = line.trim();
                boolean wasContinued = continued;
                continued = line.endsWith("\\");
                if (wasContinued || t.startsWith("#") || t.startsWith("!")) {
                    continue;
                }
                Matcher m = PROPERTY.matcher(line);
                if (m.find()) {
                    found.add(SurfaceKind.CONFIG_KEY, m.group(1), i + 1, "properties");
                }
            }
        } else {
            yaml(Scan.lines(text, Scan.Style.NONE), found);
        }
        return found.facts(language, Scan.folder(path), test);
    }

    private static void yaml(String[] lines, Scan.Found found) {
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        String pending = null;
        int pendingLine = 0;
        int pendingIndent = -1;
        boolean block = false;
        int blockIndent = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int indent = Scan.indent(line);
            if (block) {
                if (indent > blockIndent) {
                    continue;
                }
                block = false;
            }
            if (t.equals("---") || t.equals("...")) {
                if (pending != null) {
                    found.add(SurfaceKind.CONFIG_KEY, pending, pendingLine, "yaml");
                }
                pending = null;
                indents.clear();
                keys.clear();
                continue;
            }
            if (t.startsWith("- ") || t.equals("-")) {
                if (pending != null && indent >= pendingIndent) {
                    found.add(SurfaceKind.CONFIG_KEY, pending, pendingLine, "yaml");
                    pending = null;
                }
                continue;
            }
            Matcher m = YAML_KEY.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (pending != null && indent <= pendingIndent) {
                found.add(SurfaceKind.CONFIG_KEY, pending, pendingLine, "yaml");
            }
            pending = null;
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                keys.pop();
            }
            String key = m.group(2);
            if (key.startsWith("\"") || key.startsWith("'")) {
                key = key.substring(1, key.length() - 1);
            }
            String full = keys.isEmpty() ? key : keys.peek() + "." + key;
            String value = m.group(3) == null ? "" : m.group(3).trim();
            if (value.isEmpty() || value.startsWith("#")) {
                indents.push(new int[] {indent});
                keys.push(full);
                pending = full;
                pendingLine = i + 1;
                pendingIndent = indent;
            } else {
                found.add(SurfaceKind.CONFIG_KEY, full, i + 1, "yaml");
                if (value.startsWith("|") || value.startsWith(">")) {
                    block = true;
                    blockIndent = indent;
                }
            }
        }
        if (pending != null) {
            found.add(SurfaceKind.CONFIG_KEY, pending, pendingLine, "yaml");
        }
    }
}
