package dev.codefactory.adapter.fs.project;

import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.port.files.FileKind;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.FoundFile;
import dev.codefactory.port.files.ProjectFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The project's own files for a change order ({@link ProjectFiles}), on the adapter's one path policy
 * ({@link ProjectRoot}) and its one atomic writer ({@link AtomicFiles}).
 *
 * <p>Every path is checked by its shape first ({@link ProjectRoot#shaped}: relative, {@code /} separators, no
 * {@code ..}, {@code .} or empty segment, no backslash or NUL, not in {@code .git} by any of its names at any depth),
 * and must not be in the root's {@code .factory}; then on disk:
 * no existing component may be a symbolic link (each one is looked at without following links), and the real path of
 * the deepest existing component must lie inside the real project root.
 *
 * <p>{@link #writeAll} works in three passes: it checks every write before touching anything; it writes every new
 * content to a hidden temporary file beside its target (creating missing folders); then it replaces (or deletes) the
 * targets one by one, keeping each previous content and its permissions in memory. A failure in the last two passes
 * puts every replaced file back, re-creates deleted ones, removes created files, temporary files and created folders,
 * and only then throws.
 */
final class SafeProjectFiles implements ProjectFiles {
    /** The largest file {@link #readText} reads: far above any source file, far below one that exhausts memory. */
    static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;
    
    /**
     * Called just before each target is replaced or deleted; a seam so that tests can make a step fail for real at a
     * chosen moment (as root, permissions cannot).
     */
    interface BeforeReplacing {
        BeforeReplacing NOTHING = (path, target) -> {
        };

        void run(String path, Path target) throws IOException;
    }

    private final ProjectRoot files;
    private final BeforeReplacing beforeReplacing;

    SafeProjectFiles(Path root) {
        this(root, BeforeReplacing.NOTHING);
    }

    SafeProjectFiles(Path root, BeforeReplacing beforeReplacing) {
        this.files = new ProjectRoot(root);
        this.beforeReplacing = Objects.requireNonNull(beforeReplacing, "beforeReplacing");
    }

    @Override
    public FileKind kind(String path) {
        Path target = shaped(path);
        Located located = locate(path, target);
        if (located.link != null || located.outside) {
            return FileKind.SYMLINK;
        }
        if (located.missing) {
            return FileKind.MISSING;
        }
        BasicFileAttributes attrs = attributes(target, path).orElse(null);
        if (attrs == null) {
            return FileKind.MISSING;
        }
        if (attrs.isSymbolicLink()) {
            return FileKind.SYMLINK;
        }
        if (attrs.isDirectory()) {
            return FileKind.DIRECTORY;
        }
        if (!attrs.isRegularFile()) {
            return FileKind.OTHER;
        }
        return isText(target, path) ? FileKind.TEXT : FileKind.BINARY;
    }

    @Override
    public boolean executable(String path) {
        FileKind kind = kind(path);
        if (kind != FileKind.TEXT && kind != FileKind.BINARY) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = AtomicFiles.permissionsOf(shaped(path));
            return permissions != null && (permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                    || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<String> readText(String path) {
        Path target = checked(path);
        if (locate(path, target).missing) {
            return Optional.empty();
        }
        BasicFileAttributes attrs = attributes(target, path).orElse(null);
        if (attrs == null) {
            return Optional.empty();
        }
        refuseNonFile(path, attrs);
        if (attrs.size() > MAX_TEXT_BYTES) {
            throw new UnsafePathException(path, "it is larger than " + MAX_TEXT_BYTES + " bytes ("
                    + attrs.size() + "), too large to be a text file Code-Factory edits");
        }
        byte[] bytes = readNoFollow(target, path);
        if (Languages.looksBinary(bytes, bytes.length)) {
            throw new UnsafePathException(path, "it is a binary file (it holds a NUL byte)");
        }
        try {
            return Optional.of(strictUtf8().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new UnsafePathException(path, "it is not UTF-8 text (a binary file, or text in another encoding)");
        }
    }

    @Override
    public Optional<byte[]> head(String path, int maxBytes) {
        Path target = checked(path);
        try (InputStream in = openNoFollow(target)) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> readBytes(String path, long maxBytes) {
        Path target = checked(path);
        try {
            BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || attrs.size() > maxBytes) {
                return Optional.empty();
            }
            try (SeekableByteChannel channel = Files.newByteChannel(target, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                return readUpTo(channel, attrs.size(), maxBytes);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The channel's bytes, or empty when there are more than {@code maxBytes}. Read into an array of the size the
     * file had a moment ago ({@code expected}), so that the common case allocates and copies nothing more; a file
     * that grew meanwhile is read on, up to the limit.
     */
    static Optional<byte[]> readUpTo(SeekableByteChannel channel, long expected, long maxBytes)
            throws IOException {
        long cap = Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
        byte[] bytes = new byte[(int) Math.min(expected, cap)];
        int length = 0;
        while (true) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, length, bytes.length - length);
            int n = 0;
            while (buffer.hasRemaining() && (n = channel.read(buffer)) >= 0) {
                // keep reading
            }
            length = buffer.position();
            if (length > maxBytes) {
                return Optional.empty(); // grown since: over the limit
            }
            if (n < 0) {
                break; // the end: shorter than expected, or exactly as long
            }
            ByteBuffer probe = ByteBuffer.allocate(1);
            if (channel.read(probe) < 0) {
                break; // exactly as long as expected
            }
            if (length + 1 >= cap) {
                return Optional.empty(); // grown since: over the limit
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(16, 2L * bytes.length + 1)));
            bytes[length++] = probe.get(0);
        }
        return Optional.of(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    @Override
    public void writeAll(List<FileWrite> writes) {
        List<Planned> plan = validate(Objects.requireNonNull(writes, "writes"));
        if (plan.isEmpty()) {
            return;
        }
        Transaction tx = new Transaction();
        Planned current = null;
        try {
            for (Planned p : plan) {
                current = p;
                if (!p.deletes()) {
                    tx.writeTemp(p);
                }
            }
            for (Planned p : plan) {
                current = p;
                tx.replace(p);
            }
        } catch (IOException | RuntimeException e) {
            List<String> leftovers = tx.rollback();
            throw failure(current, e, leftovers);
        }
        tx.syncFolders();
    }

    /**
     * The folder is checked like any path ({@code ""} is the root); a missing folder, or a file there, has nothing
     * under it. Folders are walked without following links: a symbolic link (to a file or a folder) is neither
     * listed nor entered, nor is any folder named {@code .git} (by any of its names, at any depth: a nested
     * repository's too) or the root's {@code .factory}. Files that vanish while the walk runs are left out.
     */
    // implements feature-008/FR-006
    @Override
    public List<FoundFile> walk(String folder, int maxDepth, Predicate<String> descend, Predicate<String> keep) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(descend, "descend");
        Objects.requireNonNull(keep, "keep");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more: " + maxDepth);
        }
        Path start = folder.isEmpty() ? files.root() : checked(folder);
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<FoundFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, Set.of(), maxDepth + 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(start)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = files.relative(dir);
                    String name = dir.getFileName().toString();
                    boolean factory = path.indexOf('/') < 0 && ProjectRoot.sameName(name, ".factory");
                    return attrs.isSymbolicLink() || ProjectRoot.isGit(name) || factory || !descend.test(path)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) { // not a link, a folder beyond maxDepth or a device
                        String path = files.relative(file);
                        if (keep.test(path)) {
                            found.add(new FoundFile(path, attrs.size(), attrs.lastModifiedTime().toInstant()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // vanished or unreadable while walking: not listed
                }
            });
        } catch (IOException e) {
            throw new StorageException(folder.isEmpty() ? "." : folder, "listing the files", e);
        }
        found.sort(Comparator.comparing(FoundFile::path));
        return List.copyOf(found);
    }

    // ---- checks ---------------------------------------------------------------------------------------------------

    /**
     * The path on disk after checking its shape only ({@link ProjectRoot#shaped}, the one path policy) and that it
     * is not in the root's {@code .factory}; nothing on disk is looked at.
     */
    private Path shaped(String path) {
        Path resolved = files.shaped(path);
        int slash = path.indexOf('/');
        if (ProjectRoot.sameName(slash < 0 ? path : path.substring(0, slash), ".factory")) {
            throw new UnsafePathException(path, "it leads into .factory, which holds Code-Factory's own state");
        }
        return resolved;
    }

    /** The path on disk after checking its shape and that no symbolic link lies on its way. */
    private Path checked(String path) {
        Path target = shaped(path);
        if (plainlyInside(target)) {
            return target;
        }
        Located located = locate(path, target);
        if (located.link != null) {
            throw new UnsafePathException(path, located.link.equals(target) ? "it is a symbolic link"
                    : "it passes through the symbolic link " + files.relative(located.link));
        }
        if (located.outside) {
            throw new UnsafePathException(path, "it resolves to a place outside the project folder");
        }
        return target;
    }

    /**
     * A shortcut of the same rule for the common case, one system call instead of one per component: true when
     * {@code target} exists and its real path is exactly the real root followed by the path as given. Then no
     * component is a symbolic link (a link would have been replaced by where it leads, or the name would differ)
     * and the path lies inside the project. Anything else (missing, a link, a junction, a name that differs only
     * in case) is judged by {@link #locate}, which also says what is wrong.
     */
    private boolean plainlyInside(Path target) {
        try {
            return target.toRealPath().equals(files.realRoot().resolve(files.root().relativize(target)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Walks the components of {@code target} from the root, without following links: the first symbolic link, and
     * whether the path stops existing on the way (a missing folder, or a file where a folder should be).
     */
    private Located locate(String path, Path target) {
        Path root = files.root();
        Path current = root;
        Path deepest = root;
        boolean missing = false;
        for (Path segment : root.relativize(target)) {
            current = current.resolve(segment);
            BasicFileAttributes attrs = attributes(current, path).orElse(null);
            if (attrs == null) {
                missing = true;
                break;
            }
            if (attrs.isSymbolicLink()) {
                return new Located(current, false, false);
            }
            deepest = current;
            if (!current.equals(target) && !attrs.isDirectory()) {
                missing = true; // a file where a folder should be: nothing can be at the path
                break;
            }
        }
        // a link that Files cannot see as one (a Windows junction) still shows in the real path
        boolean outside;
        try {
            outside = !deepest.toRealPath().startsWith(files.realRoot());
        } catch (NoSuchFileException e) {
            outside = false; // removed while looking: judged again when it is opened
        } catch (IOException e) {
            throw new StorageException(path, "resolving the path", e);
        }
        return new Located(null, outside, missing);
    }

    private record Located(Path link, boolean outside, boolean missing) {
    }

    private static Optional<BasicFileAttributes> attributes(Path file, String shownPath) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(shownPath, "looking at the file", e);
        }
    }

    private static void refuseNonFile(String path, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            throw new UnsafePathException(path, "it is a symbolic link");
        }
        if (attrs.isDirectory()) {
            throw new UnsafePathException(path, "it is a folder, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw new UnsafePathException(path, "it is not a regular file (a device, a pipe or a socket)");
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A NUL byte among the first bytes, or any byte sequence that is not UTF-8, makes a file binary. */
    private static boolean isText(Path file, String shownPath) {
        try (InputStream in = new BufferedInputStream(openNoFollow(file), Languages.SNIFF_BYTES)) {
            in.mark(Languages.SNIFF_BYTES);
            byte[] head = in.readNBytes(Languages.SNIFF_BYTES);
            if (Languages.looksBinary(head, head.length)) {
                return false;
            }
            in.reset();
            // streamed, so that a large file is judged without holding it in memory
            try (Reader reader = new InputStreamReader(in, strictUtf8())) {
                char[] buffer = new char[8192];
                while (reader.read(buffer) >= 0) {
                    // only decoding matters
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new StorageException(shownPath, "reading", e);
        }
    }

    private static InputStream openNoFollow(Path file) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return Channels.newInputStream(channel);
    }

    private static byte[] readNoFollow(Path file, String shownPath) {
        try (InputStream in = openNoFollow(file)) {
            byte[] bytes = in.readNBytes((int) MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new UnsafePathException(shownPath, "it is larger than " + MAX_TEXT_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new StorageException(shownPath, "reading", e);
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    /** One checked write: its path as given, where it lands, and its bytes (null to delete). */
    private record Planned(String path, Path target, byte[] bytes) {
        boolean deletes() {
            return bytes == null;
        }
    }

    private List<Planned> validate(List<FileWrite> writes) {
        List<Planned> plan = new ArrayList<>();
        Map<String, FileWrite> byPath = new HashMap<>();
        for (FileWrite write : writes) {
            Objects.requireNonNull(write, "a write in the list is null");
            String path = write.path();
            Path target = checked(path);
            if (byPath.putIfAbsent(path, write) != null) {
                throw new UnsafePathException(path, "it is written twice in the same change; merge the two into"
                        + " one");
            }
            BasicFileAttributes attrs = locate(path, target).missing ? null : attributes(target, path).orElse(null);
            if (attrs == null) {
                if (write.deletes()) {
                    throw new UnsafePathException(path, "there is no file to delete there");
                }
            } else {
                refuseNonFile(path, attrs);
            }
            plan.add(new Planned(path, target, write.deletes() ? null : utf8(path, write.content())));
        }
        // a path used as a file by one write and as a folder by another cannot be both
        for (Planned p : plan) {
            String path = p.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String folder = path.substring(0, slash);
                if (byPath.containsKey(folder)) {
                    throw new UnsafePathException(folder, "this change writes it as a file while " + path
                            + " needs it as a folder; split the change in two");
                }
            }
        }
        return plan;
    }

    private static byte[] utf8(String path, String content) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(content));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(path + ": the new content holds a lone UTF-16 surrogate and cannot be"
                    + " written as UTF-8", e);
        }
    }

    private UncheckedIOException failure(Planned current, Exception e, List<String> leftovers) {
        String shown = current == null ? "a file" : current.path();
        String what = current != null && current.deletes() ? "deleting " : "writing ";
        String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        StringBuilder message = new StringBuilder(what).append(shown).append(" failed: ").append(cause);
        if (leftovers.isEmpty()) {
            message.append("; nothing was changed (every file is back as it was): check that the file and its folder"
                    + " are writable and the disk has room, then try again");
        } else {
            message.append("; the change was undone except for ").append(String.join(", ", leftovers))
                    .append(": put those back by hand (git restore, or remove them) before trying again");
        }
        IOException io = e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
        return new UncheckedIOException(message.toString(), io);
    }

    /** What one {@link #writeAll} did so far, so that it can be undone. */
    private final class Transaction {
        private final List<Path> createdFolders = new ArrayList<>();
        private final Map<Path, Path> temps = new HashMap<>();
        /** Targets already replaced or deleted, in order; a null previous content means the file was new. */
        private final List<Done> done = new ArrayList<>();
        private final Set<Path> touchedFolders = new LinkedHashSet<>();

        void writeTemp(Planned p) throws IOException {
            Path dir = p.target().getParent();
            createFolders(dir);
            Path temp = AtomicFiles.tempBeside(p.target());
            temps.put(p.target(), temp);
            AtomicFiles.writeDurably(temp, p.bytes());
            Set<PosixFilePermission> permissions = AtomicFiles.permissionsOf(p.target());
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
        }

        void replace(Planned p) throws IOException {
            beforeReplacing.run(p.path(), p.target());
            Path target = p.target();
            BasicFileAttributes attrs = null;
            try {
                attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // new file
            }
            byte[] previous = null;
            Set<PosixFilePermission> permissions = null;
            if (attrs != null) {
                if (!attrs.isRegularFile()) {
                    throw new IOException(p.path() + " is no longer a regular file (it changed while writing)");
                }
                previous = Files.readAllBytes(target);
                permissions = AtomicFiles.permissionsOf(target);
            } else if (p.deletes()) {
                throw new NoSuchFileException(p.path(), null, "it disappeared while writing");
            }
            Done entry = new Done(target, previous, permissions);
            if (p.deletes()) {
                Files.delete(target);
                done.add(entry);
            } else {
                Path temp = temps.get(target);
                AtomicFiles.moveOver(temp, target);
                temps.remove(target);
                done.add(entry);
            }
            touchedFolders.add(target.getParent());
        }

        void syncFolders() {
            touchedFolders.forEach(AtomicFiles::syncFolder);
        }

        /** Undoes everything; returns the paths it could not put back. */
        List<String> rollback() {
            List<String> leftovers = new ArrayList<>();
            for (int i = done.size() - 1; i >= 0; i--) {
                Done d = done.get(i);
                try {
                    if (d.previous() == null) {
                        Files.deleteIfExists(d.target());
                    } else {
                        restore(d);
                    }
                } catch (IOException | RuntimeException e) {
                    leftovers.add(files.relative(d.target()));
                }
            }
            for (Path temp : temps.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    leftovers.add(files.relative(temp));
                }
            }
            for (int i = createdFolders.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(createdFolders.get(i));
                } catch (IOException e) {
                    leftovers.add(files.relative(createdFolders.get(i)) + "/");
                }
            }
            return leftovers;
        }

        private void restore(Done d) throws IOException {
            Path temp = AtomicFiles.tempBeside(d.target());
            try {
                AtomicFiles.writeDurably(temp, d.previous());
                if (d.permissions() != null) {
                    Files.setPosixFilePermissions(temp, d.permissions());
                }
                AtomicFiles.moveOver(temp, d.target());
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /** Creates the missing folders down to {@code dir}, remembering each one it created. */
        private void createFolders(Path dir) throws IOException {
            List<Path> missing = new ArrayList<>();
            for (Path d = dir; !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
                missing.add(0, d);
            }
            for (Path d : missing) {
                Files.createDirectory(d);
                createdFolders.add(d);
            }
        }
    }

    private record Done(Path target, byte[] previous, Set<PosixFilePermission> permissions) {
    }
}
