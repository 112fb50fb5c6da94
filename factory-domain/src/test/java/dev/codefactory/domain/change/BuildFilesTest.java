package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-013
class BuildFilesTest {

    @Test
    void build_files_scripts_and_ci_workflows_in_any_folder_are_run_by_the_build() {
        for (String path : List.of("pom.xml", "module/pom.xml", "build.gradle.kts", "Makefile", "sub/GNUmakefile",
                "package.json", "web/yarn.lock", "conftest.py", "tests/conftest.py", "pyproject.toml", "Cargo.toml",
                "build.rs", "Jenkinsfile", ".gitlab-ci.yml", "Dockerfile", "scripts/release.sh", "tools/x.ps1",
                "ci.bat", "rules.mk", "deps.gradle", ".github/workflows/ci.yml", ".github/actions/a/action.yml",
                ".mvn/wrapper/maven-wrapper.properties", "gradle/wrapper/gradle-wrapper.properties",
                "buildSrc/src/main/kotlin/A.kt", ".husky/pre-commit")) {
            assertTrue(BuildFiles.why(path, false, "").isPresent(), path);
        }
    }

    @Test
    void ordinary_sources_tests_and_documents_are_not() {
        for (String path : List.of("src/main/java/App.java", "src/test/java/AppTest.java", "README.md", "app.py",
                "docs/build.md", "lib/index.js", "src/pom.xml.txt", ".github/CODEOWNERS", "notes/makefile.txt")) {
            assertEquals(Optional.empty(), BuildFiles.why(path, false, "mvn -q test"), path);
        }
    }

    @Test
    void an_executable_file_and_a_file_the_test_command_names_are_run() {
        assertEquals(Optional.of("it is executable"), BuildFiles.why("tools/check", true, ""));
        assertEquals(Optional.of("the test command (./ci/run-tests --fast) runs it"),
                BuildFiles.why("ci/run-tests", false, "./ci/run-tests --fast"));
        assertEquals(Optional.of("the test command (python -m pytest && \"tools/lint.py\") runs it"),
                BuildFiles.why("tools/lint.py", false, "python -m pytest && \"tools/lint.py\""));
        assertEquals(Optional.of("the test command (python3 -u tools/lint.py src) runs it"),
                BuildFiles.why("tools/lint.py", false, "python3 -u tools/lint.py src"));
        assertEquals(Optional.of("the test command (CI=1 bash scripts/test -x) runs it"),
                BuildFiles.why("scripts/test", false, "CI=1 bash scripts/test -x"));
        assertEquals(Optional.of("the test command (make -f ci/rules test) runs it"),
                BuildFiles.why("ci/rules", false, "make -f ci/rules test"));
        assertEquals(Optional.empty(), BuildFiles.why("tools/lint.py", false, "python -m pytest tools/lint.pyc"));
        assertEquals(Optional.empty(), BuildFiles.why("src/App.java", false, "grep -q Bye src/App.java"),
                "a file the command only reads is not run");
        assertEquals(Optional.empty(), BuildFiles.why("data/in.txt", false, "python check.py data/in.txt"));
    }
}
