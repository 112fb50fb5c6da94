package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.Impact.Dependent;
import dev.codefactory.domain.change.Impact.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-007/FR-001
class ImpactTest {

    private static final String ORDER = "src/main/java/com/shop/Order.java";
    private static final String ORDER_TEXT = "package com.shop;\n\npublic class Order {\n}\n";
    private static final String ORDER_TEST = "src/test/java/com/shop/OrderTest.java";

    private static Map<String, String> files(String... pathsAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return files;
    }

    /** The reasons of the dependents and tests together, by path. */
    private static Map<String, String> reached(Result result) {
        Map<String, String> reached = new LinkedHashMap<>();
        for (Dependent d : result.dependents()) {
            reached.put(d.path(), d.reason());
        }
        for (Dependent d : result.tests()) {
            reached.put(d.path(), d.reason());
        }
        return reached;
    }

    private static Map<String, String> reached(String changing, Map<String, String> files) {
        return reached(Impact.analyse(List.of(changing), files));
    }

    private static List<String> paths(List<Dependent> dependents) {
        return dependents.stream().map(Dependent::path).toList();
    }

    // --- Java, Kotlin, Scala, Groovy ---

    @Test
    void finds_java_files_importing_the_class_but_not_a_longer_name() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/java/com/shop/api/Api.java", "package com.shop.api;\nimport com.shop.Order;\nclass Api {}\n",
                "src/main/java/com/shop/api/Lines.java",
                "package com.shop.api;\nimport com.shop.OrderLine;\nclass Lines { OrderLine l; }\n"));
        assertEquals(Map.of("src/main/java/com/shop/api/Api.java", "imports com.shop.Order"), reached);
    }

    @Test
    void finds_static_and_nested_imports_of_the_class() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/java/com/a/A.java", "package com.a;\nimport static com.shop.Order.create;\nclass A {}\n",
                "src/main/java/com/b/B.java", "package com.b;\nimport com.shop.Order.Status;\nclass B {}\n"));
        assertEquals(Map.of("src/main/java/com/a/A.java", "imports com.shop.Order",
                "src/main/java/com/b/B.java", "imports com.shop.Order"), reached);
    }

    @Test
    void finds_wildcard_imports_of_the_package_only_when_the_class_is_used() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/java/com/a/A.java", "package com.a;\nimport com.shop.*;\nclass A { Order o; }\n",
                "src/main/java/com/b/B.java", "package com.b;\nimport com.shop.*;\nclass B { Cart c; }\n"));
        assertEquals(Map.of("src/main/java/com/a/A.java", "imports com.shop.* and uses Order"), reached);
    }

    @Test
    void finds_same_package_references_by_whole_word() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/java/com/shop/Cart.java", "package com.shop;\nclass Cart { Order order; }\n",
                "src/main/java/com/shop/Lines.java", "package com.shop;\nclass Lines { OrderLine line; }\n"));
        assertEquals(Map.of("src/main/java/com/shop/Cart.java", "uses Order from the same package com.shop"),
                reached);
    }

    @Test
    void finds_fully_qualified_references_without_import() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/java/com/a/A.java", "package com.a;\nclass A { com.shop.Order o; }\n",
                "src/main/java/com/a/B.java", "package com.a;\nclass B { org.com.shop.Orders o; }\n"));
        assertEquals(Map.of("src/main/java/com/a/A.java", "names com.shop.Order"), reached);
    }

    @Test
    void finds_kotlin_imports_without_semicolon_and_with_alias() {
        Map<String, String> reached = reached(ORDER, files(ORDER, ORDER_TEXT,
                "src/main/kotlin/com/a/A.kt", "package com.a\n\nimport com.shop.Order\n\nclass A(val o: Order)\n",
                "src/main/kotlin/com/b/B.kt", "package com.b\nimport com.shop.Order as Purchase\nclass B\n"));
        assertEquals(Map.of("src/main/kotlin/com/a/A.kt", "imports com.shop.Order",
                "src/main/kotlin/com/b/B.kt", "imports com.shop.Order"), reached);
    }

    @Test
    void takes_the_package_of_a_kotlin_file_from_its_declaration_before_its_folders() {
        String invoice = "src/main/kotlin/billing/Invoice.kt";
        Map<String, String> reached = reached(invoice, files(invoice, "package com.shop.billing\nclass Invoice\n",
                "src/main/kotlin/x/X.kt", "package x\nimport com.shop.billing.Invoice\nclass X\n",
                "src/main/kotlin/y/Y.kt", "package y\nimport billing.Invoice\nclass Y\n"));
        assertEquals(Map.of("src/main/kotlin/x/X.kt", "imports com.shop.billing.Invoice",
                "src/main/kotlin/y/Y.kt", "mentions Invoice"), reached); // only the fallback: not an import
    }

    @Test
    void finds_scala_selector_imports_and_groovy_same_package_references() {
        String rate = "src/main/scala/com/shop/Rate.scala";
        Map<String, String> reached = reached(rate, files(rate, "package com.shop\nclass Rate\n",
                "src/main/scala/com/a/A.scala", "package com.a\nimport com.shop.{Cart, Rate => R}\nclass A\n",
                "src/main/scala/com/b/B.scala", "package com.b\nimport com.shop.{Cart, Tax}\nclass B\n",
                "src/main/scala/com/c/C.scala", "package com.c\nimport com.shop._\nclass C(r: Rate)\n",
                "src/main/groovy/com/shop/G.groovy", "package com.shop\nclass G { Rate r }\n"));
        assertEquals(Map.of("src/main/scala/com/a/A.scala", "imports com.shop.Rate",
                "src/main/scala/com/c/C.scala", "imports com.shop._ and uses Rate",
                "src/main/groovy/com/shop/G.groovy", "uses Rate from the same package com.shop"), reached);
    }

    // --- TypeScript, JavaScript ---

    @Test
    void resolves_script_imports_relative_to_the_importing_file() {
        String util = "web/src/lib/util.ts";
        Map<String, String> reached = reached(util, files(util, "export const x = 1;\n",
                "web/src/lib/a.ts", "import { x } from './util';\n",
                "web/src/pages/b.tsx", "import { x } from \"../lib/util\";\n",
                "web/src/c.js", "const u = require('./lib/util.js');\n",
                "web/src/pages/d.ts", "import { x } from './util';\n", // resolves to web/src/pages/util
                "web/src/lib/e.ts", "import { y } from './utilities';\n",
                "web/src/lib/f.ts", "import { z } from 'util';\n")); // a package, not the file
        assertEquals(Map.of("web/src/lib/a.ts", "imports ./util", "web/src/pages/b.tsx", "imports ../lib/util",
                "web/src/c.js", "requires ./lib/util.js",
                "web/src/pages/d.ts", "mentions util", "web/src/lib/f.ts", "mentions util"), reached); // fallback
    }

    @Test
    void resolves_script_imports_of_a_folder_to_its_index_file() {
        String index = "src/store/index.js";
        Map<String, String> reached = reached(index, files(index, "module.exports = {};\n",
                "src/app.js", "import store from './store';\n",
                "src/store/reducer.js", "const s = require('.');\n",
                "src/other.js", "import s from './store/reducer';\n"));
        assertEquals(Map.of("src/app.js", "imports ./store", "src/store/reducer.js", "requires ."), reached);
    }

    @Test
    void finds_re_exports_dynamic_and_side_effect_imports() {
        String api = "src/api.ts";
        Map<String, String> reached = reached(api, files(api, "export const get = 1;\n",
                "src/a.ts", "export * from './api';\n",
                "src/b.ts", "const m = await import('./api');\n",
                "src/c.ts", "import './api.js';\n"));
        assertEquals(Map.of("src/a.ts", "imports ./api", "src/b.ts", "imports ./api", "src/c.ts",
                "imports ./api.js"), reached);
    }

    // --- Python ---

    @Test
    void finds_python_absolute_imports_also_below_a_source_folder() {
        String pricing = "src/shop/pricing.py";
        Map<String, String> reached = reached(pricing, files(pricing, "RATE = 1\n",
                "src/shop/cli.py", "import shop.pricing\n",
                "src/app.py", "from shop.pricing import RATE\n",
                "src/web.py", "from shop import pricing, cart\n",
                "src/other.py", "import shop.pricing_v2\nfrom shop import cart\n"));
        assertEquals(Map.of("src/shop/cli.py", "imports shop.pricing",
                "src/app.py", "imports RATE from shop.pricing",
                "src/web.py", "imports pricing from shop"), reached);
    }

    @Test
    void finds_python_relative_imports() {
        String pricing = "shop/pricing.py";
        Map<String, String> reached = reached(pricing, files(pricing, "RATE = 1\n",
                "shop/cart.py", "from . import pricing\n",
                "shop/sub/view.py", "from ..pricing import RATE\n",
                "shop/sub/other.py", "from . import pricing_v2\n"));
        assertEquals(Map.of("shop/cart.py", "imports pricing from .", "shop/sub/view.py",
                "imports RATE from ..pricing"), reached);
    }

    @Test
    void finds_python_imports_of_a_package_init() {
        String init = "shop/__init__.py";
        Map<String, String> reached = reached(init, files(init, "VERSION = 1\n",
                "app.py", "from shop import VERSION\n",
                "shop/cart.py", "from . import VERSION\n"));
        assertEquals(Map.of("app.py", "imports VERSION from shop", "shop/cart.py", "imports VERSION from ."),
                reached);
    }

    // --- Go ---

    @Test
    void finds_go_imports_by_the_module_path_in_go_mod() {
        String store = "internal/store/db.go";
        Map<String, String> reached = reached(store, files("go.mod", "module example.com/shop\n\ngo 1.22\n",
                store, "package store\n",
                "cmd/server/main.go",
                "package main\n\nimport (\n\t\"fmt\"\n\tst \"example.com/shop/internal/store\"\n)\n",
                "cmd/tool/main.go", "package main\nimport \"example.com/other/internal/store\"\n",
                "internal/store/cache.go", "package store\n"));
        assertEquals(Map.of("cmd/server/main.go", "imports example.com/shop/internal/store"), reached);
    }

    @Test
    void finds_go_imports_by_folder_suffix_without_go_mod() {
        String store = "internal/store/db.go";
        Map<String, String> reached = reached(store, files(store, "package store\n",
                "cmd/server/main.go", "package main\nimport \"example.com/shop/internal/store\"\n",
                "cmd/tool/main.go", "package main\nimport \"example.com/shop/internal/storage\"\n"));
        assertEquals(Map.of("cmd/server/main.go", "imports example.com/shop/internal/store"), reached);
    }

    // --- fallback and general rules ---

    @Test
    void falls_back_to_whole_word_mentions_of_the_base_name_in_any_file() {
        String pipeline = "scripts/deploy.sh";
        Map<String, String> reached = reached(pipeline, files(pipeline, "echo hi\n",
                "README.md", "Run `scripts/deploy.sh` to ship.\n",
                ".github/workflows/ci.yml", "run: ./deploy --prod\n",
                "docs/notes.md", "the deployer and redeploy are different\n"));
        assertEquals(Map.of("README.md", "mentions deploy", ".github/workflows/ci.yml", "mentions deploy"), reached);
    }

    @Test
    void does_not_look_for_generic_or_very_short_names() {
        Map<String, String> files = files("src/index.ts", "export {}\n", "src/db.py", "x = 1\n",
                "README.md", "see index and db\n");
        assertEquals(Map.of(), reached(Impact.analyse(List.of("src/index.ts", "src/db.py"), files)));
    }

    @Test
    void prefers_a_language_reason_over_a_mention_and_lists_each_dependent_once() {
        String cart = "src/main/java/com/shop/Cart.java";
        Map<String, String> files = files(ORDER, ORDER_TEXT, cart, "package com.shop;\nclass Cart {}\n",
                "src/main/java/com/a/A.java",
                "package com.a;\n// Order and Cart\nimport com.shop.Cart;\nimport com.shop.Order;\nclass A {}\n");
        Result result = Impact.analyse(List.of(ORDER, cart), files);
        assertEquals(List.of(new Dependent("src/main/java/com/a/A.java", "imports com.shop.Order")),
                result.dependents());
    }

    @Test
    void never_lists_a_changing_file_as_its_own_or_anothers_dependent() {
        String cart = "src/main/java/com/shop/Cart.java";
        Map<String, String> files = files(ORDER, ORDER_TEXT, cart, "package com.shop;\nclass Cart { Order o; }\n");
        Result result = Impact.analyse(List.of(ORDER, cart), files);
        assertEquals(List.of(), result.dependents());
        assertEquals(List.of(), result.tests());
    }

    @Test
    void accepts_windows_separators_and_a_leading_dot_slash() {
        Map<String, String> files = files("src\\main\\java\\com\\shop\\Order.java", ORDER_TEXT,
                "./src/main/java/com/a/A.java", "package com.a;\nimport com.shop.Order;\n");
        assertEquals(Map.of("src/main/java/com/a/A.java", "imports com.shop.Order"),
                reached(Impact.analyse(List.of("./" + ORDER), files)));
    }

    // --- tests ---

    @ParameterizedTest
    @ValueSource(strings = {"src/test/java/com/shop/Helper.java", "test/helpers.js", "tests/conftest.py",
        "web/__tests__/cart.js", "store/db_test.go", "src/it/java/OrderTest.java", "x/OrderTests.kt",
        "web/cart.test.ts", "web/cart.spec.ts", "web/cart.test.tsx", "pkg/test_cart.py", "pkg/cart_test.py"})
    void recognises_tests_by_folder_or_name(String path) {
        assertTrue(Impact.isTest(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java/com/shop/Contest.java", "latest/notes.md", "pkg/testing.py",
        "web/contest.ts", "store/db.go", "attest/x.py"})
    void does_not_take_look_alikes_for_tests(String path) {
        assertFalse(Impact.isTest(path), path);
    }

    @Test
    void lists_dependents_that_are_tests_apart() {
        Map<String, String> files = files(ORDER, ORDER_TEXT,
                "src/main/java/com/a/A.java", "package com.a;\nimport com.shop.Order;\n",
                ORDER_TEST, "package com.shop;\nclass OrderTest { Order o; }\n",
                "src/test/java/com/a/ATest.java", "package com.a;\nimport com.shop.Order;\n");
        Result result = Impact.analyse(List.of(ORDER), files);
        assertEquals(List.of("src/main/java/com/a/A.java"), paths(result.dependents()));
        assertEquals(List.of("src/test/java/com/a/ATest.java", ORDER_TEST), paths(result.tests()));
    }

    @Test
    void finds_tests_named_after_the_changing_file_even_without_a_reference() {
        String tax = "billing/tax.go";
        Map<String, String> files = files(tax, "package billing\n",
                "billing/tax_test.go", "package billing\nfunc TestRate(t *testing.T) {}\n",
                "web/tax.test.ts", "it('rates', () => {});\n",
                "py/test_tax.py", "def test_rate(): pass\n",
                "billing/taxes_test.go", "package billing\n");
        Result result = Impact.analyse(List.of(tax), files);
        assertEquals(List.of(new Dependent("billing/tax_test.go", "named after tax.go"),
                new Dependent("py/test_tax.py", "named after tax.go"),
                new Dependent("web/tax.test.ts", "named after tax.go")), result.tests());
        assertFalse(String.join("\n", result.why()).contains("no test covers"), result.why().toString());
    }

    @Test
    void says_which_changing_source_file_no_test_covers() {
        String cart = "src/main/java/com/shop/Cart.java";
        Map<String, String> files = files(ORDER, ORDER_TEXT, cart, "package com.shop;\nclass Cart {}\n",
                ORDER_TEST, "package com.shop;\nclass OrderTest { Order o; }\n", "README.md", "# Shop\n");
        Result result = Impact.analyse(List.of(ORDER, cart, "README.md"), files);
        assertTrue(result.why().contains("no test covers " + cart), result.why().toString());
        assertFalse(result.why().contains("no test covers " + ORDER), result.why().toString());
        assertFalse(result.why().contains("no test covers README.md"), result.why().toString());
        assertEquals(Impact.Risk.MEDIUM, result.risk());
    }

    @Test
    void counts_a_test_the_change_itself_adds_as_covering() {
        Result result = Impact.analyse(List.of(ORDER, ORDER_TEST), files(ORDER, ORDER_TEXT));
        assertEquals(Impact.Risk.LOW, result.risk(), result.why().toString());
    }

    // --- effort and risk ---

    /** Order, its test, and {@code n} classes in another package that import it. */
    private static Map<String, String> orderWithImporters(int n) {
        Map<String, String> files = files(ORDER, ORDER_TEXT, ORDER_TEST,
                "package com.shop;\nclass OrderTest { Order o; }\n");
        for (int i = 0; i < n; i++) {
            files.put("src/main/java/com/use/U" + i + ".java", "package com.use;\nimport com.shop.Order;\n");
        }
        return files;
    }

    /** {@code ORDER} plus {@code extra - 1} more changing markdown files (changed, not source: no test needed). */
    private static Result analyse(int changed, int dependents) {
        Map<String, String> files = orderWithImporters(dependents);
        List<String> changing = new ArrayList<>(List.of(ORDER));
        for (int i = 1; i < changed; i++) {
            changing.add("docs/page" + i + ".md");
            files.put("docs/page" + i + ".md", "text\n");
        }
        return Impact.analyse(changing, files);
    }

    @Test
    void grades_effort_by_files_changed_and_dependents() {
        assertEquals(Impact.Effort.SMALL, analyse(1, 0).effort());
        assertEquals(Impact.Effort.SMALL, analyse(2, 4).effort());
        assertEquals(Impact.Effort.MEDIUM, analyse(3, 0).effort());
        assertEquals(Impact.Effort.MEDIUM, analyse(2, 5).effort());
        assertEquals(Impact.Effort.MEDIUM, analyse(6, 19).effort());
        assertEquals(Impact.Effort.LARGE, analyse(7, 0).effort());
        assertEquals(Impact.Effort.LARGE, analyse(1, 20).effort());
    }

    @Test
    void explains_the_effort_in_plain_words() {
        assertEquals("3 files change and 5 other files depend on them: medium effort", analyse(3, 5).why().get(0));
        assertEquals("1 file changes and 1 other file depends on it: small effort", analyse(1, 1).why().get(0));
    }

    @Test
    void grades_risk_by_dependents_when_tests_cover_the_change() {
        assertEquals(Impact.Risk.LOW, analyse(1, 4).risk());
        assertEquals(Impact.Risk.MEDIUM, analyse(1, 5).risk());
        assertEquals(Impact.Risk.MEDIUM, analyse(1, 19).risk());
        assertEquals(Impact.Risk.HIGH, analyse(1, 20).risk());
        assertTrue(analyse(1, 20).why().contains("20 dependent files could break"));
    }

    @Test
    void raises_risk_one_level_when_no_test_covers_a_changing_file() {
        Map<String, String> few = orderWithImporters(1);
        few.remove(ORDER_TEST);
        assertEquals(Impact.Risk.MEDIUM, Impact.analyse(List.of(ORDER), few).risk());
        Map<String, String> some = orderWithImporters(5);
        some.remove(ORDER_TEST);
        Result result = Impact.analyse(List.of(ORDER), some);
        assertEquals(Impact.Risk.HIGH, result.risk());
        assertTrue(result.why().contains("no test covers " + ORDER), result.why().toString());
    }

    @Test
    void deleting_a_file_others_depend_on_makes_the_risk_high() {
        Map<String, String> files = orderWithImporters(2);
        Result kept = Impact.analyse(List.of(ORDER), files);
        Result deleted = Impact.analyse(List.of(ORDER), Set.of(ORDER), files);
        assertEquals(Impact.Risk.LOW, kept.risk());
        assertEquals(Impact.Risk.HIGH, deleted.risk());
        assertTrue(deleted.why().contains(ORDER + " is deleted but 3 files still depend on it: "
                + "src/main/java/com/use/U0.java, src/main/java/com/use/U1.java, " + ORDER_TEST),
                deleted.why().toString());
    }

    @Test
    void deleting_a_file_nothing_depends_on_keeps_the_risk_low() {
        String old = "src/main/java/com/shop/Legacy.java";
        Map<String, String> files = orderWithImporters(0);
        files.put(old, "package com.shop;\nclass Legacy {}\n");
        Result result = Impact.analyse(List.of(), Set.of(old), files); // deleted counts as changing
        assertEquals(Impact.Risk.LOW, result.risk(), result.why().toString());
        assertEquals("1 file changes and 0 other files depend on it: small effort", result.why().get(0));
    }

    // --- scale ---

    @Test
    void analyses_five_thousand_files_correctly() {
        Map<String, String> files = new HashMap<>();
        files.put(ORDER, ORDER_TEXT);
        files.put("web/src/lib/util.ts", "export const x = 1;\n");
        for (int i = 0; i < 1250; i++) {
            boolean uses = i % 50 == 0;
            files.put("src/main/java/com/p" + i + "/C" + i + ".java", "package com.p" + i + ";\n"
                    + (uses ? "import com.shop.Order;\n" : "import com.shop.Cart;\n") + "class C" + i + " {}\n"
                    + "// filler line that mentions nothing in particular\n".repeat(40));
            files.put("web/src/m" + i + "/c" + i + ".ts", (uses ? "import { x } from '../lib/util';\n"
                    : "import { y } from '../lib/utility';\n") + "export const c = 2;\n".repeat(40));
            files.put("py/pkg" + i + "/m" + i + ".py", "import os\nfrom shop import cart\n" + "x = 1\n".repeat(40));
            files.put("docs/d" + i + ".md", "Some words about orders and utilities.\n".repeat(20));
        }
        assertEquals(5002, files.size());

        Result result = Impact.analyse(List.of(ORDER, "web/src/lib/util.ts"), files);

        assertEquals(50, result.dependents().size());
        assertEquals(25, result.dependents().stream().filter(d -> d.reason().equals("imports com.shop.Order"))
                .count());
        assertEquals(25, result.dependents().stream().filter(d -> d.reason().equals("imports ../lib/util")).count());
        assertEquals(Impact.Effort.LARGE, result.effort());
        assertEquals(Impact.Risk.HIGH, result.risk());
    }
}
