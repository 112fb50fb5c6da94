package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Templates for new contracts: the project's own {@code .factory/templates/<kind>.md} when there is one, else the
 * one built into this jar.
 */
// implements feature-001/FR-008
final class FileTemplateSource implements TemplateSource {
    static final String BUILT_IN = "built-in";

    private final ProjectRoot files;

    FileTemplateSource(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public SpecTemplate template(SpecKind kind) {
        String path = ".factory/templates/" + kind.label() + ".md";
        Path override = files.resolve(path);
        if (Files.isRegularFile(override)) {
            return new SpecTemplate(kind, path, files.readText(override, path));
        }
        return new SpecTemplate(kind, BUILT_IN, builtIn(kind));
    }

    /** The project's template (when it has one) and the built-in one. */
    @Override
    public List<SpecTemplate> origins(SpecKind kind) {
        SpecTemplate current = template(kind);
        return current.origin().equals(BUILT_IN) ? List.of(current)
                : List.of(current, new SpecTemplate(kind, BUILT_IN, builtIn(kind)));
    }

    static String builtIn(SpecKind kind) {
        String resource = "templates/" + kind.label() + ".md";
        try (InputStream in = FileTemplateSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in template " + resource + " is missing from the jar");
            }
            return ProjectRoot.decodeUtf8(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in template " + resource, e);
        }
    }
}
