package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.report.Finding;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.spec.FrontMatter;
import dev.codefactory.domain.spec.MarkdownBody;
import dev.codefactory.domain.spec.Placeholders;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.domain.spec.SpecValidator;
import dev.codefactory.domain.spec.Validation;
import dev.codefactory.domain.trace.SpecRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-011
class SpecSkeletonTest {
    /** The built-in template, whose placeholder lines the validator knows. */
    private static Placeholders placeholders() throws Exception {
        Path template = Path.of("..", "factory-adapter-fs", "src", "main", "resources", "dev", "codefactory",
                "adapter", "fs", "contract", "templates", "spec.md");
        return Placeholders.of(List.of(new SpecTemplate(SpecKind.SPEC, "built-in", Files.readString(template))));
    }

    /** The spec as storage parses it: flat front matter of scalars and one flow list (what the skeleton writes). */
    static SpecSource.Parsed parse(String path, String markdown) {
        String[] lines = markdown.split("\n", -1);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        int close = 1;
        while (!lines[close].equals("---")) {
            String line = lines[close];
            String key = line.substring(0, line.indexOf(':'));
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (value.startsWith("[")) {
                List<String> items = new ArrayList<>();
                for (String item : value.substring(1, value.length() - 1).split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
                values.put(key, items);
            } else {
                values.put(key, value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            keyLines.put(key, close + 1);
            close++;
        }
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        return new SpecSource.Parsed(path, new FrontMatter(values, keyLines, 1, close + 1), body, close + 2);
    }

    private static Capability hostile() {
        return new Capability("api-users", "Users *API*", "api", List.of("api", "typescript"),
                List.of(new Surface(SurfaceKind.ROUTE, "GET /users/`id`", new SourceLocation("src/routes/users.ts", 7),
                        "<!-- no comment"), new Surface(SurfaceKind.CONFIG_KEY, "DB_\u001b[2JURL",
                        new SourceLocation("src/config.ts", 3), "")),
                List.of(new TestCase("returns 404 for an unknown user", new SourceLocation("test/users.test.ts", 12))),
                List.of(), "");
    }

    @Test
    void the_skeleton_of_real_evidence_validates_as_a_draft_with_warnings_only() throws Exception {
        String md = SpecSkeleton.markdown(AdoptFixtures.owners(), "feature-004", "Ada", LocalDate.of(2026, 12, 7));
        Validation v = new SpecValidator(p -> true, placeholders())
                .validate(List.of(parse("contracts/specs/feature-004-owners.md", md)));
        assertEquals(List.of(), v.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertEquals(List.of("section.outline", "section.placeholder"),
                v.findings().stream().map(Finding::ruleId).sorted().toList(), "a person has yet to write them");
        assertEquals(1, v.specifications().size());
        assertEquals(List.of("petclinic", "java"), v.specifications().get(0).tags());
        assertEquals("draft", v.specifications().get(0).status().label());
    }

    @Test
    void the_skeleton_lists_the_evidence_with_path_and_line_and_no_requirement() {
        String md = SpecSkeleton.markdown(AdoptFixtures.owners(), "feature-004", "Ada", LocalDate.of(2026, 12, 7));
        assertTrue(md.startsWith("---\nid: feature-004\ntitle: Owners\nstatus: draft\ncreated: 2026-12-07\n"
                + "updated: 2026-12-07\nauthor: Ada\ntags: [petclinic, java]\npriority: medium\n---\n"), md);
        assertTrue(md.contains("- route `GET /owners/{ownerId}` (`OwnerController.showOwner`) at `"
                + AdoptFixtures.CONTROLLER + ":42`\n"), md);
        assertTrue(md.contains("- `testShowOwner` at `" + AdoptFixtures.TEST + ":30`\n"), md);
        assertTrue(md.contains("- readme `Owners` at `README.md:12`\n"), md);
        assertTrue(md.contains("## Requirements\n\n### Functional\n\n<!--"), md);
        assertTrue(md.indexOf("## Open Questions") > md.indexOf("## Requirements"), md);
        assertEquals(List.of(), SpecRequirements.read(md, 1).items(), "the hint is a comment, not a requirement");
        assertEquals(List.of(), RecordedEvidence.read(md));
    }

    @Test
    void hostile_names_cannot_break_the_markdown() throws Exception {
        String md = SpecSkeleton.markdown(hostile(), "feature-005", "Ada", LocalDate.of(2026, 12, 7));
        assertTrue(md.contains("- route `` GET /users/`id` `` (`<! -- no comment`) at `src/routes/users.ts:7`\n"), md);
        assertTrue(md.contains("- config-key `DB_?[2JURL` at `src/config.ts:3`\n"), md);
        assertTrue(md.contains("title: Users *API*\n") || md.contains("title: \"Users *API*\"\n"), md);
        SpecSource.Parsed parsed = parse("contracts/specs/feature-005-users.md", md);
        List<String> headings = MarkdownBody.of(parsed.body(), parsed.bodyLine()).sections().stream()
                .map(s -> s.heading()).toList();
        assertEquals(List.of("Users *API*", "Overview", "Evidence", "Surfaces", "Tests", "Documentation",
                "Requirements", "Functional", "Open Questions"), headings);
        Validation v = new SpecValidator(p -> true, placeholders()).validate(List.of(parsed));
        assertEquals(List.of(), v.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertTrue(md.contains("### Documentation\n\nNone found.\n"), md);
    }
}
