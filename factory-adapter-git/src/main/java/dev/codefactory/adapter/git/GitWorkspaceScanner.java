package dev.codefactory.adapter.git;

import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Lists a working tree as {@code git ls-files --cached --others --exclude-standard} does, without running git and
 * without JGit's tree walks (too slow on large trees): the index is read once with JGit's {@link DirCache}, the
 * working tree is walked folder by folder ({@code File.list}, in git's path order, so no final sort), and
 * untracked entries are matched against JGit's {@link IgnoreNode}s: each folder's {@code .gitignore} (deeper ones
 * first), then {@code .git/info/exclude}, then the global excludes file ({@code core.excludesFile}, else
 * {@code $XDG_CONFIG_HOME/git/ignore} or {@code ~/.config/git/ignore}). Like git, the walk does not descend into an
 * ignored folder; tracked files inside one still come from the index.
 *
 * <p>Decisions where git's listing is not a file of this project:
 * <ul>
 *   <li>A nested repository (a folder holding a {@code .git} folder or file) is skipped entirely, whether untracked
 *   (git lists it as one entry {@code sub/}) or a submodule (a gitlink in the index, which git lists as {@code sub}):
 *   its files belong to another project. It appears in neither list of the result.</li>
 *   <li>Outside a git repository every file is listed (untracked) except {@code .git}, the root's {@code .factory},
 *   and what the tree's {@code .gitignore} files exclude; {@code info/exclude} and the global excludes file, being
 *   a repository's and a git user's settings, do not apply.</li>
 *   <li>A tracked entry marked skip-worktree (sparse checkout) is reported unreadable, "not checked out".</li>
 * </ul>
 *
 * <p>Speed (it must stay within 2x of {@code git ls-files} on 50,000 files; see {@code bench/scan.sh}): Java cannot
 * read a directory entry's type without an {@code lstat}, and opening every file costs more than git's whole listing,
 * so by default the scanner touches no tracked file that the index describes: a tracked path's type (file, symbolic
 * link, submodule) and size come from the index (the size at the last {@code git add} or {@code git status}, so an
 * edited file not yet refreshed shows its earlier size), a folder that holds tracked files is known to be one, and
 * only untracked entries are {@code lstat}ed. A file's first bytes (at most {@value Languages#SNIFF_BYTES}; a NUL
 * byte means binary) are read only when its name gives no language ({@code data.bin}, {@code bin/tool}): a name
 * that gives one ({@code App.java}) is trusted to be text. Those reads run in parallel when there are many, and
 * never beyond the file limit. A thorough scanner ({@code thorough}) {@code lstat}s and reads every file instead:
 * exact sizes, every binary caught, several times slower on large trees.
 */
