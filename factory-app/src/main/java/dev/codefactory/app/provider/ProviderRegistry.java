package dev.codefactory.app.provider;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.plugin.PluginClassPath;
import dev.codefactory.port.plugin.spi.PluginClassPathProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The providers one {@code CodeFactory} instance can use, loaded once per SPI through {@link ServiceLoader} with the
 * instance's class loader. A provider that cannot be loaded (its class missing or broken, its constructor or
 * {@code id()} throwing) is left out and recorded as a {@link ProviderFailure}, told once to the failure listener;
 * the others of its kind stay usable. Two discovered providers with the same id are both left out, and selecting
 * that id is an error naming both and where they came from; a provider added explicitly replaces discovered ones
 * with its id. Nothing here is static: two embedded instances may use different providers.
 */
// implements feature-009/FR-007
public final class ProviderRegistry {
    /** After this many errors in a row with one message, the JDK's loader is not getting past it: stop. */
    private static final int SAME_ERROR_LIMIT = 50;
    private static final int REASON_LIMIT = 300;
    /** Names no jar: when no adapter provides {@link PluginClassPath}. */
    private static final PluginClassPath NO_CLASS_PATH = new PluginClassPath() {
        @Override
        public Optional<Path> locationOf(Class<?> type) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> listing(ClassLoader loader, Class<?> spi, String className) {
            return Optional.empty();
        }
    };
    private static final Pattern NAMED = Pattern.compile("^(?:Provider (\\S+) |(\\S+) not a subtype)");

    private final ClassLoader classLoader;
    private final Consumer<ProviderFailure> onFailure;
    private final Map<Class<?>, Map<String, Provider>> added = new HashMap<>();
    private final Map<Class<?>, Discovery> loaded = new HashMap<>();
    private PluginClassPath classPath;

    /** The providers of one SPI: the usable ones by id, the ids claimed twice, and what could not be loaded. */
    private record Discovery(Map<String, Provider> usable, Map<String, List<Provider>> conflicts,
                             List<ProviderFailure> failures) {
    }

    public ProviderRegistry(ClassLoader classLoader, Collection<? extends Provider> explicit) {
        this(classLoader, explicit, failure -> { });
    }

