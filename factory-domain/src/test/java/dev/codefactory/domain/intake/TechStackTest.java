package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-005/FR-001
class TechStackTest {

    @Test
    void reads_the_java_release_of_a_maven_build() {
        String pom = "<project><properties><maven.compiler.release>17</maven.compiler.release></properties></project>";
        assertEquals(List.of("Java 17 (Maven)"), TechStack.detect(Map.of("pom.xml", pom)));
    }

    @Test
    void reads_the_java_source_or_compiler_plugin_release_and_resolves_properties() {
        assertEquals(List.of("Java 11 (Maven)"), TechStack.detect(Map.of("pom.xml",
                "<maven.compiler.source>11</maven.compiler.source>")));
        assertEquals(List.of("Java 21 (Maven)"), TechStack.detect(Map.of("pom.xml",
                "<plugin><configuration><release>21</release></configuration></plugin>")));
        assertEquals(List.of("Java 8 (Maven)"), TechStack.detect(Map.of("pom.xml",
                "<maven.compiler.source>${jdk}</maven.compiler.source><jdk>1.8</jdk>")));
    }

    @Test
    void a_maven_build_without_version_is_plain_java() {
        assertEquals(List.of("Java (Maven)"), TechStack.detect(Map.of("pom.xml", "<project/>")));
    }

    @Test
    void ignores_versions_in_xml_comments() {
        String pom = "<!-- <maven.compiler.release>8</maven.compiler.release> --><java.version>17</java.version>";
        assertEquals(List.of("Java 17 (Maven)"), TechStack.detect(Map.of("pom.xml", pom)));
    }

    @Test
    void finds_spring_boot_and_quarkus() {
        String pom = "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent"
                + "</artifactId></parent><java.version>17</java.version>";
        assertEquals(List.of("Java 17 (Maven)", "Spring Boot"), TechStack.detect(Map.of("pom.xml", pom)));
        assertEquals(List.of("Java (Maven)", "Quarkus"),
                TechStack.detect(Map.of("pom.xml", "<groupId>io.quarkus</groupId>")));
    }

    @Test
    void tells_kotlin_from_java_gradle_builds() {
        assertEquals(List.of("Kotlin (Gradle)"), TechStack.detect(Map.of("build.gradle.kts",
                "plugins { kotlin(\"jvm\") version \"1.9.0\" }")));
        assertEquals(List.of("Java (Gradle)"), TechStack.detect(Map.of("build.gradle", "plugins { id 'java' }")));
        assertEquals(List.of("Java 17 (Gradle)", "Spring Boot"), TechStack.detect(Map.of("build.gradle",
                "plugins { id 'org.springframework.boot' version '3.2.0' }\n"
                        + "java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }")));
        assertEquals(List.of("Java 11 (Gradle)"), TechStack.detect(Map.of("build.gradle",
                "sourceCompatibility = JavaVersion.VERSION_11")));
    }

    @Test
    void reads_node_frameworks_from_package_json() {
        String pkg = "{\"dependencies\": {\"react\": \"^18\", \"next\": \"14\", \"express\": \"4\"},"
                + " \"devDependencies\": {\"typescript\": \"5\"}}";
        assertEquals(List.of("Node.js", "TypeScript", "React", "Next.js", "Express"),
                TechStack.detect(Map.of("package.json", pkg)));
        assertEquals(List.of("Node.js", "Vue", "Angular"), TechStack.detect(Map.of("package.json",
                "{\"dependencies\": {\"vue\": \"3\", \"@angular/core\": \"17\"}}")));
    }

    @Test
    void reads_a_broken_package_json_by_text() {
        assertEquals(List.of("Node.js", "React"),
                TechStack.detect(Map.of("package.json", "{\"dependencies\": {\"react\": \"18\",")));
    }

    @Test
    void a_name_in_a_script_is_not_a_dependency() {
        assertEquals(List.of("Node.js"), TechStack.detect(Map.of("package.json",
                "{\"name\": \"react-ish\", \"scripts\": {\"build\": \"react build\"}}")));
    }

    @Test
    void reads_the_go_version() {
        assertEquals(List.of("Go 1.22"), TechStack.detect(Map.of("go.mod", "module x\n\ngo 1.22\n")));
        assertEquals(List.of("Go"), TechStack.detect(Map.of("go.mod", "module x\n")));
    }

    @Test
    void finds_rust_python_ruby_php_elixir_dotnet_and_docker() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Dockerfile", "FROM alpine");
        files.put("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"/>");
        files.put("mix.exs", "defp deps do [] end");
        files.put("composer.json", "{\"require\": {\"laravel/framework\": \"^10\"}}");
        files.put("Gemfile", "source 'https://rubygems.org'\ngem \"rails\", \"~> 7\"");
        files.put("requirements.txt", "Django>=4.2\nfastapi==0.110\nrequests\n");
        files.put("Cargo.toml", "[package]\nname = \"x\"");
        assertEquals(List.of("Rust (Cargo)", "Python", "Django", "FastAPI", "Ruby", "Rails", "PHP", "Laravel",
                "Elixir", "C# (.NET)", "Docker"), TechStack.detect(files));
    }

    @Test
    void finds_flask_in_pyproject_but_not_a_longer_name() {
        assertEquals(List.of("Python", "Flask"), TechStack.detect(Map.of("pyproject.toml",
                "[project]\ndependencies = [\"flask>=3\", \"django-environ\"]")));
    }

    @Test
    void the_order_does_not_depend_on_the_map_order() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("docker-compose.yml", "services: {}");
        a.put("go.mod", "go 1.21");
        a.put("pom.xml", "<project/>");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("pom.xml", "<project/>");
        b.put("go.mod", "go 1.21");
        b.put("docker-compose.yml", "services: {}");
        assertEquals(List.of("Java (Maven)", "Go 1.21", "Docker"), TechStack.detect(a));
        assertEquals(TechStack.detect(a), TechStack.detect(b));
    }

    @Test
    void never_throws_on_garbage_or_nulls() {
        Map<String, String> files = new HashMap<>();
        files.put("pom.xml", "<<<<\u0000>>>>${");
        files.put("package.json", "{{{{[[[[\"");
        files.put("go.mod", null);
        files.put(null, "x");
        List<String> labels = TechStack.detect(files);
        assertTrue(labels.contains("Java (Maven)"));
        assertTrue(labels.contains("Go"));
        assertEquals(List.of(), TechStack.detect(Map.of()));
        assertEquals(List.of(), TechStack.detect(null));
    }

    @Test
    void unknown_files_give_nothing() {
        assertEquals(List.of(), TechStack.detect(Map.of("README.md", "# pom.xml go.mod")));
    }

    @Test
    void lists_the_build_file_names_it_understands() {
        List<String> names = TechStack.buildFileNames();
        assertTrue(names.containsAll(List.of("pom.xml", "build.gradle.kts", "package.json", "go.mod", "Cargo.toml",
                "pyproject.toml", "requirements.txt", "Gemfile", "composer.json", "mix.exs", "Dockerfile",
                "docker-compose.yml")));
        assertTrue(TechStack.understands("src/App.csproj"));
        assertTrue(TechStack.understands("pom.xml"));
        assertFalse(TechStack.understands(".csproj"));
        assertFalse(TechStack.understands("README.md"));
    }
}
