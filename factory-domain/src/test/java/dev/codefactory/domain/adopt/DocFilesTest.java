package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-004
class DocFilesTest {

    private static List<String> read(String path, String text) {
        return DocFiles.read(path, text).stream().map(d -> d.kind().id() + " " + d.title() + " @" + d.at().line())
                .collect(Collectors.toList());
    }

    @Test
    void knows_documentation_by_path() {
        for (String doc : List.of("README.md", "api/README.md", "Readme.markdown", "docs/guide.md", "docs/a/b.adoc",
                "doc/index.rst", "docs/adr/0001-use-x.md", "adr/0002-y.md", "docs/decisions/0003-z.md",
                "openapi.yaml", "api/openapi.json", "swagger.yml", "pets.openapi.yaml")) {
            assertTrue(DocFiles.isDoc(doc), doc);
        }
        for (String other : List.of("notes.md", "src/x.md", "docs/logo.png", "openapi.txt", "CHANGELOG.md")) {
            assertFalse(DocFiles.isDoc(other), other);
        }
    }

    @Test
    void readme_one_per_heading_outside_fences() {
        String text = "# Project\nintro\n## Install\n```sh\n# not a heading\n```\n### Deep\n## Use ##\n## C#\n#hashtag\n";
        assertEquals(List.of("readme Project @1", "readme Install @3", "readme Use @8", "readme C# @9"),
                read("README.md", text));
        assertEquals(List.of("readme README.md @0"), read("README.md", "no headings"));
        assertEquals(List.of("readme Welcome to Microblog! @1"),
                read("README.md", AdoptFixtures.text("microblog", "README.md")));
    }

    @Test
    void docs_pages_and_adrs_by_first_heading() {
        assertEquals(List.of("doc Guide @3"), read("docs/guide.md", "\n\n# Guide\n## More\n"));
        assertEquals(List.of("doc Setup @1"), read("docs/setup.adoc", "= Setup\n== Part\n"));
        assertEquals(List.of("doc Overview @2"), read("doc/index.rst", "\nOverview\n========\n"));
        assertEquals(List.of("doc empty.md @0"), read("docs/empty.md", "text only"));
        assertEquals(List.of("adr 1. Use PostgreSQL @1"), read("docs/adr/0001-use-postgresql.md",
                "# 1. Use PostgreSQL\n\n## Status\nAccepted\n"));
    }

    @Test
    void openapi_yaml_operations_by_line_scan() {
        String text = String.join("\n",
                "openapi: 3.0.0",
                "info:",
                "  title: Pets",
                "paths:",
                "  /pets:",
                "    get:",
                "      responses:",
                "        '200':",
                "          description: ok",
                "    post:",
                "      summary: get: not an operation",
                "    parameters: []",
                "  '/pets/{id}':",
                "    delete:",
                "      responses: {}",
                "components:",
                "  schemas:",
                "    get:",
                "      type: object");
        assertEquals(List.of("openapi GET /pets @6", "openapi POST /pets @10", "openapi DELETE /pets/{id} @14"),
                read("openapi.yaml", text));
    }

    @Test
    void openapi_json_operations_by_the_json_reader() {
        String text = "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\n    \"/pets\": {\n      \"get\": {},\n"
                + "      \"put\": {}\n    },\n    \"/stores\": {\n      \"get\": {}\n    }\n  }\n}";
        assertEquals(List.of("openapi GET /pets @5", "openapi PUT /pets @6", "openapi GET /stores @9"),
                read("api/swagger.json", text));
        assertEquals(List.of(), read("openapi.json", "{ not json"));
    }
}
