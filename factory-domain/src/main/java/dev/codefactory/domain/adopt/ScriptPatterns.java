package dev.codefactory.domain.adopt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript and TypeScript (and Prisma schemas): Express, Fastify and NestJS routes, commander/yargs commands,
 * exported classes and interfaces (exported functions are not reported: every module exports some), TypeORM,
 * Sequelize and Prisma entities, node-cron jobs, kafkajs/{@code .on('message')} listeners, {@code process.env}
 * keys, {@code it}/{@code test} names (prefixed by the enclosing {@code describe} names) and imports resolved
 * against the file's folder (no extension).
 *
 * <p>Rules: a route's path must be a plain literal starting with {@code /} (or {@code *}), which keeps
 * {@code map.get('x')} and {@code app.get('env')} out; a concatenation or a template literal with
 * {@code ${}} is not reported. {@code app.use('/prefix', ...)} is reported as a route {@code USE /prefix} with
 * detail "mount". Fastify's {@code @fastify/autoload} convention: a file under a folder named {@code routes} that
 * declares routes on {@code fastify} gets its folders below {@code routes} as a prefix
 * ({@code src/routes/api/tasks/index.ts} declaring {@code fastify.get('/')} is {@code GET /api/tasks}).
 */
final class ScriptPatterns {
    private static final Pattern CALL = Pattern.compile(
            "(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\.\\s*(get|post|put|delete|patch|all|head|options|use)\\s*\\(");
    private static final Pattern ROUTE_CHAIN = Pattern.compile(
            "(?<![\\w$])[A-Za-z_$][\\w$]*\\s*\\.\\s*route\\s*\\(\\s*(?=['\"`])");
    private static final Pattern CHAINED = Pattern.compile("\\.\\s*(get|post|put|delete|patch|all)\\s*\\(");
    private static final Pattern ROUTE_OBJECT = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*\\s*\\.\\s*route\\s*\\(\\s*\\{");
    private static final Pattern OBJ_METHOD = Pattern.compile("(?<![\\w$])method\\s*:\\s*(\\[[^\\]]*\\]|['\"][A-Za-z]+['\"])");
    private static final Pattern OBJ_URL = Pattern.compile("(?<![\\w$])(?:url|path)\\s*:\\s*");
    private static final Pattern QUOTED = Pattern.compile("['\"]([A-Za-z]+)['\"]");
    private static final Pattern CONTROLLER = Pattern.compile("@Controller\\s*\\(");
    private static final Pattern NEST_METHOD = Pattern.compile("@(Get|Post|Put|Delete|Patch|All|Head|Options)\\s*\\(");
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*\\s*\\.\\s*command\\s*\\(");
    private static final Pattern CHAIN_COMMAND = Pattern.compile("^\\s*\\.\\s*command\\s*\\(");
    private static final Pattern EXPORT_TYPE = Pattern.compile(
            "^export\\s+(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(class|interface)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern ENTITY = Pattern.compile("^\\s*@Entity\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("(?<![\\w$])class\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern DEFINE = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*\\s*\\.\\s*define\\s*\\(");
    private static final Pattern CRON = Pattern.compile("(?<![\\w$])cron\\s*\\.\\s*schedule\\s*\\(");
    private static final Pattern CONSUMER_RUN = Pattern.compile("(?i)(?<![\\w$])[\\w$]*consumer\\s*\\.\\s*run\\s*\\(");
    private static final Pattern ON_MESSAGE = Pattern.compile(
            "(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\.\\s*on\\s*\\(\\s*['\"]message['\"]");
    private static final Pattern ENV = Pattern.compile(
            "(?<![\\w$])process\\s*\\.\\s*env\\s*(?:\\.\\s*([A-Za-z_$][\\w$]*)|\\[\\s*(?=['\"`]))");
    private static final Pattern TEST = Pattern.compile(
            "(?<![\\w$.])(it|test\\s*\\.\\s*describe|test|t\\s*\\.\\s*test|describe|suite)(?:\\s*\\.\\s*(?:only|skip|todo|concurrent))?\\s*\\(");
    private static final Pattern FROM = Pattern.compile("(?<![\\w$])from\\s+(?=['\"])");
    private static final Pattern BARE_IMPORT = Pattern.compile("^\\s*import\\s+(?=['\"])");
    private static final Pattern REQUIRE = Pattern.compile("(?<![\\w$.])(?:require|import)\\s*\\(\\s*(?=['\"`])");
    private static final Pattern MODEL = Pattern.compile("^model\\s+([A-Za-z_]\\w*)\\s*\\{");

    private ScriptPatterns() {
    }

    static FileFacts prisma(String path, String language, String text, boolean test) {
        String[] lines = Scan.lines(text, Scan.Style.C);
        Scan.Found found = new Scan.Found(path);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MODEL.matcher(lines[i]);
            if (m.find()) {
                found.add(SurfaceKind.ENTITY, m.group(1), i + 1, "prisma");
            }
        }
        return found.facts(language, Scan.folder(path), test);
    }

    static FileFacts read(String path, String language, String text, boolean test) {
        String[] lines = Scan.lines(text, Scan.Style.C);
        Scan.Found found = new Scan.Found(path);
        String folder = Scan.folder(path);
        String autoload = autoloadPrefix(path);
        String controller = null;
        boolean entityPending = false;
        Deque<int[]> describeIndent = new ArrayDeque<>();
        Deque<String> describeName = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = i + 1;
            if (line.isBlank()) {
                continue;
            }
            int indent = Scan.indent(line);
            while (!describeIndent.isEmpty() && indent <= describeIndent.peek()[0] && !line.trim().startsWith(".")) {
                describeIndent.pop();
                describeName.pop();
            }
            imports(line, folder, found);
            routes(line, lines, i, autoload, found);
            Matcher chain = ROUTE_CHAIN.matcher(line);
            if (chain.find()) {
                String route = Scan.firstString(lines, i, chain.end());
                if (route != null && route.startsWith("/")) {
                    Matcher verb = CHAINED.matcher(rest(lines, i, chain.end()));
                    while (verb.find()) {
                        found.add(SurfaceKind.ROUTE, verb.group(1).toUpperCase(Locale.ROOT) + " " + route, at, "");
                    }
                }
            }
            Matcher object = ROUTE_OBJECT.matcher(line);
            if (object.find()) {
                String call = Scan.statement(lines, i, object.end() - 1);
                Matcher url = OBJ_URL.matcher(call);
                Matcher method = OBJ_METHOD.matcher(call);
                String route = url.find() ? Scan.literal(call, skip(call, url.end())) : null;
                if (route != null && method.find()) {
                    Matcher q = QUOTED.matcher(method.group(1));
                    while (q.find()) {
                        found.add(SurfaceKind.ROUTE, q.group(1).toUpperCase(Locale.ROOT) + " "
                                + Scan.join(autoload, route), at, "");
                    }
                }
            }
            Matcher c = CONTROLLER.matcher(line);
            if (c.find()) {
                String base = Scan.firstString(lines, i, c.end());
                controller = base == null ? "" : base;
            }
            Matcher nest = NEST_METHOD.matcher(line);
            if (nest.find() && controller != null) {
                String sub = Scan.firstString(lines, i, nest.end());
                found.add(SurfaceKind.ROUTE, nest.group(1).toUpperCase(Locale.ROOT) + " "
                        + Scan.join(controller, sub == null ? "" : sub), at, "nest");
            }
            int commandEnd = -1;
            Matcher cmd = COMMAND.matcher(line);
            if (cmd.find()) {
                commandEnd = cmd.end();
            } else {
                Matcher chainCmd = CHAIN_COMMAND.matcher(line);
                if (chainCmd.find()) {
                    commandEnd = chainCmd.end();
                }
            }
            if (commandEnd >= 0) {
                String name = Scan.firstString(lines, i, commandEnd);
                if (name != null && !name.isBlank()) {
                    found.add(SurfaceKind.ENTRY_POINT, name.trim().split("\\s+")[0], at, "command");
                }
            }
            Matcher export = EXPORT_TYPE.matcher(line);
            if (export.find()) {
                found.add(entityPending ? SurfaceKind.ENTITY : SurfaceKind.PUBLIC_TYPE, export.group(2), at,
                        entityPending ? "typeorm" : "");
                entityPending = false;
            } else if (ENTITY.matcher(line).find()) {
                entityPending = true;
            } else if (entityPending) {
                Matcher cls = CLASS.matcher(line);
                if (cls.find()) {
                    found.add(SurfaceKind.ENTITY, cls.group(1), at, "typeorm");
                    entityPending = false;
                }
            }
            Matcher define = DEFINE.matcher(line);
            if (define.find()) {
                found.add(SurfaceKind.ENTITY, Scan.firstString(lines, i, define.end()), at, "sequelize");
            }
            Matcher cron = CRON.matcher(line);
            if (cron.find()) {
                found.add(SurfaceKind.SCHEDULED_JOB, Scan.firstString(lines, i, cron.end()), at, "node-cron");
            }
            Matcher run = CONSUMER_RUN.matcher(line);
            if (run.find()) {
                found.add(SurfaceKind.LISTENER, run.group().replaceAll("\\s|\\.run\\(|\\(", ""), at, "kafkajs");
            }
            Matcher on = ON_MESSAGE.matcher(line);
            if (on.find()) {
                found.add(SurfaceKind.LISTENER, on.group(1) + " message", at, "on('message')");
            }
            Matcher env = ENV.matcher(line);
            while (env.find()) {
                String key = env.group(1) != null ? env.group(1) : Scan.literal(line, env.end());
                found.add(SurfaceKind.CONFIG_KEY, key, at, "env");
            }
            if (test) {
                Matcher t = TEST.matcher(line);
                if (t.find()) {
                    String name = Scan.firstString(lines, i, t.end());
                    String fn = t.group(1).replaceAll("\\s", "");
                    if (name != null && (fn.endsWith("describe") || fn.equals("suite"))) {
                        describeIndent.push(new int[] {indent});
                        describeName.push(name);
                    } else if (name != null) {
                        StringBuilder full = new StringBuilder();
                        describeName.descendingIterator().forEachRemaining(d -> full.append(d).append(' '));
                        found.test(full + name, at);
                    }
                }
            }
        }
        return found.facts(language, folder, test);
    }

    private static void routes(String line, String[] lines, int i, String autoload, Scan.Found found) {
        Matcher call = CALL.matcher(line);
        while (call.find()) {
            if (Scan.inString(line, call.start())) {
                continue;
            }
            String receiver = call.group(1);
            String verb = call.group(2);
            String route = Scan.firstString(lines, i, call.end());
            if (route == null || !(route.startsWith("/") || route.equals("*"))) {
                continue;
            }
            String prefix = receiver.equals("fastify") ? autoload : "";
            if (route.equals("/") && !prefix.isEmpty()) {
                route = "";
            }
            if (verb.equals("use")) {
                found.add(SurfaceKind.ROUTE, "USE " + Scan.join(prefix, route), i + 1, "mount");
            } else {
                found.add(SurfaceKind.ROUTE, verb.toUpperCase(Locale.ROOT) + " "
                        + (route.equals("*") && prefix.isEmpty() ? "*" : Scan.join(prefix, route)), i + 1, "");
            }
        }
    }

    /** The chained calls after {@code .route('/x')}: the rest of its line and the following lines starting with ".". */
    private static String rest(String[] lines, int i, int from) {
        StringBuilder b = new StringBuilder(lines[i].substring(from)).append('\n');
        int base = Scan.indent(lines[i]);
        for (int l = i + 1; l < lines.length && l < i + 20 * Scan.SPAN; l++) {
            String t = lines[l].trim();
            if (t.startsWith(".")) {
                b.append(t).append('\n');
            } else if (!t.isEmpty() && Scan.indent(lines[l]) <= base && !t.startsWith("}") && !t.startsWith(")")) {
                break;
            }
        }
        return b.toString();
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The @fastify/autoload prefix of a file under a {@code routes} folder: its folders below it. */
    static String autoloadPrefix(String path) {
        String p = "/" + path;
        int at = p.lastIndexOf("/routes/");
        if (at < 0) {
            return "";
        }
        String below = Scan.folder(p.substring(at + "/routes/".length()));
        return below.isEmpty() ? "" : "/" + below;
    }

    private static void imports(String line, String folder, Scan.Found found) {
        for (Pattern p : List.of(FROM, BARE_IMPORT, REQUIRE)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                String target = Scan.literal(line, m.end());
                if (target == null || target.isBlank()) {
                    continue;
                }
                if (target.startsWith("./") || target.startsWith("../") || target.equals(".") || target.equals("..")) {
                    String resolved = Scan.resolve(folder, target);
                    if (resolved == null) {
                        continue;
                    }
                    found.imports.add(stripExtension(resolved));
                } else {
                    found.imports.add(target);
                }
            }
        }
    }

    private static String stripExtension(String path) {
        String name = Scan.fileName(path);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && List.of("js", "ts", "mjs", "cjs", "jsx", "tsx", "mts", "cts").contains(name.substring(dot + 1))) {
            return path.substring(0, path.length() - name.length() + dot);
        }
        return path;
    }
}
