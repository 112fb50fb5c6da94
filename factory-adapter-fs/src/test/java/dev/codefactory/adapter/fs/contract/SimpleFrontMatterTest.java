package dev.codefactory.adapter.fs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.adapter.fs.Projects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleFrontMatterTest {
    private static final List<String> KEYS = List.of("id", "title", "status", "x-custom", "_private", "true",
            "null", "a1", "tags", "key", "Key_2");
    private static final List<String> VALUES = List.of("", " ", "draft", "feature-001", "Spec feature-001",
            "a  b   c", "it's", "he said \"hi\"", "true", "True", "TRUE", "false", "FALSE", "yes", "no", "on", "off",
            "null", "Null", "NULL", "~", "nil", "2026-01-07", "2026-1-7", "20260107", "1", "1.5", "0x1F", "1e3",
            ".inf", "-1", "+1", "\"quoted\"", "'single'", "\"\"", "''", "\"a: b\"", "'a # b'", "\"with 'inner'\"",
            "'with \"inner\"'", "\"esc\\\"aped\"", "'it''s'", "[]", "[ ]", "[a]", "[a,b]", "[ a , b ]",
            "[true, null, 2026-01-07]", "[\"x, y\", z]", "['q']", "[a,]", "[a, [b]]", "[a] b", "value   ",
            "a #comment", "a#b", "a: b", "- item", "&anchor x", "*alias", "!tag x", "|", ">", "%x", "@x", "`x`",
            "{a: 1}", "a, b", "a{b}", "caf\u00e9", "tab\there", "x?", "what - ever", "a/b.c (d) +e",
            "under_score", "CamelCase", "a\\b");
    private static final List<String> OTHER_LINES = List.of("", "   ", "# comment", "#no space", "  indented: x",
            "key:value", "key :x", "- list", "---x", "%YAML 1.2", "? complex", "  - cont");

    private final FrontMatterYaml yaml = new FrontMatterYaml();

    @Test
    void gives_what_the_yaml_reader_gives_whenever_it_accepts() {
        Random random = new Random(20260107);
        int accepted = 0;
        for (int n = 0; n < 6000; n++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
            for (int i = 0; i < lines; i++) {
                if (random.nextInt(6) == 0) {
                    text.append(OTHER_LINES.get(random.nextInt(OTHER_LINES.size())));
                } else {
                    text.append(KEYS.get(random.nextInt(KEYS.size()))).append(':');
                    String value = VALUES.get(random.nextInt(VALUES.size()));
                    text.append(value.isEmpty() ? "" : " " + value);
                }
                text.append(eol);
            }
            String front = text.toString();
            SimpleFrontMatter.Result fast = SimpleFrontMatter.read(front, 2);
            if (fast == null) {
                continue;
            }
            accepted++;
            FrontMatterYaml.Document full = yaml.read(front, 2);
            assertEquals(describe(full.values()), describe(fast.values()), front);
            assertEquals(full.keyLines(), fast.keyLines(), front);
        }
        assertTrue(accepted > 500, "the fast reader accepted only " + accepted + " documents");
    }

    @Test
    void the_fast_core_resolver_gives_the_tags_of_snakeyamls_core_resolver() {
        ScalarResolver core = new CoreScalarResolver(true);
        ScalarResolver fast = new FrontMatterYaml.FastCoreSchema().getScalarResolver();
        List<String> samples = new ArrayList<>(VALUES);
        samples.addAll(List.of("~", "tRUE", "nULL", "n", "t", "f", "<<", "<", "${HOME}", "$x", "0o17", "-.inf", ".NaN",
                "+12", "1_000", "N", "Nope", "no", "Yes", "y", "ON", "truex", "nullx", " ", "été"));
        for (String sample : samples) {
            for (boolean implicit : new boolean[] {true, false}) {
                assertEquals(core.resolve(sample, implicit), fast.resolve(sample, implicit), sample);
            }
        }
    }

    @Test
    void accepts_the_front_matter_of_an_ordinary_spec() {
        String spec = Projects.spec("feature-001");
        String front = spec.substring(4, spec.indexOf("\n---\n") + 1);
        SimpleFrontMatter.Result fast = SimpleFrontMatter.read(front, 2);
        assertNotNull(fast);
        assertEquals(yaml.read(front, 2).values(), fast.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 1\na: 2\n", "a: [b\n", "- a\n", "a: b: c\n", "a:\n  - b\n", "a: &x b\n",
            "a: caf\u00e9\n", "a: b # c\n"})
    void declines_what_it_does_not_handle(String front) {
        assertNull(SimpleFrontMatter.read(front, 2));
    }

    /** Values with their Java types, so that "true" and true, 1 and 1L, differ. */
    private static String describe(Map<String, Object> values) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(k + "=" + typed(v)));
        return String.join("\n", out);
    }

    private static String typed(Object v) {
        if (v instanceof List) {
            List<String> items = new ArrayList<>();
            ((List<?>) v).forEach(i -> items.add(typed(i)));
            return "List" + items;
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }
}
