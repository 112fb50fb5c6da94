package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.spec.FrontMatter;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReadingTest {
    private static final String PATH = "contracts/specs/a.md";

    /** Holds the project and, beside it, a folder outside the project. */
    @TempDir
    Path base;
    Path root;
    Path elsewhere;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(base.resolve("project"));
        elsewhere = Files.createDirectories(base.resolve("elsewhere"));
    }

    private SpecSource.Parsed parsed(String content) {
        Projects.write(root, PATH, content);
        return assertInstanceOf(SpecSource.Parsed.class, Projects.specs(root).load(PATH));
    }

    private Finding unreadable(String content) {
        Projects.write(root, PATH, content);
        return assertInstanceOf(SpecSource.Unreadable.class, Projects.specs(root).load(PATH)).problem();
    }

    @Test
    void reads_front_matter_values_with_the_core_schema() {
        FrontMatter fm = parsed("---\nid: feature-001\ncreated: 2026-01-07\ncount: 3\nbig: 99999999999\nratio: 1.5\n"
                + "done: true\nempty:\ntags: [a, b]\nnested: {k: v}\n---\nbody\n").frontMatter();
        assertEquals(List.of("id", "created", "count", "big", "ratio", "done", "empty", "tags", "nested"),
                List.copyOf(fm.values().keySet()));
        assertEquals("2026-01-07", fm.get("created"));
        assertEquals(3, fm.get("count"));
        assertEquals(99999999999L, fm.get("big"));
        assertEquals(1.5, fm.get("ratio"));
        assertEquals(true, fm.get("done"));
        assertTrue(fm.has("empty"));
        assertEquals(null, fm.get("empty"));
        assertEquals(List.of("a", "b"), fm.get("tags"));
        assertEquals(Map.of("k", "v"), fm.get("nested"));
    }

    @Test
    void records_the_file_line_of_each_key_and_of_the_fences() {
        SpecSource.Parsed spec = parsed("---\n# a comment\nid: x\n\ntitle: T\n---\n# T\n");
        FrontMatter fm = spec.frontMatter();
        assertEquals(3, fm.lineOf("id"));
        assertEquals(5, fm.lineOf("title"));
        assertEquals(1, fm.openLine());
        assertEquals(6, fm.closeLine());
    }

    @Test
    void keeps_the_body_as_written_with_the_line_it_starts_on() {
        SpecSource.Parsed spec = parsed("---\nid: x\n---\n\n# Title\r\ntext  \n");
        assertEquals("\n# Title\r\ntext  \n", spec.body());
        assertEquals(4, spec.bodyLine());
    }

    @Test
    void accepts_a_byte_order_mark_crlf_and_a_dots_closing_fence() {
        SpecSource.Parsed spec = parsed("\uFEFF---  \r\nid: x\r\n...\r\nbody\r\n");
        assertEquals("x", spec.frontMatter().get("id"));
        assertEquals("body\r\n", spec.body());
    }

    @Test
    void rejects_spec_without_front_matter() {
        Finding f = unreadable("# Just a title\n\n---\nid: x\n---\n");
        assertEquals(Rule.FRONT_MATTER_MISSING.id(), f.ruleId());
        assertEquals(1, f.line());
        assertEquals(PATH, f.file());
    }

    @Test
    void rejects_front_matter_that_is_never_closed() {
        Finding f = unreadable("---\nid: x\ntitle: y\n\n# Title\n");
        assertEquals(Rule.FRONT_MATTER_MISSING.id(), f.ruleId());
        assertEquals("front matter opened on line 1 is never closed with ---", f.message());
    }

    @Test
    void reports_invalid_yaml_on_its_file_line() {
        Finding f = unreadable("---\nid: x\ntitle: y\nstatus: a: b\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(4, f.line());
        assertTrue(f.message().contains("mapping values are not allowed here"), f.message());
    }

    @Test
    void rejects_front_matter_that_is_a_list() {
        Finding f = unreadable("---\n- id\n- title\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(2, f.line());
        assertTrue(f.message().contains("must be a mapping"), f.message());
    }

    @Test
    void rejects_duplicate_keys_on_the_second_one() {
        Finding f = unreadable("---\nid: x\ntitle: y\nid: z\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(4, f.line());
        assertTrue(f.message().contains("'id' appears twice"), f.message());
    }

    @Test
    void rejects_duplicate_keys_inside_a_nested_mapping() {
        Finding f = unreadable("---\nid: x\nmeta:\n  a: 1\n  a: 2\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(5, f.line());
    }

    @Test
    void rejects_an_alias_that_refers_to_itself() {
        Finding f = unreadable("---\nid: x\nloop: &a [*a]\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(3, f.line());
    }

    @Test
    void rejects_an_alias_bomb() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        Finding f = unreadable(yaml.append("---\nbody\n").toString());
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
    }

    @Test
    void rejects_unknown_yaml_tags() {
        Finding f = unreadable("---\nid: !include other.yaml\n---\nbody\n");
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), f.ruleId());
        assertEquals(2, f.line());
    }

    @Test
    void rejects_non_utf8_text_naming_the_line_and_byte() {
        byte[] head = "---\nid: x\ntitle: caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n---\nbody\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Projects.writeBytes(root, PATH, all);
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, Projects.specs(root).load(PATH)).problem();
        assertEquals(Rule.FILE_ENCODING.id(), f.ruleId());
        assertEquals(3, f.line());
        assertEquals("is not UTF-8 text: invalid byte 0xE9 on line 3; save it as UTF-8", f.message());
    }

    @Test
    void rejects_binary_data() {
        Projects.writeBytes(root, PATH, new byte[] {'-', '-', '-', '\n', 'a', 0, 'b', '\n'});
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, Projects.specs(root).load(PATH)).problem();
        assertEquals(Rule.FILE_BINARY.id(), f.ruleId());
        assertEquals("holds binary data (a NUL byte at offset 5); contracts are text", f.message());
    }

    @Test
    void rejects_a_file_over_the_size_limit() throws IOException {
        Path file = Projects.write(root, PATH, "---\nid: x\n---\n");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024);
        }
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, Projects.specs(root).load(PATH)).problem();
        assertEquals(Rule.FILE_SIZE.id(), f.ruleId());
        assertEquals("is 50.0 MiB, over the limit of 1.0 MiB for a contract; split it into smaller contracts",
                f.message());
    }

    @Test
    void checks_the_size_before_reading_anything() throws IOException {
        // 64 GiB of holes: reading it would take minutes and cannot fit in an array
        Path file = Projects.write(root, PATH, "---\nid: x\n---\n");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(64L * 1024 * 1024 * 1024);
        }
        long start = System.nanoTime();
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, Projects.specs(root).load(PATH)).problem();
        assertEquals(Rule.FILE_SIZE.id(), f.ruleId());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long: the file was read");
    }

    @Test
    void applies_the_configured_size_limit() {
        Projects.write(root, PATH, Projects.spec("feature-001"));
        SpecificationRepository small = new MarkdownSpecificationRepositoryProvider()
                .create(Projects.context(root, 100));
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, small.load(PATH)).problem();
        assertEquals(Rule.FILE_SIZE.id(), f.ruleId());
        assertTrue(f.message().contains("100 bytes"), f.message());
    }

    @Test
    void parse_reads_text_without_storage() {
        SpecSource source = Projects.specs(root).parse("contracts/specs/new.md", Projects.spec("feature-009"));
        assertEquals("feature-009", assertInstanceOf(SpecSource.Parsed.class, source).frontMatter().get("id"));
        assertTrue(Files.notExists(root.resolve("contracts")));
    }

    @Test
    void parse_reports_problems_like_load() {
        SpecSource source = Projects.specs(root).parse(PATH, "no front matter\n");
        assertEquals(Rule.FRONT_MATTER_MISSING.id(),
                assertInstanceOf(SpecSource.Unreadable.class, source).problem().ruleId());
    }

    @Test
    void load_of_a_missing_file_throws_not_found() {
        assertThrows(SpecNotFoundException.class, () -> Projects.specs(root).load("contracts/specs/none.md"));
    }

    @Test
    void load_all_reads_every_kind_sorted_by_path_and_skips_readmes() {
        Projects.write(root, "contracts/specs/b.md", Projects.spec("feature-002"));
        Projects.write(root, "contracts/specs/a.md", Projects.spec("feature-001"));
        Projects.write(root, "contracts/specs/sub/c.md", Projects.spec("feature-003"));
        Projects.write(root, "contracts/specs/README.md", "# not a spec\n");
        Projects.write(root, "contracts/specs/notes.txt", "not markdown\n");
        Projects.write(root, "contracts/decisions/adr-001.md", "broken\n");
        Projects.write(root, "contracts/README.md", "# index\n");
        Projects.write(root, "contracts/other/x.md", Projects.spec("feature-004"));
        List<String> paths = Projects.specs(root).loadAll().stream().map(SpecSource::path).toList();
        assertEquals(List.of("contracts/decisions/adr-001.md", "contracts/specs/a.md", "contracts/specs/b.md",
                "contracts/specs/sub/c.md"), paths);
    }

    // covers feature-013/NFR-004
    @Test
    void a_listing_names_the_files_load_all_reads_and_hands_each_over_as_it_is_read_in_path_order() {
        Projects.write(root, "contracts/specs/b.md", Projects.spec("feature-002"));
        Projects.write(root, "contracts/specs/a.md", Projects.spec("feature-001"));
        Projects.write(root, "contracts/decisions/adr-001.md", "broken\n");
        var repo = Projects.specs(root);

        var listing = repo.listAll();
        Projects.write(root, "contracts/specs/c.md", Projects.spec("feature-003")); // after listing: not read

        assertEquals(List.of("contracts/decisions/adr-001.md", "contracts/specs/a.md", "contracts/specs/b.md"),
                listing.paths());
        assertEquals(List.of("contracts/decisions/adr-001.md:Unreadable", "contracts/specs/a.md:Parsed",
                "contracts/specs/b.md:Parsed"), listing.read(s -> s.path() + ":" + s.getClass().getSimpleName()));
        assertEquals(repo.loadAll().stream().map(SpecSource::path).toList(), repo.listAll().paths());
    }

    @Test
    void load_all_returns_nothing_when_the_folders_are_missing() {
        assertEquals(List.of(), Projects.specs(root).loadAll());
    }

    @Test
    void load_all_reports_a_symlink_to_a_file_outside_the_project() throws IOException {
        Path outside = Projects.write(elsewhere, "secret.md", Projects.spec("feature-666"));
        Files.createDirectories(root.resolve("contracts/specs"));
        Files.createSymbolicLink(root.resolve("contracts/specs/link.md"), outside);
        List<SpecSource> all = Projects.specs(root).loadAll();
        assertEquals(1, all.size());
        Finding f = assertInstanceOf(SpecSource.Unreadable.class, all.get(0)).problem();
        assertEquals(Rule.FILE_OUTSIDE_PROJECT.id(), f.ruleId());
        assertEquals("contracts/specs/link.md", f.file());
        assertEquals(0, f.line());
    }

    @Test
    void load_reports_a_symlink_to_a_file_outside_the_project_without_reading_it() throws IOException {
        Path outside = Projects.write(elsewhere, "secret.md", Projects.spec("feature-666"));
        Files.createDirectories(root.resolve("contracts/specs"));
        Files.createSymbolicLink(root.resolve("contracts/specs/link.md"), outside);
        Finding f = assertInstanceOf(SpecSource.Unreadable.class,
                Projects.specs(root).load("contracts/specs/link.md")).problem();
        assertEquals(Rule.FILE_OUTSIDE_PROJECT.id(), f.ruleId());
        assertEquals("is a symlink to a file outside the project", f.message());
    }

    @Test
    void load_all_reads_a_symlink_to_a_file_inside_the_project() throws IOException {
        Path target = Projects.write(root, "docs/shared.md", Projects.spec("feature-007"));
        Files.createDirectories(root.resolve("contracts/specs"));
        Files.createSymbolicLink(root.resolve("contracts/specs/shared.md"), target);
        SpecSource only = Projects.specs(root).loadAll().get(0);
        assertEquals("feature-007", assertInstanceOf(SpecSource.Parsed.class, only).frontMatter().get("id"));
    }

    @Test
    void load_all_does_not_follow_symlinked_folders() throws IOException {
        Projects.write(elsewhere, "secret.md", Projects.spec("feature-666"));
        Projects.write(root, "contracts/specs/a.md", Projects.spec("feature-001"));
        Files.createSymbolicLink(root.resolve("contracts/specs/linked"), elsewhere);
        List<String> paths = Projects.specs(root).loadAll().stream().map(SpecSource::path).toList();
        assertEquals(List.of("contracts/specs/a.md"), paths);
    }

    @Test
    void load_all_keeps_unreadable_files_with_their_problem() {
        Projects.write(root, "contracts/specs/good.md", Projects.spec("feature-001"));
        Projects.write(root, "contracts/specs/bad.md", "no front matter\n");
        List<SpecSource> all = Projects.specs(root).loadAll();
        assertInstanceOf(SpecSource.Unreadable.class, all.get(0));
        assertInstanceOf(SpecSource.Parsed.class, all.get(1));
    }
}
