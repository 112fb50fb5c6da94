package dev.codefactory.domain.change.imports;

import java.util.Set;

/**
 * How the files of some languages import other files of the project: one implementation per language (or family of
 * languages sharing one import syntax), chosen by {@link ImportResolvers} by the importing file's language. Adding a
 * language is one new implementation, registered with {@link ImportResolvers#with}.
 *
 * <p>An implementation is stateless: whatever it derives from the whole project (a build file's module path, a
 * changing file's package) it keeps in {@link ProjectTexts#derived}.
 */
public interface ImportResolver {

    /** The languages, as {@link dev.codefactory.domain.workspace.Languages#byName} names them, this resolver reads. */
    Set<String> languages();

    /**
     * The imports of the file {@code path} (of one of {@link #languages()}), read once from its {@code text}, for
     * asking which changing files of {@code project} they reach.
     */
    Imports read(String path, String text, ProjectTexts project);

    /**
     * Whether this language's naming marks {@code path} (one of its files) as a test ({@code FooTest.java},
     * {@code foo_test.go}); folders such as {@code test/} are recognised for every language by the caller.
     */
    default boolean namesTest(String path) {
        return false;
    }

    /** One file's imports, as read by its language's resolver. */
    @FunctionalInterface
    interface Imports {
        /** Nothing imported: for a file no resolver reads. */
        Imports NONE = changing -> null;

        /**
         * Why the file read depends on the project file {@code changing} ("imports a.b.C", "requires ../x"), by its
         * language's rules; null when it does not.
         */
        String reason(String changing);
    }
}
