package dev.codefactory.domain.adopt;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python: Flask, FastAPI and Django routes, {@code __main__}/argparse/click/typer entry points, top-level classes,
 * SQLAlchemy/SQLModel/Django entities, Celery/APScheduler jobs, environment and {@code app.config} keys, pydantic
 * settings fields, Alembic {@code op.create_table}, {@code def test_*} tests and imports.
 *
 * <p>Prefixes: a {@code Blueprint(..., url_prefix=...)} or {@code APIRouter(prefix=...)} assigned in the same file
 * prefixes the routes declared on that variable; a prefix given elsewhere ({@code register_blueprint(bp,
 * url_prefix=...)} in another file) is not followed. A route whose path is not a plain literal (a variable, a
 * concatenation) is not reported.
 */
final class PythonPatterns {
    private static final Pattern DECORATOR = Pattern.compile("^\\s*@\\s*([A-Za-z_][\\w.]*)\\s*(\\()?");
    private static final Pattern DEF = Pattern.compile("^\\s*(?:async\\s+)?def\\s+([A-Za-z_]\\w*)");
    private static final Pattern CLASS = Pattern.compile("^class\\s+([A-Za-z_]\\w*)\\s*(?:\\((.*))?");
    private static final Pattern ROUTER = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:[\\w.]*\\.)?(APIRouter|Blueprint)\\s*\\(");
    private static final Pattern PREFIX_ARG = Pattern.compile("(?<![\\w])(?:url_)?prefix\\s*=\\s*");
    private static final Pattern METHODS_ARG = Pattern.compile("(?<![\\w])methods\\s*=\\s*[\\[(]([^\\])]*)");
    private static final Pattern NAME_ARG = Pattern.compile("(?<![\\w])name\\s*=\\s*");
    private static final Pattern QUOTED = Pattern.compile("['\"]([A-Za-z]+)['\"]");
    private static final Pattern DJANGO_PATH = Pattern.compile("(?<![\\w.])(re_path|path|url)\\s*\\(");
    private static final Pattern MAIN = Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");
    private static final Pattern ARGPARSE = Pattern.compile("(?<![\\w])ArgumentParser\\s*\\(");
    private static final Pattern SUBPARSER = Pattern.compile("(?<![\\w])add_parser\\s*\\(");
    private static final Pattern PROG_ARG = Pattern.compile("(?<![\\w])prog\\s*=\\s*");
    private static final Pattern TYPER = Pattern.compile("(?<![\\w.])(?:typer\\.)?Typer\\s*\\(");
    private static final Pattern ADD_JOB = Pattern.compile("(?<![\\w])add_job\\s*\\(\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern ENV = Pattern.compile(
            "(?<![\\w])(?:os\\.environ\\s*\\[|os\\.environ\\.get\\s*\\(|os\\.getenv\\s*\\(|environ\\.get\\s*\\(|"
                    + "getenv\\s*\\(|(?<![\\w.])[A-Za-z_]\\w*\\.config\\s*\\[|(?<![\\w.])[A-Za-z_]\\w*\\.config\\.get\\s*\\()");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?<![\\w])op\\.create_table\\s*\\(");
    private static final Pattern FIELD = Pattern.compile("^\\s+([A-Za-z_]\\w*)\\s*:\\s*[^=]");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(.+)$");
    private static final Pattern FROM = Pattern.compile("^\\s*from\\s+(\\.*)([\\w.]*)\\s+import\\s+(.*)$");
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:from|import)\\s+([A-Za-z_]\\w*)");
    private static final List<String> HTTP = List.of("get", "post", "put", "delete", "patch", "head", "options");

    private PythonPatterns() {
    }

    static FileFacts read(String path, String language, String text, boolean test) {
        String[] lines = Scan.lines(text, Scan.Style.HASH);
        Scan.Found found = new Scan.Found(path);
        String unit = unit(path, lines);
        Map<String, String> prefixes = new HashMap<>();
        boolean urls = Scan.fileName(path).equals("urls.py");
        boolean migration = path.contains("/versions/") || path.contains("migrations/");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROUTER.matcher(lines[i]);
            if (m.find()) {
                String call = Scan.statement(lines, i, m.end() - 1);
                Matcher p = PREFIX_ARG.matcher(call);
                if (p.find()) {
                    String prefix = Scan.literal(call, p.end());
                    if (prefix != null) {
                        prefixes.put(m.group(1), prefix);
                    }
                }
            }
        }
        String settingsClass = null;
        String testClass = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (Scan.indent(line) == 0 && !line.startsWith("@") && !line.startsWith(")")) {
                settingsClass = null;
                testClass = null;
            }
            imports(line, lines, i, unit, path, found);
            Matcher c = CLASS.matcher(line);
            if (c.find()) {
                classSurface(c.group(1), c.group(2) == null ? "" : Scan.statement(lines, i, line.indexOf('(')),
                        at, migration, found);
                String bases = c.group(2) == null ? "" : c.group(2);
                if (bases.contains("BaseSettings")) {
                    settingsClass = c.group(1);
                }
                testClass = c.group(1);
                continue;
            }
            if (settingsClass != null) {
                Matcher f = FIELD.matcher(line);
                if (f.find() && Scan.indent(line) > 0 && !f.group(1).startsWith("_")
                        && !f.group(1).equals("model_config")) {
                    found.add(SurfaceKind.CONFIG_KEY, f.group(1), at, "settings " + settingsClass);
                }
            }
            Matcher d = DECORATOR.matcher(line);
            if (d.find()) {
                decorator(d, lines, i, prefixes, found);
            }
            Matcher def = DEF.matcher(line);
            if (def.find() && def.group(1).startsWith("test")
                    && (Scan.indent(line) == 0 || testClass != null)) {
                found.test(testClass == null ? def.group(1) : testClass + "." + def.group(1), at);
            }
            if (MAIN.matcher(line).find()) {
                found.add(SurfaceKind.ENTRY_POINT, unit.isEmpty() ? Scan.fileName(path) : unit, at, "__main__");
            }
            Matcher a = ARGPARSE.matcher(line);
            if (a.find()) {
                String call = Scan.statement(lines, i, a.end() - 1);
                Matcher prog = PROG_ARG.matcher(call);
                String name = prog.find() ? Scan.literal(call, prog.end()) : null;
                found.add(SurfaceKind.ENTRY_POINT, name != null ? name : unit, at, "argparse");
            }
            Matcher sub = SUBPARSER.matcher(line);
            if (sub.find()) {
                found.add(SurfaceKind.ENTRY_POINT, Scan.firstString(lines, i, sub.end()), at, "argparse subcommand");
            }
            if (TYPER.matcher(line).find() && line.contains("=")) {
                found.add(SurfaceKind.ENTRY_POINT, unit, at, "typer");
            }
            Matcher job = ADD_JOB.matcher(line);
            if (job.find()) {
                found.add(SurfaceKind.SCHEDULED_JOB, job.group(1), at, "apscheduler");
            }
            Matcher env = ENV.matcher(line);
            while (env.find()) {
                String key = Scan.literal(line, skipSpaces(line, env.end()));
                if (key != null && !key.isBlank()) {
                    found.add(SurfaceKind.CONFIG_KEY, key, at, env.group().contains("config") ? "app.config" : "env");
                }
            }
            Matcher t = CREATE_TABLE.matcher(line);
            if (t.find()) {
                found.add(SurfaceKind.SCHEMA, Scan.firstString(lines, i, t.end()), at,
                        migration ? "migration" : "");
            }
            if (urls) {
                Matcher u = DJANGO_PATH.matcher(line);
                while (u.find()) {
                    String route = Scan.firstString(lines, i, u.end());
                    if (route != null && !route.startsWith("<") && !line.contains("include(")) {
                        String r = route.startsWith("^") ? route.substring(1) : route;
                        r = r.endsWith("$") ? r.substring(0, r.length() - 1) : r;
                        found.add(SurfaceKind.ROUTE, "ANY " + Scan.join("", r), at, "django");
                    }
                }
            }
        }
        return found.facts(language, unit, test);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void classSurface(String name, String bases, int at, boolean migration, Scan.Found found) {
        boolean entity = bases.contains("db.Model") || bases.matches("(?s)\\(\\s*(Base|Model|DeclarativeBase)\\s*[,)].*")
                || bases.contains("models.Model") || bases.replace(" ", "").contains("table=True");
        if (entity) {
            found.add(SurfaceKind.ENTITY, name, at, "");
        } else if (!name.startsWith("_")) {
            found.add(SurfaceKind.PUBLIC_TYPE, name, at, "");
        }
    }

    private static void decorator(Matcher d, String[] lines, int i, Map<String, String> prefixes,
                                  Scan.Found found) {
        String target = d.group(1);
        int at = i + 1;
        int dot = target.lastIndexOf('.');
        String receiver = dot < 0 ? "" : target.substring(0, dot);
        String verb = target.substring(dot + 1);
        String call = d.group(2) == null ? "" : Scan.statement(lines, i, d.end() - 1);
        String firstArg = d.group(2) == null ? null : Scan.firstString(lines, i, d.end());
        if (!receiver.isEmpty() && (verb.equals("route") || HTTP.contains(verb))) {
            if (firstArg == null || !(firstArg.isEmpty() || firstArg.startsWith("/"))) {
                return;
            }
            String route = Scan.join(prefixes.getOrDefault(receiver, ""), firstArg);
            if (verb.equals("route")) {
                Matcher methods = METHODS_ARG.matcher(call);
                boolean any = false;
                if (methods.find()) {
                    Matcher q = QUOTED.matcher(methods.group(1));
                    while (q.find()) {
                        found.add(SurfaceKind.ROUTE, q.group(1).toUpperCase(Locale.ROOT) + " " + route, at, "");
                        any = true;
                    }
                }
                if (!any) {
                    found.add(SurfaceKind.ROUTE, "GET " + route, at, "");
                }
            } else {
                found.add(SurfaceKind.ROUTE, verb.toUpperCase(Locale.ROOT) + " " + route, at, "");
            }
            return;
        }
        if (verb.equals("command") || verb.equals("group")) {
            if (receiver.isEmpty()) {
                return;
            }
            Matcher name = NAME_ARG.matcher(call);
            String named = firstArg != null ? firstArg : name.find() ? Scan.literal(call, name.end()) : null;
            if (named == null) {
                String def = functionAfter(lines, i);
                named = def == null ? null : def.replace('_', '-');
            }
            found.add(SurfaceKind.ENTRY_POINT, named, at, receiver + "." + verb);
            return;
        }
        if (target.equals("shared_task") || (verb.equals("task") && !receiver.isEmpty())
                || target.endsWith("periodic_task")) {
            found.add(SurfaceKind.SCHEDULED_JOB, functionAfter(lines, i), at, "celery");
            return;
        }
        if (verb.equals("scheduled_job")) {
            found.add(SurfaceKind.SCHEDULED_JOB, functionAfter(lines, i), at, "apscheduler");
        }
    }

    private static String functionAfter(String[] lines, int i) {
        for (int l = i + 1; l < lines.length && l < i + Scan.SPAN; l++) {
            Matcher def = DEF.matcher(lines[l]);
            if (def.find()) {
                return def.group(1);
            }
        }
        return null;
    }

    private static void imports(String line, String[] lines, int i, String unit, String path, Scan.Found found) {
        Matcher from = FROM.matcher(line);
        if (from.find()) {
            String module = from.group(2);
            if (!from.group(1).isEmpty()) {
                String pkg = packageOf(unit, path);
                for (int up = 1; up < from.group(1).length() && !pkg.isEmpty(); up++) {
                    int dot = pkg.lastIndexOf('.');
                    pkg = dot < 0 ? "" : pkg.substring(0, dot);
                }
                module = pkg.isEmpty() ? module : module.isEmpty() ? pkg : pkg + "." + module;
            }
            if (module.isEmpty()) {
                return;
            }
            found.imports.add(module);
            String names = from.group(3);
            if (names.contains("(") && !names.contains(")")) {
                names = Scan.statement(lines, i, line.indexOf('('));
            }
            for (String item : names.replaceAll("[()\\\\]", " ").split(",")) {
                String name = item.trim().split("\\s+")[0];
                if (name.matches("[A-Za-z_]\\w*")) {
                    found.imports.add(module + "." + name);
                }
            }
            return;
        }
        Matcher imp = IMPORT.matcher(line);
        if (imp.find()) {
            for (String part : imp.group(1).split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (name.matches("[A-Za-z_][\\w.]*")) {
                    found.imports.add(name);
                }
            }
        }
    }

    /**
     * The dotted module path: {@code app/api/routes.py} -> {@code app.api.routes}, a package's {@code __init__} its
     * folder; when one of the file's absolute imports starts with a folder of its own path
     * ({@code backend/app/main.py} importing {@code app.models}), the path is taken from that folder on
     * ({@code app.main}): the import root is below the project root.
     */
    static String unit(String path, String[] lines) {
        String full = unit(path);
        String[] segments = full.split("\\.");
        for (String line : lines) {
            Matcher m = ABSOLUTE.matcher(line);
            if (m.find()) {
                for (int s = 1; s < segments.length - 1; s++) {
                    if (segments[s].equals(m.group(1))) {
                        return String.join(".", java.util.Arrays.copyOfRange(segments, s, segments.length));
                    }
                }
            }
        }
        return full;
    }

    static String unit(String path) {
        String p = path.startsWith("src/") ? path.substring(4) : path;
        int dot = p.lastIndexOf('.');
        if (dot > p.lastIndexOf('/')) {
            p = p.substring(0, dot);
        }
        if (p.endsWith("/__init__") || p.equals("__init__")) {
            p = p.substring(0, Math.max(0, p.length() - "/__init__".length()));
        }
        return p.replace('/', '.');
    }

    private static String packageOf(String unit, String path) {
        if (Scan.fileName(path).startsWith("__init__.")) {
            return unit;
        }
        int dot = unit.lastIndexOf('.');
        return dot < 0 ? "" : unit.substring(0, dot);
    }
}
