package dev.codefactory.app.provider;

import dev.codefactory.domain.FactoryException;
import dev.codefactory.port.spi.Provider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The providers one {@code CodeFactory} instance can use, loaded once per SPI through {@link ServiceLoader} with the
 * instance's class loader. Two discovered providers with the same id are an error naming both classes; a provider
 * added explicitly replaces a discovered one with its id. Nothing here is static: two embedded instances may use
 * different providers.
 */
public final class ProviderRegistry {
    private final ClassLoader classLoader;
    private final Map<Class<?>, Map<String, Provider>> added = new HashMap<>();
    private final Map<Class<?>, Map<String, Provider>> loaded = new HashMap<>();

    public ProviderRegistry(ClassLoader classLoader, Collection<? extends Provider> explicit) {
        this.classLoader = classLoader;
        for (Provider p : explicit) {
            for (Class<?> spi : spisOf(p.getClass())) {
                added.computeIfAbsent(spi, k -> new LinkedHashMap<>()).put(p.id(), p);
            }
        }
    }

    /** Every provider of {@code spi}, by id, discovered then replaced by explicit ones. */
    public synchronized <P extends Provider> Map<String, P> all(Class<P> spi) {
        Map<String, Provider> found = loaded.computeIfAbsent(spi, this::discover);
        Map<String, P> out = new LinkedHashMap<>();
        found.forEach((id, p) -> out.put(id, spi.cast(p)));
        return out;
    }

    /**
     * The provider of {@code spi} with {@code id}; when {@code id} is null, the only one, or {@code preferred}
     * among several.
     */
    public <P extends Provider> P select(Class<P> spi, String id, String preferred) {
        Map<String, P> all = all(spi);
        if (all.isEmpty()) {
            throw new FactoryException(StandardAdapters.missing(spi));
        }
        if (id != null) {
            P p = all.get(id);
            if (p == null) {
                throw new FactoryException("no " + spi.getSimpleName() + " with id '" + id + "'; known ids: "
                        + known(all));
            }
            return p;
        }
        if (all.size() == 1) {
            return all.values().iterator().next();
        }
        P p = all.get(preferred);
        if (p == null) {
            throw new FactoryException("several " + spi.getSimpleName() + "s are on the class path (" + known(all)
                    + "); choose one by id");
        }
        return p;
    }

    private Map<String, Provider> discover(Class<?> spi) {
        Map<String, Provider> byId = new LinkedHashMap<>();
        Map<String, String> classes = new HashMap<>();
        for (Object o : ServiceLoader.load(spi, classLoader)) {
            Provider p = (Provider) o;
            String other = classes.putIfAbsent(p.id(), p.getClass().getName());
            if (other != null && !other.equals(p.getClass().getName())) {
                throw new FactoryException("two " + spi.getSimpleName() + "s share the id '" + p.id() + "': "
                        + other + " and " + p.getClass().getName() + "; remove one jar from the class path");
            }
            byId.put(p.id(), p);
        }
        byId.putAll(added.getOrDefault(spi, Map.of()));
        return byId;
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
