package dev.codefactory.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unchecked root of every error Code-Factory reports to a person. Its message is written to be shown as it
 * is: it says what went wrong and, where it can, what to do about it. Its {@link #details()} name what a person or
 * a program needs to go on from it (the id of a change, its branch and commit, the path of a draft), for output
 * that programs read ({@code --json}).
 */
public class FactoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Object> details = new LinkedHashMap<>();

    public FactoryException(String message) {
        super(message);
    }

    public FactoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What to go on from, by name, in the order added: text, yes or no, or lists of text. */
    public Map<String, Object> details() {
        return details == null ? Map.of() : Collections.unmodifiableMap(details);
    }

    /** Adds a detail (a null or empty value is left out) and returns this exception, to be thrown. */
    public FactoryException withDetail(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (details != null && value != null && !value.isEmpty()) {
            details.put(name, value);
        }
        return this;
    }

    /** Adds a detail that is a yes or no and returns this exception. */
    public FactoryException withDetail(String name, boolean value) {
        Objects.requireNonNull(name, "name");
        if (details != null) {
            details.put(name, value);
        }
        return this;
    }

    /** Adds a detail that is a list of text (an empty list is left out) and returns this exception. */
    public FactoryException withDetail(String name, List<String> values) {
        Objects.requireNonNull(name, "name");
        if (details != null && values != null && !values.isEmpty()) {
            details.put(name, List.copyOf(values));
        }
        return this;
    }
}