// implements feature-004/FR-003, feature-004/NFR-002
final class GitWorkspaceScanner implements WorkspaceScanner {
    private static final int PARALLEL_THRESHOLD = 512;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[Languages.SNIFF_BYTES]);

    private final Path workTree;
    private final String root;
    private final Map<String, String> environment;
    private final boolean thorough;

    /** A fast scanner (see the class comment). */
    GitWorkspaceScanner(Path workTree, Map<String, String> environment) {
        this(workTree, environment, false);
    }

    /**
     * With {@code thorough}, every file's size and type come from the file system and every file's first bytes
     * are read; without, tracked files the index describes and whose name gives a language are not touched.
     */
    GitWorkspaceScanner(Path workTree, Map<String, String> environment, boolean thorough) {
        this.workTree = workTree.toAbsolutePath().normalize();
        this.root = this.workTree.toString();
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.thorough = thorough;
    }

    @Override
    public ScanResult scan(ScanRequest request) {
        Optional<Path> gitDir = gitDir();
        Map<String, Tracked> index = gitDir.isPresent() ? readIndex(gitDir.get()) : Map.of();
        Frame base = gitDir.isPresent() ? repositoryExcludes(gitDir.get()) : null;
        Walk walk = new Walk(index, new PathFilter(request.paths()), gitDir.isEmpty());
        walk.directory(root, "", base, walk.filter.matchesAll());
        walk.trackedNotSeen();
        return select(walk.found, walk.skipped, request);
    }

    // ---- the repository ------------------------------------------------------------------------------------------

    /** {@code .git} as a folder, or as a file saying {@code gitdir: <path>} (linked worktrees, submodules). */
    private Optional<Path> gitDir() {
        Path dotGit = workTree.resolve(".git");
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(dotGit);
        }
        if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (line.startsWith("gitdir:")) {
                    return Optional.of(workTree.resolve(line.substring("gitdir:".length()).strip()).normalize());
                }
            } catch (IOException e) {
                throw new StorageException(dotGit.toString(), "reading", e);
            }
        }
        return Optional.empty();
    }

    /** Where a linked worktree's shared files (config, info/exclude) are: {@code commondir}, else the git dir. */
    private static Path commonDir(Path gitDir) {
        Path pointer = gitDir.resolve("commondir");
        if (Files.isRegularFile(pointer)) {
            try {
                return gitDir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()).normalize();
            } catch (IOException e) {
                throw new StorageException(pointer.toString(), "reading", e);
            }
        }
        return gitDir;
    }

    private static Map<String, Tracked> readIndex(Path gitDir) {
        Path file = gitDir.resolve("index");
        if (!Files.exists(file)) {
            return Map.of(); // a fresh repository: nothing tracked yet
        }
        DirCache cache;
        try {
            cache = DirCache.read(file.toFile(), FS.DETECTED);
        } catch (IOException e) {
            throw new StorageException(file.toString(), "reading the git index", e);
        }
        int count = cache.getEntryCount();
        Map<String, Tracked> tracked = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            DirCacheEntry entry = cache.getEntry(i);
            // unmerged paths have up to three entries (stages 1 to 3): one file
            int mode = entry.getRawMode();
            long size = entry.isIntentToAdd() || entry.getStage() != 0 ? -1 : Integer.toUnsignedLong(entry.getLength());
            tracked.putIfAbsent(entry.getPathString(), new Tracked(mode == FileMode.GITLINK.getBits(),
                    mode == FileMode.SYMLINK.getBits(), entry.isSkipWorkTree(), size));
        }
        return tracked;
    }

    /** The rules that apply below every {@code .gitignore}: {@code info/exclude} over the global excludes file. */
    private Frame repositoryExcludes(Path gitDir) {
        Path common = commonDir(gitDir);
        Frame frame = null;
        Optional<Path> global = globalExcludesFile(common);
        if (global.isPresent()) {
            frame = Frame.of(global.get(), "", null);
        }
        return Frame.of(common.resolve("info").resolve("exclude"), "", frame);
    }

    /**
     * {@code core.excludesFile} from the repository's config, else the global files ({@code ~/.gitconfig} over
     * {@code $XDG_CONFIG_HOME/git/config}, or {@code $GIT_CONFIG_GLOBAL}), the first that sets it; else git's
     * default {@code $XDG_CONFIG_HOME/git/ignore}. The files are found as {@link GitEnvironment} says. No system
     * config: it never sets a per-user file in practice.
     */
    private Optional<Path> globalExcludesFile(Path commonDir) {
        GitEnvironment git = new GitEnvironment(environment);
        Optional<Path> home = git.home();
        FileBasedConfig config = null;
        List<Path> files = new ArrayList<>(git.globalConfigFiles());
        files.add(commonDir.resolve("config"));
        for (Path file : files) {
            config = new FileBasedConfig(config, file.toFile(), FS.DETECTED);
            if (Files.isRegularFile(file)) {
                try {
                    config.load();
                } catch (IOException | ConfigInvalidException e) {
                    throw new StorageException(file.toString(), "reading git config", e);
                }
            }
        }
        String configured = config.getString("core", null, "excludesfile");
        if (configured != null && !configured.isBlank()) {
            if (configured.equals("~") || configured.startsWith("~/")) {
                return home.map(h -> h.resolve(configured.substring(Math.min(2, configured.length()))));
            }
            return Optional.of(workTree.resolve(configured)); // git resolves a relative path from the work tree
        }
        return git.xdgConfigHome().map(x -> x.resolve("git").resolve("ignore"));
    }

    // ---- the walk ------------------------------------------------------------------------------------------------

    /** A tracked path as the index says: its mode, and its size at the last refresh (-1 when not known). */
    private static final class Tracked {
        final boolean gitlink;
        final boolean symlink;
        final boolean skipWorkTree;
        final long size;
        boolean seen;

        Tracked(boolean gitlink, boolean symlink, boolean skipWorkTree, long size) {
            this.gitlink = gitlink;
            this.symlink = symlink;
            this.skipWorkTree = skipWorkTree;
            this.size = size;
        }
    }

    /** What the walk found: a file, a symbolic link or something git would not list as a file. */
    private enum Kind { FILE, SYMLINK, OTHER, MISSING }

    private static final class Found {
        final String path;
        long size;
        final Kind kind;
        final boolean tracked;
        boolean sniffed;
        String language;
        boolean binary;
        String unreadable;

        Found(String path, long size, Kind kind, boolean tracked) {
            this.path = path;
            this.size = size;
            this.kind = kind;
            this.tracked = tracked;
        }
    }

    /** The ignore rules of one folder's {@code .gitignore} (or of a repository-wide file), over its parent's. */
    private static final class Frame {
        final IgnoreNode node;
        final int baseLength; // of the folder's path prefix ("a/b/"), cut from the paths this frame matches
        final Frame parent;

        private Frame(IgnoreNode node, int baseLength, Frame parent) {
            this.node = node;
            this.baseLength = baseLength;
            this.parent = parent;
        }

        /** The rules in {@code file} for paths under {@code base}; {@code parent} when it has none or is missing. */
        static Frame of(Path file, String base, Frame parent) {
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
            } catch (IOException unreadable) {
                return parent; // missing (or a folder): no rules, as for git
            }
            return node.getRules().isEmpty() ? parent : new Frame(node, base.length(), parent);
        }

        /** Whether git ignores {@code path}: the deepest frame with a matching rule decides (its last match wins). */
        static boolean ignores(Frame frame, String path, boolean directory) {
            for (Frame f = frame; f != null; f = f.parent) {
                Boolean ignored = f.node.checkIgnored(f.baseLength == 0 ? path : path.substring(f.baseLength),
                        directory);
                if (ignored != null) {
                    return ignored;
                }
            }
            return false;
        }
    }

    /** The request's paths: files or folders, relative, {@code /} separators. */
    private static final class PathFilter {
        private final String[] paths;

        PathFilter(List<String> requested) {
            paths = requested.stream()
                    .map(p -> p.replace('\\', '/').replaceAll("/+", "/").replaceAll("^(\\./)+|/+$", ""))
                    .toArray(String[]::new);
        }

        boolean matchesAll() {
            return paths.length == 0 || Arrays.asList(paths).contains("") || Arrays.asList(paths).contains(".");
        }

        /** Whether {@code path} is one of the paths or inside one. */
        boolean includes(String path) {
            if (matchesAll()) {
                return true;
            }
            for (String p : paths) {
                if (path.equals(p) || (path.startsWith(p) && path.charAt(p.length()) == '/')) {
                    return true;
                }
            }
            return false;
        }

        /** Whether folder {@code path} is one of the paths, inside one, or holds one. */
        boolean reaches(String path) {
            for (String p : paths) {
                if (p.startsWith(path) && (p.length() == path.length() || p.charAt(path.length()) == '/')) {
                    return true;
                }
            }
            return includes(path);
        }
    }

    private final class Walk {
        final Map<String, Tracked> index;
        final Set<String> trackedFolders;
        final PathFilter filter;
        final boolean plainFolder;
        final List<Found> found = new ArrayList<>();
        final List<SkippedFile> skipped = new ArrayList<>();
        int seen;

        Walk(Map<String, Tracked> index, PathFilter filter, boolean plainFolder) {
            this.index = index;
            this.filter = filter;
            this.plainFolder = plainFolder;
            this.trackedFolders = new HashSet<>(Math.max(16, index.size() / 4));
            for (String path : index.keySet()) {
                for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                    if (!trackedFolders.add(path.substring(0, slash))) {
                        break;
                    }
                }
            }
        }

        /**
         * Lists folder {@code dir} (path {@code prefix}, "" or ending in '/') in git's order, descending into its
         * folders as it meets them, so that {@link #found} comes out sorted; {@code inside} when every path under it
         * is in the request.
         */
        void directory(String dir, String prefix, Frame frame, boolean inside) {
            String[] names = new File(dir).list();
            if (names == null) {
                if (!prefix.isEmpty() && inside) {
                    skipped.add(new SkippedFile(prefix, SkipReason.UNREADABLE, "folder not readable"));
                }
                return;
            }
            boolean hasIgnoreFile = false;
            for (String name : names) {
                if (name.equals(".git") && !prefix.isEmpty()) {
                    return; // a nested repository: not ours
                }
                hasIgnoreFile |= name.equals(".gitignore");
            }
            if (hasIgnoreFile) {
                frame = Frame.of(Path.of(dir, ".gitignore"), prefix, frame);
            }
            int n = names.length;
            Entry[] entries = new Entry[n];
            int count = 0;
            for (String name : names) {
                if (name.equals(".git") || (plainFolder && prefix.isEmpty() && name.equals(".factory"))) {
                    continue;
                }
                Entry entry = entry(dir, prefix, name);
                if (entry != null) {
                    entries[count++] = entry;
                }
            }
            Arrays.sort(entries, 0, count, (x, y) -> comparePaths(x.key, y.key));
            for (int i = 0; i < count; i++) {
                Entry e = entries[i];
                String path = prefix + e.name;
                if (e.kind == null) { // a folder
                    boolean inChild = inside || filter.includes(path);
                    if ((inChild || filter.reaches(path)) && !Frame.ignores(frame, path, true)) {
                        // like git: nothing untracked below an ignored folder; tracked files come from the index
                        directory(dir + File.separatorChar + e.name, path + "/", frame, inChild);
                    }
                } else if (inside || filter.includes(path)) {
                    if (e.tracked) {
                        found.add(new Found(path, e.size, e.kind, true));
                    } else if (e.kind != Kind.OTHER && !Frame.ignores(frame, path, false)) {
                        found.add(new Found(path, e.size, e.kind, false));
                    }
                }
            }
        }

        /** What {@code name} is: from the index when tracked (fast mode), else from one {@code lstat}. */
        private Entry entry(String dir, String prefix, String name) {
            String path = prefix + name;
            Tracked tracked = index.get(path);
            if (tracked != null) {
                tracked.seen = true;
                seen++;
                if (tracked.gitlink) {
                    return null; // a submodule: its own project
                }
                if (!thorough && tracked.size >= 0) {
                    return new Entry(name, tracked.symlink ? Kind.SYMLINK : Kind.FILE, tracked.size, true);
                }
            } else if (!thorough && trackedFolders.contains(path)) {
                return new Entry(name, null, 0, false);
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(Path.of(dir, name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                if (tracked != null) {
                    tracked.seen = false; // reported missing by trackedNotSeen
                    seen--;
                }
                return null;
            }
            if (a.isDirectory()) {
                if (tracked != null) {
                    tracked.seen = false; // a tracked file replaced by a folder: missing
                    seen--;
                }
                return new Entry(name, null, 0, false);
            }
            Kind kind = a.isRegularFile() ? Kind.FILE : a.isSymbolicLink() ? Kind.SYMLINK : Kind.OTHER;
            return new Entry(name, kind, a.size(), tracked != null);
        }

        /** Tracked paths the walk did not meet: in ignored folders, deleted, not checked out. */
        void trackedNotSeen() {
            if (seen == index.size()) {
                return;
            }
            List<Found> late = new ArrayList<>();
            for (Map.Entry<String, Tracked> e : index.entrySet()) {
                String path = e.getKey();
                Tracked tracked = e.getValue();
                if (tracked.seen || tracked.gitlink || !filter.includes(path) || inNestedRepository(path)) {
                    continue;
                }
                if (tracked.skipWorkTree) {
                    skipped.add(new SkippedFile(path, SkipReason.UNREADABLE, "not checked out (sparse checkout)"));
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(workTree.resolve(path), BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    Kind kind = a.isRegularFile() ? Kind.FILE
                            : a.isSymbolicLink() ? Kind.SYMLINK : a.isDirectory() ? Kind.MISSING : Kind.OTHER;
                    late.add(new Found(path, a.size(), kind, true));
                } catch (IOException missing) {
                    late.add(new Found(path, 0, Kind.MISSING, true));
                }
            }
            if (!late.isEmpty()) {
                found.addAll(late);
                found.sort((x, y) -> comparePaths(x.path, y.path)); // TimSort: two sorted runs, merged
            }
        }

        /** Whether a folder above {@code path} holds its own {@code .git} (then its files are not ours). */
        private boolean inNestedRepository(String path) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (Files.exists(workTree.resolve(path.substring(0, slash)).resolve(".git"),
                        LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One name of a folder; {@code kind} null for a folder, whose sort key ends in '/' as in git's index. */
    private static final class Entry {
        final String name;
        final String key;
        final Kind kind;
        final long size;
        final boolean tracked;

        Entry(String name, Kind kind, long size, boolean tracked) {
            this.name = name;
            this.key = kind == null ? name + "/" : name;
            this.kind = kind;
            this.size = size;
            this.tracked = tracked;
        }
    }

    // ---- the result ----------------------------------------------------------------------------------------------

    private ScanResult select(List<Found> found, List<SkippedFile> skippedByWalk, ScanRequest request) {
        long maxBytes = request.maxFileBytes();
        int maxFiles = request.maxFiles();
        if (maxFiles == 0) {
            Found[] toRead = found.stream().filter(this::needsReading).toArray(Found[]::new);
            if (toRead.length >= PARALLEL_THRESHOLD) {
                Arrays.stream(toRead).parallel().forEach(this::sniff);
            }
        }
        List<SourceFile> files = new ArrayList<>(maxFiles == 0 ? found.size() : Math.min(found.size(), maxFiles));
        List<SkippedFile> skipped = new ArrayList<>(skippedByWalk);
        for (Found f : found) {
            if (f.kind == Kind.SYMLINK) {
                skipped.add(new SkippedFile(f.path, SkipReason.SYMLINK, symlinkDetail(f.path)));
                continue;
            } else if (f.kind == Kind.MISSING) {
                skipped.add(new SkippedFile(f.path, SkipReason.UNREADABLE, "tracked but missing from the working tree"));
                continue;
            } else if (f.kind == Kind.OTHER) {
                skipped.add(new SkippedFile(f.path, SkipReason.UNREADABLE, "not a regular file"));
                continue;
            }
            boolean full = maxFiles > 0 && files.size() >= maxFiles;
            if (!full && !f.sniffed && needsReading(f)) {
                sniff(f);
            }
            if (f.unreadable != null) {
                skipped.add(new SkippedFile(f.path, SkipReason.UNREADABLE, f.unreadable));
            } else if (f.size > maxBytes) {
                skipped.add(new SkippedFile(f.path, SkipReason.TOO_LARGE,
                        humanSize(f.size) + ", over the " + humanSize(maxBytes) + " limit"));
            } else if (full) {
                skipped.add(new SkippedFile(f.path, SkipReason.OVER_FILE_LIMIT,
                        "over the limit of " + maxFiles + " files"));
            } else if (f.binary) {
                skipped.add(new SkippedFile(f.path, SkipReason.BINARY,
                        "a NUL byte in its first " + Languages.SNIFF_BYTES + " bytes"));
            } else {
                String language = f.language != null ? f.language : Languages.byName(f.path).orElse(Languages.TEXT);
                files.add(new SourceFile(f.path, f.size, language, f.tracked));
            }
        }
        skipped.sort((x, y) -> comparePaths(x.path(), y.path()));
        return new ScanResult(files, skipped);
    }

    /**
     * Whether a file's first bytes are read: always when thorough; else only when its name gives no language (it may
     * be binary, or have a shebang). A name that gives a language is trusted to be text.
     */
    private boolean needsReading(Found f) {
        return f.kind == Kind.FILE && (thorough || Languages.byName(f.path).isEmpty());
    }

    /** Reads the file's size and first bytes: binary or not, and the shebang's language when the name says nothing. */
    private void sniff(Found f) {
        f.sniffed = true;
        byte[] head = BUFFER.get();
        int length = 0;
        try (FileInputStream in = new FileInputStream(root + File.separatorChar + f.path)) {
            f.size = in.getChannel().size();
            int wanted = (int) Math.min(f.size, head.length);
            while (length < wanted) {
                int n = in.read(head, length, wanted - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        } catch (IOException e) {
            f.unreadable = "not readable: " + e.getMessage();
            return;
        }
        f.binary = Languages.looksBinary(head, length);
        f.language = Languages.of(f.path, head, length);
    }

    private String symlinkDetail(String path) {
        try {
            return "a symbolic link to " + Files.readSymbolicLink(workTree.resolve(path)) + ", not followed";
        } catch (IOException | UnsupportedOperationException e) {
            return "a symbolic link, not followed";
        }
    }

    /** "812 bytes", "4.0 KB", "12.4 MB", "1.5 GB". */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /**
     * Git's path order: by UTF-8 bytes, which is code point order. {@link String#compareTo} compares UTF-16 units,
     * which puts supplementary characters (surrogates) before U+E000..U+FFFF; this corrects that.
     */
    static int comparePaths(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointOrder(char c) {
        if (c >= 0xD800) {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }
}
