package dev.codefactory.adapter.fs.project;

import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.project.UnsafePathException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The project root and the one path policy of this adapter: every adapter that touches project files turns a
 * project-relative path (forward slashes) into a file system path here.
 *
 * <p>The shape of a path is checked on its characters alone ({@link #shaped}): not empty, no NUL, no backslash, not
 * absolute (nor {@code ~}, nor a drive letter), no {@code ..}, {@code .} or empty segment, and no segment that names
 * {@code .git} on any platform: {@code .GIT}, {@code .git. } (Windows drops trailing dots and spaces) or
 * {@code GIT~1} (its NTFS short name). {@link #resolve} then looks on disk: the real path of the deepest part that
 * exists must lie inside the real root and not in {@code .git} by any of those names. Adapters stricter about links
 * (the change path refuses every one, {@link SafeProjectFiles}) add their own walk on top of {@link #shaped}.
 *
 * <p>Shared inside the fs adapter only: public for its sibling packages, not part of the adapter's API.
 */
public final class ProjectRoot {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    /** NTFS short names that may stand for {@code .git} ({@code GIT~1}). */
    private static final Pattern GIT_SHORT_NAME = Pattern.compile("(?i)git~[0-9]+");

    private final Path root;
    private volatile Path realRoot;

    public ProjectRoot(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The root with every symlink resolved; the project must exist. */
    Path realRoot() {
        Path known = realRoot;
        if (known == null) {
            try {
                known = root.toRealPath();
            } catch (IOException e) {
                throw new StorageException(root.toString(), "opening the project folder", e);
            }
            realRoot = known;
        }
        return known;
    }

    /**
     * The file system path of a project-relative path, after checking that it stays inside the project: not
     * absolute, not climbing out, not into {@code .git}, and not out through a symlink (the real path of the deepest
     * part that exists, the file itself included, must be inside the real root).
     *
     * @throws UnsafePathException when it would lead elsewhere
     */
    public Path resolve(String path) {
        return resolve(path, true);
    }

    /**
     * Like {@link #resolve(String)}, except that when the path itself is a symlink only the folders leading to it are
     * checked, so that the caller can report where the link points instead of refusing the path.
     */
    public Path resolveEntry(String path) {
        return resolve(path, false);
    }

    /**
     * The checks every project path passes, on its characters alone: not empty, no NUL, forward slashes only, not
     * absolute (nor {@code ~} or a drive letter), no {@code ..}, {@code .} or empty segment, nothing named
     * {@code .git} by any of its names.
     */
    static void checkPlain(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new UnsafePathException(path, "the path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new UnsafePathException(path, "it holds a NUL character");
        }
        if (path.indexOf('\\') >= 0) {
            throw new UnsafePathException(path, "it holds a backslash; project paths use forward slashes");
        }
        // the cheap test first: every file of a review passes here (feature-013, NFR-002)
        if (path.startsWith("/") || path.length() >= 2 && path.charAt(1) == ':' && DRIVE.matcher(path).lookingAt()
                || path.equals("~") || path.startsWith("~/")) {
            throw new UnsafePathException(path, "it is an absolute path; give it relative to the project root");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                throw new UnsafePathException(path, "it climbs out with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new UnsafePathException(path, "it has an empty or '.' segment; write it plainly, as in"
                        + " src/Main.java");
            }
            if (isGit(segment)) {
                throw new UnsafePathException(path, "it leads into .git");
            }
        }
    }

    /** Whether a file name is {@code name} as Windows reads it: case ignored, trailing dots and spaces dropped. */
    static boolean sameName(String segment, String name) {
        return windowsName(segment).equalsIgnoreCase(name);
    }

    /** Whether a file name stands for {@code .git} on some platform ({@code .GIT}, {@code .git. }, {@code GIT~1}). */
    static boolean isGit(String segment) {
        String bare = windowsName(segment);
        return bare.equalsIgnoreCase(".git") || bare.indexOf('~') >= 0 && GIT_SHORT_NAME.matcher(bare).matches();
    }

    /** Windows ignores trailing dots and spaces in names: {@code ".git. "} is {@code .git} there. */
    private static String windowsName(String segment) {
        int end = segment.length();
        while (end > 0 && (segment.charAt(end - 1) == '.' || segment.charAt(end - 1) == ' ')) {
            end--;
        }
        return end == 0 ? segment : segment.substring(0, end);
    }

    /**
     * The file system path of a project-relative path after checking its shape ({@link #checkPlain}); nothing on
     * disk is looked at (what a cache that only reads a file's attributes needs; reading a file goes through
     * {@link #resolve}).
     */
    public Path shaped(String path) {
        checkPlain(path);
        Path resolved;
        try {
            Path relative = root.getFileSystem().getPath(path);
            if (relative.isAbsolute() || relative.getRoot() != null) {
                throw new UnsafePathException(path, "it is an absolute path; give it relative to the project root");
            }
            resolved = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new UnsafePathException(path, "it is not a valid file name here (" + e.getReason() + ")");
        }
        if (!resolved.startsWith(root)) {
            throw new UnsafePathException(path, "it leads outside the project folder");
        }
        if (resolved.equals(root)) {
            throw new UnsafePathException(path, "it names the project folder itself, not a file in it");
        }
        return resolved;
    }

    private Path resolve(String path, boolean followLast) {
        Path resolved = shaped(path);
        checkRealPath(path, followLast || !Files.isSymbolicLink(resolved) ? resolved : resolved.getParent());
        return resolved;
    }

    /** The real path of an existing file when it is inside the project (and not in {@code .git}), else empty. */
    public Optional<Path> realPathInside(Path file) throws IOException {
        Path real = file.toRealPath();
        return isInside(real) ? Optional.of(real) : Optional.empty();
    }

    /** The project-relative form of a path under the root, with forward slashes. */
    public String relative(Path path) {
        String rel = root.relativize(path).toString();
        String separator = path.getFileSystem().getSeparator();
        return separator.equals("/") ? rel : rel.replace(separator, "/");
    }

    /** Reads a whole project text file as strict UTF-8. */
    public String readText(Path file, String shownPath) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException(shownPath, "reading", e);
        }
        return decodeUtf8(bytes, shownPath);
    }

    public static String decodeUtf8(byte[] bytes, String shownPath) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new StorageException(shownPath + ": is not UTF-8 text; save it as UTF-8");
        }
    }

    /** Creates a folder of the project (and its parents) when missing. */
    public void createDirectories(Path dir, String shownPath) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException(shownPath, "creating the folder", e);
        }
    }

    private void checkRealPath(String path, Path resolved) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new StorageException(path + ": the project folder " + root + " does not exist");
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            // removed between the two calls: judge the parent instead
            checkRealPath(path, existing.getParent());
            return;
        } catch (IOException e) {
            throw new StorageException(path, "resolving the path", e);
        }
        if (!real.startsWith(realRoot())) {
            throw new UnsafePathException(path, "it leads outside the project through a symlink");
        }
        if (!isInside(real)) {
            throw new UnsafePathException(path, "it leads into .git through a symlink");
        }
    }

    private boolean isInside(Path real) {
        Path realRootPath = realRoot();
        if (!real.startsWith(realRootPath)) {
            return false;
        }
        for (Path segment : realRootPath.relativize(real)) {
            if (isGit(segment.toString())) {
                return false;
            }
        }
        return true;
    }

    public static boolean existsNoFollow(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
