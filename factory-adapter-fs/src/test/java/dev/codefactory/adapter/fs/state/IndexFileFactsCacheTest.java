package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.Secrets;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementRef;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.cache.FileFactsCache.FileFacts;
import dev.codefactory.port.cache.spi.FileFactsCacheProvider;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-013/NFR-002
class IndexFileFactsCacheTest {
    private static final String DIGEST = "0123456789abcdef";
    private static final Instant FILES_WRITTEN = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;
    private final List<String> paths = List.of("a.java", "b/c.md", "d.bin");

    @BeforeEach
    void files() throws IOException {
        write("a.java", "class A { String k = \"secret-ish\"; } // links\n");
        write("b/c.md", "notes\n");
        write("d.bin", "\0\1");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(FILES_WRITTEN));
    }

    private FileFactsCache cache(Instant now) {
        return ServiceLoader.load(FileFactsCacheProvider.class).findFirst().orElseThrow()
                .create(new ProjectContext(root, Clock.fixed(now, ZoneOffset.UTC), Map.of(),
                        ProjectContext.Limits.DEFAULT));
    }

    private static FileFacts facts(String path) {
        return new FileFacts(3, List.of("OrderService", "cart"),
                List.of(new Secrets.Hit(path, 1, "aws-access-key", 10, 30)),
                List.of(new LinkSite(RequirementRef.parse("feature-006/FR-002"), LinkKind.IMPLEMENTS, path, 2),
                        new LinkSite(RequirementRef.parse("feature-006/FR-001"), LinkKind.COVERS, path, 3)));
    }

    /** A session that misses on every path and keeps what it is given: the facts of a.java, c.md not text. */
    private void store(Instant now, String digest) {
        FileFactsCache.Session s = cache(now).open(digest, paths);
        for (String p : paths) {
            assertEquals(Optional.empty(), s.get(p));
            s.put(p, p.equals("a.java") ? facts(p) : FileFacts.NOT_TEXT);
        }
        s.save();
    }

    private List<Optional<FileFacts>> gets(Instant now, String digest) {
        FileFactsCache.Session s = cache(now).open(digest, paths);
        List<Optional<FileFacts>> out = new ArrayList<>();
        paths.forEach(p -> out.add(s.get(p)));
        s.save();
        return out;
    }

    @Test
    void unchanged_files_come_back_as_they_were_kept() throws IOException {
        store(FILES_WRITTEN.plusSeconds(60), DIGEST);
        assertEquals(List.of(Optional.of(facts("a.java")), Optional.of(FileFacts.NOT_TEXT),
                Optional.of(FileFacts.NOT_TEXT)), gets(FILES_WRITTEN.plusSeconds(120), DIGEST));
        assertEquals("*\n", Files.readString(root.resolve(IndexFileFactsCache.GITIGNORE)));
        String kept = Files.readString(root.resolve(IndexFileFactsCache.FILE));
        assertTrue(kept.startsWith(IndexFileFactsCache.MAGIC + "\t" + DIGEST + "\t"), kept);
        assertFalse(kept.contains("secret-ish"), "facts only, never a file's text");
    }

    @Test
    void a_changed_size_time_or_file_is_read_again() throws IOException {
        store(FILES_WRITTEN.plusSeconds(60), DIGEST);
        write("a.java", "class A {}\n"); // another size
        Files.setLastModifiedTime(root.resolve("b/c.md"), FileTime.from(FILES_WRITTEN.plusSeconds(1)));
        Files.delete(root.resolve("d.bin"));
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
                gets(FILES_WRITTEN.plusSeconds(120), DIGEST));
    }

    @Test
    void a_file_modified_not_before_the_cache_was_opened_is_not_trusted() {
        store(FILES_WRITTEN, DIGEST); // opened at the very time the files were written: racy
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
                gets(FILES_WRITTEN.plusSeconds(120), DIGEST));
        // read again and kept by a session opened later: trusted from then on
        store(FILES_WRITTEN.plusSeconds(60), DIGEST);
        assertTrue(gets(FILES_WRITTEN.plusSeconds(120), DIGEST).stream().allMatch(Optional::isPresent));
    }

    @Test
    void another_digest_starts_a_fresh_cache() {
        store(FILES_WRITTEN.plusSeconds(60), DIGEST);
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
                gets(FILES_WRITTEN.plusSeconds(120), "fedcba9876543210"));
    }

    @Test
    void a_corrupt_truncated_or_foreign_cache_is_empty() throws IOException {
        store(FILES_WRITTEN.plusSeconds(60), DIGEST);
        Path file = root.resolve(IndexFileFactsCache.FILE);
        byte[] good = Files.readAllBytes(file);
        String text = new String(good, StandardCharsets.UTF_8);
        List<byte[]> bad = List.of(java.util.Arrays.copyOf(good, good.length - 1),
                java.util.Arrays.copyOf(good, good.length / 2),
                text.replace("\t3\t", "\t4\t").getBytes(StandardCharsets.UTF_8),
                text.replace("file-facts 1", "file-facts 2").getBytes(StandardCharsets.UTF_8),
                "\n\n\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, '\t', '\n'});
        for (byte[] content : bad) {
            Files.write(file, content);
            assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
                    gets(FILES_WRITTEN.plusSeconds(120), DIGEST), new String(content, StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_cache_that_cannot_be_read_or_written_is_none() throws IOException {
        Files.createDirectories(root.resolve(".factory/cache"));
        Files.writeString(root.resolve(IndexFileFactsCache.FOLDER), "a file where the folder would be");
        store(FILES_WRITTEN.plusSeconds(60), DIGEST); // saving fails silently
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
                gets(FILES_WRITTEN.plusSeconds(120), DIGEST));
    }

    @Test
    void paths_asked_out_of_order_or_unknown_still_find_their_facts() throws IOException {
        List<String> many = IntStream.range(0, 600).mapToObj(i -> String.format("m/f%03d.txt", i)).toList();
        for (String p : many) {
            write(p, p);
        }
        FileFactsCache.Session s = cache(FILES_WRITTEN.plusSeconds(60)).open(DIGEST, many);
        many.forEach(p -> {
            s.get(p);
            s.put(p, new FileFacts(1, List.of(), List.of(), List.of()));
        });
        s.save();
        FileFactsCache.Session again = cache(FILES_WRITTEN.plusSeconds(120)).open(DIGEST, many);
        assertTrue(again.get("m/f599.txt").isPresent());
        assertTrue(again.get("m/f000.txt").isPresent(), "asked again from the start");
        assertEquals(Optional.empty(), again.get("m/none.txt"));
        assertTrue(again.get("m/f300.txt").isPresent());
    }

    @Test
    void a_path_that_cannot_be_written_plainly_is_just_not_kept() throws IOException {
        write("tab\there.txt", "x");
        List<String> odd = List.of("tab\there.txt", "../outside", "a.java");
        FileFactsCache.Session s = cache(FILES_WRITTEN.plusSeconds(60)).open(DIGEST, odd);
        for (String p : odd) {
            s.get(p);
            s.put(p, FileFacts.NOT_TEXT);
        }
        s.save();
        FileFactsCache.Session again = cache(FILES_WRITTEN.plusSeconds(120)).open(DIGEST, odd);
        assertEquals(List.of(false, false, true), odd.stream().map(p -> again.get(p).isPresent()).toList());
    }
}
