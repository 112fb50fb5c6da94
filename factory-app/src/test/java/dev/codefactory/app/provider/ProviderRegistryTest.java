package dev.codefactory.app.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    /** A template source that always answers the same text. */
    public static final class FixedTemplatesProvider implements TemplateSourceProvider {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public TemplateSource create(ProjectContext context) {
            return kind -> new SpecTemplate(kind, "fixed", "fixed");
        }
    }

    /** Another provider claiming the same id. */
    public static final class ImpostorTemplatesProvider implements TemplateSourceProvider {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public TemplateSource create(ProjectContext context) {
            return kind -> new SpecTemplate(kind, "impostor", "impostor");
        }
    }

    @TempDir
    Path services;

    private ClassLoader loaderListing(Class<?>... providers) throws IOException {
        Path file = services.resolve("META-INF/services/" + TemplateSourceProvider.class.getName());
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(file, lines);
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void discovers_the_file_system_adapter_on_the_class_path() {
        ProviderRegistry registry = new ProviderRegistry(getClass().getClassLoader(), List.of());
        assertEquals(List.of("file"), List.copyOf(registry.all(TemplateSourceProvider.class).keySet()));
    }

    @Test
    void finds_a_provider_dropped_on_the_class_path_by_id() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(loaderListing(FixedTemplatesProvider.class), List.of());
        TemplateSourceProvider p = registry.select(TemplateSourceProvider.class, "fixed", "file");
        assertEquals(FixedTemplatesProvider.class, p.getClass());
    }

    @Test
    void refuses_two_providers_with_one_id_naming_both_classes() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(
                loaderListing(FixedTemplatesProvider.class, ImpostorTemplatesProvider.class), List.of());
        FactoryException e = assertThrows(FactoryException.class, () -> registry.all(TemplateSourceProvider.class));
        assertTrue(e.getMessage().contains(FixedTemplatesProvider.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(ImpostorTemplatesProvider.class.getName()), e.getMessage());
    }

    @Test
    void an_unknown_id_lists_the_known_ones() {
        ProviderRegistry registry = new ProviderRegistry(getClass().getClassLoader(), List.of());
        FactoryException e = assertThrows(FactoryException.class,
                () -> registry.select(TemplateSourceProvider.class, "s3", "file"));
        assertEquals("no TemplateSourceProvider with id 's3'; known ids: file", e.getMessage());
    }

    @Test
    void an_added_provider_replaces_a_discovered_one_with_its_id() throws IOException {
        ImpostorTemplatesProvider added = new ImpostorTemplatesProvider();
        ProviderRegistry registry = new ProviderRegistry(loaderListing(FixedTemplatesProvider.class), List.of(added));
        assertSame(added, registry.select(TemplateSourceProvider.class, "fixed", "file"));
        assertEquals("impostor", registry.select(TemplateSourceProvider.class, "fixed", "file")
                .create(null).template(SpecKind.SPEC).origin());
    }

    @Test
    void two_registries_do_not_share_providers() throws IOException {
        ProviderRegistry plain = new ProviderRegistry(getClass().getClassLoader(), List.of());
        ProviderRegistry extended = new ProviderRegistry(loaderListing(FixedTemplatesProvider.class), List.of());
        assertEquals(1, plain.all(TemplateSourceProvider.class).size());
        assertEquals(2, extended.all(TemplateSourceProvider.class).size());
    }
}
