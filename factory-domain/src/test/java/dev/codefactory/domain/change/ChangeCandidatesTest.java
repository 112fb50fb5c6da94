package dev.codefactory.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.change.ChangePrompts.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

// covers feature-007/FR-001
class ChangeCandidatesTest {

    private static final List<String> PATHS = List.of(
            "pom.xml",
            "src/main/java/com/shop/auth/LoginService.java",
            "src/main/java/com/shop/auth/LoginController.java",
            "src/main/java/com/shop/auth/SessionStore.java",
            "src/main/java/com/shop/order/Order.java",
            "src/main/java/com/shop/order/OrderRepository.java",
            "src/test/java/com/shop/auth/LoginServiceTest.java",
            "web/src/app/auth/auth.service.ts",
            "web/src/app/auth/login.component.ts",
            "web/src/app/cart/cart.component.ts",
            ".factory/state.json",
            "README.md");

    private static final Map<String, String> HEADS = Map.of(
            "src/main/java/com/shop/auth/LoginController.java",
            "package com.shop.auth;\nclass LoginController {\n  private final LoginService service;\n",
            "src/main/java/com/shop/auth/SessionStore.java", "package com.shop.auth;\nclass SessionStore {}\n");

    private static final Function<String, String> HEAD = HEADS::get;

    private static List<String> paths(List<Candidate> candidates) {
        List<String> out = new ArrayList<>();
        candidates.forEach(c -> out.add(c.path()));
        return out;
    }

    @Test
    void ranks_named_class_then_mentions_and_name_words() {
        List<Candidate> c = ChangeCandidates.rank("Lock accounts in `LoginService` after three failed logins",
                List.of(), PATHS, HEAD, 10);
        assertEquals(List.of(
                new Candidate("src/main/java/com/shop/auth/LoginService.java",
                        List.of("named in the request (`LoginService`)", "its name matches 'login'")),
                new Candidate("src/main/java/com/shop/auth/LoginController.java",
                        List.of("its name matches 'login'", "mentions LoginService")),
                new Candidate("src/test/java/com/shop/auth/LoginServiceTest.java", List.of("its name matches 'login'")),
                new Candidate("web/src/app/auth/login.component.ts", List.of("its name matches 'login'"))), c);
    }

    @Test
    void path_in_the_request_scores_highest() {
        List<Candidate> c = ChangeCandidates.rank("Fix the spinner in web/src/app/cart/cart.component.ts please",
                List.of(), PATHS, HEAD, 2);
        assertEquals(new Candidate("web/src/app/cart/cart.component.ts",
                List.of("its path is in the request", "named in the request (`web/src/app/cart/cart.component.ts`)")),
                c.get(0));
        assertEquals(1, c.size());
    }

    @Test
    void partial_path_and_dotted_names_match() {
        List<Candidate> c = ChangeCandidates.rank(
                "Orders: com.shop.order.Order needs a total; see app/auth/auth.service.ts", List.of(), PATHS,
                p -> null, 3);
        assertEquals(List.of(
                new Candidate("web/src/app/auth/auth.service.ts", List.of("its path is in the request",
                        "named in the request (`app/auth/auth.service.ts`)")),
                new Candidate("src/main/java/com/shop/order/Order.java",
                        List.of("named in the request (`com.shop.order.Order`)", "its name matches 'order'")),
                new Candidate("src/main/java/com/shop/order/OrderRepository.java",
                        List.of("its name matches 'order'"))), c);
    }

    @Test
    void spec_references_count_and_keep_their_order_on_ties() {
        List<Candidate> c = ChangeCandidates.rank("Improve checkout", List.of(
                "src/main/java/com/shop/order/OrderRepository.java", "src/main/java/com/shop/order/Order.java"),
                PATHS, HEAD, 5);
        assertEquals(List.of("src/main/java/com/shop/order/OrderRepository.java",
                "src/main/java/com/shop/order/Order.java"), paths(c));
        assertEquals(List.of("matched to the affected specs"), c.get(0).reasons());
    }

    @Test
    void never_offers_factory_or_git_paths_and_respects_max() {
        List<Candidate> c = ChangeCandidates.rank("Change .factory/state.json and the state", List.of(".git/HEAD"),
                PATHS, HEAD, 10);
        assertEquals(List.of(), c);
        assertEquals(List.of(), ChangeCandidates.rank("LoginService", List.of(), PATHS, HEAD, 0));
    }

    @Test
    void order_is_deterministic_by_path_on_equal_scores() {
        List<Candidate> c = ChangeCandidates.rank("component styling", List.of(), PATHS, HEAD, 10);
        assertEquals(List.of("web/src/app/auth/login.component.ts", "web/src/app/cart/cart.component.ts"), paths(c));
    }

    @Test
    void identifiers_and_words_are_extracted() {
        String request = "Rename `getUser` in UserService.java, see docs/api.md and the sessions of users";
        Set<String> ids = ChangeCandidates.identifiers(request);
        assertEquals(List.of("getUser", "UserService.java", "docs/api.md"), new ArrayList<>(ids));
        assertEquals(List.of("rename", "session", "user"), new ArrayList<>(ChangeCandidates.words(request, ids)));
    }

    @Test
    void plurals_are_stripped_simply() {
        assertEquals("category", ChangeCandidates.singular("categories"));
        assertEquals("order", ChangeCandidates.singular("orders"));
        assertEquals("class", ChangeCandidates.singular("class"));
        assertEquals("status", ChangeCandidates.singular("status"));
    }

    @Test
    void planned_files_carry_the_analysis_reasons_after_the_models() {
        List<Candidate> c = ChangeCandidates.rank("Lock the account in `LoginService` after five failures",
                List.of(), PATHS, HEAD, 10);
        List<PlannedFile> explained = ChangeCandidates.explain(List.of(
                new PlannedFile("src/main/java/com/shop/auth/LoginService.java", PlannedFile.Action.MODIFY,
                        "count failures"),
                new PlannedFile("./src/main/java/com/shop/auth/LoginController.java", PlannedFile.Action.MODIFY, ""),
                new PlannedFile("src/main/java/com/shop/order/Order.java", PlannedFile.Action.MODIFY, "why not"),
                new PlannedFile("src/main/java/com/shop/auth/Lockout.java", PlannedFile.Action.CREATE, "new rule")),
                c);
        assertEquals("count failures (analysis: named in the request (`LoginService`))", explained.get(0).reason());
        assertEquals("analysis: mentions LoginService", explained.get(1).reason());
        assertEquals("why not (analysis: no sign in the request or the specs; the model's own choice)",
                explained.get(2).reason());
        assertEquals("new rule", explained.get(3).reason());
        assertEquals(PlannedFile.Action.CREATE, explained.get(3).action());
    }
}
