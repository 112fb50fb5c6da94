package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecTemplate;
import dev.codefactory.domain.spec.SpecValidator;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.spec.Validation;
import dev.codefactory.domain.trace.SpecRequirements;
import dev.codefactory.port.spec.SpecificationRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileTemplateSourceTest {
    @TempDir
    java.nio.file.Path root;

    @ParameterizedTest
    @EnumSource(SpecKind.class)
    void built_in_templates_make_contracts_that_validate_cleanly(SpecKind kind) {
        SpecTemplate template = Projects.templates(root).template(kind);
        assertEquals("built-in", template.origin());
        String text = template.render(new SpecTemplate.Values(new SpecId(kind.idPrefix() + "-001"),
                "Login: \"fast\" path", LocalDate.of(2026, 1, 7), "Ada Lovelace", List.of("auth", "web ui"),
                Priority.HIGH));
        SpecificationRepository repo = Projects.specs(root);
        repo.create(kind, "first.md", text);
        Validation validation = new SpecValidator(repo::exists).validate(repo.loadAll());
        assertEquals(List.of(), validation.findings());
        Specification spec = validation.specifications().get(0);
        assertEquals("Login: \"fast\" path", spec.title());
        assertEquals(List.of("auth", "web ui"), spec.tags());
        assertEquals("Ada Lovelace", spec.author());
    }

    @Test
    void the_spec_template_has_the_seed_sections() {
        String text = Projects.templates(root).template(SpecKind.SPEC).text();
        int at = 0;
        for (String heading : List.of("# {{title}}", "## Overview", "## Requirements", "### Functional",
                "### Non-Functional", "## API Specification", "## Data Model", "## Implementation Notes",
                "## Testing Strategy", "## Related Specs")) {
            int found = text.indexOf("\n" + heading + "\n", at);
            assertTrue(found > at, heading);
            at = found;
        }
    }

    // covers feature-001/FR-008
    @Test
    void the_spec_template_writes_a_first_functional_and_non_functional_requirement_with_their_ids() {
        String text = Projects.templates(root).template(SpecKind.SPEC).render(new SpecTemplate.Values(
                new SpecId("feature-001"), "Login", LocalDate.of(2026, 1, 7), "Ada", List.of(), Priority.HIGH));
        int bodyStart = text.indexOf("\n# Login\n");
        int bodyLine = (int) text.substring(0, bodyStart + 1).chars().filter(c -> c == '\n').count() + 1;
        SpecRequirements read = SpecRequirements.read(text.substring(bodyStart + 1), bodyLine);
        assertEquals(List.of(), read.findings(), "feature-010/FR-002: every requirement it writes has an id");
        assertEquals(List.of("FR-001", "NFR-001"), read.items().stream().map(i -> i.id().toString())
                .collect(Collectors.toList()));
    }

    @Test
    void a_project_template_overrides_the_built_in_one() {
        Projects.write(root, ".factory/templates/decision.md", "---\nid: {{id}}\n---\n# Ours\n");
        SpecTemplate template = Projects.templates(root).template(SpecKind.DECISION);
        assertEquals(".factory/templates/decision.md", template.origin());
        assertEquals("---\nid: {{id}}\n---\n# Ours\n", template.text());
        assertEquals("built-in", Projects.templates(root).template(SpecKind.SPEC).origin());
    }

    @Test
    void an_override_that_is_not_utf8_is_refused_naming_the_file() {
        Projects.writeBytes(root, ".factory/templates/spec.md", new byte[] {'-', '-', '-', '\n', (byte) 0xFF});
        StorageException e = assertThrows(StorageException.class,
                () -> Projects.templates(root).template(SpecKind.SPEC));
        assertTrue(e.getMessage().contains(".factory/templates/spec.md"), e.getMessage());
    }
}
