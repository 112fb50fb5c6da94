package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.spec.FrontMatter;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrontMatterUpdateTest {
    private static final String PATH = "contracts/specs/a.md";
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

    /** A spec written the way people write them: comments, mixed quoting, unknown keys, odd spacing. */
    private static final String HAND_WRITTEN = "---\n"
            + "# The catalog id; never change it\n"
            + "id: feature-001   # stable\n"
            + "title: 'User login: the \"fast\" path'\n"
            + "status: \"draft\"\n"
            + "created: 2026-01-07\n"
            + "updated:   2026-01-07\n"
            + "author:\n"
            + "tags:\n"
            + "  - auth   # first\n"
            + "  - backend\n"
            + "reviewers: {lead: grace, second: linus}\n"
            + "x-custom: keep me\n"
            + "priority: high\n"
            + "---\n"
            + "\n"
            + "# User login\n"
            + "\n"
            + "## Overview\n"
            + "\n"
            + "Text.\n";

    @TempDir
    Path root;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("plain", HAND_WRITTEN),
                Arguments.of("crlf", HAND_WRITTEN.replace("\n", "\r\n")),
                Arguments.of("bom", "\uFEFF" + HAND_WRITTEN),
                Arguments.of("bom and crlf", "\uFEFF" + HAND_WRITTEN.replace("\n", "\r\n")),
                Arguments.of("no newline at end", HAND_WRITTEN.strip()),
                Arguments.of("unicode", HAND_WRITTEN.replace("User login", "Connexion 🔐 rapide")));
    }

    private SpecificationRepository repo(String content) throws IOException {
        Path file = Projects.write(root, PATH, content);
        Files.setLastModifiedTime(file, OLD);
        return Projects.specs(root);
    }

    /** Every front matter field written back as YAML text, the way an application would. */
    private static Map<String, String> asYaml(FrontMatter fm) {
        Map<String, String> out = new LinkedHashMap<>();
        fm.values().forEach((k, v) -> {
            if (v == null) {
                out.put(k, "");
            } else if (v instanceof List) {
                List<String> items = new ArrayList<>();
                ((List<?>) v).forEach(i -> items.add(dev.codefactory.domain.yaml.YamlText.scalar(i.toString())));
                out.put(k, "[" + String.join(", ", items) + "]");
            } else if (v instanceof Map) {
                List<String> items = new ArrayList<>();
                ((Map<?, ?>) v).forEach((a, b) -> items.add(a + ": " + b));
                out.put(k, "{" + String.join(", ", items) + "}");
            } else {
                out.put(k, dev.codefactory.domain.yaml.YamlText.scalar(v.toString()));
            }
        });
        return out;
    }

    // covers feature-001/NFR-001
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writing_back_the_current_values_leaves_the_file_byte_identical(String name, String content)
            throws IOException {
        SpecificationRepository repo = repo(content);
        byte[] before = Projects.bytes(root, PATH);
        FrontMatter fm = assertInstanceOf(SpecSource.Parsed.class, repo.load(PATH)).frontMatter();
        repo.updateFields(PATH, asYaml(fm));
        assertArrayEquals(before, Projects.bytes(root, PATH));
        assertEquals(OLD, Files.getLastModifiedTime(root.resolve(PATH)), "the file was rewritten");
    }

    // covers feature-001/NFR-001
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void changing_status_changes_exactly_that_line(String name, String content) throws IOException {
        SpecificationRepository repo = repo(content);
        byte[] before = Projects.bytes(root, PATH);
        repo.updateFields(PATH, Map.of("status", "approved"));
        List<String> oldLines = lines(before);
        List<String> newLines = lines(Projects.bytes(root, PATH));
        assertEquals(oldLines.size(), newLines.size());
        for (int i = 0; i < oldLines.size(); i++) {
            if (oldLines.get(i).startsWith("status:")) {
                assertEquals(oldLines.get(i).endsWith("\r") ? "status: approved\r" : "status: approved",
                        newLines.get(i));
            } else {
                assertEquals(oldLines.get(i), newLines.get(i), "line " + (i + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void adding_a_missing_field_inserts_one_line_before_the_closing_fence(String name, String content)
            throws IOException {
        SpecificationRepository repo = repo(content);
        List<String> oldLines = lines(Projects.bytes(root, PATH));
        repo.updateFields(PATH, Map.of("reviewed", "2026-11-25"));
        List<String> newLines = lines(Projects.bytes(root, PATH));
        int close = oldLines.subList(1, oldLines.size()).indexOf(oldLines.get(0).endsWith("\r") ? "---\r" : "---") + 1;
        List<String> expected = new ArrayList<>(oldLines);
        expected.add(close, oldLines.get(close).endsWith("\r") ? "reviewed: 2026-11-25\r" : "reviewed: 2026-11-25");
        assertEquals(expected, newLines);
    }

    // covers feature-001/FR-002
    @Test
    void unknown_keys_survive_an_update() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("status", "approved", "updated", "2026-11-25"));
        FrontMatter fm = assertInstanceOf(SpecSource.Parsed.class, repo.load(PATH)).frontMatter();
        assertEquals("keep me", fm.get("x-custom"));
        assertEquals(Map.of("lead", "grace", "second", "linus"), fm.get("reviewers"));
        assertEquals("approved", fm.get("status"));
        assertEquals("2026-11-25", fm.get("updated"));
        assertEquals(List.of("id", "title", "status", "created", "updated", "author", "tags", "reviewers",
                "x-custom", "priority"), List.copyOf(fm.values().keySet()));
    }

    @Test
    void sets_a_quoted_value_keeping_the_comment_after_it() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("id", "\"a: quoted\""));
        assertEquals("id: \"a: quoted\"   # stable", lines(Projects.bytes(root, PATH)).get(2));
    }

    @Test
    void fills_an_empty_value() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("author", "ada"));
        assertEquals("author: ada", lines(Projects.bytes(root, PATH)).get(7));
    }

    @Test
    void replaces_a_block_list_and_keeps_the_next_fields() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("tags", "[security]"));
        String text = Projects.read(root, PATH);
        assertEquals(HAND_WRITTEN.replace("tags:\n  - auth   # first\n  - backend\n", "tags: [security]\n"), text);
    }

    @Test
    void replaces_a_literal_block_value() throws IOException {
        SpecificationRepository repo = repo("---\nid: x\nnotes: |\n  line one\n  line two\n\n# next\nstatus: draft\n"
                + "---\nbody\n");
        repo.updateFields(PATH, Map.of("notes", "short"));
        assertEquals("---\nid: x\nnotes: short\n\n# next\nstatus: draft\n---\nbody\n", Projects.read(root, PATH));
    }

    @Test
    void a_value_written_differently_but_equal_is_left_alone() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("status", "draft", "tags", "[auth, backend]", "created", "\"2026-01-07\""));
        assertArrayEquals(HAND_WRITTEN.getBytes(StandardCharsets.UTF_8), Projects.bytes(root, PATH));
        assertEquals(OLD, Files.getLastModifiedTime(root.resolve(PATH)));
    }

    @Test
    void adds_fields_to_an_empty_front_matter() throws IOException {
        SpecificationRepository repo = repo("---\r\n---\r\nbody\r\n");
        repo.updateFields(PATH, new LinkedHashMap<>(Map.of("status", "draft")));
        assertEquals("---\r\nstatus: draft\r\n---\r\nbody\r\n", Projects.read(root, PATH));
    }

    @Test
    void refuses_an_edit_that_would_break_an_alias_and_leaves_the_file_alone() throws IOException {
        String anchored = "---\nid: x\nowner: &who ada\nauthor: *who\n---\nbody\n";
        SpecificationRepository repo = repo(anchored);
        assertThrows(StorageException.class, () -> repo.updateFields(PATH, Map.of("owner", "grace")));
        assertEquals(anchored, Projects.read(root, PATH));
    }

    @Test
    void refuses_to_update_a_spec_whose_front_matter_is_broken() throws IOException {
        String broken = "---\nid: x\ntitle: [unclosed\n---\nbody\n";
        SpecificationRepository repo = repo(broken);
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> repo.updateFields(PATH, Map.of("status", "approved")));
        assertEquals(Rule.FRONT_MATTER_SYNTAX.id(), e.findings().get(0).ruleId());
        assertEquals(broken, Projects.read(root, PATH));
    }

    @Test
    void refuses_a_value_that_is_not_one_line_of_yaml() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        assertThrows(IllegalArgumentException.class, () -> repo.updateFields(PATH, Map.of("status", "a\nb: c")));
        assertThrows(IllegalArgumentException.class, () -> repo.updateFields(PATH, Map.of("status", "a: b")));
        assertEquals(HAND_WRITTEN, Projects.read(root, PATH));
    }

    @Test
    void updating_a_missing_spec_throws_not_found() {
        assertThrows(SpecNotFoundException.class,
                () -> Projects.specs(root).updateFields("contracts/specs/none.md", Map.of("status", "approved")));
    }

    @Test
    void leaves_no_temporary_file_behind() throws IOException {
        SpecificationRepository repo = repo(HAND_WRITTEN);
        repo.updateFields(PATH, Map.of("status", "approved"));
        try (Stream<Path> files = Files.list(root.resolve("contracts/specs"))) {
            assertEquals(List.of("a.md"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Lines split on \n only, so that a \r stays visible at the end of its line. */
    private static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    }
}
