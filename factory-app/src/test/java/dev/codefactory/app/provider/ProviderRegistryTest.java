package dev.codefactory.app.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.port.plugin.PluginClassPath;
import dev.codefactory.port.plugin.spi.PluginClassPathProvider;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    /** Where {@code type} was loaded from, as the fs adapter's {@link PluginClassPath} names it. */
    private static java.util.Optional<Path> location(Class<?> type) {
        return ServiceLoader.load(PluginClassPathProvider.class).findFirst().orElseThrow().create().locationOf(type);
    }

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

    /** A provider whose constructor throws, as a plugin's may. */
    public static final class ThrowingTemplatesProvider implements TemplateSourceProvider {
        public ThrowingTemplatesProvider() {
            throw new IllegalStateException("no licence file found");
        }

        @Override
        public String id() {
            return "throwing";
        }

        @Override
        public TemplateSource create(ProjectContext context) {
            throw new AssertionError("never made");
        }
    }

    /** A provider whose id() throws. */
    public static final class NamelessTemplatesProvider implements TemplateSourceProvider {
        @Override
        public String id() {
            throw new UnsupportedOperationException("id not configured");
        }

        @Override
        public TemplateSource create(ProjectContext context) {
            throw new AssertionError("never made");
        }
    }

    @TempDir
    Path services;

    private ClassLoader loaderListing(Class<?>... providers) throws IOException {
        String[] names = new String[providers.length];
        for (int i = 0; i < providers.length; i++) {
            names[i] = providers[i].getName();
        }
        return loaderListing(names);
    }

    /** A loader whose folder lists {@code classNames} as template sources, whether or not they exist. */
    private ClassLoader loaderListing(String... classNames) throws IOException {
        Path file = services.resolve("META-INF/services/" + TemplateSourceProvider.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", classNames) + "\n");
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

    // covers feature-009/FR-007
    @Test
    void refuses_two_providers_with_one_id_when_it_is_selected_naming_both_classes_and_origins() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(
                loaderListing(FixedTemplatesProvider.class, ImpostorTemplatesProvider.class), List.of());
        assertEquals(List.of("file"), List.copyOf(registry.all(TemplateSourceProvider.class).keySet()),
                "the others of the kind stay usable");
        assertEquals("file", registry.select(TemplateSourceProvider.class, "file", "file").id());
        ProviderConflictException e = assertThrows(ProviderConflictException.class,
                () -> registry.select(TemplateSourceProvider.class, "fixed", "file"));
        assertTrue(e.getMessage().startsWith("two TemplateSourceProviders share the id 'fixed': "), e.getMessage());
        assertTrue(e.getMessage().contains(FixedTemplatesProvider.class.getName() + " ("), e.getMessage());
        assertTrue(e.getMessage().contains(ImpostorTemplatesProvider.class.getName() + " ("), e.getMessage());
        String testClasses = location(getClass()).orElseThrow().toString();
        assertTrue(e.getMessage().contains(testClasses), "names where they came from: " + e.getMessage());
        assertEquals(List.of("id 'fixed'"), registry.failures(TemplateSourceProvider.class).stream()
                .map(ProviderFailure::provider).collect(Collectors.toList()));
    }

    @Test
    void a_provider_whose_constructor_throws_is_left_out_with_the_reason_and_the_others_stay() throws IOException {
        List<ProviderFailure> told = new ArrayList<>();
        ProviderRegistry registry = new ProviderRegistry(loaderListing(ThrowingTemplatesProvider.class.getName(),
                FixedTemplatesProvider.class.getName()), List.of(), told::add);
        assertEquals(List.of("file", "fixed"), List.copyOf(registry.all(TemplateSourceProvider.class).keySet()));
        assertEquals(1, told.size(), told.toString());
        ProviderFailure f = told.get(0);
        assertEquals(ThrowingTemplatesProvider.class.getName(), f.provider());
        assertEquals(location(ThrowingTemplatesProvider.class), f.location());
        assertTrue(f.reason().contains("could not be instantiated"), f.reason());
        assertTrue(f.reason().contains("IllegalStateException: no licence file found"), f.reason());
        registry.all(TemplateSourceProvider.class);
        registry.select(TemplateSourceProvider.class, "fixed", "file");
        assertEquals(1, told.size(), "told once per failure, not per lookup");
        assertEquals(told, registry.failures(TemplateSourceProvider.class));
    }

    @Test
    void a_listed_class_that_is_missing_is_named_with_the_folder_that_listed_it() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(loaderListing("com.example.Gone",
                FixedTemplatesProvider.class.getName()), List.of());
        assertTrue(registry.all(TemplateSourceProvider.class).containsKey("fixed"));
        List<ProviderFailure> failures = registry.failures(TemplateSourceProvider.class);
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("com.example.Gone", failures.get(0).provider());
        assertEquals(services, failures.get(0).location().orElseThrow());
        assertEquals("Provider com.example.Gone not found", failures.get(0).reason());
        FactoryException e = assertThrows(FactoryException.class,
                () -> registry.select(TemplateSourceProvider.class, "gone", "file"));
        assertTrue(e.getMessage().contains("; not loaded: com.example.Gone (" + services + "): Provider"),
                e.getMessage());
    }

    @Test
    void a_class_that_is_no_provider_of_the_kind_and_an_id_that_throws_are_left_out() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(loaderListing(ProviderRegistryTest.class.getName(),
                NamelessTemplatesProvider.class.getName(), FixedTemplatesProvider.class.getName()), List.of());
        assertEquals(List.of("file", "fixed"), List.copyOf(registry.all(TemplateSourceProvider.class).keySet()));
        List<String> failures = registry.failures(TemplateSourceProvider.class).stream()
                .map(f -> f.provider() + " " + f.reason()).collect(Collectors.toList());
        assertEquals(List.of(ProviderRegistryTest.class.getName() + " " + ProviderRegistryTest.class.getName()
                + " not a subtype",
                NamelessTemplatesProvider.class.getName() + " UnsupportedOperationException: id not configured"),
                failures);
    }

    @Test
    void says_which_providers_are_built_in_and_which_jar_or_folder_the_others_came_from() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(loaderListing(FixedTemplatesProvider.class), List.of());
        Map<String, ProviderOrigin> origins = registry.origins(TemplateSourceProvider.class);
        assertTrue(origins.get("file").builtIn(), origins.toString());
        assertTrue(origins.get("file").location().orElseThrow().toString().contains("factory-adapter-fs"),
                origins.toString());
        assertEquals("built in", origins.get("file").describe());
        assertFalse(origins.get("fixed").builtIn());
        assertEquals(location(FixedTemplatesProvider.class).orElseThrow().toString(),
                origins.get("fixed").describe());
    }

    @Test
    void the_facade_tells_an_embedder_of_each_failure_and_lists_origins() throws IOException {
        List<ProviderFailure> told = new ArrayList<>();
        try (CodeFactory factory = CodeFactory.builder().projectRoot(services)
                .classLoader(loaderListing(ThrowingTemplatesProvider.class.getName(),
                        FixedTemplatesProvider.class.getName()))
                .onProviderFailure(told::add).build()) {
            assertEquals(List.of(), told, "nothing is loaded before it is needed");
            assertEquals(List.of("file", "fixed"), factory.providerIds(TemplateSourceProvider.class));
            assertEquals(List.of(ThrowingTemplatesProvider.class.getName()),
                    told.stream().map(ProviderFailure::provider).collect(Collectors.toList()));
            assertEquals(told, factory.providerFailures(TemplateSourceProvider.class));
            assertTrue(factory.providerOrigins(TemplateSourceProvider.class).get("file").builtIn());
        }
    }

    @Test
    void an_added_provider_settles_a_shared_id() throws IOException {
        FixedTemplatesProvider mine = new FixedTemplatesProvider();
        ProviderRegistry registry = new ProviderRegistry(
                loaderListing(FixedTemplatesProvider.class, ImpostorTemplatesProvider.class), List.of(mine));
        assertSame(mine, registry.select(TemplateSourceProvider.class, "fixed", "file"));
        assertEquals(List.of(), registry.failures(TemplateSourceProvider.class));
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
