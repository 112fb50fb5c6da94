package dev.codefactory.adapter.fs.layout;

import dev.codefactory.adapter.fs.contract.ContractsReadme;
import dev.codefactory.adapter.fs.contract.ReportsReadme;
import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.LineEndings;
import dev.codefactory.adapter.fs.project.ProjectLock;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The project's folders on disk: {@code contracts/} with a folder per kind, {@code reports/}, the local state in
 * {@code .factory/} and its {@code .gitignore} entries. {@link #initialize()} only ever adds what is missing.
 */
// implements feature-001/FR-001
final class FileProjectLayout implements ProjectLayout {
    static final String GITIGNORE = ".gitignore";
    static final String GITIGNORE_HEADER = "# Code-Factory local state";
    static final List<String> GITIGNORE_LINES =
            List.of(".factory/cache/", ".factory/drafts/", ".factory/changes/", ".factory/audit/",
                    ".factory/audit.jsonl", ".factory/events*", ProjectLock.LOCK_FILE);
    static final List<String> STATE_FOLDERS =
            List.of(".factory/cache/", ".factory/drafts/", ".factory/audit/", ".factory/templates/");
    static final String TEMPLATES_README = ".factory/templates/README.md";

    private final ProjectRoot files;
    private final ProjectLock lock;

    FileProjectLayout(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
        this.lock = new ProjectLock(files);
    }

    @Override
    public boolean isGitRepository() {
        for (Path dir = files.root(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isInitialized() {
        return Files.isDirectory(files.root().resolve("contracts"))
                && Files.isDirectory(files.root().resolve(".factory"));
    }

    @Override
    public List<String> initialize() {
        return lock.exclusively(() -> {
            List<String> changed = new ArrayList<>();
            for (SpecKind kind : SpecKind.values()) {
                ensureFile(kind.folder() + "/.gitkeep", "", changed);
            }
            ensureFile(ContractsReadme.PATH, ContractsReadme.initial(), changed);
            ensureFile(ReportsReadme.PATH, ReportsReadme.initial(), changed);
            for (String folder : STATE_FOLDERS) {
                ensureFolder(folder, changed);
            }
            ensureFile(TEMPLATES_README, templatesReadme(), changed);
            ensureGitignore(changed);
            changed.sort(null);
            return List.copyOf(changed);
        });
    }

    @Override
    public <T> T exclusively(Supplier<T> work) {
        return lock.exclusively(work);
    }

    private void ensureFile(String path, String content, List<String> changed) {
        Path file = files.resolve(path);
        if (ProjectRoot.existsNoFollow(file)) {
            return;
        }
        files.createDirectories(file.getParent(), path.substring(0, path.lastIndexOf('/')));
        if (AtomicFiles.createNew(file, content.getBytes(StandardCharsets.UTF_8), path)) {
            changed.add(path);
        }
    }

    private void ensureFolder(String folder, List<String> changed) {
        Path dir = files.resolve(folder.substring(0, folder.length() - 1));
        if (Files.isDirectory(dir)) {
            return;
        }
        if (ProjectRoot.existsNoFollow(dir)) {
            throw new StorageException(folder + ": exists but is not a folder; move it away and run init again");
        }
        files.createDirectories(dir, folder);
        changed.add(folder);
    }

    /** Adds the local-state lines that are missing, keeping the file's own content and line endings. */
    private void ensureGitignore(List<String> changed) {
        Path file = files.resolve(GITIGNORE);
        boolean exists = ProjectRoot.existsNoFollow(file);
        String text = "";
        if (exists) {
            try {
                // ISO-8859-1 maps every byte to one char and back, so any encoding survives the round trip
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new StorageException(GITIGNORE, "reading", e);
            }
        }
        Set<String> present = new HashSet<>();
        text.lines().map(String::strip).forEach(present::add);
        List<String> missing = GITIGNORE_LINES.stream().filter(l -> !present.contains(l)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String eol = LineEndings.of(text);
        StringBuilder out = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.append(eol);
        }
        if (!present.contains(GITIGNORE_HEADER)) {
            if (!LineEndings.endsWithBlankLine(out.toString())) {
                out.append(eol);
            }
            out.append(GITIGNORE_HEADER).append(eol);
        }
        missing.forEach(line -> out.append(line).append(eol));
        byte[] bytes = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (exists) {
            AtomicFiles.replace(file, bytes, GITIGNORE);
        } else if (!AtomicFiles.createNew(file, bytes, GITIGNORE)) {
            throw new StorageException(GITIGNORE + ": appeared while init was writing it; run init again");
        }
        changed.add(GITIGNORE);
    }

    private static String templatesReadme() {
        return "# Templates\n\n"
                + "New contracts start from Code-Factory's built-in templates. To use your own, put a file here"
                + " named after the kind of contract:\n\n"
                + "- `spec.md` for feature specifications (`contracts/specs/`)\n"
                + "- `architecture.md` for architecture documents (`contracts/architecture/`)\n"
                + "- `decision.md` for decision records (`contracts/decisions/`)\n\n"
                + "A template is a whole markdown file, front matter included. These placeholders are filled in"
                + " when a contract is created; any other `{{...}}` is left as it is:\n\n"
                + "| Placeholder | Becomes |\n"
                + "|---|---|\n"
                + "| `{{id}}` | the new contract's id, such as `feature-007` |\n"
                + "| `{{title}}` | its title |\n"
                + "| `{{status}}` | `draft` |\n"
                + "| `{{date}}` | today's date, YYYY-MM-DD |\n"
                + "| `{{author}}` | the author |\n"
                + "| `{{tags}}` | the tags: `[a, b]` in the front matter, `a, b` in the text |\n"
                + "| `{{priority}}` | `low`, `medium`, `high` or `critical` |\n\n"
                + "In the front matter the values are written as YAML, quoted where needed, so write"
                + " `title: {{title}}` without quotes of your own.\n"
                + "Keep the sections that `factory spec validate` requires for the kind: Overview and Requirements"
                + " for a spec, Overview for an architecture document, Context and Decision for a decision.\n";
    }
}
