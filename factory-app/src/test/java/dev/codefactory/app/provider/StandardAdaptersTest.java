package dev.codefactory.app.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.files.spi.ProjectFilesProvider;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.vcs.spi.VersionControlProvider;
import dev.codefactory.port.workspace.spi.WorkspaceScannerProvider;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

// covers feature-009/FR-002
class StandardAdaptersTest {
    /** An SPI that is not one of the standard ports. */
    interface WidgetProvider extends Provider {
    }

    @Test
    void a_standard_port_is_named_with_the_artifact_that_provides_it() {
        assertEquals("no ProjectFiles adapter is on the class path: add dev.codefactory:factory-adapter-fs, or"
                + " dev.codefactory:factory-standard for the library with every standard adapter",
                StandardAdapters.missing(ProjectFilesProvider.class));
        assertEquals("factory-adapter-git", StandardAdapters.artifactOf(VersionControlProvider.class));
        assertEquals("factory-adapter-git", StandardAdapters.artifactOf(WorkspaceScannerProvider.class));
        assertEquals("factory-adapter-github", StandardAdapters.artifactOf(CodeHostProvider.class));
    }

    @Test
    void another_spi_is_named_by_its_service_file() {
        assertNull(StandardAdapters.artifactOf(WidgetProvider.class));
        assertEquals("no Widget adapter is on the class path; add the jar that provides one (it registers "
                + WidgetProvider.class.getName() + " in META-INF/services)",
                StandardAdapters.missing(WidgetProvider.class));
    }

    @Test
    void every_provider_spi_of_the_ports_has_its_standard_artifact() throws Exception {
        Path ports = Path.of(ProjectFilesProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> spis = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(ports) ? null : FileSystems.newFileSystem(ports);
             Stream<Path> files = Files.walk(jar == null ? ports : jar.getPath("/"))) {
            files.map(p -> (jar == null ? ports.relativize(p) : jar.getPath("/").relativize(p)).toString())
                    .filter(p -> p.matches("dev/codefactory/port/\\w+/spi/\\w+Provider\\.class"))
                    .forEach(p -> spis.add(p.replace('/', '.').substring(0, p.length() - ".class".length())));
        }
        assertTrue(spis.size() >= 14, spis.toString());
        for (String spi : spis) {
            assertNotNull(StandardAdapters.artifactOf(Class.forName(spi)), spi + " has no standard artifact");
        }
    }
}