    /**
     * @param onFailure told of each provider that could not be loaded, once, when its SPI is first looked up; an
     *                  exception it throws fails that lookup
     */
    public ProviderRegistry(ClassLoader classLoader, Collection<? extends Provider> explicit,
                            Consumer<ProviderFailure> onFailure) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        for (Provider p : explicit) {
            for (Class<?> spi : spisOf(p.getClass())) {
                added.computeIfAbsent(spi, k -> new LinkedHashMap<>()).put(p.id(), p);
            }
        }
    }

    /** Every usable provider of {@code spi}, by id, discovered then replaced by explicit ones. */
    public <P extends Provider> Map<String, P> all(Class<P> spi) {
        Map<String, P> out = new LinkedHashMap<>();
        discovery(spi).usable().forEach((id, p) -> out.put(id, spi.cast(p)));
        return out;
    }

    /** Where each usable provider of {@code spi} came from, by id. */
    public Map<String, ProviderOrigin> origins(Class<? extends Provider> spi) {
        Map<String, ProviderOrigin> out = new LinkedHashMap<>();
        discovery(spi).usable().forEach((id, p) -> out.put(id, ProviderOrigin.of(p.getClass(), classPath())));
        return out;
    }

    /** The providers of {@code spi} that were found but left out, and why. */
    public List<ProviderFailure> failures(Class<? extends Provider> spi) {
        return discovery(spi).failures();
    }

    /**
     * The provider of {@code spi} with {@code id}; when {@code id} is null, the only one, or {@code preferred}
     * among several.
     */
    public <P extends Provider> P select(Class<P> spi, String id, String preferred) {
        Discovery d = discovery(spi);
        Map<String, P> all = all(spi);
        if (all.isEmpty()) {
            if (!d.conflicts().isEmpty()) {
                refuseConflict(spi, d, d.conflicts().keySet().iterator().next());
            }
            throw new FactoryException(StandardAdapters.missing(spi) + notLoaded(d));
        }
        if (id != null) {
            P p = all.get(id);
            if (p == null) {
                refuseConflict(spi, d, id);
                throw new FactoryException("no " + spi.getSimpleName() + " with id '" + id + "'; known ids: "
                        + known(all) + notLoaded(d));
            }
            return p;
        }
        if (preferred != null && !all.containsKey(preferred)) {
            refuseConflict(spi, d, preferred);
        }
        if (all.size() == 1 && d.conflicts().isEmpty()) {
            return all.values().iterator().next();
        }
        P p = all.get(preferred);
        if (p == null) {
            throw new FactoryException("several " + spi.getSimpleName() + "s are on the class path (" + known(all)
                    + "); choose one by id");
        }
        return p;
    }

    private synchronized Discovery discovery(Class<?> spi) {
        Discovery d = loaded.get(spi);
        if (d == null) {
            d = discover(spi);
            loaded.put(spi, d);
            d.failures().forEach(onFailure);
        }
        return d;
    }

    private Discovery discover(Class<?> spi) {
        Map<String, List<Provider>> byId = new LinkedHashMap<>();
        List<ProviderFailure> failures = new ArrayList<>();
        Spliterator<? extends ServiceLoader.Provider<?>> found = ServiceLoader.load(spi, classLoader).stream()
                .spliterator();
        String lastError = "";
        int sameError = 0;
        while (true) {
            List<ServiceLoader.Provider<?>> next = new ArrayList<>(1);
            try {
                if (!found.tryAdvance(next::add)) {
                    break;
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // a class that is missing, is no provider, or cannot be linked: the loader goes on with the next one
                String reason = reason(spi, e);
                sameError = reason.equals(lastError) ? sameError + 1 : 0;
                lastError = reason;
                if (sameError >= SAME_ERROR_LIMIT) {
                    break;
                }
                if (sameError == 0) {
                    Optional<String> named = namedIn(spi, e);
                    failures.add(new ProviderFailure(spi, named.orElse("(a class listed for it)"),
                            named.flatMap(n -> classPath().listing(classLoader, spi, n)), reason));
                }
                continue;
            }
            Class<?> type = next.get(0).type();
            try {
                Provider p = (Provider) next.get(0).get();
                String id = Objects.requireNonNull(p.id(), "its id() returned null");
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(new ProviderFailure(spi, type.getName(), classPath().locationOf(type),
                        reason(spi, e)));
            }
        }
        Map<String, Provider> usable = new LinkedHashMap<>();
        Map<String, List<Provider>> conflicts = new LinkedHashMap<>();
        Map<String, Provider> explicit = added.getOrDefault(spi, Map.of());
        byId.forEach((id, ps) -> {
            if (ps.size() == 1 || explicit.containsKey(id)) {
                usable.put(id, ps.get(0));
            } else {
                conflicts.put(id, List.copyOf(ps));
                failures.add(new ProviderFailure(spi, "id '" + id + "'", Optional.empty(), sharedBy(ps, classPath())));
            }
        });
        usable.putAll(explicit);
        return new Discovery(usable, conflicts, List.copyOf(failures));
    }

    private void refuseConflict(Class<?> spi, Discovery d, String id) {
        List<Provider> claimants = d.conflicts().get(id);
        if (claimants != null) {
            throw new ProviderConflictException("two " + spi.getSimpleName() + "s share the id '" + id + "': "
                    + sharedBy(claimants, classPath()).replace("claimed by ", "") + "; remove one of them (a jar in a"
                    + " plugins folder or FACTORY_CLASSPATH), or add the one you mean with builder().addProvider");
        }
    }

    private static String sharedBy(List<Provider> claimants, PluginClassPath classPath) {
        return "claimed by " + claimants.stream()
                .map(p -> p.getClass().getName() + " (" + ProviderOrigin.of(p.getClass(), classPath).describe() + ")")
                .collect(Collectors.joining(" and "));
    }

    /** "; not loaded: ..." naming the providers of {@code spi} left out and why, or "" when none was. */
    public String notLoaded(Class<? extends Provider> spi) {
        return notLoaded(discovery(spi));
    }

    private static String notLoaded(Discovery d) {
        if (d.failures().isEmpty()) {
            return "";
        }
        return "; not loaded: " + d.failures().stream()
                .map(f -> f.provider() + f.location().map(p -> " (" + p + ")").orElse("") + ": " + f.reason())
                .collect(Collectors.joining("; "));
    }

    /** What went wrong, in one line of at most a few hundred characters, causes included. */
    static String reason(Class<?> spi, Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof java.lang.reflect.InvocationTargetException) {
                continue;
            }
            if (out.length() > 0) {
                out.append(": ");
            }
            if (t instanceof ServiceConfigurationError && message != null) {
                out.append(message.startsWith(spi.getName() + ": ")
                        ? message.substring(spi.getName().length() + 2) : message);
            } else {
                out.append(t.getClass().getSimpleName()).append(message == null ? "" : ": " + message);
            }
        }
        String line = out.toString().replaceAll("\\s+", " ").strip();
        return line.length() <= REASON_LIMIT ? line : line.substring(0, REASON_LIMIT) + "...";
    }

    /** The provider class a {@link ServiceConfigurationError} names, when it names one. */
    private static Optional<String> namedIn(Class<?> spi, Throwable e) {
        String message = e instanceof ServiceConfigurationError && e.getMessage() != null ? e.getMessage() : "";
        if (message.startsWith(spi.getName() + ": ")) {
            message = message.substring(spi.getName().length() + 2);
        }
        Matcher m = NAMED.matcher(message);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    /**
     * What names the jars providers come from: one added with {@code addProvider}, else the library's own (the fs
     * adapter's, found with the library's class loader, never a plugin's); without one, no jar is named.
     */
    private synchronized PluginClassPath classPath() {
        if (classPath == null) {
            Provider added = this.added.getOrDefault(PluginClassPathProvider.class, Map.of()).values().stream()
                    .findFirst().orElse(null);
            if (added != null) {
                classPath = ((PluginClassPathProvider) added).create();
            } else {
                classPath = ServiceLoader.load(PluginClassPathProvider.class, ProviderRegistry.class.getClassLoader())
                        .stream().map(p -> {
                            try {
                                return p.get().create();
                            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                                return null;
                            }
                        }).filter(Objects::nonNull).findFirst().orElse(NO_CLASS_PATH);
            }
        }
        return classPath;
    }

    private static String known(Map<String, ?> all) {
        return all.isEmpty() ? "none" : String.join(", ", new TreeSet<>(all.keySet()));
    }

    private static List<Class<?>> spisOf(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Provider.class.isAssignableFrom(i) && i != Provider.class) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
