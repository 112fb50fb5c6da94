package dev.codefactory.domain.adopt;

import java.util.Set;

/**
 * The folders that hold other people's code or tools' output rather than the project's own: installed packages
 * ({@code node_modules/}, a virtual environment's {@code .venv/} and {@code site-packages/}), caches and editor
 * settings. Git usually ignores them, but a project without a {@code .gitignore} for them would otherwise be adopted
 * together with every library it installed (feature-011, FR-001).
 */
// implements feature-011/FR-001
public final class ThirdPartyCode {
    // only names no project gives its own code: a package may well be called build, dist, out, target or vendor
    private static final Set<String> FOLDERS = Set.of("node_modules", "bower_components", "jspm_packages", ".venv",
            "site-packages", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".next", ".nuxt",
            ".idea", ".vscode");

    private ThirdPartyCode() {
    }

    /** Whether {@code path} (relative, {@code /} separators) lies in such a folder at any depth. */
    public static boolean contains(String path) {
        int start = 0;
        int slash;
        while ((slash = path.indexOf('/', start)) >= 0) {
            if (FOLDERS.contains(path.substring(start, slash))) {
                return true;
            }
            start = slash + 1;
        }
        return false;
    }
}
