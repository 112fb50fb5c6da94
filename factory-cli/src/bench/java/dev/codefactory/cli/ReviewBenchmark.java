package dev.codefactory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A benchmark, not a test (outside the Maven build: {@code bench/review.sh} compiles and runs it):
 * {@code factory review} on a
 * generated project of {@code files} source files and {@code specs} specs, against a loopback model that answers at
 * once, so that what is measured is everything but the model's own time: discovery, matching, packing, the calls'
 * own overhead, the checks and the report. Each configuration runs {@code warmup} times, then {@code runs} measured
 * times in this JVM; the report of the last run is kept for a look.
 */
public final class ReviewBenchmark {
    private static final String[] KINDS = {"java", "java", "kt", "ts", "py", "go", "md", "yml", "json", "sql"};
    private static final String[] AREAS = {"auth", "billing", "catalog", "orders", "search", "users", "reports",
        "payments", "shipping", "notifications"};

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("files", "10000", "specs", "50", "warmup", "2",
                "runs", "5", "out", "bench/out"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int files = Integer.parseInt(options.get("files"));
        int specs = Integer.parseInt(options.get("specs"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int runs = Integer.parseInt(options.get("runs"));
        Path out = Path.of(options.get("out")).toAbsolutePath();
        Path project = out.resolve("review-project-" + files);
        long made = System.nanoTime();
        if (generate(project, files, specs)) {
            System.out.printf(Locale.ROOT, "generated %s (%d files, %d specs) in %.1f s%n", project, files, specs,
                    (System.nanoTime() - made) / 1e9);
        }
        try (ModelLoopback model = new ModelLoopback()) {
            model.reviews.add("{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[],\"note\":\"\"}],"
                    + "\"findings\":[]}");
            Map<String, String> env = new HashMap<>();
            env.put("HOME", out.resolve("review-home").toString());
            env.put("XDG_CONFIG_HOME", out.resolve("review-home/.config").toString());
            env.put("FACTORY_LLM_PROVIDER", "ollama");
            env.put("FACTORY_LLM_ENDPOINT", model.url());
            env.put("FACTORY_LLM_MODEL", "bench");
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            System.out.printf(Locale.ROOT, "review benchmark %s, %d cores, java %s; project of %d files, %d specs%n",
                    java.time.LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), files, specs);
            measure("defaults (scan.max-files 100)", project, env, warmup, runs, model);
            Map<String, String> all = new HashMap<>(env);
            all.put("FACTORY_SCAN_MAX_FILES", String.valueOf(files + 100));
            measure("every file (scan.max-files " + (files + 100) + ")", project, all, warmup, runs, model);
            Map<String, String> offline = new HashMap<>(all);
            measure("every file, --offline (checks only)", project, offline, warmup, runs, null);
        }
    }

    private static void measure(String what, Path project, Map<String, String> env, int warmup, int runs,
                                ModelLoopback model) {
        long[] nanos = new long[runs];
        int calls = 0;
        String last = "";
        for (int i = -warmup; i < runs; i++) {
            int before = model == null ? 0 : model.bodies.size();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of("review", "--yes", "--no-cache"));
            if (model == null) {
                args.add("--offline");
            }
            long t = System.nanoTime();
            int exit = Main.run(new Session(new PrintWriter(out), new PrintWriter(err), project, env, false),
                    args.toArray(new String[0]));
            long took = System.nanoTime() - t;
            if (exit != 0 && exit != 1) {
                throw new IllegalStateException("review failed (" + exit + "): " + err);
            }
            if (i >= 0) {
                nanos[i] = took;
                calls = model == null ? 0 : model.bodies.size() - before;
            }
            last = out.toString().lines().reduce((a, b) -> b).orElse("");
        }
        Arrays.sort(nanos);
        double median = runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2.0;
        System.out.printf(Locale.ROOT, "%-40s median %7.0f ms   min %7.0f ms   (%d runs, %d model calls each)"
                + "   target < 5000 ms: %s%n   %s%n", what, median / 1e6, nanos[0] / 1e6, runs, calls,
                median < 5e9 ? "met" : "MISSED", last);
    }

    /** Makes the project once (a marker says it is complete): a git repository with code and specs. */
    static boolean generate(Path project, int files, int specs) throws IOException, InterruptedException {
        Path marker = project.resolve(".git/bench-ready");
        if (Files.exists(marker)) {
            return false;
        }
        if (Files.exists(project)) {
            try (var walk = Files.walk(project)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(project);
        Random random = new Random(7);
        for (int i = 0; i < files; i++) {
            String area = AREAS[i % AREAS.length];
            String kind = KINDS[random.nextInt(KINDS.length)];
            String name = Character.toUpperCase(area.charAt(0)) + area.substring(1) + "Part" + i;
            Path file = project.resolve("src/" + area + "/module" + (i % 50) + "/" + name + "." + kind);
            Files.createDirectories(file.getParent());
            StringBuilder body = new StringBuilder("// " + name + ": part of the " + area + " area\n");
            for (int line = 0; line < 40 + random.nextInt(60); line++) {
                body.append("    value").append(line).append(" = compute(").append(area).append(", ").append(line)
                        .append(");\n");
            }
            Files.writeString(file, body.toString(), StandardCharsets.UTF_8);
        }
        for (int s = 1; s <= specs; s++) {
            String area = AREAS[s % AREAS.length];
            String id = String.format(Locale.ROOT, "feature-%03d", s);
            String part = Character.toUpperCase(area.charAt(0)) + area.substring(1) + "Part" + (s * 37 % files);
            Files.createDirectories(project.resolve("contracts/specs"));
            Files.writeString(project.resolve("contracts/specs/" + area + "-" + s + ".md"), "---\nid: " + id
                    + "\ntitle: " + area + " rule " + s + "\nstatus: approved\ncreated: 2026-11-20\nupdated: 2026-11-20"
                    + "\nauthor: Bench\ntags: [" + area + "]\npriority: medium\n---\n\n# " + area + " rule " + s
                    + "\n\n## Overview\n\nHow the " + area + " area handles case " + s + ".\n\n## Requirements\n\n"
                    + "### Functional\n\n- `" + part + "` computes the " + area + " values.\n- The " + area
                    + " area logs every change.\n", StandardCharsets.UTF_8);
        }
        git(project, "init", "-q", "-b", "main");
        git(project, "add", "-A");
        git(project, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "bench");
        Files.createDirectories(project.resolve(".factory"));
        Files.writeString(marker, "ok\n");
        return true;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed");
        }
    }
}
