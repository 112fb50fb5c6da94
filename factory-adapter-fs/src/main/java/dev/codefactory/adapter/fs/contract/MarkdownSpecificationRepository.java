package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectLock;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.Rule;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.spec.SpecValidator;
import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contracts as markdown files with YAML front matter under {@code contracts/specs}, {@code contracts/architecture}
 * and {@code contracts/decisions}. Reads in parallel; every write is atomic and taken under the project lock.
 */
// implements feature-001/NFR-003
final class MarkdownSpecificationRepository implements SpecificationRepository {
    private final ProjectRoot files;
    private final ProjectLock lock;
    private final SpecParser parser;

    MarkdownSpecificationRepository(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
        this.lock = new ProjectLock(files);
        this.parser = new SpecParser(context.limits().maxSpecBytes());
    }

    @Override
    public List<SpecSource> loadAll() {
        return listAll().read(source -> source);
    }

    @Override
    public Listing listAll() {
        List<Candidate> candidates = new ArrayList<>();
        for (SpecKind kind : SpecKind.values()) {
            collect(kind.folder(), candidates);
        }
        candidates.sort((a, b) -> a.path().compareTo(b.path())); // not Comparator.comparing: see Finding.BY_LOCATION
        List<String> paths = candidates.stream().map(Candidate::path).toList();
        return new Listing() {
            @Override
            public List<String> paths() {
                return paths;
            }

            // implements feature-013/NFR-004
            @Override
            public <T> List<T> read(Function<? super SpecSource, ? extends T> each) {
                var all = candidates.size() >= SpecValidator.PARALLEL_FROM ? candidates.parallelStream()
                        : candidates.stream();
                return all.<T>map(c -> each.apply(MarkdownSpecificationRepository.this.read(c))).toList();
            }
        };
    }

    @Override
    public SpecSource load(String path) {
        Path file = files.resolveEntry(path);
        boolean symlink = Files.isSymbolicLink(file);
        if (!symlink && !Files.isRegularFile(file)) {
            throw new SpecNotFoundException(path);
        }
        return read(new Candidate(file, files.relative(file), symlink, !symlink, null));
    }

