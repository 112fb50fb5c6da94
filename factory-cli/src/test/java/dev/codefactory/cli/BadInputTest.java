package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.cli.TestProject.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a new user makes, each met with one line naming the file and line or field, a non-zero exit and no
 * file changed.
 */
// covers feature-001/FR-004
class BadInputTest {
    private static final String GOOD = "---\nid: feature-001\ntitle: Good\nstatus: draft\ncreated: 2026-01-07\n"
            + "updated: 2026-01-07\nauthor: ada\ntags: [a]\npriority: low\n---\n\n# Good\n\n## Overview\nFine.\n\n"
            + "## Requirements\n- It works.\n";

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    TestProject p;

    @BeforeEach
    void project() throws IOException {
        p = TestProject.initialised(dir);
        p.write("contracts/specs/good.md", GOOD);
    }

    /** Runs validate, checks exit 1, no change, and returns the lines that name {@code file}. */
    private List<String> findingsFor(String file) throws IOException {
        Map<String, String> before = p.snapshot();
        Result r = p.run("spec", "validate");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(before, p.snapshot(), "validate changed a file");
        List<String> lines = r.out().lines().filter(l -> l.startsWith(file)).collect(Collectors.toList());
        assertFalse(lines.isEmpty(), "nothing about " + file + " in:\n" + r.out());
        return lines;
    }

    @Test
    void rejects_a_spec_without_front_matter() throws IOException {
        p.write("contracts/specs/bare.md", "# Just a heading\n\nSome text.\n");
        assertEquals(List.of("contracts/specs/bare.md:1: error: does not start with front matter: the first"
                + " line must be --- followed by the YAML fields and another --- line [front-matter.missing]"),
                findingsFor("contracts/specs/bare.md"));
    }

    @Test
    void rejects_front_matter_that_is_not_valid_yaml_naming_the_line() throws IOException {
        p.write("contracts/specs/broken.md", GOOD.replace("tags: [a]", "tags: [a, b"));
        String line = findingsFor("contracts/specs/broken.md").get(0);
        assertTrue(line.matches("contracts/specs/broken\\.md:(8|9|10): error: .*\\[front-matter\\.syntax]"), line);
    }

    @Test
    void rejects_a_missing_required_field_naming_it() throws IOException {
        p.write("contracts/specs/untitled.md", GOOD.replace("title: Good\n", "").replace("feature-001", "feature-002"));
        List<String> lines = findingsFor("contracts/specs/untitled.md");
        assertEquals(List.of("contracts/specs/untitled.md:1: error: required field 'title' is missing in the front"
                + " matter [field.required]"), lines);
    }

    @Test
    void rejects_a_wrongly_typed_field_naming_it_and_its_line() throws IOException {
        p.write("contracts/specs/typed.md", GOOD.replace("title: Good", "title: [not, text]")
                .replace("feature-001", "feature-002"));
        assertEquals(List.of("contracts/specs/typed.md:3: error: field 'title' must be text, found a list"
                + " [field.type]"), findingsFor("contracts/specs/typed.md"));
    }

    @Test
    void rejects_two_specs_with_the_same_id_naming_both() throws IOException {
        p.write("contracts/specs/twin.md", GOOD.replace("title: Good", "title: Twin"));
        assertEquals(List.of("contracts/specs/twin.md:2: error: id 'feature-001' is already used by"
                + " contracts/specs/good.md; give this spec another id [id.duplicate]"),
                findingsFor("contracts/specs/twin.md"));
    }

