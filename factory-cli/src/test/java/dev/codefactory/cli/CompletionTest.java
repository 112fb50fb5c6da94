package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code factory completion}: the scripts are valid for their shells, and bash, sourcing the real script, completes
 * commands, options, statuses and a real project's spec ids and tags through a {@code factory} on the PATH that runs
 * this build's CLI in a child JVM.
 */
class CompletionTest {
    private static final String HOSTILE = "---\nid: feature-002\ntitle: \"Evil \\e]0;owned\\a title\"\nstatus: draft\n"
            + "created: 2026-01-01\nupdated: 2026-01-01\n"
            + "tags: [\"bad\\e[2Jtag\", \"$(touch owned)\", \"bidi\\u202Etag\"]\n---\n\n"
            + "# Evil\n\n## Overview\n\nText.\n\n## Requirements\n\n- FR-001: Something.\n";

    @TempDir
    Path dir;

    private TestProject p;

    @BeforeEach
    void project() throws IOException {
        p = TestProject.initialised(Files.createDirectories(dir.resolve("project")));
        Result made = p.run("spec", "new", "User login", "--tags", "auth,api");
        assertEquals(0, made.exit(), made.err());
        p.write("contracts/specs/evil.md", HOSTILE);
    }

    @Test
    void the_bash_script_is_valid_bash() throws Exception {
        Path script = script("bash");
        Shell check = shell(List.of("bash", "-n", script.toString()));
        assertEquals(0, check.exit(), check.err());
    }

