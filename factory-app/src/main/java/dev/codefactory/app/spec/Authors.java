package dev.codefactory.app.spec;

import dev.codefactory.port.vcs.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who a new contract names as its {@code author:}, the same for {@code spec new} and {@code intake}: the first of
 * {@code FACTORY_AUTHOR}, the configuration's {@code user.name}, {@code GIT_AUTHOR_NAME}, git config's
 * {@code user.name} (what git would record as a commit's author here), {@code USER}, {@code USERNAME}, else
 * {@code unknown}.
 */
public final class Authors {
    static final String UNKNOWN = "unknown";

    private Authors() {
    }

    /**
     * @param environment the process environment
     * @param configured  the configuration's {@code user.name}, if set
     * @param git         git's identity for commits in the project, if there is a repository and it names one;
     *                    asked only when nothing before it answers
     */
    public static String of(Map<String, String> environment, Optional<String> configured,
                            Supplier<Optional<Identity>> git) {
        Optional<String> named = variable(environment, "FACTORY_AUTHOR")
                .or(() -> configured.map(String::strip).filter(v -> !v.isEmpty()))
                .or(() -> variable(environment, "GIT_AUTHOR_NAME"))
                .or(() -> git.get().map(Identity::name).map(String::strip).filter(v -> !v.isEmpty()));
        for (String key : List.of("USER", "USERNAME")) {
            named = named.or(() -> variable(environment, key));
        }
        return named.orElse(UNKNOWN);
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
