package dev.codefactory.adapter.git.bench;

import dev.codefactory.adapter.git.GitWorkspaceScannerProvider;
import dev.codefactory.adapter.git.JGitVersionControlProvider;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark, not a test (outside the Maven build: {@code bench/scan.sh} compiles and runs it):
 * the scanner against
 * {@code git ls-files --cached --others --exclude-standard} on a generated repository, then the commit of one spec
 * file there against {@code git add && git commit}.
 *
 * <ol>
 *   <li><b>The repository</b> (made once, kept under {@code bench/out/scan-repo-<files>}): {@code files} tracked
 *   files of 0.5 to 6 KB in about {@code files / 20} folders, committed in one commit; then {@code untracked}
 *   untracked files (half in new folders), and {@code ignored} files in ignored {@code build/} and
 *   {@code node_modules/} folders and {@code *.log} files that must not be listed.</li>
 *   <li><b>git</b>: {@code runs} runs of the command (a process each, output read to the end), median and min.</li>
 *   <li><b>warm</b>: the scanner in this JVM, {@code warmup} runs then {@code runs} measured, median and min.</li>
 *   <li><b>cold</b>: a fresh JVM per run ({@code cold} runs) that scans once, timed from outside, JVM start
 *   included.</li>
 * </ol>
 *
 * <p>Before timing, the scanner's paths (kept and skipped) are checked equal to git's. Arguments (all optional):
 * {@code files=50000 untracked=2000 ignored=10000 warmup=10 runs=15 cold=5 out=bench/out}.
 */
