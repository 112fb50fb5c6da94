package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.review.Secrets;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.RequirementRef;
import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.spi.ProjectContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * {@code .factory/cache/review/file-facts}, one UTF-8 file read in one pass, like git's index: a header line
 * {@code code-factory file-facts 1 TAB digest TAB opened}, where {@code opened} is when the session that wrote it
 * began (epoch nanoseconds), then one line per file in path order,
 * {@code path TAB size TAB mtime-nanos TAB file-key TAB lines TAB words TAB secrets TAB links}, with the words
 * separated by spaces, each secret as {@code line,kind,start,end} and each link as {@code line,i|c,ref}, and last
 * {@code end TAB entries TAB crc32} over the entry lines. The folder holds a {@code .gitignore} of {@code *}, so that
 * git never lists the cache. Anything unexpected makes the whole cache empty; the lines a session did not change are
 * copied as they are.
 */
// implements feature-013/NFR-002
final class IndexFileFactsCache implements FileFactsCache {
    static final String FOLDER = ".factory/cache/review";
    static final String FILE = FOLDER + "/file-facts";
    static final String GITIGNORE = FOLDER + "/.gitignore";
    static final String MAGIC = "code-factory file-facts 1";
    /** A cache larger than this is not read (50,000 files take about 6 MB). */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    /**
     * How long before a session opened a file must have been modified for its kept facts to be trusted (git's
     * "racy" case, with room to spare): a file changed again after its attributes were read, within the same tick
     * of the file system's clock (2 s on FAT, a few ms of lag on others) or of a server's skewed one, keeps its
     * modification time; it is read again until it is older than this.
     */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** From this many files on, their attributes are read in parallel. */
    private static final int PARALLEL_THRESHOLD = 512;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{16,128}");

    private final ProjectRoot files;
    private final Clock clock;

    IndexFileFactsCache(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
        this.clock = context.clock();
    }

