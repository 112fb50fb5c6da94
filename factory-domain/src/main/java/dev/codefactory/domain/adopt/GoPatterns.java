package dev.codefactory.domain.adopt;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: net/http, gorilla, gin, echo and chi routes, {@code func main} in {@code package main} and cobra commands,
 * exported structs and interfaces, gorm models, {@code cron.AddFunc} jobs, {@code os.Getenv}/viper keys,
 * {@code func TestX(t *testing.T)} and {@code t.Run} tests, and the import paths. The unit is the file's folder.
 *
 * <p>A router group assigned in the same file ({@code v1 := r.Group("/api")}) prefixes the routes declared on that
 * variable; a group passed to a function in another file ({@code users.Register(v1.Group("/users"))}) is not
 * followed, so those routes are reported as declared there. Go 1.22 patterns ({@code "GET /x"}) keep their method;
 * a route with no method known is {@code ANY}.
 */
final class GoPatterns {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+(\\w+)");
    private static final Pattern MAIN = Pattern.compile("^func\\s+main\\s*\\(\\s*\\)");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w])([A-Za-z_]\\w*)\\s*\\.\\s*(HandleFunc|Handle)\\s*\\(\\s*(?=[\"`])");
    private static final Pattern METHODS = Pattern.compile("\\.\\s*Methods\\s*\\(([^)]*)\\)");
    private static final Pattern UPPER = Pattern.compile(
            "(?<![\\w])([A-Za-z_]\\w*)\\s*\\.\\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any|Get|Post|Put|Delete|Patch|Head|Options)\\s*\\(\\s*(?=[\"`])");
    private static final Pattern GROUP = Pattern.compile(
            "(?<![\\w])([A-Za-z_]\\w*)\\s*:?=\\s*([A-Za-z_]\\w*)\\s*\\.\\s*(?:Group|Route|PathPrefix)\\s*\\(\\s*(?=[\"`])");
    private static final Pattern COBRA_USE = Pattern.compile("(?<![\\w])Use\\s*:\\s*(?=[\"`])");
    private static final Pattern TYPE = Pattern.compile("^type\\s+([A-Za-z_]\\w*)\\s+(struct|interface)\\b");
    private static final Pattern CRON = Pattern.compile("(?<![\\w])[A-Za-z_]\\w*\\s*\\.\\s*(?:AddFunc|AddJob)\\s*\\(\\s*(?=[\"`])");
    private static final Pattern ENV = Pattern.compile(
            "(?<![\\w])(?:os\\s*\\.\\s*(?:Getenv|LookupEnv)|viper\\s*\\.\\s*Get\\w*|viper\\s*\\.\\s*IsSet)\\s*\\(\\s*(?=[\"`])");
    private static final Pattern TEST = Pattern.compile("^func\\s+(Test\\w*)\\s*\\(\\s*\\w+\\s+\\*testing\\.T\\s*\\)");
    private static final Pattern RUN = Pattern.compile("(?<![\\w])t\\s*\\.\\s*Run\\s*\\(\\s*(?=[\"`])");
    private static final Pattern IMPORT_ONE = Pattern.compile("^import\\s+(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*(?:[\\w.]+\\s+)?\"([^\"]+)\"");

    private GoPatterns() {
    }

    static FileFacts read(String path, String language, String text, boolean test) {
        String[] lines = Scan.lines(text, Scan.Style.C);
        Scan.Found found = new Scan.Found(path);
        String unit = Scan.folder(path);
        Map<String, String> groups = new HashMap<>();
        boolean mainPackage = false;
        boolean cobra = text.contains("cobra.Command");
        boolean inImports = false;
        String currentTest = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = i + 1;
            if (line.isBlank()) {
                continue;
            }
            Matcher pkg = PACKAGE.matcher(line);
            if (pkg.find()) {
                mainPackage = pkg.group(1).equals("main");
                continue;
            }
            if (inImports) {
                if (line.trim().startsWith(")")) {
                    inImports = false;
                } else {
                    Matcher m = IMPORT_LINE.matcher(line);
                    if (m.find()) {
                        found.imports.add(m.group(1));
                    }
                }
                continue;
            }
            if (line.startsWith("import")) {
                Matcher one = IMPORT_ONE.matcher(line);
                if (one.find()) {
                    found.imports.add(one.group(1));
                } else if (line.replace(" ", "").startsWith("import(")) {
                    inImports = true;
                }
                continue;
            }
            if (mainPackage && MAIN.matcher(line).find()) {
                found.add(SurfaceKind.ENTRY_POINT, unit.isEmpty() ? "main" : Scan.fileName(unit), at, "func main");
            }
            Matcher group = GROUP.matcher(line);
            if (group.find()) {
                String sub = Scan.literal(line, group.end());
                if (sub != null) {
                    groups.put(group.group(1), Scan.join(groups.getOrDefault(group.group(2), ""), sub));
                }
            }
            Matcher handle = HANDLE.matcher(line);
            while (handle.find()) {
                String route = Scan.literal(line, handle.end());
                if (route == null || Scan.inString(line, handle.start())) {
                    continue;
                }
                String method = "ANY";
                int space = route.indexOf(' ');
                if (space > 0 && route.substring(0, space).matches("[A-Z]+")) {
                    method = route.substring(0, space);
                    route = route.substring(space + 1).trim();
                }
                String prefix = groups.getOrDefault(handle.group(1), "");
                Matcher methods = METHODS.matcher(line.substring(handle.end()));
                if (methods.find()) {
                    for (String m : methods.group(1).split(",")) {
                        String name = m.trim().replace("\"", "");
                        if (name.startsWith("http.Method")) {
                            name = name.substring("http.Method".length());
                        }
                        if (!name.isEmpty()) {
                            found.add(SurfaceKind.ROUTE, name.toUpperCase(Locale.ROOT) + " " + Scan.join(prefix, route), at, "");
                        }
                    }
                } else {
                    found.add(SurfaceKind.ROUTE, method + " " + Scan.join(prefix, route), at, "");
                }
            }
            Matcher upper = UPPER.matcher(line);
            while (upper.find()) {
                if (Scan.inString(line, upper.start())) {
                    continue;
                }
                String route = Scan.literal(line, upper.end());
                String verb = upper.group(2);
                boolean caps = verb.equals(verb.toUpperCase(Locale.ROOT)) || verb.equals("Any");
                if (route == null || !(route.startsWith("/") || (caps && route.isEmpty()))) {
                    continue;
                }
                found.add(SurfaceKind.ROUTE, (verb.equals("Any") ? "ANY" : verb.toUpperCase(Locale.ROOT)) + " "
                        + Scan.join(groups.getOrDefault(upper.group(1), ""), route), at, "");
            }
            Matcher use = COBRA_USE.matcher(line);
            if (cobra && use.find()) {
                String name = Scan.literal(line, use.end());
                if (name != null && !name.isBlank()) {
                    found.add(SurfaceKind.ENTRY_POINT, name.trim().split("\\s+")[0], at, "cobra");
                }
            }
            Matcher type = TYPE.matcher(line);
            if (type.find()) {
                boolean entity = type.group(2).equals("struct") && gorm(lines, i);
                if (entity) {
                    found.add(SurfaceKind.ENTITY, type.group(1), at, "gorm");
                } else if (Character.isUpperCase(type.group(1).charAt(0))) {
                    found.add(SurfaceKind.PUBLIC_TYPE, type.group(1), at, type.group(2));
                }
            }
            Matcher cron = CRON.matcher(line);
            if (cron.find()) {
                found.add(SurfaceKind.SCHEDULED_JOB, Scan.literal(line, cron.end()), at, "cron");
            }
            Matcher env = ENV.matcher(line);
            while (env.find()) {
                found.add(SurfaceKind.CONFIG_KEY, Scan.literal(line, env.end()), at,
                        env.group().contains("viper") ? "viper" : "env");
            }
            if (test) {
                Matcher t = TEST.matcher(line);
                if (t.find()) {
                    currentTest = t.group(1);
                    found.test(currentTest, at);
                } else if (line.startsWith("func ")) {
                    currentTest = null;
                }
                Matcher run = RUN.matcher(line);
                if (run.find()) {
                    String name = Scan.literal(line, run.end());
                    found.test(currentTest == null ? name : currentTest + "/" + name, at);
                }
            }
        }
        return found.facts(language, unit, test);
    }

    /** Whether the struct opened on line {@code i} embeds gorm.Model or has gorm tags. */
    private static boolean gorm(String[] lines, int i) {
        for (int l = i; l < lines.length; l++) {
            String s = lines[l];
            if (s.contains("gorm:\"") || s.contains("gorm:`") || s.trim().equals("gorm.Model")) {
                return true;
            }
            if (l > i && s.startsWith("}")) {
                return false;
            }
        }
        return false;
    }
}
