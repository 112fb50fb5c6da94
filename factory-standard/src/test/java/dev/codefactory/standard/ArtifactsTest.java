package dev.codefactory.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists every artifact at the root's version, this artifact brings what it says, and jars name their module. */
// covers feature-009/FR-001
class ArtifactsTest {
    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(path).toFile());
    }

    private static String child(Element e, String name) {
        NodeList list = e.getElementsByTagName(name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }

    private static String ownVersion(Document pom) {
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    @Test
    void the_bom_lists_every_jar_module_at_the_root_version() throws Exception {
        Document root = pom("../pom.xml");
        Document bom = pom("../factory-bom/pom.xml");
        assertEquals(ownVersion(root), ownVersion(bom), "factory-bom's version is not the root's");

        TreeSet<String> jars = new TreeSet<>();
        NodeList modules = root.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Document pom = pom("../" + module + "/pom.xml");
            String packaging = child(pom.getDocumentElement(), "packaging");
            // a module that is never deployed (factory-test-support: the project's own test fixtures) is not for embedders
            boolean published = !"true".equals(child(pom.getDocumentElement(), "maven.deploy.skip"));
            if ((packaging == null || packaging.equals("jar")) && published) {
                jars.add(module);
            }
        }
        TreeSet<String> listed = new TreeSet<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertEquals("dev.codefactory", child(d, "groupId"));
            assertEquals("${project.version}", child(d, "version"));
            listed.add(child(d, "artifactId"));
        }
        assertTrue(jars.size() >= 9, jars.toString());
        assertEquals(jars, listed, "factory-bom lists other artifacts than the root's jar modules");
    }

    @Test
    void the_root_and_the_bom_carry_the_published_metadata() throws Exception {
        for (String path : List.of("../pom.xml", "../factory-bom/pom.xml")) {
            Element project = pom(path).getDocumentElement();
            Element developers = (Element) project.getElementsByTagName("developers").item(0);
            assertTrue(developers != null, path + " names no developers");
            assertEquals("Code-Factory team", child(developers, "name"), path);
            String timestamp = child(project, "project.build.outputTimestamp");
            assertTrue(timestamp != null && timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    path + " has no fixed project.build.outputTimestamp: " + timestamp);
        }
    }

    @Test
    void each_library_jar_has_a_sources_jar_beside_it() throws IOException {
        Map<String, Integer> sources = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = MODULE.matcher(entry);
            if (m.find() && Files.isRegularFile(Path.of(entry))) {
                Path beside = Path.of(entry.substring(0, entry.length() - ".jar".length()) + "-sources.jar");
                assertTrue(Files.isRegularFile(beside), "no sources jar beside " + entry);
                try (JarFile jar = new JarFile(beside.toFile())) {
                    sources.put(m.group(1), (int) jar.stream().filter(e -> e.getName().endsWith(".java")).count());
                }
            }
        }
        // as above: only `mvn verify` (package) makes the jars
        org.junit.jupiter.api.Assumptions.assumeFalse(sources.isEmpty(), "the modules are not jars on this class path");
        sources.forEach((module, count) -> assertTrue(count > 0, module + "'s sources jar holds no source"));
    }

    @Test
    void factory_standard_depends_on_the_library_and_every_adapter() throws Exception {
        Document pom = pom("pom.xml");
        List<String> deps = new ArrayList<>();
        NodeList list = pom.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if (child(d, "scope") == null) {
                deps.add(child(d, "artifactId"));
            }
        }
        assertEquals(FactoryStandard.ARTIFACTS, deps);
        for (String adapter : new File("..").list((dir, name) -> name.startsWith("factory-adapter-"))) {
            assertTrue(deps.contains(adapter), adapter + " is not in factory-standard");
        }
    }

    private static final Pattern MODULE = Pattern.compile("(factory-[a-z-]+?)-\\d[^/\\\\]*\\.jar$");

    @Test
    void each_library_jar_names_its_java_module() throws IOException {
        Map<String, String> names = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = MODULE.matcher(entry);
            if (m.find() && Files.isRegularFile(Path.of(entry))) {
                try (JarFile jar = new JarFile(entry)) {
                    names.put(m.group(1), jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
                }
            }
        }
        // run by `mvn verify` the reactor's modules arrive as jars; from target/classes (an IDE) there is nothing to see
        org.junit.jupiter.api.Assumptions.assumeFalse(names.isEmpty(), "the modules are not jars on this class path");
        assertEquals(Map.of("factory-domain", "dev.codefactory.domain", "factory-ports", "dev.codefactory.port",
                "factory-app", "dev.codefactory.app", "factory-adapter-fs", "dev.codefactory.adapter.fs",
                "factory-adapter-git", "dev.codefactory.adapter.git", "factory-adapter-github",
                "dev.codefactory.adapter.github", "factory-adapter-llm", "dev.codefactory.adapter.llm",
                "factory-adapter-java", "dev.codefactory.adapter.java",
                "factory-test-support", "dev.codefactory.testsupport"), names);
    }
}
