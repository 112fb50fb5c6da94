package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-001
class BuildFilesTest {

    private static CodeModule module(String path, String text) {
        return BuildFiles.module(path, text).orElseThrow();
    }

    @Test
    void a_folder_with_several_build_files_is_one_module_preferring_pom_then_gradle() {
        CodeModule gradle = module("build.gradle", "plugins { id 'java' }");
        CodeModule pom = module("pom.xml", "<project><artifactId>spring-petclinic</artifactId></project>");
        CodeModule kts = module("svc/build.gradle.kts", "");
        CodeModule svcGradle = module("svc/build.gradle", "");
        CodeModule web = module("svc/package.json", "{\"name\": \"web\"}");
        CodeModule go = module("tools/go.mod", "module example.com/tools");
        CodeModule cargo = module("tools/Cargo.toml", "[package]\nname = \"tools\"\n");
        assertEquals(List.of(pom, svcGradle, go),
                BuildFiles.onePerFolder(List.of(gradle, web, kts, pom, svcGradle, cargo, go)));
        assertEquals(List.of(web), BuildFiles.onePerFolder(List.of(web)));
        assertEquals(List.of(), BuildFiles.onePerFolder(List.of()));
    }

    @Test
    void knows_build_files_by_name() {
        for (String build : List.of("pom.xml", "api/build.gradle", "app/build.gradle.kts", "web/package.json",
                "go.mod", "py/pyproject.toml", "setup.cfg", "rs/Cargo.toml", "src/App/App.csproj")) {
            assertTrue(BuildFiles.isBuildFile(build), build);
        }
        for (String other : List.of("settings.gradle", "package-lock.json", "go.sum", ".csproj", "pom.xml.bak")) {
            assertFalse(BuildFiles.isBuildFile(other), other);
        }
    }

    @Test
    void maven_artifact_id_skips_the_parent_and_kotlin_plugin_means_kotlin() {
        String pom = "<project><!-- <artifactId>commented</artifactId> --><parent><artifactId>spring-boot-starter-parent"
                + "</artifactId></parent>\n<artifactId>spring-petclinic</artifactId></project>";
        assertEquals(new CodeModule("", "spring-petclinic", "pom.xml", "Java"), module("pom.xml", pom));
        assertEquals("Kotlin", module("svc/pom.xml", pom + "<plugin><artifactId>kotlin-maven-plugin</artifactId>")
                .language());
        assertEquals(new CodeModule("svc", "svc", "svc/pom.xml", "Java"), module("svc/pom.xml", "<project>"));
    }

    @Test
    void gradle_by_folder_and_kotlin_plugin() {
        assertEquals(new CodeModule("api", "api", "api/build.gradle", "Java"),
                module("api/build.gradle", "plugins { id 'java' }"));
        assertEquals("Kotlin", module("app/build.gradle.kts", "plugins { kotlin(\"jvm\") version \"1.9\" }").language());
        assertEquals("root", module("build.gradle", "").name());
    }

    @Test
    void package_json_name_and_typescript_from_its_text() {
        assertEquals(new CodeModule("", "fastify-demo", "package.json", "TypeScript"),
                module("package.json", AdoptFixtures.text("demo", "package.json")));
        assertEquals(new CodeModule("web", "web-app", "web/package.json", "JavaScript"),
                module("web/package.json", "{\"name\": \"web-app\", \"dependencies\": {\"express\": \"4\"}}"));
        assertEquals(new CodeModule("web", "web", "web/package.json", "JavaScript"), module("web/package.json", "{ broken"));
    }

    @Test
    void go_python_rust_and_csharp() {
        assertEquals(new CodeModule("", "github.com/gothinkster/golang-gin-realworld-example-app", "go.mod", "Go"),
                module("go.mod", AdoptFixtures.text("golang-gin-realworld-example-app", "go.mod")));
        assertEquals(new CodeModule("backend", "app", "backend/pyproject.toml", "Python"),
                module("backend/pyproject.toml", AdoptFixtures.text("full-stack-fastapi-template", "backend/pyproject.toml")));
        assertEquals("poetry-app", module("pyproject.toml", "[tool.poetry]\nname = \"poetry-app\"\n").name());
        assertEquals(Optional.empty(), BuildFiles.module("pyproject.toml", "[tool.ruff]\nline-length = 100\n"));
        assertEquals("cfg-app", module("setup.cfg", "[metadata]\nname = cfg-app\n[options]\nname = no\n").name());
        assertEquals(new CodeModule("crates/core", "core-lib", "crates/core/Cargo.toml", "Rust"),
                module("crates/core/Cargo.toml", "[package]\nname = \"core-lib\"\n[dependencies]\nname = \"x\"\n"));
        assertEquals(Optional.empty(), BuildFiles.module("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n"));
        assertEquals(new CodeModule("src/Shop", "Shop.Api", "src/Shop/Shop.Api.csproj", "C#"),
                module("src/Shop/Shop.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>"));
        assertEquals(Optional.empty(), BuildFiles.module("README.md", "# x"));
    }

    @Test
    void malformed_text_never_throws() {
        for (String path : List.of("pom.xml", "build.gradle", "package.json", "go.mod", "pyproject.toml", "setup.cfg",
                "Cargo.toml", "a.csproj")) {
            for (String text : List.of("", "\u0000\u0001[[[", "{\"name\": 3}", "<artifactId>", "[package\nname=")) {
                BuildFiles.module(path, text);
                BuildFiles.entryPoints(path, text);
            }
        }
    }

    @Test
    void package_bin_and_pyproject_scripts_are_entry_points() {
        String pkg = "{\n  \"name\": \"tool\",\n  \"bin\": {\n    \"tool\": \"./cli.js\",\n    \"tool-admin\": \"./admin.js\"\n  }\n}";
        assertEquals(List.of("tool @4", "tool-admin @5"), names(BuildFiles.entryPoints("package.json", pkg)));
        assertEquals(List.of("tool @1"), names(BuildFiles.entryPoints("package.json",
                "{\"name\": \"tool\", \"bin\": \"./cli.js\"}")));
        assertEquals(List.of("serve @2"), names(BuildFiles.entryPoints("pyproject.toml",
                "[project.scripts]\nserve = \"app.main:run\"\n[tool.x]\nother = 1\n")));
    }

    private static List<String> names(List<Surface> surfaces) {
        return surfaces.stream().map(s -> s.name() + " @" + s.at().line()).collect(Collectors.toList());
    }
}
