package dev.codefactory.domain.change;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files that the build, the tests or CI run rather than merely compile: a change that writes one of them has its
 * text executed by {@code project.test-command} (or by CI once pushed), so each must be approved by name.
 *
 * <p>A path is such a file when it is executable, when the test command names it, when its name is one of a kept list
 * of build, wrapper and tool configuration files ({@code pom.xml}, {@code build.gradle}, {@code Makefile},
 * {@code package.json}, {@code conftest.py}, ... in any folder), when it is a script ({@code .sh}, {@code .ps1},
 * {@code .bat}, ...), or when it lies in a folder that builds or CI run ({@code .github/workflows/}, {@code .mvn/},
 * {@code buildSrc/}, ...). Ordinary source and test files are not on the list: the tests run them too, and README
 * says so; this list is what a reviewer would not expect a code change to touch.
 */
// implements feature-007/FR-013
public final class BuildFiles {
    /** File names (in any folder) and why they run. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("pom.xml", "a Maven build file"),
            Map.entry("build.gradle", "a Gradle build file"),
            Map.entry("build.gradle.kts", "a Gradle build file"),
            Map.entry("settings.gradle", "a Gradle build file"),
            Map.entry("settings.gradle.kts", "a Gradle build file"),
            Map.entry("gradle.properties", "Gradle's settings"),
            Map.entry("gradlew", "a build wrapper script"),
            Map.entry("gradlew.bat", "a build wrapper script"),
            Map.entry("mvnw", "a build wrapper script"),
            Map.entry("mvnw.cmd", "a build wrapper script"),
            Map.entry("build.xml", "an Ant build file"),
            Map.entry("build.sbt", "an sbt build file"),
            Map.entry("makefile", "a Makefile"),
            Map.entry("gnumakefile", "a Makefile"),
            Map.entry("cmakelists.txt", "a CMake build file"),
            Map.entry("justfile", "a just recipe file"),
            Map.entry("taskfile.yml", "a Task file"),
            Map.entry("rakefile", "a Rake file"),
            Map.entry("gemfile", "Bundler's manifest"),
            Map.entry("package.json", "npm's manifest (its scripts run)"),
            Map.entry("package-lock.json", "a lock file (what the build installs and runs)"),
            Map.entry("npm-shrinkwrap.json", "a lock file (what the build installs and runs)"),
            Map.entry("yarn.lock", "a lock file (what the build installs and runs)"),
            Map.entry("pnpm-lock.yaml", "a lock file (what the build installs and runs)"),
            Map.entry(".npmrc", "npm's settings"),
            Map.entry("setup.py", "a Python build script"),
            Map.entry("setup.cfg", "Python build settings"),
            Map.entry("pyproject.toml", "a Python build file"),
            Map.entry("tox.ini", "a tox file"),
            Map.entry("noxfile.py", "a nox file"),
            Map.entry("conftest.py", "pytest runs it before the tests"),
            Map.entry("pytest.ini", "pytest's settings"),
            Map.entry("cargo.toml", "a Cargo manifest"),
            Map.entry("build.rs", "a Cargo build script"),
            Map.entry("build", "a Bazel build file"),
            Map.entry("build.bazel", "a Bazel build file"),
            Map.entry("workspace", "a Bazel workspace file"),
            Map.entry("module.bazel", "a Bazel module file"),
            Map.entry("jenkinsfile", "a CI pipeline"),
            Map.entry(".gitlab-ci.yml", "a CI pipeline"),
            Map.entry(".travis.yml", "a CI pipeline"),
            Map.entry("azure-pipelines.yml", "a CI pipeline"),
            Map.entry(".pre-commit-config.yaml", "hooks that run on commit"),
            Map.entry("dockerfile", "a container build file"),
            Map.entry("docker-compose.yml", "a container set-up"),
            Map.entry(".envrc", "direnv runs it"));
    /** Name endings and why they run. */
    private static final Map<String, String> ENDINGS = Map.ofEntries(
            Map.entry(".sh", "a shell script"),
            Map.entry(".bash", "a shell script"),
            Map.entry(".zsh", "a shell script"),
            Map.entry(".ps1", "a PowerShell script"),
            Map.entry(".bat", "a Windows batch script"),
            Map.entry(".cmd", "a Windows batch script"),
            Map.entry(".mk", "a Makefile"),
            Map.entry(".cmake", "a CMake script"),
            Map.entry(".gradle", "a Gradle script"),
            Map.entry(".gradle.kts", "a Gradle script"));
    /** Folders (from the project root) that builds or CI run. */
    private static final List<String> FOLDERS = List.of(".github/workflows/", ".github/actions/", ".circleci/",
            ".mvn/", "gradle/wrapper/", "buildSrc/", ".husky/", ".devcontainer/");

    private BuildFiles() {
    }

    /**
     * Why {@code path} is run by the build, the tests or CI, or empty when it is not one of those files.
     *
     * @param executable  whether the file has an executable bit
     * @param testCommand {@code project.test-command}, or empty
     */
    public static Optional<String> why(String path, boolean executable, String testCommand) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (testCommand != null && names(testCommand, path)) {
            return Optional.of("the test command (" + testCommand.strip() + ") runs it");
        }
        if (executable) {
            return Optional.of("it is executable");
        }
        String known = NAMES.get(lower);
        if (known != null) {
            return Optional.of(known);
        }
        for (Map.Entry<String, String> e : ENDINGS.entrySet()) {
            if (lower.endsWith(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        for (String folder : FOLDERS) {
            if (path.startsWith(folder)) {
                return Optional.of("it is in " + folder + ", which " + (folder.startsWith(".github")
                        || folder.startsWith(".circleci") ? "CI" : "the build") + " runs");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code command} runs {@code path} (as written, or with a leading {@code ./}): as the program of one of its
     * commands, as the script an interpreter ({@code sh}, {@code python}, {@code node}, ...) is given, or as the file
     * {@code make -f} reads. A file a command only reads ({@code grep x FILE}) is not run.
     */
    private static boolean names(String command, String path) {
        for (String segment : command.split("&&|\\|\\||[;|&\\n]")) {
            List<String> words = new java.util.ArrayList<>();
            for (String word : segment.strip().split("\\s+")) {
                String w = word.replaceAll("^['\"]+|['\"]+$", "");
                while (w.startsWith("./")) {
                    w = w.substring(2);
                }
                if (!w.isEmpty() && !(words.isEmpty() && w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                    words.add(w);
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equals(path)) {
                return true;
            }
            String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
            boolean interpreter = INTERPRETERS.contains(program.replaceAll("[0-9.]+$", ""));
            boolean make = program.equals("make") || program.equals("gmake");
            for (int i = 1; i < words.size(); i++) {
                String w = words.get(i);
                if (make) {
                    if ((w.equals("-f") || w.equals("--file")) && i + 1 < words.size() && words.get(i + 1).equals(path)) {
                        return true;
                    }
                } else if (interpreter && !w.startsWith("-")) {
                    if (w.equals(path)) {
                        return true;
                    }
                    break; // the script; what follows are its arguments
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> INTERPRETERS = java.util.Set.of("sh", "bash", "zsh", "dash", "ksh",
            "python", "node", "ruby", "perl", "php", "pwsh", "powershell", "deno", "bun", "tsx", "ts-node", "groovy",
            "jshell", "source", ".");
}
