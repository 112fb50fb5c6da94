package dev.codefactory.adapter.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.config.AtomicConfigurationFilesProvider;
import dev.codefactory.adapter.fs.contract.MarkdownSpecificationRepositoryProvider;
import dev.codefactory.adapter.fs.project.SafeProjectFilesProvider;
import dev.codefactory.adapter.fs.state.FileChangeJournalProvider;
import dev.codefactory.port.adopt.spi.AdoptionStoreProvider;
import dev.codefactory.port.change.spi.ChangeJournalProvider;
import dev.codefactory.port.config.spi.ConfigurationFilesProvider;
import dev.codefactory.port.files.spi.ProjectFilesProvider;
import dev.codefactory.port.intake.spi.DraftStoreProvider;
import dev.codefactory.port.project.spi.ProjectLayoutProvider;
import dev.codefactory.port.project.spi.ProjectLocatorProvider;
import dev.codefactory.port.report.spi.ReportRepositoryProvider;
import dev.codefactory.port.spec.spi.SpecificationRepositoryProvider;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {

    @Test
    void service_loader_finds_the_project_bound_providers_with_their_ids() {
        Map<String, String> found = new TreeMap<>();
        for (Class<? extends Provider> spi : List.of(SpecificationRepositoryProvider.class,
                ReportRepositoryProvider.class, TemplateSourceProvider.class, ProjectLayoutProvider.class,
                DraftStoreProvider.class, ProjectFilesProvider.class, ChangeJournalProvider.class,
                ConfigurationFilesProvider.class, ProjectLocatorProvider.class, AdoptionStoreProvider.class)) {
            for (Provider p : ServiceLoader.load(spi)) {
                found.put(spi.getSimpleName(), p.getClass().getSimpleName() + ":" + p.id());
            }
        }
        assertEquals(Map.of(
                "SpecificationRepositoryProvider", "MarkdownSpecificationRepositoryProvider:markdown",
                "ReportRepositoryProvider", "MarkdownReportRepositoryProvider:markdown",
                "TemplateSourceProvider", "FileTemplateSourceProvider:file",
                "ProjectLayoutProvider", "FileProjectLayoutProvider:file",
                "DraftStoreProvider", "FileDraftStoreProvider:file",
                "ProjectFilesProvider", "SafeProjectFilesProvider:file",
                "ChangeJournalProvider", "FileChangeJournalProvider:file",
                "ConfigurationFilesProvider", "AtomicConfigurationFilesProvider:file",
                "ProjectLocatorProvider", "FileProjectLocatorProvider:file",
                "AdoptionStoreProvider", "FileAdoptionStoreProvider:file"), found);
    }

    @Test
    void providers_create_adapters_without_touching_a_missing_folder(@TempDir Path tmp) {
        Path missing = tmp.resolve("not-there");
        Projects.specs(missing);
        Projects.reports(missing);
        Projects.layout(missing);
        Projects.templates(missing);
        new SafeProjectFilesProvider().create(Projects.context(missing));
        new FileChangeJournalProvider().create(Projects.context(missing));
        new AtomicConfigurationFilesProvider().create(Projects.context(missing));
        assertTrue(Files.notExists(missing));
    }

    @Test
    void only_the_providers_and_the_classes_shared_between_its_packages_are_public()
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(MarkdownSpecificationRepositoryProvider.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path adapter = classes.resolve("dev/codefactory/adapter/fs");
        Set<String> publicClasses = new TreeSet<>();
        Set<String> expected = new TreeSet<>(Set.of("layout.FileProjectLayoutProvider",
                "contract.FileTemplateSourceProvider", "contract.MarkdownReportRepositoryProvider",
                "contract.MarkdownSpecificationRepositoryProvider", "state.JsonLinesAuditLogProvider",
                "state.FileResponseCacheProvider",
                // shared inside the adapter: the path policy, the atomic writer, the lock, line endings, and the
                // README texts that init writes
                "project.ProjectRoot", "project.AtomicFiles", "project.ProjectLock", "project.LineEndings",
                "contract.ContractsReadme", "contract.ReportsReadme"));
        try (Stream<Path> files = Files.walk(adapter)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replace(".class", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    String shown = name.substring("dev.codefactory.adapter.fs.".length());
                    publicClasses.add(shown);
                    if (Provider.class.isAssignableFrom(type) && name.endsWith("Provider")) {
                        expected.add(shown);
                    }
                }
            }
        }
        assertEquals(expected, publicClasses, "public classes that are neither providers nor shared, or missing");
    }
}
