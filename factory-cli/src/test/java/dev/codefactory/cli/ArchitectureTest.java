package dev.codefactory.cli;

import static dev.codefactory.cli.ArchitectureRules.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The hexagon's rules ({@link ArchitectureRules}) over the main classes of every module. This module's test class
 * path holds all of them (the adapters at runtime scope, factory-llm-testkit and factory-standard at test scope), as
 * jars or class folders; jars are imported too, so nothing is skipped in a reactor build.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Each jar module of the root pom, by its root package (its {@code automatic.module.name}). */
    static List<String> moduleRootPackages() throws Exception {
        List<String> roots = new ArrayList<>();
        NodeList modules = pom("../pom.xml").getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Document pom = pom("../" + modules.item(i).getTextContent().strip() + "/pom.xml");
            NodeList name = pom.getElementsByTagName("automatic.module.name");
            if (name.getLength() > 0) {
                roots.add(name.item(0).getTextContent().strip());
            }
        }
        return roots;
    }

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(path).toFile());
    }

    private static boolean in(JavaClass c, String root) {
        return c.getPackageName().equals(root) || c.getPackageName().startsWith(root + ".");
    }

    @Test
    void every_module_is_imported_and_nothing_else() throws Exception {
        List<String> roots = moduleRootPackages();
        assertEquals(List.of(ROOT + ".domain", ROOT + ".port", ROOT + ".adapter.fs", ROOT + ".adapter.git",
                ROOT + ".adapter.github", ROOT + ".adapter.llm", ROOT + ".adapter.java",
                ROOT + ".testkit.llm", ROOT + ".testsupport", ROOT + ".app", ROOT + ".web", ROOT + ".mcp",
                ROOT + ".cli", ROOT + ".standard"), roots, "the root pom's jar modules (a new one belongs on this test class path)");
        for (String root : roots) {
            assertTrue(classes.stream().anyMatch(c -> in(c, root)), root + " was not imported: its module is not "
                    + "on this module's test class path");
        }
        Set<String> strays = classes.stream().filter(c -> roots.stream().noneMatch(r -> in(c, r)))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), strays, "classes outside every module's root package");
    }

    @TestFactory
    Stream<DynamicTest> every_rule_holds_on_the_main_classes_of_every_module() {
        return ArchitectureRules.ALL.entrySet().stream()
                .map(rule -> dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }
}