public final class ScanBenchmark {
    private static final String[] GIT_COMMAND = {"git", "-c", "core.quotePath=false", "ls-files", "-z", "--cached",
        "--others", "--exclude-standard"};

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--once")) {
            Path repo = Path.of(args[1]);
            ScanResult result = scanner(repo, Boolean.parseBoolean(args[2])).scan(ScanRequest.everything());
            if (result.files().isEmpty()) {
                throw new IllegalStateException("nothing found in " + repo);
            }
            return;
        }
        Map<String, String> options = new HashMap<>(Map.of("files", "50000", "untracked", "2000", "ignored", "10000",
                "warmup", "10", "runs", "15", "cold", "5", "out", "bench/out"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int files = Integer.parseInt(options.get("files"));
        int untracked = Integer.parseInt(options.get("untracked"));
        int ignored = Integer.parseInt(options.get("ignored"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int runs = Integer.parseInt(options.get("runs"));
        int coldRuns = Integer.parseInt(options.get("cold"));
        Path out = Path.of(options.get("out")).toAbsolutePath();

        Path repo = out.resolve("scan-repo-" + files);
        Path home = out.resolve("scan-home");
        long made = System.nanoTime();
        boolean fresh = Generator.ensure(repo, home, files, untracked, ignored);
        if (fresh) {
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", repo, (System.nanoTime() - made) / 1e9);
        }

        List<String> gitPaths = runGit(repo, home);
        ScanResult result = scanner(repo, false).scan(ScanRequest.everything());
        check(gitPaths, result);
        check(gitPaths, scanner(repo, true).scan(ScanRequest.everything()));

        // git and the scanner alternate, so that a busy machine slows both alike
        WorkspaceScanner fast = scanner(repo, false);
        WorkspaceScanner thorough = scanner(repo, true);
        for (int i = 0; i < warmup; i++) {
            fast.scan(ScanRequest.everything());
            thorough.scan(ScanRequest.everything());
        }
        long[] git = new long[runs];
        long[] warm = new long[runs];
        long[] warmThorough = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            runGit(repo, home);
            git[i] = System.nanoTime() - t;
            t = System.nanoTime();
            fast.scan(ScanRequest.everything());
            warm[i] = System.nanoTime() - t;
            t = System.nanoTime();
            thorough.scan(ScanRequest.everything());
            warmThorough[i] = System.nanoTime() - t;
        }
        long[] cold = new long[coldRuns];
        long[] gitCold = new long[coldRuns];
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < coldRuns; i++) {
            long t = System.nanoTime();
            runGit(repo, home);
            gitCold[i] = System.nanoTime() - t;
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ScanBenchmark.class.getName(), "--once", repo.toString(),
                    "false").inheritIO();
            environment(pb, home);
            t = System.nanoTime();
            int code = pb.start().waitFor();
            cold[i] = System.nanoTime() - t;
            if (code != 0) {
                throw new IllegalStateException("cold run failed: exit " + code);
            }
        }

        long kept = result.files().size();
        System.out.printf(Locale.ROOT, "scan benchmark %s, %d cores, java %s%n", java.time.LocalDateTime.now()
                .withNano(0), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "repository: %d listed by git (%d kept, %d skipped by the scanner); "
                + "%d ignored files not listed%n", gitPaths.size(), kept, result.skipped().size(), ignored);
        row("git ls-files", git);
        row("scanner warm", warm);
        row("thorough warm", warmThorough);
        row("git (cold set)", gitCold);
        row("scanner cold", cold);
        double warmRatio = median(warm) / median(git);
        double coldRatio = median(cold) / median(gitCold);
        System.out.printf(Locale.ROOT, "ratio warm/git %.2fx (target <= 2x: %s), thorough warm/git %.2fx, "
                + "cold (new JVM)/git %.2fx (target <= 2x: %s)%n", warmRatio, warmRatio <= 2 ? "met" : "MISSED",
                median(warmThorough) / median(git), coldRatio, coldRatio <= 2 ? "met" : "MISSED");
        commits(repo, home, warmup, runs);
    }

    /**
     * Committing one spec in the same repository: {@code git add FILE && git commit} (two processes) against
     * {@link VersionControl#commit} of that one path in this JVM, each after the spec file was rewritten. The seed's
     * target for a git operation is under 200 ms.
     */
    private static void commits(Path repo, Path home, int warmup, int runs) throws Exception {
        String spec = "contracts/specs/bench-spec.md";
        Path file = repo.resolve(spec);
        Files.createDirectories(file.getParent());
        Generator.git(repo, home, "config", "user.name", "bench");
        Generator.git(repo, home, "config", "user.email", "bench@example.com");
        long[] git = new long[runs];
        long[] factory = new long[runs];
        try (VersionControl vcs = new JGitVersionControlProvider().open(repo).orElseThrow()) {
            for (int i = -warmup; i < runs; i++) {
                Files.writeString(file, "---\nid: feature-001\n---\n# Bench " + System.nanoTime() + "\n");
                long t = System.nanoTime();
                Generator.git(repo, home, "add", spec);
                Generator.git(repo, home, "commit", "-q", "-m", "spec: bench (git " + i + ")");
                if (i >= 0) {
                    git[i] = System.nanoTime() - t;
                }
                Files.writeString(file, "---\nid: feature-001\n---\n# Bench " + System.nanoTime() + "\n");
                t = System.nanoTime();
                vcs.commit(CommitRequest.only("spec: bench (factory " + i + ")", List.of(spec)));
                if (i >= 0) {
                    factory[i] = System.nanoTime() - t;
                }
            }
        }
        System.out.println("commit of one spec file in the same repository (target < 200 ms):");
        row("git add+commit", git);
        row("factory commit", factory);
    }

    private static WorkspaceScanner scanner(Path repo, boolean thorough) {
        Path home = repo.getParent().resolve("scan-home");
        return new GitWorkspaceScannerProvider(thorough).create(repo, Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString()));
    }

    private static void check(List<String> gitPaths, ScanResult result) {
        Set<String> expected = new TreeSet<>(gitPaths);
        Set<String> actual = new TreeSet<>();
        result.files().stream().map(SourceFile::path).forEach(actual::add);
        result.skipped().stream().map(SkippedFile::path).forEach(actual::add);
        if (!expected.equals(actual)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            throw new IllegalStateException("scanner differs from git: missing " + first(missing) + ", extra "
                    + first(extra));
        }
    }

    private static String first(Set<String> paths) {
        return paths.size() + " " + paths.stream().limit(5).toList();
    }

    private static void row(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-14s median %8.1f ms   min %8.1f ms   (%d runs)%n", what,
                median(nanos) / 1e6, Arrays.stream(nanos).min().orElse(0) / 1e6, nanos.length);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static void environment(ProcessBuilder pb, Path home) {
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("LC_ALL", "C");
    }

    private static List<String> runGit(Path repo, Path home) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(GIT_COMMAND).directory(repo.toFile());
        environment(pb, home);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git ls-files failed");
        }
        List<String> paths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                paths.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return paths;
    }

    /** Makes the benchmark repository once; a marker file says it is complete. */
    static final class Generator {
        private static final String[] KINDS = {"java", "java", "java", "kt", "ts", "tsx", "py", "go", "md", "yml",
            "json", "xml", "sql", "sh", "properties", "css"};

        private Generator() {
        }

        static boolean ensure(Path repo, Path home, int files, int untracked, int ignored)
                throws IOException, InterruptedException {
            Path marker = repo.resolve(".git").resolve("bench-ready");
            if (Files.exists(marker)) {
                return false;
            }
            if (Files.exists(repo)) {
                try (var walk = Files.walk(repo)) {
                    walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(repo);
            Files.createDirectories(home.resolve(".config"));
            Random random = new Random(42);
            byte[] filler = ("    // generated source line for the scan benchmark: lorem ipsum dolor sit amet\n")
                    .repeat(100).getBytes(StandardCharsets.UTF_8);
            int folders = Math.max(1, files / 20);
            int modules = Math.max(1, (int) Math.round(Math.sqrt(folders / 4.0)));
            List<Path> dirs = new ArrayList<>();
            for (int d = 0; d < folders; d++) {
                int module = d % modules;
                Path dir = repo.resolve("module-" + module).resolve("src/main")
                        .resolve("pkg" + (d / modules) % 10).resolve("area" + d);
                Files.createDirectories(dir);
                dirs.add(dir);
            }
            for (int i = 0; i < files; i++) {
                Path dir = dirs.get(i % folders);
                String ext = KINDS[random.nextInt(KINDS.length)];
                int size = 512 + random.nextInt(6 * 1024 - 512);
                write(dir.resolve("File" + i + "." + ext), filler, size, i % 997 == 0);
            }
            Files.writeString(repo.resolve(".gitignore"), "build/\nnode_modules/\n*.log\n/.idea/\n");
            git(repo, home, "init", "-q", "-b", "main");
            git(repo, home, "add", "-A");
            git(repo, home, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m",
                    "generated");
            for (int i = 0; i < untracked; i++) {
                Path dir = i % 2 == 0 ? dirs.get((i * 7) % folders)
                        : repo.resolve("new-module-" + (i % 20)).resolve("src").resolve("n" + (i % 100));
                Files.createDirectories(dir);
                write(dir.resolve("Untracked" + i + ".java"), filler, 1024 + random.nextInt(2048), false);
            }
            for (int i = 0; i < ignored; i++) {
                Path dir;
                String name;
                if (i % 10 == 9) {
                    dir = dirs.get((i * 13) % folders);
                    name = "trace" + i + ".log";
                } else if (i % 2 == 0) {
                    dir = repo.resolve("module-" + (i % modules)).resolve("build/classes/p" + (i % 50));
                    name = "C" + i + ".class";
                } else {
                    dir = repo.resolve("node_modules").resolve("pkg" + (i % 300)).resolve("lib");
                    name = "index" + i + ".js";
                }
                Files.createDirectories(dir);
                write(dir.resolve(name), filler, 256 + random.nextInt(1024), false);
            }
            Files.writeString(marker, "ok\n");
            return true;
        }

        private static void write(Path file, byte[] filler, int size, boolean binary) throws IOException {
            byte[] content = Arrays.copyOf(filler, Math.min(size, filler.length));
            if (binary) {
                content[3] = 0;
            }
            Files.write(file, content);
        }

        private static void git(Path repo, Path home, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).inheritIO();
            environment(pb, home);
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: exit " + code);
            }
        }
    }
}
