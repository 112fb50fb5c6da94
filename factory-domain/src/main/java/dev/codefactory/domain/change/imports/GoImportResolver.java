package dev.codefactory.domain.change.imports;

import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: a file depends on a changing file of another folder when one of its import paths is the changing file's
 * package: exactly its module path plus folder when a {@code go.mod} above it says so, else an import path ending
 * with the folder. Tests are named {@code *_test.go}.
 */
public final class GoImportResolver implements ImportResolver {
    private static final Set<String> LANGUAGES = Set.of("Go");
    private static final Pattern BLOCK = Pattern.compile("^[ \\t]*import[ \\t]*\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern SINGLE = Pattern.compile("^[ \\t]*import[ \\t]+(?:[\\w.]+[ \\t]+)?\"([^\"]+)\"",
            Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]+)\"");
    private static final Pattern MODULE = Pattern.compile("^[ \\t]*module[ \\t]+(\\S+)", Pattern.MULTILINE);

    /** The module paths the project's {@code go.mod} files declare, by folder. */
    private record Modules(Map<String, String> byFolder) {
        static Modules of(ProjectTexts project) {
            Map<String, String> modules = new HashMap<>();
            project.files().forEach((path, text) -> {
                if (Names.fileName(path).equals("go.mod")) {
                    Matcher m = MODULE.matcher(text);
                    if (m.find()) {
                        modules.put(ProjectPaths.folderOf(path), m.group(1));
                    }
                }
            });
            return new Modules(modules);
        }

        /** The import path of the package in {@code dir}, when a go.mod above it says; else null. */
        String importPath(String dir) {
            for (String d = dir; ; d = ProjectPaths.folderOf(d)) {
                String module = byFolder.get(d);
                if (module != null) {
                    String rest = dir.substring(d.length());
                    return rest.isEmpty() ? module : module + "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
                }
                if (d.isEmpty()) {
                    return null;
                }
            }
        }
    }

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public boolean namesTest(String path) {
        return Names.stem(path).endsWith("_test");
    }

    @Override
    public Imports read(String path, String text, ProjectTexts project) {
        List<String> imports = imports(text);
        if (imports.isEmpty()) {
            return Imports.NONE;
        }
        String ownDir = ProjectPaths.folderOf(path);
        return changing -> {
            String dir = ProjectPaths.folderOf(changing);
            if (dir.isEmpty() || dir.equals(ownDir) || !Languages.byName(changing).filter(LANGUAGES::contains)
                    .isPresent()) {
                return null;
            }
            String importPath = project.derived(Modules.class, Modules::of).importPath(dir);
            for (String imported : imports) {
                if (importPath != null ? imported.equals(importPath)
                        : imported.equals(dir) || imported.endsWith("/" + dir)) {
                    return "imports " + imported;
                }
            }
            return null;
        };
    }

    private static List<String> imports(String text) {
        if (!text.contains("import")) {
            return List.of();
        }
        List<String> imports = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            Matcher quoted = QUOTED.matcher(block.group(1));
            while (quoted.find()) {
                imports.add(quoted.group(1));
            }
        }
        Matcher single = SINGLE.matcher(text);
        while (single.find()) {
            imports.add(single.group(1));
        }
        return imports;
    }
}
