package dev.codefactory.app;

import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase;
import dev.codefactory.app.spec.CreateSpecUseCase;
import dev.codefactory.app.spec.InitProjectUseCase;
import dev.codefactory.app.spec.ListSpecsUseCase;
import dev.codefactory.app.spec.RebuildIndexUseCase;
import dev.codefactory.app.spec.ShowSpecUseCase;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.app.spec.ValidateSpecsUseCase;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.port.project.spi.ProjectLayoutProvider;
import dev.codefactory.port.report.spi.ReportRepositoryProvider;
import dev.codefactory.port.spec.spi.SpecificationRepositoryProvider;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Code-Factory as a library: one project, the adapters found on the class path, and the use cases over them.
 *
 * <pre>{@code
 * try (CodeFactory factory = CodeFactory.open(Path.of("."))) {
 *     factory.init();
 *     factory.create(CreateSpecCommand.of("User login"));
 *     factory.list(SpecQuery.ALL).specs().forEach(s -> System.out.println(s.id() + " " + s.title()));
 * }
 * }</pre>
 *
 * Adapters are created lazily, on first use, so opening is cheap. Instances are independent: nothing is shared
 * between two of them.
 */
public final class CodeFactory implements AutoCloseable, InitProjectUseCase, CreateSpecUseCase, ListSpecsUseCase,
        ShowSpecUseCase, ValidateSpecsUseCase, ChangeSpecStatusUseCase, RebuildIndexUseCase {

    private final ProjectContext context;
    private final ProviderRegistry registry;
    private final SpecCatalog catalog;

    private CodeFactory(Builder b) {
        Path root = Objects.requireNonNull(b.root, "projectRoot");
        this.context = new ProjectContext(root, b.clock, b.environment, b.limits);
        this.registry = new ProviderRegistry(b.classLoader, b.providers);
        Map<Class<?>, String> ids = Map.copyOf(b.ids);
        this.catalog = new SpecCatalog(context.root(),
                lazy(ProjectLayoutProvider.class, ids, "file", p -> p.create(context)),
                lazy(SpecificationRepositoryProvider.class, ids, "markdown", p -> p.create(context)),
                lazy(TemplateSourceProvider.class, ids, "file", p -> p.create(context)),
                lazy(ReportRepositoryProvider.class, ids, "markdown", p -> p.create(context)),
                context.clock(), context.environment());
    }

    /** Opens the project at {@code projectRoot} with the adapters on the class path and the process environment. */
    public static CodeFactory open(Path projectRoot) {
        return builder().projectRoot(projectRoot).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The project a command run in {@code start} works on: the nearest folder, from {@code start} up, that has
     * been initialised ({@code contracts/} and {@code .factory/}) or is the top of a git work tree (so a repository
     * nested in another project is its own project); {@code start} itself when there is none.
     */
    public static Path locateProject(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            boolean initialised = Files.isDirectory(p.resolve("contracts")) && Files.isDirectory(p.resolve(".factory"));
            if (initialised || Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return dir;
    }

    /** This library's version, from the build. */
    public static String version() {
        try (InputStream in = CodeFactory.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return context.root();
    }

    /** The ids of the providers of {@code spi} this instance can use. */
    public List<String> providerIds(Class<? extends Provider> spi) {
        return new ArrayList<>(registry.all(spi).keySet());
    }

    @Override
    public InitResult init() {
        return catalog.init();
    }

    @Override
    public CreatedSpec create(CreateSpecCommand command) {
        return catalog.create(command);
    }

    @Override
    public SpecList list(SpecQuery query) {
        return catalog.list(query);
    }

    @Override
    public Specification show(String idOrPath) {
        return catalog.show(idOrPath);
    }

    @Override
    public ValidationResult validate(ValidateSpecsCommand command) {
        return catalog.validate(command);
    }

    @Override
    public StatusChange changeStatus(ChangeSpecStatusCommand command) {
        return catalog.changeStatus(command);
    }

    @Override
    public int rebuildIndex() {
        return catalog.rebuildIndex();
    }

    @Override
    public void close() {
        // Nothing is held open between calls yet; later adapters (HTTP clients, repositories) are closed here.
    }

    private <P extends Provider, T> Supplier<T> lazy(Class<P> spi, Map<Class<?>, String> ids, String preferred,
                                                    Function<P, T> create) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = create.apply(registry.select(spi, ids.get(spi), preferred));
                }
                return value;
            }
        };
    }

    /** Everything that {@link #open(Path)} takes from the process, made explicit. */
    public static final class Builder {
        private Path root;
        private Clock clock = Clock.systemDefaultZone();
        private Map<String, String> environment = System.getenv();
        private ProjectContext.Limits limits = ProjectContext.Limits.DEFAULT;
        private ClassLoader classLoader = CodeFactory.class.getClassLoader();
        private final List<Provider> providers = new ArrayList<>();
        private final Map<Class<?>, String> ids = new HashMap<>();

        private Builder() {
        }

        public Builder projectRoot(Path root) {
            this.root = root;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder maxSpecBytes(long bytes) {
            this.limits = new ProjectContext.Limits(bytes);
            return this;
        }

        /** The class loader that adapters are discovered in (a plugin's, say). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Adds a provider, replacing a discovered one with the same id. */
        public Builder addProvider(Provider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Chooses the provider of {@code spi} by id when several are available. */
        public Builder use(Class<? extends Provider> spi, String id) {
            ids.put(spi, Objects.requireNonNull(id, "id"));
            return this;
        }

        public CodeFactory build() {
            return new CodeFactory(this);
        }
    }
}
