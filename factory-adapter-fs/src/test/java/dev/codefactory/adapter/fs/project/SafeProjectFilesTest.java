package dev.codefactory.adapter.fs.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeProjectFilesTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private ProjectFiles files() {
        return new SafeProjectFilesProvider().create(Projects.context(root));
    }

    private ProjectFiles failingBefore(String failingPath) {
        return new SafeProjectFiles(root, (path, target) -> {
            if (path.equals(failingPath)) {
                throw new IOException("injected failure before replacing " + path);
            }
        });
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Every entry under the root (links not followed): folders as "dir/", files with their bytes and mode. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel + "/", "");
                } else {
                    String mode = posix() ? " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) : "";
                    out.put(rel, HexFormat.of().formatHex(Files.readAllBytes(p)) + mode);
                }
            }
        }
        return out;
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    // ---- path shapes ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "C:/Windows/win.ini", "c:x", "~/notes.txt", "../outside.txt",
            "src/../../outside.txt", "src/../Main.java", "src\\Main.java", "a\0b", ".git/config", "sub/.git/HEAD",
            ".GIT/config", ".Git", "deep/er/.git/hooks/pre-commit", ".git./config", "git~1/config",
            ".factory/changes/x.json", ".factory", ".FACTORY/drafts/x.json", "a//b.txt", "./a.txt", "a/./b.txt",
            "src/", "."})
    void refuses_paths_of_an_unsafe_shape_everywhere(String path) {
        ProjectFiles files = files();
        assertThrows(UnsafePathException.class, () -> files.kind(path));
        assertThrows(UnsafePathException.class, () -> files.readText(path));
        assertThrows(UnsafePathException.class, () -> files.writeAll(List.of(new FileWrite(path, "x"))));
        assertThrows(UnsafePathException.class, () -> files.writeAll(List.of(FileWrite.delete(path))));
    }

    @Test
    void tells_an_executable_file_from_a_plain_one_a_folder_and_nothing() throws IOException {
        Projects.write(root, "run.sh", "echo hi\n");
        Projects.write(root, "plain.txt", "x\n");
        Files.createDirectories(root.resolve("dir"));
        Files.setPosixFilePermissions(root.resolve("run.sh"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ProjectFiles files = files();

        assertTrue(files.executable("run.sh"));
        assertFalse(files.executable("plain.txt"));
        assertFalse(files.executable("dir"));
        assertFalse(files.executable("missing.sh"));
        assertThrows(UnsafePathException.class, () -> files.executable("../outside.sh"));
    }

    @Test
    void the_refusal_names_the_path_and_the_reason() {
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().readText("sub/.git/HEAD"));
        assertTrue(e.getMessage().startsWith("sub/.git/HEAD: refused"), e.getMessage());
        assertTrue(e.getMessage().contains(".git"), e.getMessage());
    }

    @Test
    void a_factory_folder_below_the_root_is_an_ordinary_folder() {
        files().writeAll(List.of(new FileWrite("docs/.factory/notes.md", "hi\n")));
        assertEquals("hi\n", Projects.read(root, "docs/.factory/notes.md"));
        assertEquals(FileKind.TEXT, files().kind("docs/.factory/notes.md"));
    }

    @Test
    void a_name_that_merely_contains_dot_git_is_allowed() {
        files().writeAll(List.of(new FileWrite(".gitignore", "target/\n"), new FileWrite("a/.github/ci.yml", "on:\n"),
                new FileWrite("b/x.git", "x")));
        assertEquals("target/\n", files().readText(".gitignore").orElseThrow());
        assertEquals(FileKind.TEXT, files().kind("a/.github/ci.yml"));
    }

    // ---- symbolic links ---------------------------------------------------------------------------------------------

    @Test
    void a_symlink_to_a_file_inside_is_reported_and_refused() throws IOException {
        Projects.write(root, "real.txt", "real\n");
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("real.txt"));
        assertEquals(FileKind.SYMLINK, files().kind("alias.txt"));
        assertThrows(UnsafePathException.class, () -> files().readText("alias.txt"));
        Map<String, String> before = snapshot();
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(new FileWrite("alias.txt", "new"))));
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(FileWrite.delete("alias.txt"))));
        assertEquals(before, snapshot());
    }

    @Test
    void a_path_through_a_symlinked_folder_is_a_symlink_even_when_it_stays_inside() throws IOException {
        Projects.write(root, "src/Main.java", "class Main {}\n");
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("src"));
        assertEquals(FileKind.SYMLINK, files().kind("linked/Main.java"));
        assertEquals(FileKind.SYMLINK, files().kind("linked/not-there.java"));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().readText("linked/Main.java"));
        assertTrue(e.getMessage().contains("symbolic link linked"), e.getMessage());
        Map<String, String> before = snapshot();
        assertThrows(UnsafePathException.class,
                () -> files().writeAll(List.of(new FileWrite("linked/New.java", "class New {}\n"))));
        assertEquals(before, snapshot());
    }

    @Test
    void a_symlinked_folder_leading_outside_is_refused_and_nothing_is_written_there() throws IOException {
        Files.writeString(elsewhere.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("out"), elsewhere);
        assertEquals(FileKind.SYMLINK, files().kind("out/secret.txt"));
        assertThrows(UnsafePathException.class, () -> files().readText("out/secret.txt"));
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(
                new FileWrite("fine.txt", "fine"), new FileWrite("out/secret.txt", "overwritten"))));
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(new FileWrite("out/new.txt", "x"))));
        assertEquals("secret", Files.readString(elsewhere.resolve("secret.txt")));
        assertFalse(Files.exists(elsewhere.resolve("new.txt")));
        assertFalse(Files.exists(root.resolve("fine.txt")), "nothing is written when one path is refused");
    }

    @Test
    void a_dangling_symlink_is_a_symlink() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"));
        assertEquals(FileKind.SYMLINK, files().kind("dangling"));
        assertThrows(UnsafePathException.class, () -> files().readText("dangling"));
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(new FileWrite("dangling", "x"))));
        assertFalse(Files.exists(root.resolve("nowhere")));
    }

    @Test
    void a_project_root_reached_through_a_symlink_works() throws IOException {
        Path real = Files.createDirectory(elsewhere.resolve("project"));
        Path link = Files.createSymbolicLink(root.resolve("project-link"), real);
        ProjectFiles files = new SafeProjectFilesProvider().create(Projects.context(link));
        files.writeAll(List.of(new FileWrite("src/a.txt", "a")));
        assertEquals(FileKind.TEXT, files.kind("src/a.txt"));
        assertEquals(Optional.of("a"), files.readText("src/a.txt"));
        assertEquals("a", Files.readString(real.resolve("src/a.txt")));
    }

    // ---- kind -------------------------------------------------------------------------------------------------------

    @Test
    void kind_tells_missing_text_binary_and_folder() throws IOException {
        Projects.write(root, "text.txt", "héllo\r\n");
        Projects.write(root, "empty.txt", "");
        Projects.writeBytes(root, "nul.bin", new byte[] {'a', 0, 'b'});
        Projects.writeBytes(root, "latin1.txt", "café".getBytes(StandardCharsets.ISO_8859_1));
        Projects.writeBytes(root, "broken.txt", new byte[] {'o', 'k', (byte) 0xC3, '('});
        Projects.writeBytes(root, "bom.txt", concat(BOM, "x".getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(root.resolve("folder"));
        ProjectFiles files = files();
        assertEquals(FileKind.TEXT, files.kind("text.txt"));
        assertEquals(FileKind.TEXT, files.kind("empty.txt"));
        assertEquals(FileKind.TEXT, files.kind("bom.txt"));
        assertEquals(FileKind.BINARY, files.kind("nul.bin"));
        assertEquals(FileKind.BINARY, files.kind("latin1.txt"));
        assertEquals(FileKind.BINARY, files.kind("broken.txt"));
        assertEquals(FileKind.DIRECTORY, files.kind("folder"));
        assertEquals(FileKind.MISSING, files.kind("nothing.txt"));
        assertEquals(FileKind.MISSING, files.kind("no/such/folder/file.txt"));
        assertEquals(FileKind.MISSING, files.kind("text.txt/below-a-file"));
    }

    @Test
    void invalid_utf8_far_beyond_the_first_bytes_still_makes_a_file_binary() {
        byte[] bytes = concat("a".repeat(200_000).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
        Projects.writeBytes(root, "late.txt", bytes);
        assertEquals(FileKind.BINARY, files().kind("late.txt"));
        assertThrows(UnsafePathException.class, () -> files().readText("late.txt"));
    }

    @Test
    void a_multibyte_character_across_the_sniffed_head_is_text() {
        // "é" is two bytes; put one across every buffer boundary a reader might use
        String text = "é".repeat(20_000);
        Projects.write(root, "accents.txt", "x" + text);
        assertEquals(FileKind.TEXT, files().kind("accents.txt"));
        assertEquals(Optional.of("x" + text), files().readText("accents.txt"));
    }

    @Test
    void a_nul_byte_only_after_the_sniffed_head_does_not_make_it_binary() {
        byte[] bytes = concat("a".repeat(9000).getBytes(StandardCharsets.UTF_8), new byte[] {0, 'z'});
        Projects.writeBytes(root, "late-nul.txt", bytes);
        assertEquals(FileKind.TEXT, files().kind("late-nul.txt"));
    }

    @Test
    void a_pipe_is_other() throws Exception {
        assumeTrue(posix());
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        assertEquals(FileKind.OTHER, files().kind("pipe"));
        assertThrows(UnsafePathException.class, () -> files().readText("pipe"));
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(new FileWrite("pipe", "x"))));
    }

    // ---- readText ---------------------------------------------------------------------------------------------------

    @Test
    void read_text_is_empty_for_a_missing_file() {
        assertEquals(Optional.empty(), files().readText("missing.txt"));
        assertEquals(Optional.empty(), files().readText("missing/folder/file.txt"));
    }

    @Test
    void read_text_keeps_crlf_a_bom_and_the_missing_final_newline() {
        Projects.writeBytes(root, "win.txt", concat(BOM, "line 1\r\nline 2 — ünï\r\nend".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals(Optional.of("\uFEFFline 1\r\nline 2 — ünï\r\nend"), files().readText("win.txt"));
    }

    @Test
    void read_text_refuses_binary_non_utf8_and_folders() throws IOException {
        Projects.writeBytes(root, "image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Projects.writeBytes(root, "latin1.txt", "café".getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(root.resolve("src"));
        UnsafePathException binary = assertThrows(UnsafePathException.class, () -> files().readText("image.png"));
        assertTrue(binary.getMessage().contains("binary"), binary.getMessage());
        UnsafePathException latin = assertThrows(UnsafePathException.class, () -> files().readText("latin1.txt"));
        assertTrue(latin.getMessage().contains("UTF-8"), latin.getMessage());
        UnsafePathException folder = assertThrows(UnsafePathException.class, () -> files().readText("src"));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    }

    // ---- head and readBytes -----------------------------------------------------------------------------------------

    @Test
    void head_reads_the_first_bytes_of_a_file_of_any_size_and_nothing_else() throws IOException {
        Projects.writeBytes(root, "big.bin", "0123456789".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("src"));
        assertArrayEquals("0123".getBytes(StandardCharsets.UTF_8), files().head("big.bin", 4).orElseThrow());
        assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), files().head("big.bin", 64).orElseThrow());
        assertEquals(Optional.empty(), files().head("missing.txt", 4));
        assertEquals(Optional.empty(), files().head("src", 4));
    }

    @Test
    void read_bytes_returns_any_bytes_within_the_limit_and_nothing_over_it() throws IOException {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        Projects.writeBytes(root, "latin1.txt", latin1);
        Files.createDirectories(root.resolve("src"));
        assertArrayEquals(latin1, files().readBytes("latin1.txt", latin1.length).orElseThrow());
        assertEquals(Optional.empty(), files().readBytes("latin1.txt", latin1.length - 1));
        assertEquals(Optional.empty(), files().readBytes("missing.txt", 100));
        assertEquals(Optional.empty(), files().readBytes("src", 100));
    }

    @Test
    void read_bytes_reads_a_file_that_grew_or_shrank_since_its_size_was_taken_up_to_the_limit() throws IOException {
        byte[] content = new byte[100];
        Arrays.fill(content, (byte) 'a');
        content[99] = 'z';
        Projects.writeBytes(root, "grown.txt", content);
        Path file = root.resolve("grown.txt");
        // {expected size, limit, bytes read (-1: over the limit)}
        long[][] cases = {{100, 100, 100}, {100, 99, -1}, {10, 1000, 100}, {0, 1000, 100}, {10, 50, -1},
            {10, 100, 100}, {10, 99, -1}, {200, 1000, 100}};
        for (long[] c : cases) {
            try (var channel = Files.newByteChannel(file)) {
                Optional<byte[]> read = SafeProjectFiles.readUpTo(channel, c[0], c[1]);
                String what = "expected " + c[0] + ", limit " + c[1];
                if (c[2] < 0) {
                    assertEquals(Optional.empty(), read, what);
                } else {
                    assertArrayEquals(content, read.orElseThrow(), what);
                }
            }
        }
        Projects.writeBytes(root, "empty.txt", new byte[0]);
        try (var channel = Files.newByteChannel(root.resolve("empty.txt"))) {
            assertArrayEquals(new byte[0], SafeProjectFiles.readUpTo(channel, 0, 10).orElseThrow());
        }
        assertArrayEquals(new byte[0], files().readBytes("empty.txt", 0).orElseThrow());
    }

    @Test
    void head_and_read_bytes_refuse_a_symlink() throws IOException {
        assumeTrue(posix());
        Projects.writeBytes(root, "real.txt", "text".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));
        assertThrows(UnsafePathException.class, () -> files().head("link.txt", 4));
        assertThrows(UnsafePathException.class, () -> files().readBytes("link.txt", 100));
    }

    // ---- writeAll: the happy paths ----------------------------------------------------------------------------------

    @Test
    void writes_creates_and_deletes_in_one_call_with_the_exact_bytes() {
        Projects.write(root, "README.md", "old\n");
        Projects.write(root, "src/Old.java", "class Old {}\n");
        String crlf = "line 1\r\nline 2\r\nno final newline";
        String unicode = "\uFEFFÜber 📅 編集\n\ttab\n";
        files().writeAll(List.of(new FileWrite("README.md", crlf), new FileWrite("src/main/java/New.java", unicode),
                FileWrite.delete("src/Old.java"), new FileWrite("empty.txt", "")));
        assertArrayEquals(crlf.getBytes(StandardCharsets.UTF_8), Projects.bytes(root, "README.md"));
        assertArrayEquals(unicode.getBytes(StandardCharsets.UTF_8), Projects.bytes(root, "src/main/java/New.java"));
        assertArrayEquals(new byte[0], Projects.bytes(root, "empty.txt"));
        assertFalse(Files.exists(root.resolve("src/Old.java")));
        assertEquals(FileKind.MISSING, files().kind("src/Old.java"));
    }

    @Test
    void writes_nothing_and_leaves_no_temporary_file_for_an_empty_list() throws IOException {
        Map<String, String> before = snapshot();
        files().writeAll(List.of());
        assertEquals(before, snapshot());
    }

    @Test
    void leaves_no_temporary_files_behind() throws IOException {
        Projects.write(root, "a.txt", "a");
        files().writeAll(List.of(new FileWrite("a.txt", "A"), new FileWrite("b/c.txt", "C")));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void an_executable_stays_executable_and_a_new_file_gets_the_default_permissions() throws IOException {
        assumeTrue(posix());
        Path script = Projects.write(root, "bin/run.sh", "#!/bin/sh\necho old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path reference = Files.createFile(root.resolve("reference.txt"));
        files().writeAll(List.of(new FileWrite("bin/run.sh", "#!/bin/sh\necho new\n"),
                new FileWrite("bin/new.sh", "#!/bin/sh\n")));
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), Files.getPosixFilePermissions(script));
        assertEquals("#!/bin/sh\necho new\n", Projects.read(root, "bin/run.sh"));
        assertEquals(Files.getPosixFilePermissions(reference),
                Files.getPosixFilePermissions(root.resolve("bin/new.sh")));
        assertFalse(Files.getPosixFilePermissions(root.resolve("bin/new.sh"))
                .contains(PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void a_read_only_file_keeps_its_mode_after_being_replaced() throws IOException {
        assumeTrue(posix());
        Path file = Projects.write(root, "locked.txt", "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        files().writeAll(List.of(new FileWrite("locked.txt", "new")));
        assertEquals("new", Projects.read(root, "locked.txt"));
        assertEquals(PosixFilePermissions.fromString("r--r--r--"), Files.getPosixFilePermissions(file));
    }

    // ---- writeAll: refused before anything is written ---------------------------------------------------------------

    @Test
    void deleting_a_missing_file_is_refused_naming_it_and_nothing_is_written() throws IOException {
        Projects.write(root, "a.txt", "a");
        Map<String, String> before = snapshot();
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(
                new FileWrite("a.txt", "changed"), new FileWrite("new/b.txt", "b"), FileWrite.delete("gone.txt"))));
        assertTrue(e.getMessage().startsWith("gone.txt:"), e.getMessage());
        assertTrue(e.getMessage().contains("no file to delete"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void writing_onto_a_folder_is_refused_and_nothing_is_written() throws IOException {
        Projects.write(root, "src/Main.java", "class Main {}\n");
        Map<String, String> before = snapshot();
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(
                new FileWrite("new.txt", "n"), new FileWrite("src", "not a folder"))));
        assertTrue(e.getMessage().startsWith("src:"), e.getMessage());
        assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(FileWrite.delete("src"))));
        assertEquals(before, snapshot());
    }

    @Test
    void the_same_path_twice_is_refused() throws IOException {
        Map<String, String> before = snapshot();
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(
                new FileWrite("a.txt", "1"), new FileWrite("b.txt", "b"), new FileWrite("a.txt", "2"))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void a_path_used_both_as_a_file_and_as_a_folder_is_refused() throws IOException {
        Map<String, String> before = snapshot();
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> files().writeAll(List.of(
                new FileWrite("lib/util", "a file"), new FileWrite("lib/util/Strings.java", "class Strings {}"))));
        assertTrue(e.getMessage().startsWith("lib/util:"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void content_that_is_not_encodable_as_utf8_is_refused_before_writing() throws IOException {
        Map<String, String> before = snapshot();
        assertThrows(IllegalArgumentException.class, () -> files().writeAll(List.of(
                new FileWrite("ok.txt", "ok"), new FileWrite("bad.txt", "lone \uD800 surrogate"))));
        assertEquals(before, snapshot());
    }

    // ---- writeAll: rolled back after a real failure -----------------------------------------------------------------

    /** A project with a text file, an executable, a file to delete and a file to overwrite last. */
    private void mixedProject() throws IOException {
        Projects.write(root, "README.md", "# Title\r\nold readme\r\n");
        Path script = Projects.write(root, "bin/build.sh", "#!/bin/sh\nmake\n");
        if (posix()) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Projects.write(root, "src/Obsolete.java", "class Obsolete {}\n");
        Projects.writeBytes(root, "src/Last.java", concat(BOM, "class Last {}\n".getBytes(StandardCharsets.UTF_8)));
        Projects.write(root, "notes.txt", "a file, not a folder\n");
    }

    private static List<FileWrite> mixedWrites(FileWrite last) {
        List<FileWrite> writes = new ArrayList<>(List.of(
                new FileWrite("README.md", "# Title\nnew readme\n"),
                new FileWrite("bin/build.sh", "#!/bin/sh\nmake all\n"),
                new FileWrite("src/main/java/dev/New.java", "class New {}\n"),
                FileWrite.delete("src/Obsolete.java"),
                new FileWrite("docs/guide/intro.md", "# Intro\n")));
        writes.add(last);
        return writes;
    }

    @Test
    void a_failure_while_replacing_the_last_file_puts_every_earlier_file_back() throws IOException {
        mixedProject();
        Map<String, String> before = snapshot();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> failingBefore("src/Last.java")
                .writeAll(mixedWrites(new FileWrite("src/Last.java", "class Last { int x; }\n"))));
        assertTrue(e.getMessage().contains("src/Last.java"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertTrue(e.getMessage().contains("try again"), e.getMessage());
        assertEquals(before, snapshot(), "bytes, modes, deleted and created files and folders all as before");
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void a_failure_while_deleting_the_last_file_restores_earlier_deletes_and_replacements() throws IOException {
        mixedProject();
        Map<String, String> before = snapshot();
        assertThrows(UncheckedIOException.class, () -> failingBefore("src/Last.java")
                .writeAll(mixedWrites(FileWrite.delete("src/Last.java"))));
        assertEquals(before, snapshot());
        assertArrayEquals(concat(BOM, "class Last {}\n".getBytes(StandardCharsets.UTF_8)),
                Projects.bytes(root, "src/Last.java"));
    }

    @Test
    void a_target_that_turned_into_a_folder_meanwhile_fails_for_real_and_everything_is_put_back() throws IOException {
        mixedProject();
        Map<String, String> before = snapshot();
        // someone replaces src/Last.java with a folder between the checks and the replacing: the move itself fails
        ProjectFiles files = new SafeProjectFiles(root, (path, target) -> {
            if (path.equals("src/Last.java")) {
                Files.delete(target);
                Files.createDirectory(target);
                Files.writeString(target.resolve("inside.txt"), "x");
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> files.writeAll(
                mixedWrites(new FileWrite("src/Last.java", "class Last { int y; }\n"))));
        assertTrue(e.getMessage().contains("src/Last.java"), e.getMessage());
        Map<String, String> after = snapshot();
        // what the interloper made stays; everything Code-Factory wrote is undone
        after.remove("src/Last.java/");
        after.remove("src/Last.java/inside.txt");
        Map<String, String> expected = new TreeMap<>(before);
        expected.remove("src/Last.java");
        assertEquals(expected, after);
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void a_parent_that_is_a_file_fails_the_write_and_removes_every_temporary_file_and_new_folder() throws IOException {
        mixedProject();
        Map<String, String> before = snapshot();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> files().writeAll(
                mixedWrites(new FileWrite("notes.txt/child.txt", "cannot be"))));
        assertTrue(e.getMessage().contains("notes.txt/child.txt"), e.getMessage());
        assertEquals(before, snapshot());
        assertFalse(Files.exists(root.resolve("src/main")), "created folders are removed again");
        assertFalse(Files.exists(root.resolve("docs")), "created folders are removed again");
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void a_delete_in_a_read_only_folder_fails_last_and_everything_is_put_back() throws IOException {
        assumeTrue(posix());
        assumeFalse(runningAsRoot(), "root ignores folder permissions");
        mixedProject();
        Path locked = Projects.write(root, "locked/keep.txt", "keep\n").getParent();
        Map<String, String> before = snapshot();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> files().writeAll(mixedWrites(FileWrite.delete("locked/keep.txt"))));
            assertTrue(e.getMessage().contains("locked/keep.txt"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, mode);
        }
        assertEquals(before, snapshot());
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void an_unreadable_last_target_fails_and_everything_is_put_back() throws IOException {
        assumeTrue(posix());
        assumeFalse(runningAsRoot(), "root reads anything");
        mixedProject();
        Path last = root.resolve("src/Last.java");
        Files.setPosixFilePermissions(last, PosixFilePermissions.fromString("-w-------"));
        Map<String, String> before;
        try {
            Files.setPosixFilePermissions(last, PosixFilePermissions.fromString("rw-------"));
            before = snapshot();
            Files.setPosixFilePermissions(last, PosixFilePermissions.fromString("-w-------"));
            assertThrows(UncheckedIOException.class,
                    () -> files().writeAll(mixedWrites(new FileWrite("src/Last.java", "x"))));
        } finally {
            Files.setPosixFilePermissions(last, PosixFilePermissions.fromString("rw-------"));
        }
        assertEquals(before, snapshot());
        assertEquals(List.of(), tempFiles());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
