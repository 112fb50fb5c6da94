package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // covers feature-002/FR-001
    @Test
    void prints_its_version() {
        Result r = TestProject.plainFolder(dir).run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("factory 0.1.0"), r.out());
    }

    // covers feature-002/FR-001
    @Test
    void help_lists_the_commands_and_the_exit_codes() {
        Result r = TestProject.plainFolder(dir).run("--help");
        assertEquals(0, r.exit());
        for (String expected : List.of("init", "spec", "Exit codes:", "Usage error", "--directory")) {
            assertTrue(r.out().contains(expected), expected + " missing from:\n" + r.out());
        }
    }

    // covers feature-002/FR-001
    @Test
    void every_command_has_help_with_its_exit_codes() {
        TestProject p = TestProject.plainFolder(dir);
        for (String[] command : List.of(new String[] {"init"}, new String[] {"spec"}, new String[] {"spec", "new"},
                new String[] {"spec", "list"}, new String[] {"spec", "show"}, new String[] {"spec", "validate"},
                new String[] {"spec", "status"}, new String[] {"spec", "index"}, new String[] {"spec", "ids"},
                new String[] {"config"},
                new String[] {"config", "list"}, new String[] {"config", "get"}, new String[] {"config", "set"},
                new String[] {"change"}, new String[] {"undo"}, new String[] {"history"})) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Result r = p.run(args);
            assertEquals(0, r.exit(), String.join(" ", args));
            assertTrue(r.out().contains("Exit codes:"), String.join(" ", args) + ":\n" + r.out());
        }
    }

    @Test
    void an_unknown_command_is_a_usage_error_with_a_hint() {
        Result r = TestProject.plainFolder(dir).run("spec", "frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Try 'factory spec --help'"), r.err());
    }

    // covers feature-002/FR-003
    @Test
    void a_missing_argument_is_a_usage_error() {
        Result r = TestProject.initialised(dir).run("spec", "new");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("TITLE"), r.err());
    }

    // covers feature-002/FR-005
    @Test
    void init_outside_a_git_repository_says_to_run_git_init_and_writes_nothing() throws IOException {
        TestProject p = TestProject.plainFolder(dir);
        Result r = p.run("init");
        assertEquals(3, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("git init"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    // covers feature-002/FR-005
    @Test
    void a_command_before_init_says_to_run_factory_init() {
        Result r = TestProject.gitRepository(dir).run("spec", "list");
        assertEquals(3, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("'factory init'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    // covers feature-001/FR-001
    @Test
    void init_lays_out_the_project_and_a_second_run_changes_nothing() throws IOException {
        TestProject p = TestProject.gitRepository(dir);
        Result first = p.run("init");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("created contracts/README.md"), first.out());
        assertTrue(Files.isDirectory(dir.resolve("contracts/specs")));
        assertTrue(p.read(".gitignore").contains(".factory/cache/"));
        Map<String, String> before = p.snapshot();
        Result second = p.run("init");
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("nothing to do"), second.out());
        assertEquals(before, p.snapshot());
    }

    // covers feature-001/FR-001
    @Test
    void git_keeps_factory_config_and_templates_and_ignores_the_machines_state() throws IOException {
        TestProject p = TestProject.gitRepository(dir);
        Result init = p.run("init");
        assertTrue(init.out().contains("Commit contracts/, reports/, .gitignore and .factory/templates/"), init.out());
        p.run("config", "set", "ui.theme", "dark");
        p.write(".factory/templates/spec.md", "---\nid: {{id}}\n---\n");
        List<String> state = List.of(".factory/cache/ab/cd.json", ".factory/drafts/intake-1.json",
                ".factory/changes/change-1.json", ".factory/audit.jsonl", ".factory/audit/2026.jsonl",
                ".factory/lock");
        for (String path : state) {
            p.write(path, "{}\n");
        }
        String status = p.git("status", "--porcelain", "--untracked-files=all");
        List<String> factoryFiles = status.lines().map(l -> l.substring(3)).filter(l -> l.startsWith(".factory/"))
                .sorted().toList();
        assertEquals(List.of(".factory/config.yaml", ".factory/templates/README.md", ".factory/templates/spec.md"),
                factoryFiles, status);
        for (String path : state) {
            assertTrue(p.git("check-ignore", "-v", path).contains(path), path + " is not ignored");
        }
    }

    // covers feature-002/FR-006
    @Test
    void works_from_a_subfolder_of_the_project() throws IOException {
        TestProject p = TestProject.initialised(dir);
        assertEquals(0, p.run("spec", "new", "Deep thought").exit());
        Files.createDirectories(dir.resolve("src/main"));
        Result r = p.run("-C", "src/main", "spec", "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Deep thought"), r.out());
    }

    // covers feature-001/FR-003, feature-002/FR-002
    @Test
    void a_spec_goes_from_creation_through_its_lifecycle() throws IOException {
        TestProject p = TestProject.initialised(dir);
        Result created = p.run("spec", "new", "User login", "--tags", "auth,security", "--priority", "high");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("feature-001"), created.out());
        assertTrue(created.out().contains("contracts/specs/user-login.md"), created.out());
        assertTrue(p.read("contracts/README.md").contains("| feature-001 | [User login](specs/user-login.md) | draft"));

        Result list = p.run("spec", "list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("feature-001") && l.contains("draft")
                && l.contains("high") && l.contains("auth,security")), list.out());

        Result show = p.run("spec", "show", "feature-001");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("## Overview"), show.out());
        assertTrue(show.out().contains("Ada Tester"), show.out());

        // a path as typed from where the person stands, or from the project root as before
        for (String[] where : new String[][] {{".", "./contracts/specs/user-login.md"},
                {"contracts", "specs/user-login.md"}, {"contracts/specs", "user-login.md"},
                {"contracts", "contracts/specs/user-login.md"},
                {"contracts/specs", "../specs/./user-login.md"}}) {
            Result byPath = p.runIn(where[0], "spec", "show", where[1]);
            assertEquals(0, byPath.exit(), where[0] + ": " + where[1] + ": " + byPath.err());
            assertTrue(byPath.out().startsWith("feature-001  User login"), byPath.out());
        }
        Result outside = p.runIn("contracts", "spec", "show", "../../elsewhere.md");
        assertEquals(2, outside.exit(), outside.err());
        assertTrue(outside.err().contains("../../elsewhere.md is not a contract"), outside.err());

        Result unfinished = p.run("spec", "status", "feature-001", "approved");
        assertEquals(1, unfinished.exit(), "the template's placeholder text is still there");
        assertTrue(unfinished.err().contains("[section.placeholder]"), unfinished.err());
        writeContent(p, "contracts/specs/user-login.md");
        Result ids = p.run("spec", "ids", "--yes");
        assertEquals(0, ids.exit(), ids.err());
        String before = p.read("contracts/specs/user-login.md");
        Result status = p.run("spec", "status", "feature-001", "approved");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("draft -> approved"), status.out());
        List<String> a = before.lines().toList();
        List<String> b = p.read("contracts/specs/user-login.md").lines().toList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).startsWith("status:")) {
                assertEquals("status: approved", b.get(i));
            } else if (a.get(i).startsWith("updated:")) {
                assertEquals("updated: " + LocalDate.now(), b.get(i));
            } else {
                assertEquals(a.get(i), b.get(i), "line " + (i + 1) + " changed");
            }
        }
        assertTrue(p.read("contracts/README.md").contains("| approved |"));

        Result validate = p.run("spec", "validate");
        assertEquals(0, validate.exit(), validate.out());
        assertTrue(validate.out().contains("1 file checked: 0 errors, 0 warnings"), validate.out());
    }

    @Test
    void spec_new_names_gits_user_name_as_the_author_as_intake_does() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.env.remove("FACTORY_AUTHOR");
        p.env.put("USER", "login-name");
        p.git("config", "user.name", "Grace Hopper");
        p.git("config", "user.email", "grace@example.com");
        Result created = p.run("spec", "new", "User login");
        assertEquals(0, created.exit(), created.err());
        assertTrue(p.read("contracts/specs/user-login.md").contains("\nauthor: Grace Hopper\n"),
                p.read("contracts/specs/user-login.md"));

        // the configuration's user.name comes before git's, FACTORY_AUTHOR before both
        p.run("config", "set", "user.name", "Configured Name");
        p.run("spec", "new", "Second");
        assertTrue(p.read("contracts/specs/second.md").contains("\nauthor: Configured Name\n"));
        p.env.put("FACTORY_AUTHOR", "Named Here");
        p.run("spec", "new", "Third");
        assertTrue(p.read("contracts/specs/third.md").contains("\nauthor: Named Here\n"));
    }

    @Test
    void a_repository_git_cannot_read_still_gets_specs_with_the_login_name_as_author() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.env.remove("FACTORY_AUTHOR");
        p.env.put("USER", "login-name");
        p.write(".git/config", "[core\n\tbroken = \"\n");
        Result created = p.run("spec", "new", "User login");
        assertEquals(0, created.exit(), created.err());
        assertTrue(p.read("contracts/specs/user-login.md").contains("\nauthor: login-name\n"));
    }

    // covers feature-001/FR-006
    @Test
    void the_projects_own_template_text_is_unfinished_work_too_and_an_outline_only_template_still_makes_drafts()
            throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write(".factory/templates/spec.md", "---\nid: {{id}}\ntitle: {{title}}\nstatus: {{status}}\n"
                + "created: {{date}}\nupdated: {{date}}\n---\n\n# {{title}}\n\n## Overview\n\n"
                + "TODO: say who uses {{title}} and why it matters to them.\n\n## Requirements\n\n### Must\n\n"
                + "<!-- one testable statement per line -->\n");
        Result created = p.run("spec", "new", "Team calendar");
        assertEquals(0, created.exit(), "a draft may be unfinished: " + created.err());
        Result validate = p.run("spec", "validate");
        assertEquals(0, validate.exit(), validate.out());
        assertTrue(validate.out().contains("contracts/specs/team-calendar.md:13: warning: '## Overview' still holds"
                + " the template's text \"TODO: say who uses Team calendar and why it matters to them.\""),
                validate.out());
        assertTrue(validate.out().contains("contracts/specs/team-calendar.md:15: warning: required section"
                + " '## Requirements' holds only sub-headings and comments"), validate.out());
        Map<String, String> before = p.snapshot();
        Result approve = p.run("spec", "status", "feature-001", "approved");
        assertEquals(1, approve.exit(), approve.err());
        assertTrue(approve.err().contains("[section.placeholder]"), approve.err());
        assertEquals(before, p.snapshot());
        // the built-in template's text counts too: this spec was written from it before the project had its own
        p.write("contracts/specs/old.md", "---\nid: feature-002\ntitle: Old\nstatus: approved\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\n---\n\n# Old\n\n## Overview\n\nDone.\n\n## Requirements\n\n"
                + "- Replace this line with the first thing the feature must do.\n");
        Result old = p.run("spec", "validate", "feature-002");
        assertEquals(1, old.exit(), old.out());
        assertTrue(old.out().contains("contracts/specs/old.md:17: error:"), old.out());
    }

    // covers feature-001/FR-003
    @Test
    void an_illegal_move_names_the_allowed_ones_and_changes_nothing() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Reports");
        Map<String, String> before = p.snapshot();
        Result r = p.run("spec", "status", "feature-001", "implemented");
        assertEquals(2, r.exit());
        assertEquals(List.of("factory: feature-001: cannot move from draft to implemented; from draft the allowed"
                + " move is: approved"), r.errLines());
        assertEquals(before, p.snapshot());
    }

    @Test
    void an_unknown_status_argument_lists_the_known_ones() {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Reports");
        Result r = p.run("spec", "status", "feature-001", "done");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown status 'done'; use one of draft, approved, implemented, deprecated"),
                r.err());
    }

    @Test
    void an_unknown_id_is_a_usage_error_pointing_at_spec_list() {
        Result r = TestProject.initialised(dir).run("spec", "show", "feature-999");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'factory spec list'"), r.err());
    }

    @Test
    void ids_count_up_per_kind_and_file_names_do_not_collide() {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Search");
        Result second = p.run("spec", "new", "Search");
        Result adr = p.run("spec", "new", "Use PostgreSQL", "--kind", "decision");
        assertTrue(second.out().contains("feature-002") && second.out().contains("contracts/specs/search-2.md"),
                second.out());
        assertTrue(adr.out().contains("adr-001") && adr.out().contains("contracts/decisions/use-postgresql.md"),
                adr.out());
        assertEquals(0, p.run("spec", "validate").exit());
    }

    // covers feature-002/FR-002
    @Test
    void filters_narrow_the_list() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Alpha", "--tags", "core");
        p.run("spec", "new", "Beta", "--priority", "critical");
        writeContent(p, "contracts/specs/beta.md");
        p.run("spec", "status", "feature-002", "approved");
        assertTrue(p.run("spec", "list", "--tag", "core").out().contains("Alpha"));
        assertFalse(p.run("spec", "list", "--tag", "core").out().contains("Beta"));
        assertTrue(p.run("spec", "list", "--status", "approved").out().contains("Beta"));
        assertFalse(p.run("spec", "list", "--status", "approved").out().contains("Alpha"));
        assertTrue(p.run("spec", "list", "--priority", "critical").out().contains("Beta"));
        assertEquals("No contracts match.", p.run("spec", "list", "--status", "deprecated").out().strip());
    }

    // covers feature-002/FR-002
    @Test
    void json_output_is_well_formed_and_complete() throws IOException {
        TestProject p = TestProject.initialised(dir);
        JsonNode created = JSON.readTree(p.run("spec", "new", "Billing", "--tags", "pay", "--json").out());
        assertEquals("feature-001", created.get("id").asText());
        JsonNode list = JSON.readTree(p.run("spec", "list", "--json").out());
        assertEquals(1, list.size());
        assertEquals("contracts/specs/billing.md", list.get(0).get("path").asText());
        assertEquals("pay", list.get(0).get("tags").get(0).asText());
        JsonNode show = JSON.readTree(p.run("spec", "show", "feature-001", "--json").out());
        assertTrue(show.get("sections").size() >= 2);
        assertEquals("Billing", show.get("sections").get(0).get("heading").asText());
        JsonNode validation = JSON.readTree(p.run("spec", "validate", "--json").out());
        assertTrue(validation.get("valid").asBoolean());
        assertEquals(1, validation.get("files").asInt());
        writeContent(p, "contracts/specs/billing.md");
        JsonNode status = JSON.readTree(p.run("spec", "status", "feature-001", "approved", "--json").out());
        assertEquals("approved", status.get("to").asText());
    }

    @Test
    void json_output_writes_yaml_nan_and_infinity_as_null_and_floats_as_plain_numbers() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Billing");
        String path = "contracts/specs/billing.md";
        p.write(path, p.read(path).replaceFirst("---\n", "---\nweight: .nan\nlimit: -.inf\nratio: 1.0\nsmall: 1.5e-3\n"));
        String out = p.run("spec", "show", "feature-001", "--json").out();
        assertFalse(out.contains("NaN") || out.contains("Infinity"), out);
        JsonNode extra = JSON.readTree(out).get("extra");
        assertTrue(extra.get("weight").isNull(), out);
        assertTrue(extra.get("limit").isNull(), out);
        assertTrue(out.contains("\"ratio\": 1,\n") && out.contains("\"small\": 0.0015\n"), out);
        assertEquals(0.0015, extra.get("small").asDouble());
    }

    @Test
    void validate_can_write_a_report() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Billing");
        Result r = p.run("spec", "validate", "--report");
        assertEquals(0, r.exit(), r.err());
        String path = "reports/validation-" + LocalDate.now(java.time.ZoneOffset.UTC) + ".md";
        assertTrue(r.out().contains("Report written to " + path), r.out());
        assertTrue(p.read(path).contains("- Errors: 0"));
        assertTrue(p.read("reports/README.md").contains("validation-"));
    }

    // covers feature-002/NFR-001
    @Test
    void colours_only_on_a_terminal_and_never_with_no_color() {
        TestProject p = TestProject.initialised(dir);
        p.run("spec", "new", "Billing");
        p.terminal = true;
        assertTrue(p.run("spec", "list").out().contains("\u001b["));
        p.env.put("NO_COLOR", "1");
        assertFalse(p.run("spec", "list").out().contains("\u001b["));
        p.env.remove("NO_COLOR");
        assertFalse(p.run("--no-color", "spec", "list").out().contains("\u001b["));
        p.terminal = false;
        assertFalse(p.run("spec", "list").out().contains("\u001b["));
        assertFalse(p.run("--help").out().contains("\u001b["));
    }

    // covers feature-001/FR-007
    @Test
    void index_lists_specs_written_by_hand_and_keeps_the_users_text() throws IOException {
        TestProject p = TestProject.initialised(dir);
        p.write("contracts/README.md", "# Our contracts\n\nWritten by us.\n\n" + p.read("contracts/README.md")
                .substring(p.read("contracts/README.md").indexOf("<!-- factory:index:start")) + "\nFooter.\n");
        p.write("contracts/specs/by-hand.md", "---\nid: feature-042\ntitle: By hand\nstatus: draft\n"
                + "created: 2026-01-01\nupdated: 2026-01-01\n---\n\n## Overview\nx\n\n## Requirements\ny\n");
        Result r = p.run("spec", "index");
        assertEquals(0, r.exit(), r.err());
        assertEquals("contracts/README.md lists 1 contract.", r.out().strip());
        String index = p.read("contracts/README.md");
        assertTrue(index.startsWith("# Our contracts\n\nWritten by us.\n"), index);
        assertTrue(index.endsWith("\nFooter.\n"), index);
        assertTrue(index.contains("| feature-042 | [By hand](specs/by-hand.md) | draft |"), index);
    }

    /** Writes the lines the template asks to replace: a spec that still holds them cannot be approved. */
    private static void writeContent(TestProject p, String path) throws IOException {
        p.write(path, p.read(path).replaceAll("(?m)^(- (?:N?FR-\\d+: )?)?.*[Rr]eplace this line with.*$",
                "$1Written by the test."));
    }
}
