package dev.codefactory.domain.change.imports;

import dev.codefactory.domain.workspace.Languages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The import resolvers of an impact analysis, one per language, chosen by a file's language as
 * {@link Languages#byName} says: {@link #standard()} knows the JVM languages, JavaScript/TypeScript, Python and Go.
 */
public final class ImportResolvers {
    private static final ImportResolvers STANDARD = new ImportResolvers(List.of(new JvmImportResolver(),
            new ScriptImportResolver(), new PythonImportResolver(), new GoImportResolver()));

    private final List<ImportResolver> resolvers;
    private final Map<String, ImportResolver> byLanguage = new HashMap<>();

    private ImportResolvers(List<ImportResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
        for (ImportResolver resolver : this.resolvers) {
            for (String language : resolver.languages()) {
                ImportResolver other = byLanguage.putIfAbsent(language, resolver);
                if (other != null) {
                    throw new IllegalArgumentException(language + " is read by both " + other.getClass().getName()
                            + " and " + resolver.getClass().getName() + ": give each language one resolver");
                }
            }
        }
    }

    /** The built-in resolvers: Java, Kotlin, Scala, Groovy; JavaScript, TypeScript and their kin; Python; Go. */
    public static ImportResolvers standard() {
        return STANDARD;
    }

    /** These resolvers and {@code resolver}, which must claim languages none of these reads. */
    public ImportResolvers with(ImportResolver resolver) {
        List<ImportResolver> all = new ArrayList<>(resolvers);
        all.add(Objects.requireNonNull(resolver, "resolver"));
        return new ImportResolvers(all);
    }

    /** The resolver for the language of {@code path}; empty when no resolver reads it. */
    public Optional<ImportResolver> forPath(String path) {
        return Languages.byName(path).map(byLanguage::get);
    }

    /** The imports of {@code path}, read by its language's resolver; {@link ImportResolver.Imports#NONE} when none. */
    public ImportResolver.Imports read(String path, String text, ProjectTexts project) {
        return forPath(path).map(r -> r.read(path, text, project)).orElse(ImportResolver.Imports.NONE);
    }

    /** Whether the naming rules of the language of {@code path} mark it as a test. */
    public boolean namesTest(String path) {
        return forPath(path).map(r -> r.namesTest(path)).orElse(false);
    }
}
