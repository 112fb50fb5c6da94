package dev.codefactory.domain.change.imports;

import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python: a file depends on a changing module when {@code import a.b} or {@code from a.b import c} names it (the
 * module path may start below a source folder such as {@code src/}), or a relative {@code from . import x},
 * {@code from ..m import y} resolves from the importing file's folder to it. A package is its {@code __init__}
 * file's folder. Tests are named {@code test_*} or {@code *_test}.
 */
public final class PythonImportResolver implements ImportResolver {
    private static final Set<String> LANGUAGES = Set.of("Python");
    private static final Pattern IMPORT = Pattern.compile("^[ \\t]*import[ \\t]+([^\\n#;]+)", Pattern.MULTILINE);
    private static final Pattern FROM = Pattern.compile(
            "^[ \\t]*from[ \\t]+(\\.*)([\\w.]*)[ \\t]+import[ \\t]+(\\([^)]*\\)|[^\\n#;]+)", Pattern.MULTILINE);

    /**
     * One imported module: the reason to give, and the module as a dotted name ({@code relative} false) or as a path
     * without extension resolved from the importing file's folder ({@code relative} true).
     */
    private record Import(String reason, String module, boolean relative) {
    }

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public boolean namesTest(String path) {
        return Names.fileName(path).startsWith("test_") || Names.stem(path).endsWith("_test");
    }

    @Override
    public Imports read(String path, String text, ProjectTexts project) {
        List<Import> imports = imports(path, text);
        if (imports.isEmpty()) {
            return Imports.NONE;
        }
        return changing -> {
            if (!Languages.byName(changing).filter(LANGUAGES::contains).isPresent()) {
                return null;
            }
            String key = Names.baseName(changing).equals("__init__") ? ProjectPaths.folderOf(changing)
                    : Names.withoutExtension(changing);
            String dotted = key.replace('/', '.');
            for (Import imported : imports) {
                if (imported.relative ? imported.module.equals(key)
                        : imported.module.equals(dotted) || dotted.endsWith("." + imported.module)) {
                    return imported.reason;
                }
            }
            return null;
        };
    }

    private static List<Import> imports(String path, String text) {
        List<Import> imports = new ArrayList<>();
        Matcher plain = IMPORT.matcher(text);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                String module = part.trim().split("\\s+")[0];
                if (!module.isEmpty()) {
                    imports.add(new Import("imports " + module, module, false));
                }
            }
        }
        Matcher from = FROM.matcher(text);
        while (from.find()) {
            String dots = from.group(1);
            String module = from.group(2);
            List<String> names = new ArrayList<>();
            for (String part : from.group(3).replace("(", "").replace(")", "").split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (!name.isEmpty() && !name.equals("*") && !name.equals("\\")) {
                    names.add(name);
                }
            }
            String source = dots + module;
            boolean relative = !dots.isEmpty();
            String key = module;
            if (relative) {
                String base = ProjectPaths.folderOf(path);
                for (int up = 1; up < dots.length(); up++) {
                    base = ProjectPaths.folderOf(base);
                }
                key = module.isEmpty() ? base : Names.join(base, module.replace('.', '/'));
            }
            for (String name : names) { // "from a import b" may import the module a.b
                imports.add(new Import("imports " + name + " from " + source,
                        relative ? Names.join(key, name) : key + "." + name, relative));
            }
            String all = "imports " + (names.isEmpty() ? "*" : String.join(", ", names)) + " from " + source;
            imports.add(new Import(all, key, relative));
        }
        return imports;
    }
}
