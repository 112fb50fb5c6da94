package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecTemplateTest {
    private static final String TEMPLATE = """
            ---
            id: {{id}}
            title: {{title}}
            status: {{status}}
            created: {{date}}
            updated: {{ date }}
            author: {{author}}
            tags: {{tags}}
            priority: {{priority}}
            ---

            # {{title}}

            By {{author}}, tagged {{tags}}, {{priority}}, {{status}} since {{date}}.
            Owner: {{owner}} and {{ unclosed
            """;

    private static SpecTemplate.Values values(String title) {
        return new SpecTemplate.Values(new SpecId("feature-007"), title, LocalDate.of(2024, 5, 6), "Ada",
                List.of("auth", "web: ui"), Priority.HIGH);
    }

    private static String render(String text, String title) {
        return new SpecTemplate(SpecKind.SPEC, "built-in", text).render(values(title));
    }

    @Test
    void fills_front_matter_with_yaml_scalars_and_the_body_with_plain_text() {
        assertEquals("""
                ---
                id: feature-007
                title: "Login: SSO"
                status: draft
                created: 2024-05-06
                updated: 2024-05-06
                author: Ada
                tags: [auth, "web: ui"]
                priority: high
                ---

                # Login: SSO

                By Ada, tagged auth, web: ui, high, draft since 2024-05-06.
                Owner: {{owner}} and {{ unclosed
                """, render(TEMPLATE, "Login: SSO"));
    }

    @Test
    void quotes_a_title_with_a_colon_in_the_front_matter_only() {
        String out = render(TEMPLATE, "Login: SSO");

        assertTrue(out.contains("\ntitle: \"Login: SSO\"\n"), out);
        assertTrue(out.contains("\n# Login: SSO\n"), out);
    }

    @Test
    void leaves_a_plain_title_unquoted() {
        assertTrue(render(TEMPLATE, "User login").contains("\ntitle: User login\n"));
    }

    @Test
    void writes_tags_as_a_flow_sequence_in_front_matter_and_a_list_in_the_body() {
        String out = render(TEMPLATE, "Login");

        assertTrue(out.contains("\ntags: [auth, \"web: ui\"]\n"), out);
        assertTrue(out.contains("tagged auth, web: ui,"), out);
    }

    @Test
    void leaves_unknown_and_unclosed_placeholders_as_they_are() {
        assertTrue(render(TEMPLATE, "Login").contains("Owner: {{owner}} and {{ unclosed\n"));
    }

    @Test
    void keeps_a_missing_trailing_newline_missing() {
        assertEquals("# Login", render("# {{title}}", "Login"));
        assertEquals("# Login\n", render("# {{title}}\n", "Login"));
    }

    @Test
    void a_rule_in_the_body_does_not_start_front_matter_again() {
        String text = "---\ntitle: {{title}}\n---\n\n---\n{{title}}\n";

        assertEquals("---\ntitle: \"a: b\"\n---\n\n---\na: b\n", render(text, "a: b"));
    }

    @Test
    void a_template_without_front_matter_gets_plain_text_everywhere() {
        assertEquals("title: a: b\n---\na: b\n", render("title: {{title}}\n---\n{{title}}\n", "a: b"));
    }
}
