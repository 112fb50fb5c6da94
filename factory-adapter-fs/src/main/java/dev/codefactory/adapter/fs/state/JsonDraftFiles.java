package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.project.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Drafts of one kind as {@code <folder>/<id>.json} under the project root, replaced atomically at every save
 * ({@link AtomicFiles}), so that a crash or Ctrl-C leaves the previous complete version. A draft file that cannot be
 * read is an error naming it (it holds someone's work: it is never skipped silently nor overwritten); a draft larger
 * than {@value #MAX_BYTES} bytes is refused as such. Only the folder's own {@code *.json} files are drafts: a
 * sub-folder (another kind's drafts, {@code adopt/}) is not looked into. What {@link FileDraftStore} (intake) and
 * {@link FileAdoptionStore} (adopt) share: each extends it and implements its port with these methods.
 *
 * @param <T> the draft's type
 */
abstract class JsonDraftFiles<T> {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final ProjectRoot files;
    private final String folder;
    private final Function<T, String> toJson;
    private final Function<String, T> fromJson;
    private final Function<T, String> idOf;
    private final Function<T, Instant> updatedOf;
    private final String tooLargeHint;

    /**
     * @param folder       relative to the project root, {@code .factory/drafts}
     * @param fromJson     parses a draft; an {@link IllegalArgumentException} for a damaged one
     * @param tooLargeHint what the person can do about a draft over the limit
     */
    protected JsonDraftFiles(Path root, String folder, Function<T, String> toJson, Function<String, T> fromJson,
                   Function<T, String> idOf, Function<T, Instant> updatedOf, String tooLargeHint) {
        this.files = new ProjectRoot(root);
        this.folder = folder;
        this.toJson = toJson;
        this.fromJson = fromJson;
        this.idOf = idOf;
        this.updatedOf = updatedOf;
        this.tooLargeHint = tooLargeHint;
    }

    public String save(T draft) {
        String path = pathOf(idOf.apply(draft));
        byte[] json = toJson.apply(draft).getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_BYTES) {
            throw new StorageException(path + ": the draft has grown to " + json.length + " bytes, over the "
                    + MAX_BYTES + "-byte limit; " + tooLargeHint);
        }
        Path file = files.resolve(path);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create " + folder + "/ to keep the draft: " + e.getMessage()
                    + "; check the permissions of " + files.root().resolve(".factory"));
        }
        AtomicFiles.replace(file, json, path);
        return path;
    }

    public Optional<T> load(String id) {
        String path = pathOf(id);
        Path file = files.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file, path));
    }

    public List<T> list() {
        Path dir = files.root().resolve(folder);
        List<T> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : entries) {
                // a link in the drafts folder could point anywhere: drafts are files Code-Factory wrote, never links
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(read(file, folder + "/" + file.getFileName()));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new StorageException("cannot list " + folder + "/: " + e.getMessage());
        }
        out.sort(Comparator.comparing(updatedOf).reversed().thenComparing(idOf));
        return out;
    }

    public boolean delete(String id) {
        Path file = files.resolve(pathOf(id));
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("cannot delete " + pathOf(id) + ": " + e.getMessage());
        }
    }

    public String pathOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: '" + id + "'");
        }
        return folder + "/" + id + ".json";
    }

    private T read(Path file, String shown) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StorageException(shown + " is larger than " + MAX_BYTES + " bytes: not a draft Code-Factory"
                        + " wrote; move it out of " + folder + "/");
            }
            String text = ProjectRoot.decodeUtf8(Files.readAllBytes(file), shown);
            T draft = fromJson.apply(text);
            String name = file.getFileName().toString();
            String expected = name.substring(0, name.length() - ".json".length());
            if (!idOf.apply(draft).equals(expected)) {
                // saving it would write another file and leave this one behind, loading it would answer another id
                throw new IllegalArgumentException("it holds the draft '" + idOf.apply(draft) + "', not '" + expected
                        + "'");
            }
            return draft;
        } catch (IOException e) {
            throw new StorageException("cannot read the draft " + shown + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new StorageException("the draft " + shown + " is damaged (" + e.getMessage() + "); it was left as"
                    + " it is: repair it, or move it out of " + folder + "/ to start afresh");
        }
    }
}
