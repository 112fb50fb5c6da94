package dev.codefactory.app.change;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.change.ChangeOrderUseCase.ChangeCommand;
import dev.codefactory.app.change.ChangeOrderUseCase.ChangeOutcome;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark, not a test (outside the Maven build: {@code bench/change.sh} compiles and runs it):
 * {@code change} then {@code undo}
 * on a generated project of {@code files} Java files that import each other, against a loopback model that answers
 * at once, so that what is measured is everything but the model's own time: the scan, reading every file's head,
 * candidates, impact, the snapshot, applying, committing; and the undo's restore. Each round runs a change and its
 * undo; {@code warmup} rounds first, then {@code runs} measured ones.
 */
public final class ChangeBenchmark {
    private static final String[] AREAS = {"auth", "billing", "catalog", "orders", "search", "users", "reports",
        "payments", "shipping", "notifications"};

    private ChangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("files", "10000", "warmup", "2", "runs", "5",
                "out", "bench/out"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int files = Integer.parseInt(options.get("files"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int runs = Integer.parseInt(options.get("runs"));
        Path out = Path.of(options.get("out")).toAbsolutePath();
        Path project = out.resolve("change-project-" + files);
        long made = System.nanoTime();
        if (generate(project, files)) {
            System.out.printf(Locale.ROOT, "generated %s (%d files) in %.1f s%n", project, files,
                    (System.nanoTime() - made) / 1e9);
        }
        String target = "src/main/java/com/acme/auth/Auth0.java";
        String plan = "{\"summary\": \"rename\", \"specs\": [], \"files\": [{\"path\": \"" + target
                + "\", \"action\": \"modify\", \"reason\": \"r\"}, {\"path\": \"src/main/java/com/acme/auth/Note.java\","
                + " \"action\": \"create\", \"reason\": \"r\"}]}";
        String edits = "FILE: " + target + "\n<<<<<<< SEARCH\n    public int value() {\n=======\n"
                + "    public int valueOf() {\n>>>>>>> REPLACE\n\nNEW FILE: src/main/java/com/acme/auth/Note.java\n```\n"
                + "package com.acme.auth;\n\nfinal class Note {\n}\n```\n";
        System.out.printf(Locale.ROOT, "change benchmark, %d cores, java %s; project of %d files%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), files);
        try (ChangeOrderServiceTest.Model model = new ChangeOrderServiceTest.Model()) {
            Map<String, String> env = new HashMap<>();
            Path home = Files.createDirectories(out.resolve("change-home"));
            // git's identity comes from this HOME, as the git command line finds it
            Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Bench\n\temail = bench@example.com\n");
            env.put("HOME", home.toString());
            env.put("FACTORY_LLM_PROVIDER", "ollama");
            env.put("FACTORY_LLM_ENDPOINT", model.url());
            env.put("FACTORY_LLM_MODEL", "bench");
            List<Double> changes = new ArrayList<>();
            List<Double> undos = new ArrayList<>();
            long peak = 0;
            for (int round = 0; round < warmup + runs; round++) {
                model.answers.add(plan);
                model.answers.add(edits);
                Runtime.getRuntime().gc();
                long start = System.nanoTime();
                ChangeOutcome outcome;
                try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env)
                        .userConfigDir(out.resolve("change-home/cfg")).build()) {
                    outcome = f.change(new ChangeCommand("Rename value in Auth0 (round " + round + ")", List.of(),
                            true, false, 0, false, false, false), new ChangeOrderServiceTest.Dialog());
                }
                long changed = System.nanoTime();
                peak = Math.max(peak, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
                try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(env)
                        .userConfigDir(out.resolve("change-home/cfg")).build()) {
                    f.undo(new UndoCommand(outcome.record().id(), false));
                }
                long undone = System.nanoTime();
                if (round >= warmup) {
                    changes.add((changed - start) / 1e9);
                    undos.add((undone - changed) / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "change (scan, plan, impact, snapshot, apply, commit): %s%n",
                    stats(changes));
            System.out.printf(Locale.ROOT, "undo (restore, branch removed): %s%n", stats(undos));
            System.out.printf(Locale.ROOT, "heap in use after a change: %d MB%n", peak / (1024 * 1024));
        }
    }

    private static String stats(List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        return String.format(Locale.ROOT, "median %.2f s, min %.2f s, max %.2f s over %d runs",
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Makes the project unless it is there already; true when it was made. */
    private static boolean generate(Path project, int files) throws IOException, InterruptedException {
        if (Files.isDirectory(project.resolve(".git"))) {
            return false;
        }
        Files.createDirectories(project);
        for (int i = 0; i < files; i++) {
            String area = AREAS[i % AREAS.length];
            String name = Character.toUpperCase(area.charAt(0)) + area.substring(1) + (i / AREAS.length);
            String other = AREAS[(i + 3) % AREAS.length];
            String otherName = Character.toUpperCase(other.charAt(0)) + other.substring(1) + (i / AREAS.length);
            Path p = project.resolve("src/main/java/com/acme/" + area + "/" + name + ".java");
            Files.createDirectories(p.getParent());
            Files.writeString(p, "package com.acme." + area + ";\n\nimport com.acme." + other + "." + otherName
                    + ";\n\n/** " + name + " of the " + area + " area. */\npublic final class " + name + " {\n"
                    + "    private final " + otherName + " next = null;\n\n    public int value() {\n        return "
                    + i + ";\n    }\n}\n", StandardCharsets.UTF_8);
        }
        try (CodeFactory f = CodeFactory.builder().projectRoot(project).environment(Map.of("FACTORY_AUTHOR", "Bench"))
                .build()) {
            run(project, "git", "init", "-q", "-b", "main");
            f.init();
            f.create(CreateSpecCommand.of("Authentication"));
        }
        run(project, "git", "add", "-A");
        run(project, "git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m",
                "generated");
        return true;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
