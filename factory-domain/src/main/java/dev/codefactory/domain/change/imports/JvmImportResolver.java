package dev.codefactory.domain.change.imports;

import dev.codefactory.domain.workspace.Languages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java, Kotlin, Scala, Groovy: a file depends on a changing class when it imports it ({@code import a.b.C;}, a static
 * or nested import under it, Scala's {@code import a.b.{C, D}}), imports its package with a wildcard
 * ({@code a.b.*}, {@code a.b._}) and uses the simple name, names it fully qualified, or lies in the same package and
 * uses the simple name as a whole word. The class is the file name; its package is the file's {@code package}
 * declaration, else the folders under {@code src/<set>/java|kotlin|scala|groovy/}. Tests are named
 * {@code *Test} or {@code *Tests}.
 */
public final class JvmImportResolver implements ImportResolver {
    private static final Set<String> LANGUAGES = Set.of("Java", "Kotlin", "Scala", "Groovy");
    private static final Pattern ROOT = Pattern.compile(
            "(?:^|/)src/[^/]+/(?:java|kotlin|scala|groovy)/(.+)/[^/]+$");
    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package[ \\t]+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^[ \\t]*import[ \\t]+(?:static[ \\t]+)?([\\w$]+(?:\\.[\\w$]+)*(?:\\.\\*|\\.\\{[^}\\n]*})?)",
            Pattern.MULTILINE);

    /** The changing files' packages, by path, read once per project. */
    private record Packages(Map<String, String> byPath) {
    }

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public boolean namesTest(String path) {
        String stem = Names.stem(path);
        return stem.endsWith("Test") || stem.endsWith("Tests");
    }

    @Override
    public Imports read(String path, String text, ProjectTexts project) {
        String ownPackage = packageOf(path, text);
        List<String> imports = imports(text);
        Map<String, String> packages = project.derived(Packages.class, p -> new Packages(new HashMap<>())).byPath();
        return changing -> {
            if (!Languages.byName(changing).filter(LANGUAGES::contains).isPresent()) {
                return null;
            }
            String name = Names.baseName(changing);
            String pkg = packages.computeIfAbsent(changing, c -> packageOf(c, project.text(c)));
            return reason(text, ownPackage, imports, name, pkg);
        };
    }

    private static String reason(String text, String ownPackage, List<String> imports, String name, String pkg) {
        String qualified = pkg.isEmpty() ? name : pkg + "." + name;
        String wildcard = null;
        for (String imported : imports) {
            if (imported.equals(qualified) || imported.startsWith(qualified + ".")) {
                return "imports " + qualified;
            }
            if (imported.equals(pkg + ".*") || imported.equals(pkg + "._")) {
                wildcard = imported;
            } else if (imported.startsWith(pkg + ".{")) {
                for (String member : imported.substring(pkg.length() + 2, imported.length() - 1).split(",")) {
                    String simple = member.trim().split("\\s*=>\\s*")[0].trim();
                    if (simple.equals(name)) {
                        return "imports " + qualified;
                    }
                    if (simple.equals("_")) {
                        wildcard = imported;
                    }
                }
            }
        }
        if (wildcard != null && Names.containsWord(text, name)) {
            return "imports " + wildcard + " and uses " + name;
        }
        if (!pkg.isEmpty() && Names.containsQualified(text, qualified)) {
            return "names " + qualified;
        }
        if (pkg.equals(ownPackage) && Names.containsWord(text, name)) {
            return "uses " + name + " from the same package" + (pkg.isEmpty() ? "" : " " + pkg);
        }
        return null;
    }

    private static String packageOf(String path, String text) {
        Matcher declared = PACKAGE.matcher(text);
        if (declared.find()) {
            return declared.group(1);
        }
        Matcher m = ROOT.matcher(path);
        return m.find() ? m.group(1).replace('/', '.') : "";
    }

    private static List<String> imports(String text) {
        if (!text.contains("import")) {
            return List.of();
        }
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            imports.add(m.group(1).replace(" ", ""));
        }
        return imports;
    }
}
