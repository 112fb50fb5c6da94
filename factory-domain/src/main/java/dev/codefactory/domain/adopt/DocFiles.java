package dev.codefactory.domain.adopt;

import dev.codefactory.domain.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Existing documentation as evidence: README sections, pages under {@code docs/}, ADRs, OpenAPI files
 * (feature-011, FR-004). Pure.
 *
 * <p>Rules: a {@code README*.md} at any level gives one README evidence per {@code #} or {@code ##} heading outside
 * code fences (the file itself when it has none); a {@code .md}/{@code .adoc}/{@code .rst} under a {@code docs/} or
 * {@code doc/} folder gives one DOC evidence titled by its first heading (else its file name); under {@code adr/},
 * {@code adrs/} or {@code decisions/} folders it is an ADR; {@code openapi.*}, {@code swagger.*} and
 * {@code *.openapi.*} (YAML or JSON) give one OPENAPI evidence per operation ({@code GET /pets}), at the line of the
 * method, read by a line scan of {@code paths:} in YAML and by {@link JsonReader} in JSON.
 */
// implements feature-011/FR-004
public final class DocFiles {
    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(\\S.*)$");
    private static final Pattern ADOC_HEADING = Pattern.compile("^=+\\s+(.+)$");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)(\"[^\"]*\"|'[^']*'|[^\\s:#][^:#]*):(?:\\s|$)");

    private DocFiles() {
    }

    /** Whether {@code path} is documentation adoption reads. */
    public static boolean isDoc(String path) {
        String p = path.replace('\\', '/');
        String name = Scan.fileName(p);
        String lower = name.toLowerCase(Locale.ROOT);
        return isReadme(lower) || isOpenApi(lower) || ((isAdr(p) || isDocsPage(p)) && isPage(lower));
    }

    private static boolean isReadme(String lower) {
        return lower.startsWith("readme") && (lower.endsWith(".md") || lower.endsWith(".markdown"));
    }

    private static boolean isPage(String lower) {
        return lower.endsWith(".md") || lower.endsWith(".adoc") || lower.endsWith(".rst") || lower.endsWith(".markdown");
    }

    private static boolean isOpenApi(String lower) {
        boolean data = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        return data && (lower.startsWith("openapi.") || lower.startsWith("swagger.") || lower.contains(".openapi.")
                || lower.contains(".swagger."));
    }

    private static boolean isDocsPage(String p) {
        String s = "/" + p.toLowerCase(Locale.ROOT);
        return s.contains("/docs/") || s.contains("/doc/");
    }

    private static boolean isAdr(String p) {
        String s = "/" + p.toLowerCase(Locale.ROOT);
        return s.contains("/adr/") || s.contains("/adrs/") || s.contains("/decisions/")
                || s.contains("/architecture-decisions/");
    }

    /** The evidence in {@code text}, the content of {@code path}: one per section or operation. */
    public static List<DocEvidence> read(String path, String text) {
        String p = path.replace('\\', '/');
        List<DocEvidence> out = new ArrayList<>();
        if (text == null || !isDoc(p)) {
            return out;
        }
        String name = Scan.fileName(p);
        String lower = name.toLowerCase(Locale.ROOT);
        String[] lines = Scan.lines(text, Scan.Style.NONE);
        if (isOpenApi(lower)) {
            if (lower.endsWith(".json")) {
                openApiJson(p, text, out);
            } else {
                openApiYaml(p, lines, out);
            }
            return out;
        }
        if (isReadme(lower)) {
            boolean fence = false;
            for (int i = 0; i < lines.length; i++) {
                String t = lines[i].trim();
                if (t.startsWith("```") || t.startsWith("~~~")) {
                    fence = !fence;
                    continue;
                }
                Matcher h = MD_HEADING.matcher(lines[i]);
                if (!fence && h.find() && h.group(1).length() <= 2) {
                    out.add(new DocEvidence(DocEvidence.Kind.README, title(h.group(2)), new SourceLocation(p, i + 1)));
                }
            }
            if (out.isEmpty()) {
                out.add(new DocEvidence(DocEvidence.Kind.README, name, new SourceLocation(p, 0)));
            }
            return out;
        }
        DocEvidence.Kind kind = isAdr(p) ? DocEvidence.Kind.ADR : DocEvidence.Kind.DOC;
        for (int i = 0; i < lines.length; i++) {
            String title = heading(lines, i, lower);
            if (title != null) {
                out.add(new DocEvidence(kind, title, new SourceLocation(p, i + 1)));
                return out;
            }
        }
        out.add(new DocEvidence(kind, name, new SourceLocation(p, 0)));
        return out;
    }

    private static String heading(String[] lines, int i, String lower) {
        String line = lines[i];
        if (lower.endsWith(".adoc")) {
            Matcher a = ADOC_HEADING.matcher(line);
            return a.find() ? a.group(1).trim() : null;
        }
        if (lower.endsWith(".rst")) {
            String t = line.trim();
            if (!t.isEmpty() && i + 1 < lines.length && lines[i + 1].trim().length() >= t.length()
                    && lines[i + 1].trim().matches("([=\\-~^\"'`#*+])\\1*") && !t.matches("([=\\-~^\"'`#*+])\\1*")) {
                return t;
            }
            return null;
        }
        Matcher h = MD_HEADING.matcher(line);
        return h.find() ? title(h.group(2)) : null;
    }

    /** A Markdown heading's text without its optional closing {@code #}s. */
    private static String title(String text) {
        String t = text.strip();
        int hashes = t.length();
        while (hashes > 0 && t.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < t.length() && hashes > 0 && Character.isWhitespace(t.charAt(hashes - 1))) {
            return t.substring(0, hashes).strip();
        }
        return t;
    }


    private static void openApiYaml(String p, String[] lines, List<DocEvidence> out) {
        boolean inPaths = false;
        int pathIndent = -1;
        String current = null;
        int currentIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int indent = Scan.indent(line);
            if (indent == 0) {
                inPaths = t.startsWith("paths:");
                pathIndent = -1;
                current = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher k = YAML_KEY.matcher(line);
            if (!k.find()) {
                continue;
            }
            String key = k.group(2).trim();
            if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
                key = key.substring(1, key.length() - 1);
            }
            if (pathIndent < 0) {
                pathIndent = indent;
            }
            if (indent == pathIndent) {
                current = key.startsWith("/") ? key : null;
                currentIndent = -1;
            } else if (current != null && indent > pathIndent) {
                if (currentIndent < 0) {
                    currentIndent = indent;
                }
                if (indent == currentIndent && METHODS.contains(key.toLowerCase(Locale.ROOT))) {
                    out.add(new DocEvidence(DocEvidence.Kind.OPENAPI, key.toUpperCase(Locale.ROOT) + " " + current,
                            new SourceLocation(p, i + 1)));
                }
            }
        }
    }

    private static void openApiJson(String p, String text, List<DocEvidence> out) {
        Object parsed;
        try {
            parsed = JsonReader.parse(text);
        } catch (RuntimeException malformed) {
            return;
        }
        if (!(parsed instanceof Map) || !(((Map<?, ?>) parsed).get("paths") instanceof Map)) {
            return;
        }
        int from = Math.max(0, text.indexOf("\"paths\""));
        for (Map.Entry<?, ?> path : ((Map<?, ?>) ((Map<?, ?>) parsed).get("paths")).entrySet()) {
            if (!(path.getValue() instanceof Map)) {
                continue;
            }
            int pathAt = text.indexOf("\"" + path.getKey() + "\"", from);
            for (Object method : ((Map<?, ?>) path.getValue()).keySet()) {
                String m = String.valueOf(method);
                if (!METHODS.contains(m.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                int at = pathAt < 0 ? -1 : text.indexOf("\"" + m + "\"", pathAt);
                out.add(new DocEvidence(DocEvidence.Kind.OPENAPI, m.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        new SourceLocation(p, at < 0 ? 0 : lineAt(text, at))));
            }
        }
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
