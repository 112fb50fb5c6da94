package dev.codefactory.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.codefactory.port.spi.Provider;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules over every module. This module's test class path holds all of them (the adapters at runtime
 * scope), as jars or class folders; jars are imported too, so nothing is skipped in a reactor build.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.codefactory";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void every_module_is_imported() {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        for (String expected : List.of("dev.codefactory.domain.spec", "dev.codefactory.port.spec",
                "dev.codefactory.adapter.fs.contract", "dev.codefactory.app", "dev.codefactory.cli")) {
            assertTrue(packages.contains(expected), expected + " was not imported; imported: " + packages);
        }
    }

    @Test
    void the_layers_form_an_onion() {
        check(onionArchitecture()
                .domainModels(ROOT + ".domain..")
                .domainServices(ROOT + ".port..")
                .applicationServices(ROOT + ".app..")
                .adapter("fs", ROOT + ".adapter.fs..")
                .adapter("git", ROOT + ".adapter.git..")
                .adapter("github", ROOT + ".adapter.github..")
                .adapter("llm", ROOT + ".adapter.llm..")
                .adapter("cli", ROOT + ".cli..")
                // on the class path of the tests only (OpenAiLoopback); an outer ring like the adapters
                .adapter("llm-testkit", ROOT + ".testkit..")
                .withOptionalLayers(true));
    }

    @Test
    void the_domain_depends_on_the_jdk_alone() {
        check(classes().that().resideInAPackage(ROOT + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", "java..",
                        "org.jspecify.."));
    }

    @Test
    void ports_depend_on_the_domain_and_the_jdk_alone() {
        check(classes().that().resideInAPackage(ROOT + ".port..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".port..", ROOT + ".domain..",
                        "java..", "org.jspecify.."));
    }

    @Test
    void the_application_depends_on_ports_and_domain_alone() {
        check(classes().that().resideInAPackage(ROOT + ".app..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".port..",
                        ROOT + ".domain..", "java..", "org.jspecify..", "org.eclipse.microprofile.config..",
                        "io.smallrye.config..", "com.fasterxml.jackson.dataformat.yaml.."));
    }

    @Test
    void adapters_do_not_depend_on_each_other_on_the_application_or_on_the_cli() {
        for (String adapter : List.of("fs", "git", "github", "llm")) {
            String own = ROOT + ".adapter." + adapter + "..";
            check(noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(describe("Code-Factory classes outside domain, ports and "
                            + adapter, (JavaClass c) -> c.getPackageName().startsWith(ROOT + ".")
                            && !c.getPackageName().startsWith(ROOT + ".domain")
                            && !c.getPackageName().startsWith(ROOT + ".port")
                            && !c.getPackageName().startsWith(ROOT + ".adapter." + adapter)))
                    .allowEmptyShould(!adapter.equals("fs")));
        }
    }

    @Test
    void the_cli_uses_the_application_not_the_adapters() {
        check(noClasses().that().resideInAPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter.."));
    }

    @Test
    void each_library_lives_in_one_place() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.git..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit.."));
        check(noClasses().that().resideOutsideOfPackages(ROOT + ".adapter.llm..", ROOT + ".adapter.github..")
                .should().dependOnClassesThat().resideInAPackage("feign.."));
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline.."));
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..", "com.fasterxml.jackson.core..",
                        "com.fasterxml.jackson.databind.."));
    }

    @Test
    void only_the_cli_writes_to_standard_output_or_error() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err"));
    }

    @Test
    void nothing_but_the_cli_exits_the_jvm() {
        check(noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().callMethod(System.class, "exit", int.class));
    }

    @Test
    void providers_are_public_final_and_named_provider() {
        check(classes().that().implement(Provider.class).and().areNotInterfaces()
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
                .andShould().haveSimpleNameEndingWith("Provider"));
    }

    @Test
    void adapters_expose_nothing_but_their_providers() {
        check(classes().that().resideInAPackage(ROOT + ".adapter..").and().arePublic()
                .and().resideOutsideOfPackage(ROOT + ".adapter.*.internal..")
                .and(describe("are not shared with a sibling package of their adapter",
                        (JavaClass c) -> !sharedWithSibling(c)))
                .should().implement(Provider.class));
    }

    /** Whether another package of the same adapter uses it (as {@code adapter.fs.contract} uses ProjectRoot). */
    private static boolean sharedWithSibling(JavaClass type) {
        String[] segments = type.getPackageName().split("\\.");
        String adapter = String.join(".", List.of(segments).subList(0, Math.min(4, segments.length))) + ".";
        return type.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass().getPackageName())
                .anyMatch(p -> p.startsWith(adapter) && !p.equals(type.getPackageName()));
    }

    @Test
    void language_model_providers_share_only_their_internal_seam() {
        check(slices().matching(ROOT + ".adapter.llm.(*)..").namingSlices("llm provider $1")
                .should().notDependOnEachOther().ignoreDependency(
                        describe("any", (JavaClass c) -> true),
                        describe("the internal seam", (JavaClass c) -> c.getPackageName()
                                .startsWith(ROOT + ".adapter.llm.internal")))
                .allowEmptyShould(true));
    }

    @Test
    void packages_have_no_cycles() {
        check(slices().matching(ROOT + ".(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
