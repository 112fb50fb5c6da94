package dev.codefactory.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<String> shebang(String firstLines) {
        byte[] head = bytes(firstLines);
        return Languages.byShebang(head, head.length);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "Main.java|Java", "App.kt|Kotlin", "build.kts|Kotlin", "Seq.scala|Scala", "script.groovy|Groovy",
        "main.go|Go", "lib.rs|Rust", "tool.py|Python", "stubs.pyi|Python", "index.js|JavaScript",
        "esm.mjs|JavaScript", "common.cjs|JavaScript", "App.jsx|JSX", "api.ts|TypeScript", "View.tsx|TSX",
        "main.c|C", "main.h|C", "engine.cpp|C++", "engine.cc|C++", "engine.hpp|C++", "Program.cs|C#",
        "app.rb|Ruby", "index.php|PHP", "View.swift|Swift", "run.sh|Shell", "run.bash|Shell", "zshfun.zsh|Shell",
        "setup.ps1|PowerShell", "schema.sql|SQL", "index.html|HTML", "page.htm|HTML", "site.css|CSS",
        "theme.scss|SCSS", "README.md|Markdown", "ci.yml|YAML", "ci.yaml|YAML", "package.json|JSON",
        "config.toml|TOML", "layout.xml|XML", "logo.svg|XML", "app.properties|Properties", "tools.cmake|CMake",
        "api.proto|Protobuf", "main.tf|Terraform", "vars.tfvars|Terraform", "init.lua|Lua", "stats.R|R",
        "stats.r|R", "main.dart|Dart", "mix.exs|Elixir", "server.erl|Erlang", "Main.hs|Haskell",
        "core.clj|Clojure", "script.pl|Perl", "build.bat|Batch", "build.cmd|Batch", "setup.ini|INI",
        "data.csv|CSV", "notes.txt|Text", "service.dockerfile|Dockerfile", "rules.mk|Makefile",
        "docs.adoc|AsciiDoc", "fix.patch|Diff"
    })
    void knows_the_language_of_a_common_extension(String name, String language) {
        assertEquals(Optional.of(language), Languages.byName(name));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "Dockerfile|Dockerfile", "Containerfile|Dockerfile", "Dockerfile.dev|Dockerfile",
        "Makefile|Makefile", "GNUmakefile|Makefile", "Jenkinsfile|Groovy", "pom.xml|XML",
        "go.mod|Go Module", "go.sum|Go Module", "Cargo.toml|TOML", "Cargo.lock|TOML",
        "build.gradle|Gradle", "settings.gradle|Gradle", "build.gradle.kts|Gradle", "settings.gradle.kts|Gradle",
        ".gitignore|Ignore list", ".dockerignore|Ignore list", ".gitattributes|Git attributes",
        ".editorconfig|INI", ".gitmodules|INI", "Gemfile|Ruby", "Rakefile|Ruby", "CMakeLists.txt|CMake",
        "LICENSE|Text", "mvnw.cmd|Batch"
    })
    void knows_special_file_names(String name, String language) {
        assertEquals(Optional.of(language), Languages.byName(name));
    }

    @Test
    void special_names_win_over_the_extension() {
        assertEquals(Optional.of("CMake"), Languages.byName("CMakeLists.txt"));
        assertEquals(Optional.of("Gradle"), Languages.byName("build.gradle.kts"));
    }

    @Test
    void looks_at_the_last_segment_of_a_path_with_either_separator() {
        assertEquals(Optional.of("Java"), Languages.byName("src/main/java/dev/App.java"));
        assertEquals(Optional.of("Dockerfile"), Languages.byName("docker/app/Dockerfile"));
        assertEquals(Optional.of("C#"), Languages.byName("src\\Program.cs"));
        assertEquals(Optional.empty(), Languages.byName("weird.java/bin/run"));
    }

    @Test
    void ignores_the_case_of_an_extension() {
        assertEquals(Optional.of("Java"), Languages.byName("LEGACY.JAVA"));
        assertEquals(Optional.of("Markdown"), Languages.byName("NOTES.Md"));
    }

    @Test
    void does_not_ignore_the_case_of_a_special_name() {
        assertEquals(Optional.empty(), Languages.byName("dockerfile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "bin/tool", "archive.unknownext", "trailingdot.", ".hidden", "README.weird"})
    void says_nothing_when_the_name_is_not_conclusive(String name) {
        assertEquals(Optional.empty(), Languages.byName(name));
    }

    @Test
    void takes_the_last_extension_of_several() {
        assertEquals(Optional.of("JSON"), Languages.byName("report.tar.json"));
        assertEquals(Optional.empty(), Languages.byName("backup.java.orig"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "#!/bin/bash|Shell", "#!/bin/sh -e|Shell", "#!/usr/bin/env bash|Shell", "#!/usr/bin/env python3|Python",
        "#!/usr/bin/python3.12|Python", "#!/usr/bin/env node|JavaScript", "#!/usr/bin/ruby -w|Ruby",
        "#!/usr/bin/env perl|Perl", "#!/usr/bin/env -S deno run|JavaScript",
        "#!/usr/bin/env PYTHONUNBUFFERED=1 python|Python", "#! /bin/zsh|Shell", "#!/usr/bin/env pwsh|PowerShell",
        "#!/usr/bin/env groovy|Groovy", "#!/usr/bin/env jbang|Java", "#!/usr/bin/env kotlin|Kotlin",
        "#!/usr/bin/env Rscript|R", "#!/usr/bin/make -f|Makefile", "#!/usr/bin/env lua5.4|Lua"
    })
    void knows_the_language_of_a_shebang(String line, String language) {
        assertEquals(Optional.of(language), shebang(line + "\necho hi\n"));
    }

    @Test
    void reads_a_shebang_ended_by_a_carriage_return() {
        assertEquals(Optional.of("Python"), shebang("#!/usr/bin/env python\r\nprint(1)\r\n"));
    }

    @Test
    void reads_a_shebang_that_is_the_whole_file() {
        assertEquals(Optional.of("Shell"), shebang("#!/bin/sh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "#!", "#!   ", "# comment\n", "echo #!/bin/sh\n", "#!/usr/bin/env\n",
        "#!/usr/bin/env -i\n", "#!/opt/bin/frobnicate\n", " #!/bin/sh\n"})
    void says_nothing_without_a_known_shebang_on_the_first_line(String content) {
        assertEquals(Optional.empty(), shebang(content));
    }

    @Test
    void reads_only_the_given_length_of_the_head() {
        byte[] head = bytes("#!/bin/bash\n");
        assertEquals(Optional.empty(), Languages.byShebang(head, 1));
        assertEquals(Optional.of("Shell"), Languages.byShebang(head, 11));
    }

    @Test
    void of_prefers_the_name_to_the_shebang() {
        byte[] head = bytes("#!/usr/bin/env python3\n");
        assertEquals("Ruby", Languages.of("tool.rb", head, head.length));
    }

    @Test
    void of_falls_back_to_the_shebang_when_the_name_says_nothing() {
        byte[] head = bytes("#!/usr/bin/env python3\n");
        assertEquals("Python", Languages.of("bin/tool", head, head.length));
    }

    @Test
    void of_falls_back_to_text() {
        byte[] head = bytes("just words\n");
        assertEquals(Languages.TEXT, Languages.of("NOTES", head, head.length));
        assertEquals(Languages.TEXT, Languages.of("empty", new byte[0], 0));
    }

    @Test
    void text_is_not_binary() {
        byte[] head = bytes("public class A {}\n// é ü 漢字\n");
        assertFalse(Languages.looksBinary(head, head.length));
    }

    @Test
    void empty_content_is_not_binary() {
        assertFalse(Languages.looksBinary(new byte[0], 0));
    }

    @Test
    void a_nul_byte_makes_it_binary() {
        byte[] head = bytes("PK\u0003\u0004abc");
        head[5] = 0;
        assertTrue(Languages.looksBinary(head, head.length));
    }

    @Test
    void a_nul_byte_at_the_very_start_makes_it_binary() {
        assertTrue(Languages.looksBinary(new byte[] {0, 'a'}, 2));
    }

    @Test
    void a_nul_byte_at_the_last_sniffed_position_counts() {
        byte[] head = new byte[Languages.SNIFF_BYTES];
        java.util.Arrays.fill(head, (byte) 'a');
        head[Languages.SNIFF_BYTES - 1] = 0;
        assertTrue(Languages.looksBinary(head, head.length));
    }

    @Test
    void a_nul_byte_after_the_first_8000_bytes_does_not_count() {
        byte[] head = new byte[Languages.SNIFF_BYTES + 10];
        java.util.Arrays.fill(head, (byte) 'a');
        head[Languages.SNIFF_BYTES] = 0;
        assertFalse(Languages.looksBinary(head, head.length));
    }

    @Test
    void a_nul_byte_beyond_the_given_length_does_not_count() {
        byte[] buffer = {'a', 'b', 0, 0};
        assertFalse(Languages.looksBinary(buffer, 2));
        assertTrue(Languages.looksBinary(buffer, 3));
    }

    @Test
    void a_length_beyond_the_buffer_is_clamped() {
        assertFalse(Languages.looksBinary(new byte[] {'a'}, 100));
    }

    @Test
    void high_bytes_alone_are_not_binary() {
        byte[] head = {(byte) 0xff, (byte) 0xfe, 'a', (byte) 0x80};
        assertFalse(Languages.looksBinary(head, head.length));
    }
}
