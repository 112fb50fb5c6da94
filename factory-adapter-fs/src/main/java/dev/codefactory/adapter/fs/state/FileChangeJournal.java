package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.spi.ProjectContext;
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
import java.util.regex.Pattern;

/**
 * Change order records as {@code .factory/changes/<id>.json}, each replaced atomically at every save. The folder
 * carries its own {@code .gitignore} ({@code *}), written before the first record, so that git never sees the
 * records and restoring a snapshot never removes them. A record that cannot be read is an error naming its file (it
 * is what {@code factory undo} needs: never skipped silently); one larger than {@value #MAX_BYTES} bytes is refused.
 *
 * <p>A claim is {@code <id>.owner} beside the record: the process id and start time of the process working on the
 * change, written before it saves the record as started and removed when it is done. A started record whose owner
 * file is missing, or names a process that is no longer running (its id gone, or reused by a process that started
 * later), is reported as interrupted: that process was killed or crashed.
 */
// implements feature-007/FR-010
final class FileChangeJournal implements ChangeJournal {
    static final String FOLDER = ".factory/changes";
    static final String GITIGNORE = FOLDER + "/.gitignore";
    static final String GITIGNORE_CONTENT = "*\n";
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final String OWNER = ".owner";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final ProjectRoot files;

    FileChangeJournal(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public String save(ChangeRecord record) {
        String path = pathOf(record.id());
        byte[] json = ChangeRecordJson.write(record).getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_BYTES) {
            throw new StorageException(path + ": the change record has grown to " + json.length + " bytes, over the "
                    + MAX_BYTES + "-byte limit; shorten the request or the note");
        }
        Path file = files.resolve(path);
        createFolder();
        AtomicFiles.replace(file, json, path);
        return path;
    }

    private void createFolder() {
        try {
            Files.createDirectories(files.resolve(FOLDER));
        } catch (IOException e) {
            throw new StorageException("cannot create " + FOLDER + "/ to keep the change record: " + e.getMessage()
                    + "; check the permissions of " + files.root().resolve(".factory"));
        }
        ensureGitignore();
    }

    @Override
    public Claim claim(String id) {
        String path = ownerPath(id);
        Path file = files.resolve(path);
        createFolder();
        ProcessHandle self = ProcessHandle.current();
        String owner = self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("-") + "\n";
        AtomicFiles.replace(file, owner.getBytes(StandardCharsets.UTF_8), path);
        return () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a claim left behind names this process, which is ending its work: once it exits, it counts as gone
            }
        };
    }

    /** The record as it stands: started only while a live process claims it, else interrupted. */
    private ChangeRecord current(ChangeRecord record) {
        return record.status() == ChangeRecord.Status.STARTED && !claimed(record.id())
                ? record.withStatus(ChangeRecord.Status.INTERRUPTED) : record;
    }

    /** True when the owner file of {@code id} names a process that is running (the same one that wrote it). */
    private boolean claimed(String id) {
        Path file = files.resolve(ownerPath(id));
        String[] owner;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 200) {
                return false;
            }
            owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip().split(" ");
        } catch (IOException e) {
            return false;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(owner[0]));
        } catch (NumberFormatException e) {
            return false;
        }
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return owner.length < 2 || owner[1].equals("-") || started.isEmpty()
                || started.get().toString().equals(owner[1]); // a different start: the id was reused
    }

    static String ownerPath(String id) {
        String record = pathOf(id);
        return record.substring(0, record.length() - ".json".length()) + OWNER;
    }

    @Override
    public Optional<ChangeRecord> find(String id) {
        String path = pathOf(id);
        Path file = files.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(current(read(file, path)));
    }

    @Override
    public List<ChangeRecord> list() {
        Path dir = files.root().resolve(FOLDER);
        List<ChangeRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : entries) {
                // records are files Code-Factory wrote, never links that could point anywhere
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(current(read(file, FOLDER + "/" + file.getFileName())));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new StorageException("cannot list " + FOLDER + "/: " + e.getMessage());
        }
        out.sort(Comparator.comparing(ChangeRecord::created).reversed().thenComparing(ChangeRecord::id));
        return out;
    }

    /** The record's path relative to the project root. */
    static String pathOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a change id: '" + id + "' (lower-case letters, digits and '-',"
                    + " at most 64, starting with a letter or digit)");
        }
        return FOLDER + "/" + id + ".json";
    }

    /** Writes {@code .factory/changes/.gitignore} unless it is there and already ignores everything. */
    private void ensureGitignore() {
        Path file = files.resolve(GITIGNORE);
        byte[] content = GITIGNORE_CONTENT.getBytes(StandardCharsets.UTF_8);
        if (ProjectRoot.existsNoFollow(file)) {
            try {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines()
                        .map(String::strip).anyMatch("*"::equals)) {
                    return;
                }
            } catch (IOException e) {
                throw new StorageException(GITIGNORE, "reading", e);
            }
            AtomicFiles.replace(file, content, GITIGNORE);
        } else if (!AtomicFiles.createNew(file, content, GITIGNORE)) {
            AtomicFiles.replace(file, content, GITIGNORE); // appeared meanwhile: make sure it ignores everything
        }
    }

    private ChangeRecord read(Path file, String shown) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StorageException(shown + " is larger than " + MAX_BYTES + " bytes: not a change record"
                        + " Code-Factory wrote; move it out of " + FOLDER + "/");
            }
            String text = ProjectRoot.decodeUtf8(Files.readAllBytes(file), shown);
            ChangeRecord record = ChangeRecordJson.read(text);
            String name = file.getFileName().toString();
            String expected = name.substring(0, name.length() - ".json".length());
            if (!record.id().equals(expected)) {
                // saving it would write another file and leave this one behind; finding it would answer another id
                throw new IllegalArgumentException("it holds the change '" + record.id() + "', not '" + expected
                        + "'");
            }
            return record;
        } catch (IOException e) {
            throw new StorageException("cannot read the change record " + shown + ": " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StorageException("the change record " + shown + " is damaged (" + e.getMessage() + "); it was"
                    + " left as it is: repair it, or move it out of " + FOLDER + "/ (factory undo and history need"
                    + " it)");
        }
    }
}