    @Test
    void the_zsh_script_is_valid_zsh_when_zsh_is_installed() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed");
        Shell check = shell(List.of("zsh", "-n", script("zsh").toString()));
        assertEquals(0, check.exit(), check.err());
    }

    @Test
    void the_fish_script_is_valid_fish_when_fish_is_installed() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        Shell check = shell(List.of("fish", "--no-execute", script("fish").toString()));
        assertEquals(0, check.exit(), check.err());
    }

    @Test
    void the_zsh_script_is_the_bash_one_through_bashcompinit() {
        String zsh = p.run("completion", "zsh").out();
        assertTrue(zsh.contains("bashcompinit"), zsh);
        assertTrue(zsh.contains("complete -F _factory factory"), zsh);
    }

    @Test
    void an_unknown_shell_is_a_usage_error_that_names_the_three() {
        Result r = p.run("completion", "powershell");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("'powershell'") && r.err().contains("bash, zsh or fish"), r.err());
        assertEquals("", r.out());
        Result none = p.run("completion");
        assertEquals(ExitCodes.USAGE, none.exit());
        assertTrue(none.err().contains("bash, zsh or fish"), none.err());
    }

    @Test
    void help_explains_how_to_install_each_script() {
        Result r = p.run("completion", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("source <(factory completion bash)"), r.out());
        assertTrue(r.out().contains("~/.local/share/bash-completion/completions/factory"), r.out());
        assertTrue(r.out().contains("source <(factory completion zsh)"), r.out());
        assertTrue(r.out().contains("~/.config/fish/completions/factory.fish"), r.out());
        assertFalse(p.run("--help").out().contains(" values"), "the scripts' own command is hidden");
    }

    @Test
    void values_lists_the_projects_ids_and_tags_without_control_characters() {
        Result ids = p.run("completion", "values", "ids");
        assertEquals(0, ids.exit(), ids.err());
        assertEquals("feature-001\nfeature-002\n", ids.out());
        Result tags = p.run("completion", "values", "tags");
        assertEquals(0, tags.exit(), tags.err());
        assertEquals(List.of("$(touch owned)", "api", "auth", "bad[2Jtag", "biditag"), tags.out().lines().toList());
        assertTrue(tags.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x07), tags.out());
    }

    @Test
    void values_prints_nothing_outside_a_project_or_for_an_unknown_kind() throws IOException {
        TestProject plain = TestProject.plainFolder(Files.createDirectories(dir.resolve("plain")));
        Result outside = plain.run("completion", "values", "ids");
        assertEquals("", outside.out() + outside.err());
        assertEquals(ExitCodes.FAILURE, outside.exit());
        Result unknown = p.run("completion", "values", "titles");
        assertEquals("", unknown.out() + unknown.err());
        assertEquals(ExitCodes.USAGE, unknown.exit());
    }

    @Test
    void the_tables_of_ids_and_tags_name_arguments_that_exist() {
        StringWriter sink = new StringWriter();
        Session quiet = new Session(new PrintWriter(sink), new PrintWriter(sink), dir, Map.of(), false);
        CommandLine full = CommandTree.full(new FactoryCommand(quiet, new Interrupts(quiet.err())));
        List<Map<Class<?>, List<String>>> tables = List.of(CompletionScript.SPEC_IDS, CompletionScript.TAGS);
        List<String> named = new ArrayList<>();
        collectArguments(full, named);
        for (Map<Class<?>, List<String>> table : tables) {
            table.forEach((type, keys) -> keys.forEach(key -> assertTrue(named.contains(type.getName() + " " + key),
                    type.getSimpleName() + " has no argument " + key)));
        }
    }

    private static void collectArguments(CommandLine command, List<String> named) {
        String type = command.getCommand().getClass().getName();
        command.getCommandSpec().options().forEach(o -> List.of(o.names()).forEach(n -> named.add(type + " " + n)));
        command.getCommandSpec().positionalParameters().forEach(a -> named.add(type + " " + a.paramLabel()));
        command.getSubcommands().values().forEach(sub -> collectArguments(sub, named));
    }

    @Test
    void bash_completes_commands_subcommands_and_options() throws Exception {
        assertEquals(List.of("spec"), complete("factory", "sp"));
        assertEquals(List.of("new", "list", "show", "validate", "status", "index", "ids"),
                complete("factory", "spec", ""));
        assertTrue(complete("factory", "").contains("completion"));
        assertFalse(complete("factory", "completion", "").contains("values"), "hidden");
        assertEquals(List.of("bash"), complete("factory", "completion", "ba"));
        assertEquals(List.of("--status"), complete("factory", "spec", "list", "--st"));
        assertTrue(complete("factory", "-C", ".", "spec", "list", "--").contains("--json"));
    }

    @Test
    void bash_completes_statuses_after_status_options_and_as_status_arguments() throws Exception {
        List<String> statuses = List.of("draft", "approved", "implemented", "deprecated");
        assertEquals(statuses, complete("factory", "spec", "list", "--status", ""));
        assertEquals(List.of("draft", "deprecated"), complete("factory", "spec", "list", "--status", "=", "d"));
        assertEquals(statuses, complete("factory", "spec", "status", "feature-001", ""));
    }

    @Test
    void bash_completes_the_spec_ids_of_the_project() throws Exception {
        assertEquals(List.of("feature-001", "feature-002"), complete("factory", "spec", "show", ""));
        assertEquals(List.of("feature-001", "feature-002"), complete("factory", "spec", "status", "f"));
        assertEquals(List.of("feature-001", "feature-002"), complete("factory", "review", "--spec", ""));
        assertEquals(List.of(), complete("factory", "spec", "show", "feature-001", ""), "show takes one id");
    }

    @Test
    void bash_completes_ids_of_the_project_named_with_dash_c_from_elsewhere() throws Exception {
        assertEquals(List.of("feature-001", "feature-002"),
                completeIn(dir, "factory", "-C", p.root.toString(), "spec", "show", ""));
        assertEquals(List.of(), completeIn(dir, "factory", "spec", "show", ""), "no project here");
    }

    @Test
    void bash_completes_tags_quoted_and_never_runs_or_shows_what_they_hold() throws Exception {
        List<String> tags = complete("factory", "spec", "list", "--tag", "");
        assertEquals(List.of("\\$\\(touch\\ owned\\)", "api", "auth", "bad\\[2Jtag", "biditag"), tags);
        assertFalse(Files.exists(p.root.resolve("owned")), "a tag was run");
    }

    @Test
    void zsh_completes_commands_statuses_and_ids_through_bashcompinit_when_zsh_is_installed() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed");
        Path script = script("zsh");
        // what zsh's _bash_complete does on Tab: COMP_WORDS and COMP_CWORD set, then bashcompinit's compgen -F
        String call = "autoload -U compinit && compinit -u\nsource \"$1\"\n"
                + "t() { local -a COMP_WORDS COMPREPLY; local COMP_CWORD; COMP_WORDS=(\"$@\");"
                + " COMP_CWORD=$(( $# - 1 )); compgen -F _factory -- \"${@[-1]}\"; }\n"
                + "t factory sp; echo --; t factory spec show ''; echo --; t factory spec list --status d\n";
        Shell run = shell(List.of("zsh", "-f", "-c", call, "completion-test", script.toString()));
        assertEquals(0, run.exit(), run.err());
        assertEquals("spec\n--\nfeature-001\nfeature-002\n--\ndraft\ndeprecated\n", run.out());
    }

    @Test
    void fish_completes_commands_statuses_ids_and_tags_when_fish_is_installed() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        Path script = script("fish");
        String call = "source $argv[1]\nfor line in 'factory sp' 'factory spec show ' 'factory spec list --status d'"
                + " 'factory spec list --tag '\n    complete -C $line\n    echo ==\nend\n";
        Shell run = shell(List.of("fish", "--no-config", "-c", call, script.toString()));
        assertEquals(0, run.exit(), run.err());
        assertEquals("spec\n==\nfeature-001\nfeature-002\n==\ndeprecated\ndraft\n==\n$(touch owned)\napi\nauth\n"
                + "bad[2Jtag\nbiditag\n==\n", run.out());
        assertFalse(Files.exists(p.root.resolve("owned")), "a tag was run");
    }

    // ---- running the scripts ----

    private record Shell(int exit, String out, String err) {
    }

    private Path script(String shell) throws IOException {
        Result r = p.run("completion", shell);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return Files.writeString(dir.resolve("factory." + shell), r.out(), StandardCharsets.UTF_8);
    }

    /** What bash's completion offers for {@code words}, the last one being completed, in the project. */
    private List<String> complete(String... words) throws Exception {
        return completeIn(p.root, words);
    }

    private List<String> completeIn(Path folder, String... words) throws Exception {
        Path script = script("bash");
        StringBuilder call = new StringBuilder("source \"$1\"\nCOMP_WORDS=(");
        for (String w : words) {
            call.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        call.append(" )\nCOMP_CWORD=").append(words.length - 1)
                .append("\n_factory\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
        List<String> command = List.of("bash", "--norc", "--noprofile", "-c", call.toString(), "completion-test",
                script.toString());
        Shell run = shell(command, folder);
        assertEquals(0, run.exit(), run.err());
        return run.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    private Shell shell(List<String> command) throws Exception {
        return shell(command, p.root);
    }

    /** Runs {@code command} in {@code folder} with a {@code factory} first on the PATH: this build's CLI. */
    private Shell shell(List<String> command, Path folder) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path factory = bin.resolve("factory");
        if (!Files.exists(factory)) {
            Files.writeString(factory, "#!/bin/sh\nexec \"$CF_TEST_JAVA\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                    + " -cp \"$CF_TEST_CLASS_PATH\" dev.codefactory.cli.Main \"$@\"\n");
            Files.setPosixFilePermissions(factory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB")
                || k.startsWith("JAVA_TOOL") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(p.env);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("CF_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CF_TEST_CLASS_PATH", System.getProperty("java.class.path"));
        Process process = pb.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the shell ended: " + command);
        return new Shell(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean installed(String program) {
        for (String folder : System.getenv("PATH").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
