package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drafts as {@code .factory/drafts/<id>.json}, replaced atomically at every save, so that a crash or Ctrl-C leaves
 * the previous complete version. A draft file that cannot be read is an error naming it (it holds someone's work:
 * it is never skipped silently nor overwritten); a draft larger than {@value #MAX_BYTES} bytes is refused as such.
 */
// implements feature-005/FR-004
final class FileDraftStore implements DraftStore {
    static final String FOLDER = ".factory/drafts";
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final ProjectRoot files;

    FileDraftStore(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public String save(IntakeDraft draft) {
        String path = pathOf(draft.id());
        byte[] json = draft.toJson().getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_BYTES) {
            throw new StorageException(path + ": the draft has grown to " + json.length + " bytes, over the "
                    + MAX_BYTES + "-byte limit; shorten the idea or the answers");
        }
        Path file = files.resolve(path);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create " + FOLDER + "/ to keep the draft: " + e.getMessage()
                    + "; check the permissions of " + files.root().resolve(".factory"));
        }
        AtomicFiles.replace(file, json, path);
        return path;
    }

    @Override
    public Optional<IntakeDraft> load(String id) {
        String path = pathOf(id);
        Path file = files.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file, path));
    }

    @Override
    public List<IntakeDraft> list() {
        Path dir = files.root().resolve(FOLDER);
        List<IntakeDraft> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : entries) {
                // a link in the drafts folder could point anywhere: drafts are files Code-Factory wrote, never links
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.add(read(file, FOLDER + "/" + file.getFileName()));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new StorageException("cannot list " + FOLDER + "/: " + e.getMessage());
        }
        out.sort(Comparator.comparing(IntakeDraft::updated).reversed().thenComparing(IntakeDraft::id));
        return out;
    }

    @Override
    public boolean delete(String id) {
        Path file = files.resolve(pathOf(id));
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("cannot delete " + pathOf(id) + ": " + e.getMessage());
        }
    }

    @Override
    public String pathOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: '" + id + "'");
        }
        return FOLDER + "/" + id + ".json";
    }

    private IntakeDraft read(Path file, String shown) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StorageException(shown + " is larger than " + MAX_BYTES + " bytes: not a draft Code-Factory"
                        + " wrote; move it out of " + FOLDER + "/");
            }
            String text = ProjectRoot.decodeUtf8(Files.readAllBytes(file), shown);
            IntakeDraft draft = IntakeDraft.fromJson(text);
            String name = file.getFileName().toString();
            String expected = name.substring(0, name.length() - ".json".length());
            if (!draft.id().equals(expected)) {
                // saving it would write another file and leave this one behind, loading it would answer another id
                throw new IllegalArgumentException("it holds the draft '" + draft.id() + "', not '" + expected + "'");
            }
            return draft;
        } catch (IOException e) {
            throw new StorageException("cannot read the draft " + shown + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new StorageException("the draft " + shown + " is damaged (" + e.getMessage() + "); it was left as"
                    + " it is: repair it, or move it out of " + FOLDER + "/ to start afresh");
        }
    }
}