    @Override
    public Session open(String digest, List<String> paths) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("a cache digest is 16 to 128 lowercase hex digits");
        }
        long opened = nanos(clock.instant());
        Kept kept = load(digest);
        // the attributes of every file, before any is read: on both cores when there are many, since the system
        // calls, one per file, are most of a warm review's cost of the cache
        List<String> asked = List.copyOf(paths);
        Stat[] stats = new Stat[asked.size()];
        IntStream range = IntStream.range(0, stats.length);
        (stats.length >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(i -> stats[i] = stat(asked.get(i)));
        return new IndexSession(digest, opened, kept, asked, stats);
    }

    /** The kept cache when it is whole, this version and for {@code digest}; null otherwise. */
    private Kept load(String digest) {
        try {
            Path file = files.resolve(FILE);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            byte[] data = Files.readAllBytes(file);
            int headerEnd = indexOf(data, (byte) '\n', 0, data.length);
            if (headerEnd < 0) {
                return null;
            }
            String[] header = new String(data, 0, headerEnd, StandardCharsets.UTF_8).split("\t", -1);
            if (header.length != 3 || !header[0].equals(MAGIC) || !header[1].equals(digest)) {
                return null;
            }
            long opened = Long.parseLong(header[2]);
            if (data.length < 2 || data[data.length - 1] != '\n') {
                return null; // truncated
            }
            int endLine = lastLineStart(data);
            String[] end = new String(data, endLine, data.length - 1 - endLine, StandardCharsets.UTF_8)
                    .split("\t", -1);
            if (end.length != 3 || !end[0].equals("end")) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(data, headerEnd + 1, endLine - headerEnd - 1);
            if (crc.getValue() != Long.parseLong(end[2], 16)) {
                return null;
            }
            return new Kept(data, headerEnd + 1, endLine, opened, Integer.parseInt(end[1]));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable, foreign or corrupt: an empty cache
        }
    }

    private static int lastLineStart(byte[] data) {
        int i = data.length - 2;
        while (i >= 0 && data[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    /** The decimal number in {@code data[from, to)}, an optional minus sign first. */
    static long number(byte[] data, int from, int to) {
        boolean minus = from < to && data[from] == '-';
        int i = minus ? from + 1 : from;
        if (i >= to || to - i > 19) {
            throw new NumberFormatException("not a number at " + from);
        }
        long n = 0;
        for (; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not a number at " + from);
            }
            n = Math.addExact(Math.multiplyExact(n, 10), d); // an overflow throws
        }
        return minus ? -n : n;
    }

    /** Whether {@code data[from, to)} holds {@code text}'s characters (ASCII) and nothing else. */
    static boolean same(String text, byte[] data, int from, int to) {
        if (to - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A cache as read: its entry lines are {@code data[start, end)}. */
    private record Kept(byte[] data, int start, int end, long opened, int entries) {
    }

    /** A file's attributes as the cache compares them. */
    private record Stat(long size, long mtime, String key) {
    }

    private final class IndexSession implements Session {
        private final String digest;
        private final long opened;
        private final Kept kept;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        private int cursor;
        private byte[] previous;
        private int entries;
        private int hits;
        private boolean changed;
        private String statPath;
        private Stat stat;
        private final List<String> asked;
        /** The attributes read up front of {@link #asked}, in its order. */
        private final Stat[] stats;
        private int next;

        IndexSession(String digest, long opened, Kept kept, List<String> asked, Stat[] stats) {
            this.digest = digest;
            this.opened = opened;
            this.kept = kept;
            this.cursor = kept == null ? 0 : kept.start();
            this.asked = asked;
            this.stats = stats;
        }

        @Override
        public Optional<FileFacts> get(String path) {
            statPath = path;
            if (next < stats.length && asked.get(next).equals(path)) {
                stat = stats[next];
                stats[next++] = null;
            } else {
                stat = stat(path);
            }
            if (kept == null || stat == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(find(path));
            } catch (RuntimeException e) {
                return Optional.empty(); // a line that does not parse is a miss; it is not kept
            }
        }

        private FileFacts find(String path) {
            byte[] key = path.getBytes(StandardCharsets.UTF_8);
            byte[] data = kept.data();
            if (previous != null && Arrays.compareUnsigned(key, previous) < 0) {
                cursor = kept.start(); // asked out of order: look from the start again
            }
            previous = key;
            while (cursor < kept.end()) {
                int lineEnd = indexOf(data, (byte) '\n', cursor, kept.end());
                int tab = indexOf(data, (byte) '\t', cursor, lineEnd);
                int c = Arrays.compareUnsigned(data, cursor, tab, key, 0, key.length);
                if (c < 0) {
                    cursor = lineEnd + 1;
                    continue;
                }
                if (c > 0) {
                    return null;
                }
                int start = cursor;
                cursor = lineEnd + 1;
                // read from the bytes, making no string, for the common case: a file without words, secrets, links
                int t1 = indexOf(data, (byte) '\t', tab + 1, lineEnd);
                int t2 = indexOf(data, (byte) '\t', t1 + 1, lineEnd);
                int t3 = indexOf(data, (byte) '\t', t2 + 1, lineEnd);
                long mtime = number(data, t1 + 1, t2);
                if (number(data, tab + 1, t1) != stat.size() || mtime != stat.mtime()
                        || !same(stat.key(), data, t2 + 1, t3) || mtime >= kept.opened() - RACY_NANOS) {
                    return null; // changed, or modified not before the cache was opened: read again
                }
                String[] f = new String(data, t3 + 1, lineEnd - t3 - 1, StandardCharsets.UTF_8).split("\t", -1);
                if (f.length != 4) {
                    return null;
                }
                FileFacts facts = facts(path, f[0], f[1], f[2], f[3]);
                out.write(data, start, lineEnd + 1 - start);
                entries++;
                hits++;
                return facts;
            }
            return null;
        }

        @Override
        public void put(String path, FileFacts facts) {
            if (!path.equals(statPath) || stat == null) {
                return; // the attributes before the read are not known: not kept
            }
            String line = line(path, stat, facts);
            statPath = null;
            changed = true;
            if (line != null) {
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                entries++;
            }
        }

        @Override
        public void save() {
            if (!changed && kept != null && hits == kept.entries()) {
                return; // the same entries: nothing to write
            }
            try {
                byte[] body = out.toByteArray();
                CRC32 crc = new CRC32();
                crc.update(body);
                ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 256);
                all.writeBytes((MAGIC + "\t" + digest + "\t" + opened + "\n").getBytes(StandardCharsets.UTF_8));
                all.writeBytes(body);
                all.writeBytes(("end\t" + entries + "\t" + Long.toHexString(crc.getValue()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                Path file = files.resolve(FILE);
                files.createDirectories(file.getParent(), FOLDER);
                Path ignore = files.resolve(GITIGNORE);
                if (!Files.isRegularFile(ignore, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.replace(ignore, "*\n".getBytes(StandardCharsets.UTF_8), GITIGNORE);
                }
                AtomicFiles.replace(file, all.toByteArray(), FILE);
            } catch (RuntimeException e) {
                // the cache is an optimisation: a read-only project or a full disk just has none
            }
        }
    }

    /** A file's attributes, following a symbolic link (its target's content is what was read); null if none. */
    private Stat stat(String path) {
        try {
            BasicFileAttributes a = Files.readAttributes(files.shaped(path), BasicFileAttributes.class);
            Object key = a.fileKey();
            String k = key == null ? "-" : key.toString();
            if (!plain(k, "")) {
                k = "-";
            }
            return new Stat(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), k);
        } catch (IOException | RuntimeException e) {
            return null; // not there, or not a path of the project: nothing kept
        }
    }

    /** An entry line, or null when something in it cannot be written plainly (that file is just not kept). */
    static String line(String path, Stat stat, FileFacts facts) {
        if (!plain(path, "")) {
            return null;
        }
        StringBuilder b = new StringBuilder(path.length() + 64).append(path).append('\t').append(stat.size())
                .append('\t').append(stat.mtime()).append('\t').append(stat.key()).append('\t')
                .append(facts.lines()).append('\t');
        for (int i = 0; i < facts.words().size(); i++) {
            String w = facts.words().get(i);
            if (w.isEmpty() || !plain(w, " ,")) {
                return null;
            }
            b.append(i == 0 ? "" : " ").append(w);
        }
        b.append('\t');
        for (int i = 0; i < facts.secrets().size(); i++) {
            Secrets.Hit h = facts.secrets().get(i);
            if (!plain(h.kind(), " ,")) {
                return null;
            }
            b.append(i == 0 ? "" : " ").append(h.line()).append(',').append(h.kind()).append(',').append(h.start())
                    .append(',').append(h.end());
        }
        b.append('\t');
        for (int i = 0; i < facts.links().size(); i++) {
            LinkSite s = facts.links().get(i);
            String ref = s.ref().toString();
            if (!plain(ref, " ,") || !s.path().equals(path)) {
                return null;
            }
            b.append(i == 0 ? "" : " ").append(s.line()).append(',')
                    .append(s.kind() == LinkKind.IMPLEMENTS ? 'i' : 'c').append(',').append(ref);
        }
        return b.append('\n').toString();
    }

    /** The facts of an entry's last fields: lines, words, secrets, links. */
    static FileFacts facts(String path, String linesField, String wordsField, String secretsField, String linksField) {
        long lines = Long.parseLong(linesField);
        if (wordsField.isEmpty() && secretsField.isEmpty() && linksField.isEmpty()) {
            return lines == -1 ? FileFacts.NOT_TEXT : new FileFacts(lines, List.of(), List.of(), List.of());
        }
        List<String> words = wordsField.isEmpty() ? List.of() : List.of(wordsField.split(" "));
        List<Secrets.Hit> secrets = new ArrayList<>();
        for (String s : secretsField.isEmpty() ? new String[0] : secretsField.split(" ")) {
            String[] p = s.split(",", -1);
            secrets.add(new Secrets.Hit(path, Integer.parseInt(p[0]), p[1], Integer.parseInt(p[2]),
                    Integer.parseInt(p[3])));
        }
        List<LinkSite> links = new ArrayList<>();
        for (String s : linksField.isEmpty() ? new String[0] : linksField.split(" ")) {
            String[] p = s.split(",", -1);
            LinkKind kind = p[1].equals("i") ? LinkKind.IMPLEMENTS : p[1].equals("c") ? LinkKind.COVERS : null;
            if (kind == null || p.length != 3) {
                throw new IllegalArgumentException("not a link: " + s);
            }
            links.add(new LinkSite(RequirementRef.parse(p[2]), kind, path, Integer.parseInt(p[0])));
        }
        return new FileFacts(lines, words, secrets, links);
    }

    /** Whether {@code text} has no tab, line break or any of {@code also}: it can be written in a field as it is. */
    private static boolean plain(String text, String also) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || also.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
