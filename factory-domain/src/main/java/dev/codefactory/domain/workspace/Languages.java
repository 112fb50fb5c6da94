package dev.codefactory.domain.workspace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language of a file: from its name (special names such as {@code Dockerfile} or {@code go.mod} first, then the
 * extension), else from the shebang of its first line ({@code #!/usr/bin/env python3}), else {@link #TEXT}; and
 * whether its first bytes look binary (a NUL byte among the first {@value #SNIFF_BYTES}, as git decides).
 */
public final class Languages {
    /** The language of a file nothing more precise is known about. */
    public static final String TEXT = "Text";
    /** How many leading bytes {@link #looksBinary} and {@link #byShebang} look at (git's own figure). */
    public static final int SNIFF_BYTES = 8000;

    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> EXTENSIONS = new HashMap<>();
    private static final Map<String, String> INTERPRETERS = new HashMap<>();

    static {
        names("Dockerfile", "Dockerfile", "Containerfile");
        names("Makefile", "Makefile", "makefile", "GNUmakefile");
        names("CMake", "CMakeLists.txt");
        names("Groovy", "Jenkinsfile");
        names("Ruby", "Gemfile", "Rakefile", "Vagrantfile", "Podfile", "Brewfile");
        names("Gradle", "build.gradle", "settings.gradle", "build.gradle.kts", "settings.gradle.kts");
        names("XML", "pom.xml");
        names("Go Module", "go.mod", "go.sum", "go.work");
        names("TOML", "Cargo.toml", "Cargo.lock", "Pipfile", "poetry.lock");
        names("Ignore list", ".gitignore", ".dockerignore", ".npmignore", ".hgignore", ".eslintignore",
                ".prettierignore");
        names("Git attributes", ".gitattributes");
        names("INI", ".gitmodules", ".gitconfig", ".editorconfig");
        names("Shell", ".bashrc", ".bash_profile", ".profile", ".zshrc", "PKGBUILD");
        names("Properties", ".env");
        names("Text", "LICENSE", "COPYING", "NOTICE", "AUTHORS", "CHANGELOG", "README");
        names("JSON", "package-lock.json", ".eslintrc", ".babelrc", ".prettierrc");
        names("Procfile", "Procfile");
        names("Batch", "mvnw.cmd", "gradlew.bat");

        extensions("Java", "java");
        extensions("Kotlin", "kt", "kts");
        extensions("Scala", "scala", "sc", "sbt");
        extensions("Groovy", "groovy", "gvy");
        extensions("Gradle", "gradle");
        extensions("Go", "go");
        extensions("Rust", "rs");
        extensions("Python", "py", "pyi", "pyw");
        extensions("JavaScript", "js", "mjs", "cjs");
        extensions("JSX", "jsx");
        extensions("TypeScript", "ts", "mts", "cts");
        extensions("TSX", "tsx");
        extensions("Vue", "vue");
        extensions("Svelte", "svelte");
        extensions("C", "c", "h");
        extensions("C++", "cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h++", "ipp", "inl");
        extensions("C#", "cs", "csx");
        extensions("F#", "fs", "fsi", "fsx");
        extensions("Visual Basic", "vb");
        extensions("Objective-C", "m", "mm");
        extensions("Ruby", "rb", "erb", "gemspec", "rake");
        extensions("PHP", "php", "phtml");
        extensions("Swift", "swift");
        extensions("Shell", "sh", "bash", "zsh", "ksh", "fish");
        extensions("PowerShell", "ps1", "psm1", "psd1");
        extensions("Batch", "bat", "cmd");
        extensions("SQL", "sql");
        extensions("HTML", "html", "htm", "xhtml");
        extensions("CSS", "css");
        extensions("SCSS", "scss");
        extensions("Sass", "sass");
        extensions("Less", "less");
        extensions("Markdown", "md", "markdown", "mdx");
        extensions("AsciiDoc", "adoc", "asciidoc");
        extensions("reStructuredText", "rst");
        extensions("YAML", "yml", "yaml");
        extensions("JSON", "json", "jsonc", "json5", "geojson");
        extensions("TOML", "toml");
        extensions("XML", "xml", "xsd", "xsl", "xslt", "wsdl", "pom", "fxml", "plist", "svg");
        extensions("Properties", "properties");
        extensions("CMake", "cmake");
        extensions("Makefile", "mk", "mak");
        extensions("Protobuf", "proto");
        extensions("Thrift", "thrift");
        extensions("GraphQL", "graphql", "gql");
        extensions("Terraform", "tf", "tfvars", "hcl");
        extensions("Lua", "lua");
        extensions("R", "r");
        extensions("Dart", "dart");
        extensions("Elixir", "ex", "exs");
        extensions("Erlang", "erl", "hrl");
        extensions("Haskell", "hs", "lhs");
        extensions("OCaml", "ml", "mli");
        extensions("Clojure", "clj", "cljs", "cljc", "edn");
        extensions("Perl", "pl", "pm", "t");
        extensions("Julia", "jl");
        extensions("Zig", "zig");
        extensions("Nim", "nim");
        extensions("Assembly", "asm", "s");
        extensions("INI", "ini", "cfg", "conf");
        extensions("CSV", "csv");
        extensions("TSV", "tsv");
        extensions("Text", "txt", "text", "log");
        extensions("Dockerfile", "dockerfile");
        extensions("Mustache", "mustache", "hbs");
        extensions("FreeMarker", "ftl");
        extensions("Jinja", "j2", "jinja");
        extensions("Diff", "diff", "patch");
        extensions("TeX", "tex", "sty");

        interpreters("Shell", "sh", "bash", "zsh", "ksh", "dash", "ash", "fish");
        interpreters("Python", "python", "python2", "python3", "pypy", "pypy3");
        interpreters("JavaScript", "node", "nodejs", "deno", "bun");
        interpreters("TypeScript", "ts-node", "tsx");
        interpreters("Ruby", "ruby", "jruby");
        interpreters("Perl", "perl", "perl5");
        interpreters("PHP", "php");
        interpreters("Lua", "lua", "luajit");
        interpreters("R", "Rscript");
        interpreters("Groovy", "groovy");
        interpreters("Kotlin", "kotlin", "kscript");
        interpreters("Scala", "scala");
        interpreters("Java", "java", "jbang");
        interpreters("PowerShell", "pwsh", "powershell");
        interpreters("Elixir", "elixir");
        interpreters("Erlang", "escript");
        interpreters("Haskell", "runhaskell", "runghc", "stack");
        interpreters("Dart", "dart");
        interpreters("Swift", "swift");
        interpreters("Makefile", "make");
        interpreters("Tcl", "tclsh", "wish");
        interpreters("AWK", "awk", "gawk");
    }

    private Languages() {
    }

    /**
     * The language of {@code path} (a file name or a path with {@code /} or {@code \} separators) as its name says;
     * empty when the name alone says nothing (no extension, or an unknown one).
     */
    public static Optional<String> byName(String path) {
        String name = fileName(path);
        String special = NAMES.get(name);
        if (special != null) {
            return Optional.of(special);
        }
        if (name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile")) {
            return Optional.of("Dockerfile");
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty(); // no extension, or a dot file like ".profile" that NAMES did not know
        }
        String extension = name.substring(dot + 1);
        String language = EXTENSIONS.get(extension);
        if (language == null) {
            language = EXTENSIONS.get(extension.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(language);
    }

    /**
     * The language the shebang ({@code #!/usr/bin/env python3}, {@code #!/bin/bash -e}) on the first line of
     * {@code head} names; empty when there is none or it names an unknown interpreter.
     */
    public static Optional<String> byShebang(byte[] head, int length) {
        int limit = Math.min(Math.min(length, head.length), SNIFF_BYTES);
        if (limit < 3 || head[0] != '#' || head[1] != '!') {
            return Optional.empty();
        }
        int end = 2;
        while (end < limit && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        String[] words = new String(head, 2, end - 2, StandardCharsets.UTF_8).trim().split("[ \t]+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        String interpreter = baseName(words[0]);
        if (interpreter.equals("env")) {
            interpreter = null;
            for (int i = 1; i < words.length; i++) { // skip env's options (-S, -i) and VAR=value settings
                if (!words[i].startsWith("-") && words[i].indexOf('=') < 0) {
                    interpreter = baseName(words[i]);
                    break;
                }
            }
            if (interpreter == null) {
                return Optional.empty();
            }
        }
        String language = INTERPRETERS.get(interpreter);
        if (language == null) {
            language = INTERPRETERS.get(interpreter.replaceFirst("[0-9][0-9.]*$", "")); // python3.12, ruby2.7
        }
        return Optional.ofNullable(language);
    }

    /** The language of {@code path}: its name first, then the shebang in {@code head}, else {@link #TEXT}. */
    public static String of(String path, byte[] head, int length) {
        return byName(path).or(() -> byShebang(head, length)).orElse(TEXT);
    }

    /** Whether the first {@code length} bytes of a file look binary: a NUL byte among the first {@value #SNIFF_BYTES}. */
    public static boolean looksBinary(byte[] head, int length) {
        int limit = Math.min(Math.min(length, head.length), SNIFF_BYTES);
        for (int i = 0; i < limit; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String baseName(String command) {
        int slash = command.lastIndexOf('/');
        return slash < 0 ? command : command.substring(slash + 1);
    }

    private static void names(String language, String... names) {
        for (String name : names) {
            NAMES.put(name, language);
        }
    }

    private static void extensions(String language, String... extensions) {
        for (String extension : extensions) {
            EXTENSIONS.put(extension, language);
        }
    }

    private static void interpreters(String language, String... commands) {
        for (String command : commands) {
            INTERPRETERS.put(command, language);
        }
    }
}
