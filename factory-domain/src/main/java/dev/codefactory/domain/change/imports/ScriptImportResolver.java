package dev.codefactory.domain.change.imports;

import dev.codefactory.domain.workspace.ProjectPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript, TypeScript and their JSX, Vue and Svelte files: a file depends on a changing file when a relative
 * {@code import ... from}, {@code export ... from}, {@code import('…')}, side-effect {@code import '…'} or
 * {@code require('…')} resolves ({@link ProjectPaths#resolve}), from the importing file's folder, to it, with or
 * without its extension ({@code ./x.js} also names {@code x.ts}), or to the folder whose {@code index} file it is.
 * Any changing file can be imported this way (a JSON or CSS file too). Tests are named {@code *.test.*} or
 * {@code *.spec.*}.
 */
public final class ScriptImportResolver implements ImportResolver {
    private static final Set<String> LANGUAGES = Set.of("JavaScript", "JSX", "TypeScript", "TSX", "Vue", "Svelte");
    /** The extensions a module specifier may leave out. */
    private static final Set<String> MODULE = Set.of("ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs");
    private static final Pattern IMPORT = Pattern.compile(
            "\\b(from|import|require)\\s*\\(?\\s*(['\"`])(\\.{1,2}(?:/[^'\"`\\n]*)?)\\2");

    /** A relative import: "imports" or "requires", the specifier as written, and the project path it resolves to. */
    private record Import(String verb, String specifier, String resolved) {
    }

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public boolean namesTest(String path) {
        String stem = Names.stem(path);
        return stem.endsWith(".test") || stem.endsWith(".spec");
    }

    @Override
    public Imports read(String path, String text, ProjectTexts project) {
        List<Import> imports = imports(path, text);
        if (imports.isEmpty()) {
            return Imports.NONE;
        }
        return changing -> {
            Set<String> keys = keys(changing);
            for (Import imported : imports) {
                if (keys.contains(imported.resolved) || keys.contains(withoutModuleExtension(imported.resolved))) {
                    return imported.verb + " " + imported.specifier;
                }
            }
            return null;
        };
    }

    /** The resolved specifiers that name {@code changing}: its path, without a module extension, its index's folder. */
    private static Set<String> keys(String changing) {
        if (!MODULE.contains(Names.extension(changing))) {
            return Set.of(changing);
        }
        String bare = Names.withoutExtension(changing);
        return Names.baseName(changing).equals("index")
                ? Set.of(changing, bare, ProjectPaths.folderOf(changing)) : Set.of(changing, bare);
    }

    private static List<Import> imports(String path, String text) {
        List<Import> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        String dir = ProjectPaths.folderOf(path);
        while (m.find()) {
            String verb = m.group(1).equals("require") ? "requires" : "imports";
            String specifier = m.group(3);
            String resolved = ProjectPaths.resolve(dir, specifier);
            if (resolved != null) {
                imports.add(new Import(verb, specifier, resolved));
            }
        }
        return imports;
    }

    private static String withoutModuleExtension(String path) {
        return MODULE.contains(Names.extension(path)) ? Names.withoutExtension(path) : path;
    }
}