    // covers feature-001/FR-005
    @Test
    void show_status_and_validate_of_an_id_that_two_specs_share_name_both_and_change_nothing() throws IOException {
        p.write("contracts/specs/twin.md", GOOD.replace("title: Good", "title: Twin"));
        Map<String, String> before = p.snapshot();
        for (List<String> args : List.of(List.of("spec", "show", "feature-001"),
                List.of("spec", "status", "feature-001", "approved"))) {
            Result r = p.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.FINDINGS, r.exit(), args + ": " + r.out() + r.err());
            assertEquals("", r.out(), "neither spec is shown: " + args);
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("id 'feature-001' is used by 2 contracts: contracts/specs/good.md,"
                    + " contracts/specs/twin.md"), r.err());
            assertTrue(r.err().endsWith("[id.duplicate]\n"), r.err());
        }
        assertEquals(before, p.snapshot(), "no status was changed");

        Result one = p.run("spec", "validate", "feature-001");

        assertEquals(ExitCodes.FINDINGS, one.exit(), one.out());
        assertTrue(one.out().contains("contracts/specs/twin.md:2: error: id 'feature-001' is already used by"
                + " contracts/specs/good.md"), "validating the id checks both files: " + one.out());
    }

    @Test
    void rejects_an_unknown_status() throws IOException {
        p.write("contracts/specs/done.md", GOOD.replace("status: draft", "status: done")
                .replace("feature-001", "feature-002"));
        assertEquals(List.of("contracts/specs/done.md:4: error: unknown status 'done'; use one of draft, approved,"
                + " implemented, deprecated [status.unknown]"), findingsFor("contracts/specs/done.md"));
    }

    @Test
    void rejects_a_file_that_is_not_utf8_naming_the_line() throws IOException {
        byte[] latin1 = GOOD.replace("Fine.", "Caf\u00e9.").replace("feature-001", "feature-002")
                .getBytes(StandardCharsets.ISO_8859_1);
        p.write("contracts/specs/latin.md", latin1);
        String line = findingsFor("contracts/specs/latin.md").get(0);
        assertTrue(line.startsWith("contracts/specs/latin.md:15: error: "), line);
        assertTrue(line.endsWith("[file.encoding]"), line);
    }

    @Test
    void rejects_a_50_megabyte_file_without_reading_it() throws IOException {
        Path big = dir.resolve("contracts/specs/huge.md");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        String line = findingsFor("contracts/specs/huge.md").get(0);
        assertTrue(line.startsWith("contracts/specs/huge.md: error: "), line);
        assertTrue(line.endsWith("[file.size]"), line);
    }

    @Test
    void rejects_a_binary_file_with_a_markdown_name() throws IOException {
        p.write("contracts/specs/image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        String line = findingsFor("contracts/specs/image.md").get(0);
        assertTrue(line.endsWith("[file.binary]"), line);
    }

    @Test
    void rejects_a_symlink_that_points_outside_the_project() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.md"), GOOD.replace("feature-001", "feature-009"));
        Files.createSymbolicLink(dir.resolve("contracts/specs/link.md"), secret);
        String line = findingsFor("contracts/specs/link.md").get(0);
        assertTrue(line.endsWith("[file.outside-project]"), line);
        assertFalse(line.contains("feature-009"), line);
    }

    @Test
    void refuses_to_show_a_path_outside_the_project() throws IOException {
        Map<String, String> before = p.snapshot();
        Result r = p.run("spec", "show", "../../etc/passwd");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("../../etc/passwd"), r.err());
        assertFalse(r.out().contains("root:"), r.out());
        assertEquals(before, p.snapshot());
    }

    @Test
    void refuses_to_show_a_contract_path_that_climbs_out_of_the_project() throws IOException {
        Result r = p.run("spec", "show", "contracts/specs/../../../../etc/passwd");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("refused"), r.err());
    }

    @Test
    void will_not_change_the_status_of_a_broken_spec() throws IOException {
        p.write("contracts/specs/half.md", GOOD.replace("feature-001", "feature-002")
                .replace("## Overview\nFine.\n", "## Overview\n"));
        Map<String, String> before = p.snapshot();
        Result r = p.run("spec", "status", "feature-002", "approved");
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("contracts/specs/half.md:"), r.err());
        assertTrue(r.err().contains("[section.empty]"), r.err());
        assertEquals(before, p.snapshot());
    }

    @Test
    void list_reports_broken_files_and_still_lists_the_good_ones() throws IOException {
        p.write("contracts/specs/bare.md", "no front matter\n");
        Result r = p.run("spec", "list");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("feature-001"), r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("contracts/specs/bare.md:1"), r.err());
    }
}
