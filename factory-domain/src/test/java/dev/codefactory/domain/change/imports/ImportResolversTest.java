package dev.codefactory.domain.change.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.Impact;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ImportResolversTest {

    /** A fifth language in one class: Rust's {@code use crate::a::b;} names the module file {@code src/a/b.rs}. */
    static class RustImportResolver implements ImportResolver {
        private static final Pattern USE = Pattern.compile("^\\s*use\\s+crate::([\\w:]+)", Pattern.MULTILINE);

        @Override
        public Set<String> languages() {
            return Set.of("Rust");
        }

        @Override
        public boolean namesTest(String path) {
            return Names.stem(path).endsWith("_check");
        }

        @Override
        public Imports read(String path, String text, ProjectTexts project) {
            Matcher m = USE.matcher(text);
            return changing -> {
                m.reset();
                while (m.find()) {
                    if (changing.equals("src/" + m.group(1).replace("::", "/") + ".rs")) {
                        return "uses crate::" + m.group(1);
                    }
                }
                return null;
            };
        }
    }

    private static final String INVOICE = "src/billing/invoice.rs";
    private static final Map<String, String> RUST = Map.of(
            INVOICE, "pub fn total() {}\n",
            "src/main.rs", "use crate::billing::invoice;\nfn main() { invoice::total(); }\n",
            "src/billing/invoice_check.rs", "use crate::billing::invoice;\n",
            "src/report.rs", "// totals come from invoice::total\n");

    @Test
    void a_new_language_is_one_resolver_registered_beside_the_standard_ones() {
        Impact.Result before = Impact.analyse(List.of(INVOICE), Set.of(), RUST);
        assertEquals(List.of(new Impact.Dependent("src/billing/invoice_check.rs", "mentions invoice"),
                new Impact.Dependent("src/main.rs", "mentions invoice"),
                new Impact.Dependent("src/report.rs", "mentions invoice")), before.dependents());

        Impact.Result after = Impact.analyse(List.of(INVOICE), Set.of(), RUST,
                ImportResolvers.standard().with(new RustImportResolver()));
        assertEquals(List.of(new Impact.Dependent("src/main.rs", "uses crate::billing::invoice"),
                new Impact.Dependent("src/report.rs", "mentions invoice")), after.dependents());
        assertEquals(List.of(new Impact.Dependent("src/billing/invoice_check.rs", "uses crate::billing::invoice")),
                after.tests());
        assertEquals(Impact.Risk.LOW, after.risk());
    }

    @Test
    void the_standard_resolvers_are_chosen_by_language() {
        ImportResolvers standard = ImportResolvers.standard();
        assertEquals(JvmImportResolver.class, standard.forPath("a/B.kt").orElseThrow().getClass());
        assertEquals(JvmImportResolver.class, standard.forPath("build.sbt").orElseThrow().getClass());
        assertEquals(ScriptImportResolver.class, standard.forPath("web/App.vue").orElseThrow().getClass());
        assertEquals(PythonImportResolver.class, standard.forPath("tool.pyw").orElseThrow().getClass());
        assertEquals(GoImportResolver.class, standard.forPath("cmd/main.go").orElseThrow().getClass());
        assertTrue(standard.forPath("src/main.rs").isEmpty());
        assertTrue(standard.forPath("README").isEmpty());
    }

    @Test
    void refuses_two_resolvers_for_one_language() {
        ImportResolver secondGo = new RustImportResolver() {
            @Override
            public Set<String> languages() {
                return Set.of("Rust", "Go");
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImportResolvers.standard().with(secondGo));
        assertTrue(e.getMessage().startsWith("Go is read by both " + GoImportResolver.class.getName() + " and "),
                e.getMessage());
    }

    @Test
    void project_derivations_are_made_once() {
        ProjectTexts project = new ProjectTexts(Map.of("go.mod", "module example.com/shop\n"));
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("example.com/shop", project.derived("module", p -> {
                made.incrementAndGet();
                return p.text("go.mod").substring(7).trim();
            }));
        }
        assertEquals(1, made.get());
        assertEquals("", project.text("missing.go"));
    }
}