    @Override
    public SpecSource parse(String path, String content) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        return parser.parse(path, content);
    }

    @Override
    public boolean exists(String path) {
        try {
            return Files.isRegularFile(files.resolve(path));
        } catch (UnsafePathException | StorageException e) {
            return false;
        }
    }

    @Override
    public String create(SpecKind kind, String fileName, String content) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
            throw new UnsafePathException(fileName, "a new contract is named by a plain file name, without folders");
        }
        if (!fileName.endsWith(".md") || fileName.length() == ".md".length()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a contract file name: it must end in .md");
        }
        if (fileName.equalsIgnoreCase("README.md")) {
            throw new IllegalArgumentException("README.md is kept for the folder's own notes, not for a contract");
        }
        String path = kind.folder() + "/" + fileName;
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return lock.exclusively(() -> {
            Path target = files.resolve(path);
            files.createDirectories(target.getParent(), kind.folder());
            if (!AtomicFiles.createNew(target, bytes, path)) {
                throw new StorageException(path + ": already exists; choose another name (nothing was written)");
            }
            return path;
        });
    }

    @Override
    public Addition createIndexed(SpecKind kind, String fileName, String content, String indexBlock) {
        Objects.requireNonNull(indexBlock, "indexBlock");
        return lock.exclusively(() -> {
            // read before anything is written: a README that cannot be read (a folder in its place) stops it here
            Path readme = files.resolve(ContractsReadme.PATH);
            byte[] before = null;
            if (ProjectRoot.existsNoFollow(readme)) {
                requireFile(readme);
                try {
                    before = Files.readAllBytes(readme);
                } catch (IOException e) {
                    throw new StorageException(ContractsReadme.PATH, "reading", e);
                }
            }
            String path = create(kind, fileName, content);
            Addition written = new WrittenContract(path, before);
            try {
                writeIndex(indexBlock);
            } catch (RuntimeException e) {
                try {
                    written.undo();
                } catch (RuntimeException undoFailed) {
                    e.addSuppressed(undoFailed);
                }
                throw e;
            }
            return written;
        });
    }

    /** Refuses a {@code contracts/README.md} that is not a regular file (a folder in its place), before any write. */
    private static void requireFile(Path readme) {
        if (!Files.isRegularFile(readme)) {
            throw new StorageException(ContractsReadme.PATH + " is not a file (a folder is in its place, say), so"
                    + " the index of the contracts cannot be written there; nothing was written: move it away, then"
                    + " try again");
        }
    }

    /** What {@link #createIndexed} wrote, and the README's bytes before it. */
    private final class WrittenContract implements Addition {
        private final String path;
        private final byte[] readmeBefore;

        WrittenContract(String path, byte[] readmeBefore) {
            this.path = path;
            this.readmeBefore = readmeBefore;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public void undo() {
            lock.exclusively(() -> {
                RuntimeException failed = null;
                try {
                    delete(files.resolve(path), path);
                } catch (RuntimeException e) {
                    failed = e;
                }
                try { // the README too, whatever happened to the contract
                    Path readme = files.resolve(ContractsReadme.PATH);
                    if (readmeBefore != null) {
                        AtomicFiles.replace(readme, readmeBefore, ContractsReadme.PATH);
                    } else {
                        delete(readme, ContractsReadme.PATH);
                    }
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                return null;
            });
        }

        private void delete(Path file, String shown) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StorageException(shown, "removing", e);
            }
        }
    }

    @Override
    public void updateFields(String path, Map<String, String> yamlValues) {
        Objects.requireNonNull(path, "path");
        Map<String, String> values = new LinkedHashMap<>(Objects.requireNonNull(yamlValues, "yamlValues"));
        lock.exclusively(() -> {
            Path file = files.resolve(path);
            if (!Files.isRegularFile(file)) {
                throw new SpecNotFoundException(path);
            }
            String rel = files.relative(file);
            String text;
            String edited;
            try {
                text = parser.decode(parser.readBytes(file));
                // the editor and its YAML reader are made only when a field is edited (feature-013/FR-005)
                edited = new FrontMatterEditor(parser.yaml()).edit(rel, text, values);
            } catch (ContractProblem p) {
                throw new InvalidSpecificationException(List.of(p.toFinding(rel)));
            }
            if (!edited.equals(text)) {
                AtomicFiles.replace(file, edited.getBytes(StandardCharsets.UTF_8), rel);
            }
            return null;
        });
    }

    @Override
    public void writeIndex(String block) {
        Objects.requireNonNull(block, "block");
        lock.exclusively(() -> {
            Path file = files.resolve(ContractsReadme.PATH);
            if (!ProjectRoot.existsNoFollow(file)) {
                files.createDirectories(file.getParent(), "contracts");
                String text = ContractsReadme.SHORT_HEADER + block;
                if (AtomicFiles.createNew(file, text.getBytes(StandardCharsets.UTF_8), ContractsReadme.PATH)) {
                    return null;
                }
            }
            requireFile(file);
            String text = files.readText(file, ContractsReadme.PATH);
            String updated = ContractsReadme.INDEX.put(text, block);
            if (!updated.equals(text)) {
                AtomicFiles.replace(file, updated.getBytes(StandardCharsets.UTF_8), ContractsReadme.PATH);
            }
            return null;
        });
    }

    private SpecSource read(Candidate candidate) {
        String path = candidate.path();
        Path file = candidate.file();
        if (candidate.failure() != null) {
            return unreadable(path, Rule.FILE_UNREADABLE, "could not be read: " + candidate.failure());
        }
        try {
            if (candidate.symlink()) {
                Optional<Path> inside = files.realPathInside(file);
                if (inside.isEmpty()) {
                    return unreadable(path, Rule.FILE_OUTSIDE_PROJECT, "is a symlink to a file outside the project");
                }
                if (!Files.isRegularFile(inside.get())) {
                    return unreadable(path, Rule.FILE_UNREADABLE, "is a symlink to something that is not a file");
                }
            }
        } catch (NoSuchFileException e) {
            return unreadable(path, Rule.FILE_UNREADABLE, "is a symlink to a file that does not exist");
        } catch (IOException e) {
            return unreadable(path, Rule.FILE_UNREADABLE, "could not be read: " + SpecParser.describe(e));
        }
        if (!candidate.symlink() && !candidate.regular()) {
            return unreadable(path, Rule.FILE_UNREADABLE, "is not a regular file");
        }
        return parser.read(file, path);
    }

    private static SpecSource unreadable(String path, Rule rule, String message) {
        return new SpecSource.Unreadable(path, rule.error(path, 0, message));
    }

    /** Finds the {@code .md} files of one kind's folder, without following symlinked folders. */
    private void collect(String folder, List<Candidate> into) {
        Path dir = files.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path start;
        try {
            start = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
        } catch (IOException e) {
            throw new StorageException(folder, "listing", e);
        }
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return d.getFileName() != null && d.getFileName().toString().equalsIgnoreCase(".git")
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (name.endsWith(".md") && !name.toLowerCase(Locale.ROOT).equals("readme.md")
                                    && !attrs.isDirectory()) {
                                into.add(new Candidate(file, folder + "/" + slashes(start.relativize(file)),
                                        attrs.isSymbolicLink(), attrs.isRegularFile(), null));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String rel = folder + "/" + slashes(start.relativize(file));
                            if (rel.endsWith(".md")) {
                                into.add(new Candidate(file, rel, false, false, SpecParser.describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new StorageException(folder, "listing", e);
        }
    }

    private static String slashes(Path relative) {
        String separator = relative.getFileSystem().getSeparator();
        String text = relative.toString();
        return separator.equals("/") ? text : text.replace(separator, "/");
    }

    /** A file found in a kind's folder; {@code failure} says why it could not even be looked at. */
    private record Candidate(Path file, String path, boolean symlink, boolean regular, String failure) {
    }
}
