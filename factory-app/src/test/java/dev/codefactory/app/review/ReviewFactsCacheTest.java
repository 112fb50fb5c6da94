package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.app.review.ReviewUseCase.ReviewOutcome;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.cache.spi.FileFactsCacheProvider;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review's report never depends on the file facts cache: no cache, a cold one, a warm one, one after a file was
 * replaced behind its back (same size and modification time, another inode), a corrupt one and one that cannot be
 * written all give the same report, byte for byte apart from its timestamps.
 */
// covers feature-013/NFR-002
class ReviewFactsCacheTest {
    private static final String CACHE = ".factory/cache/review/file-facts";
    /** 20 characters, as long as the access key that replaces them. */
    private static final String PLAIN = "abcdefghijklmnopqrst";
    private static final String KEY = "AKIAZ7Q3MV4XKJ2WP6RT";

    @TempDir
    Path home;
    @TempDir
    Path repo;
    private GitSandbox git;

    /** The fixtures write the link words as IMPL and COV, so that this project's own trace does not read them. */
    private static String words(String text) {
        return text.replace("IMPL ", "implements ").replace("COV ", "covers ");
    }

    @BeforeEach
    void project() throws IOException {
        git = GitSandbox.at(home);
        git.init(repo);
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
        }
        git.commitFiles(repo, "specs and code",
                "contracts/specs/feature-006-password-reset.md", "---\nid: feature-006\ntitle: Password reset\n"
                        + "status: implemented\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: Ada\ntags: []\n"
                        + "priority: medium\n---\n\n# Password reset\n\n## Overview\nPassword reset by e-mail.\n\n"
                        + "## Requirements\n- FR-001: `ResetMailer` sends the link.\n"
                        + "- FR-002: `TokenVault` keeps the tokens.\n- FR-003: `NeverWritten` is named by nothing.\n",
                "src/reset/ResetMailer.java", words("// IMPL feature-006/FR-001\nclass ResetMailer {}\n"),
                "src/util/Tokens.java", "class Tokens {\n    String k = \"" + PLAIN + "\"; // TokenVault\n}\n",
                "test/Expiry_test.py", words("# COV feature-006/FR-002\n"),
                "docs/notes.md", "Notes\r\nwith CRLF\r\n",
                "bin/blob.bin", "\0\1\2binary");
        GitSandbox.write(repo.resolve("src/untracked/Extra.java"), "class Extra {} // OtherWord\n");
        // written an hour ago: a file modified in the seconds before a review is read again by the next ("racy")
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(repo)) {
            Path dotGit = repo.resolve(".git");
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dotGit)).toList()) {
                Files.setLastModifiedTime(f, hourAgo);
            }
        }
    }

    @Test
    void no_cold_warm_and_replaced_file_caches_give_the_same_report() throws IOException {
        String none = review(new NoCache());
        assertFalse(Files.exists(repo.resolve(CACHE)));
        Counting counting = new Counting();
        assertEquals(none, review(counting), "a cold cache");
        assertEquals(0, counting.hits.get());
        assertTrue(Files.isRegularFile(repo.resolve(CACHE)));
        counting = new Counting();
        assertEquals(none, review(counting), "a warm cache");
        assertTrue(counting.hits.get() >= 6, "hits: " + counting.hits);
        assertEquals(counting.hits.get(), counting.gets.get(), "every file came from the cache");

        // the same size and modification time, another inode: read again
        Path tokens = repo.resolve("src/util/Tokens.java");
        BasicFileAttributes before = Files.readAttributes(tokens, BasicFileAttributes.class);
        Path replacement = repo.resolve("src/util/Tokens.java.new");
        Files.writeString(replacement, Files.readString(tokens).replace(PLAIN, KEY));
        Files.move(replacement, tokens, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(tokens, before.lastModifiedTime());
        BasicFileAttributes after = Files.readAttributes(tokens, BasicFileAttributes.class);
        assertEquals(before.size(), after.size());
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
        assertNotEquals(before.fileKey(), after.fileKey());
        String edited = review(new NoCache());
        assertNotEquals(none, edited, "the key is found");
        assertTrue(edited.contains("a secret (aws-access-key"), edited);
        counting = new Counting();
        assertEquals(edited, review(counting), "a warm cache after the file was replaced");
        assertEquals(counting.gets.get() - 1, counting.hits.get(), "only the replaced file is read");
        assertFalse(Files.readString(repo.resolve(CACHE)).contains(KEY), "no secret's text in the cache");
    }

    @Test
    void a_corrupt_truncated_or_foreign_cache_is_ignored() throws IOException {
        String none = review(new NoCache());
        review(null);
        Path cache = repo.resolve(CACHE);
        byte[] good = Files.readAllBytes(cache);
        String text = new String(good, StandardCharsets.UTF_8);
        byte[][] bad = {
            java.util.Arrays.copyOf(good, good.length / 2),
            text.replaceFirst("(src/reset/ResetMailer.java(\t[^\t]*){3}\t)2\t", "$13\t") // a line count changed
                    .getBytes(StandardCharsets.UTF_8),
            text.replace("file-facts 1", "file-facts 9").getBytes(StandardCharsets.UTF_8),
            "\0\0garbage\n".getBytes(StandardCharsets.UTF_8),
            new byte[0]};
        for (int i = 0; i < bad.length; i++) {
            assertFalse(java.util.Arrays.equals(good, bad[i]), "case " + i);
            Files.write(cache, bad[i]);
            Counting counting = new Counting();
            assertEquals(none, review(counting), "case " + i);
            assertEquals(0, counting.hits.get(), "case " + i + ":\n" + text);
        }
        Files.delete(cache);
        Files.createDirectory(cache); // unreadable as a file, and not writable as one
        assertEquals(none, review(null));
        assertTrue(Files.isDirectory(cache));
    }

    @Test
    void a_project_where_the_cache_cannot_be_written_has_none() throws IOException {
        String none = review(new NoCache());
        Files.createDirectories(repo.resolve(".factory/cache"));
        Files.writeString(repo.resolve(".factory/cache/review"), "a file where the cache's folder would be");
        assertEquals(none, review(null));
        assertEquals(none, review(null));
        assertTrue(Files.isRegularFile(repo.resolve(".factory/cache/review")));
    }

    /** The report of an offline review of the whole project, without its timestamps; the report file is removed. */
    private String review(FileFactsCacheProvider cache) throws IOException {
        CodeFactory.Builder b = CodeFactory.builder().projectRoot(repo).isolated();
        if (cache != null) {
            b.addProvider(cache);
        }
        ReviewOutcome outcome;
        try (CodeFactory factory = b.build()) {
            outcome = factory.review(ReviewCommand.all().withOffline(true), new ReviewDialog() {
            });
        }
        Path report = repo.resolve(outcome.reportPath());
        String text = Files.readString(report);
        Files.delete(report);
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z?", "TIME")
                .replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "DURATION");
    }

    private static FileFactsCache real(ProjectContext context) {
        return ServiceLoader.load(FileFactsCacheProvider.class).findFirst().orElseThrow().create(context);
    }

    /** No cache at all: nothing kept, nothing written. */
    static final class NoCache implements FileFactsCacheProvider {
        @Override
        public String id() {
            return "file";
        }

        @Override
        public FileFactsCache create(ProjectContext context) {
            return (digest, paths) -> new FileFactsCache.Session() {
                @Override
                public Optional<FileFactsCache.FileFacts> get(String path) {
                    return Optional.empty();
                }

                @Override
                public void put(String path, FileFactsCache.FileFacts facts) {
                    // kept nowhere
                }

                @Override
                public void save() {
                    // written nowhere
                }
            };
        }
    }

    /** The real cache, counting its gets and hits. */
    static final class Counting implements FileFactsCacheProvider {
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger hits = new AtomicInteger();

        @Override
        public String id() {
            return "file";
        }

        @Override
        public FileFactsCache create(ProjectContext context) {
            FileFactsCache real = real(context);
            return (digest, paths) -> {
                FileFactsCache.Session session = real.open(digest, paths);
                return new FileFactsCache.Session() {
                    @Override
                    public Optional<FileFactsCache.FileFacts> get(String path) {
                        gets.incrementAndGet();
                        Optional<FileFactsCache.FileFacts> kept = session.get(path);
                        kept.ifPresent(k -> hits.incrementAndGet());
                        return kept;
                    }

                    @Override
                    public void put(String path, FileFactsCache.FileFacts facts) {
                        session.put(path, facts);
                    }

                    @Override
                    public void save() {
                        session.save();
                    }
                };
            };
        }
    }
}
