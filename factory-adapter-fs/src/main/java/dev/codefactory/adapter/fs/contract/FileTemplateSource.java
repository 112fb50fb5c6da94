package dev.codefactory.adapter.fs.contract;

import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
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
        try (InputStream in = ownResource(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in template " + resource + " is missing from the jar");
            }
            return ProjectRoot.decodeUtf8(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in template " + resource, e);
        }
    }

    /**
     * This module's own resource, read from the jar or folder its classes came from. The class loader would first
     * look through every module of the JDK's runtime image, opening its reader: 5 ms of every spec list
     * (feature-013/NFR-001). It is asked when the classes came from somewhere else.
     */
    private static InputStream ownResource(String resource) throws IOException {
        CodeSource source = FileTemplateSource.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && location.getProtocol().equals("file")) {
            String name = FileTemplateSource.class.getPackageName().replace('.', '/') + "/" + resource;
            String where = location.toString();
            URL url = where.endsWith("/") ? new URL(location, name) : new URL("jar:" + where + "!/" + name);
            try {
                return url.openStream();
            } catch (IOException e) {
                // not there after all (or a path a jar: URL cannot name, with a '!/' in it): the class loader's search
            }
        }
        return FileTemplateSource.class.getResourceAsStream(resource);
    }
}
