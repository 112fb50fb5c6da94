package dev.codefactory.domain.change.imports;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The text files of a project by path (forward slashes, from the root), and what resolvers derive from all of them
 * (Go's module paths, a changing class's package), derived once per project.
 */
public final class ProjectTexts {
    private final Map<String, String> files;
    private final Map<Object, Object> derived = new HashMap<>();

    /** The project whose text files are {@code files} (path to text, in path order). */
    public ProjectTexts(Map<String, String> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(files, "files")));
    }

    /** Every text file by path, in path order. */
    public Map<String, String> files() {
        return files;
    }

    /** The text of {@code path}; {@code ""} when the project holds no such file (one the change creates). */
    public String text(String path) {
        return files.getOrDefault(path, "");
    }

    /** What {@code derive} makes of this project, made once per {@code key} (a resolver's own class or record). */
    public <T> T derived(Object key, Function<ProjectTexts, T> derive) {
        @SuppressWarnings("unchecked")
        T value = (T) derived.get(key);
        if (value == null) {
            value = derive.apply(this);
            derived.put(key, value);
        }
        return value;
    }
}
