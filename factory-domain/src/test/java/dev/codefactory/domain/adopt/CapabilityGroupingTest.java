package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.Projects.PC;
import static dev.codefactory.domain.adopt.Projects.route;
import static dev.codefactory.domain.adopt.Projects.s;
import static dev.codefactory.domain.adopt.Projects.source;
import static dev.codefactory.domain.adopt.Projects.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityGroupingTest {
    private static List<String> keys(AdoptionPlan plan) {
        return plan.capabilities().stream().map(Capability::key).toList();
    }

    private static List<String> titles(AdoptionPlan plan) {
        return plan.capabilities().stream().map(Capability::title).toList();
    }

    private static Capability cap(AdoptionPlan plan, String key) {
        return plan.find(key).orElseThrow(() -> new AssertionError("no " + key + " in " + keys(plan)));
    }

    private static List<String> testFiles(Capability c) {
        return c.tests().stream().map(t -> t.at().path().substring(t.at().path().lastIndexOf('/') + 1)).distinct()
                .toList();
    }

    private static List<String> names(Capability c, SurfaceKind kind) {
        return c.surfaces().stream().filter(s -> s.kind() == kind).map(Surface::name).toList();
    }

    // covers feature-011/FR-005
    @Test
    void groups_spring_petclinic_by_route_prefix_package_data_model_and_configuration() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of());
        assertEquals(List.of("owners", "vets", "petclinic", "system", "data-model", "configuration"), keys(plan));
        assertEquals(List.of("Owners", "Vets", "Petclinic", "System", "Data model", "Configuration"), titles(plan));
        for (Capability c : plan.capabilities()) {
            assertEquals(List.of("spring-petclinic", "java"), c.tags(), c.key());
            assertEquals("spring-petclinic", c.module());
            assertFalse(c.covered());
        }
        assertEquals("", plan.scope());
        assertEquals(1, plan.modules().size());
    }

    // covers feature-011/FR-005
    @Test
    void a_route_group_takes_the_rest_of_its_controllers_package() {
        Capability owners = cap(CapabilityGrouping.group(Projects.petclinic(), List.of()), "owners");
        assertEquals(13, names(owners, SurfaceKind.ROUTE).size());
        assertEquals(List.of("Owner", "Pet", "PetType", "Visit"), names(owners, SurfaceKind.ENTITY));
        assertTrue(names(owners, SurfaceKind.PUBLIC_TYPE).containsAll(List.of("OwnerController", "OwnerRepository",
                "PetController", "PetTypeFormatter", "PetValidator", "VisitController")));
        assertEquals(28, owners.surfaces().size());
        Capability vets = cap(CapabilityGrouping.group(Projects.petclinic(), List.of()), "vets");
        assertEquals(List.of("GET /vets.html", "GET /vets"), names(vets, SurfaceKind.ROUTE));
        assertEquals(List.of("Specialty", "Vet"), names(vets, SurfaceKind.ENTITY));
    }

    // covers feature-011/FR-005
    @Test
    void a_lone_route_and_the_root_route_stay_with_their_package() {
        Capability system = cap(CapabilityGrouping.group(Projects.petclinic(), List.of()), "system");
        assertEquals(List.of("GET /oups", "GET /"), names(system, SurfaceKind.ROUTE));
        assertEquals(List.of("CacheConfiguration", "CrashController", "WebConfiguration", "WelcomeController"),
                names(system, SurfaceKind.PUBLIC_TYPE));
    }

    // covers feature-011/FR-005
    @Test
    void schemas_and_config_keys_form_the_modules_data_model_and_configuration() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of());
        Capability data = cap(plan, "data-model");
        assertEquals(12, data.surfaces().size());
        assertEquals(List.of("BaseEntity", "NamedEntity", "Person"), names(data, SurfaceKind.ENTITY));
        assertEquals(6, names(data, SurfaceKind.SCHEMA).size());
        assertEquals(List.of("database", "spring.sql.init.schema-locations", "spring.jpa.hibernate.ddl-auto"),
                names(cap(plan, "configuration"), SurfaceKind.CONFIG_KEY));
        Capability app = cap(plan, "petclinic");
        assertEquals(List.of("PetClinicApplication.main"), names(app, SurfaceKind.ENTRY_POINT));
    }

    // covers feature-011/FR-004
    @Test
    void ties_java_tests_by_name_imports_and_package() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of());
        assertEquals(List.of("OwnerControllerTests.java", "PetControllerTests.java", "VisitControllerTests.java",
                "ClinicServiceTests.java"), testFiles(cap(plan, "owners")));
        assertEquals(List.of("PetClinicIntegrationTests.java", "VetControllerTests.java", "VetTests.java"),
                testFiles(cap(plan, "vets")));
        assertEquals(List.of("CrashControllerTests.java"), testFiles(cap(plan, "system")));
        assertEquals(List.of("ValidatorTests.java"), testFiles(cap(plan, "data-model")), "by its package");
        // every test of a tied file goes with it, names kept
        assertEquals(List.of("testInitCreationForm", "testProcessCreationFormSuccess", "testShowOwner"),
                cap(plan, "owners").tests().stream().filter(t -> t.at().path().endsWith("OwnerControllerTests.java"))
                        .map(TestCase::name).toList());
    }

    // covers feature-011/FR-004
    @Test
    void attaches_documentation_whose_title_names_a_capability() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.petclinic(), List.of());
        assertEquals(List.of("Database configuration"), cap(plan, "configuration").docs().stream()
                .map(DocEvidence::title).toList());
        assertEquals(List.of("Working with Petclinic in your IDE"), cap(plan, "petclinic").docs().stream()
                .map(DocEvidence::title).toList());
        assertEquals(List.of(), cap(plan, "owners").docs());
    }

    // covers feature-011/FR-005
    @Test
    void groups_a_fastapi_backend_by_router() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.fastapi(), List.of());
        assertEquals(List.of("items", "login", "users", "utils", "app", "data-model", "configuration"), keys(plan));
        assertEquals(List.of("Items", "Login", "Users", "Utils", "App", "Data model", "Configuration"),
                titles(plan));
        // login.py's stray prefixes stay with it; the lone private route joins the router folder's main group
        assertEquals(5, names(cap(plan, "login"), SurfaceKind.ROUTE).size());
        assertTrue(names(cap(plan, "users"), SurfaceKind.ROUTE).contains("POST /private/users/"));
        // a models file stays whole in the data model; a tiny package folds into its parent
        assertEquals(List.of("UserBase"), names(cap(plan, "data-model"), SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of("Settings"), names(cap(plan, "app"), SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of("app", "python"), cap(plan, "users").tags());
    }

    // covers feature-011/FR-004
    @Test
    void ties_python_tests_by_file_name_and_dotted_imports_and_leaves_the_rest_untied() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.fastapi(), List.of());
        assertEquals(List.of("test_users.py"), testFiles(cap(plan, "users")));
        assertEquals(List.of("test_items.py"), testFiles(cap(plan, "items")));
        assertEquals(List.of("test_login.py"), testFiles(cap(plan, "login")));
        assertEquals(List.of("test_user.py"), testFiles(cap(plan, "data-model")));
        assertEquals(List.of("test_backend_pre_start.py"), testFiles(cap(plan, "app")));
        assertTrue(plan.capabilities().stream().flatMap(c -> c.tests().stream())
                .noneMatch(t -> t.name().equals("test_nothing_tied")));
        assertEquals(List.of("GET /api/v1/items/"), cap(plan, "items").docs().stream().map(DocEvidence::title)
                .toList());
    }

    // covers feature-011/FR-005
    @Test
    void groups_an_express_api_with_singular_and_plural_routes_together() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.express(), List.of());
        assertEquals(List.of("articles", "profiles", "users", "core", "data-model"), keys(plan));
        assertEquals(List.of("Articles API", "Profiles API", "Users API", "Core", "Data model"), titles(plan));
        assertEquals(List.of("POST /api/users", "POST /api/users/login", "GET /api/user", "PUT /api/user"),
                names(cap(plan, "users"), SurfaceKind.ROUTE));
        assertEquals(List.of("GET /api/tags"), names(cap(plan, "core"), SurfaceKind.ROUTE));
        assertEquals(List.of("conduit-api", "typescript"), cap(plan, "articles").tags());
        assertEquals(List.of("Articles"), cap(plan, "articles").docs().stream().map(DocEvidence::title).toList());
    }

    // covers feature-011/FR-004
    @Test
    void ties_typescript_tests_by_name_and_relative_imports() {
        AdoptionPlan plan = CapabilityGrouping.group(Projects.express(), List.of());
        assertEquals(List.of("article.service.test.ts"), testFiles(cap(plan, "articles")));
        assertEquals(List.of("auth.test.ts"), testFiles(cap(plan, "users")));
        assertEquals(List.of("follow.e2e.ts", "mixed.spec.ts"), testFiles(cap(plan, "profiles")),
                "a relative import, and one already resolved to a path from the project root");
    }

    // covers feature-011/FR-004
    @Test
    void ties_go_tests_to_their_folder_and_by_import_path() {
        List<FileFacts> files = List.of(
                source("handlers/users.go", "Go", "handlers", route("GET /users/:id", "handlers/users.go", 10, ""),
                        route("POST /users", "handlers/users.go", 30, "")),
                source("store/store.go", "Go", "store", s(SurfaceKind.PUBLIC_TYPE, "Store", "store/store.go", 5),
                        s(SurfaceKind.PUBLIC_TYPE, "Open", "store/store.go", 9),
                        s(SurfaceKind.PUBLIC_TYPE, "Close", "store/store.go", 19)),
                test("handlers/handler_test.go", "Go", "handlers", List.of(), "TestGetUser"),
                test("integration/api_test.go", "Go", "integration",
                        List.of("testing", "github.com/acme/shop/store"), "TestStore"));
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("", List.of(new CodeModule("", "github.com/acme/shop",
                "go.mod", "Go")), files, List.of(), 4, List.of()), List.of());
        assertEquals(List.of("users", "store"), keys(plan));
        assertEquals(List.of("TestGetUser"), cap(plan, "users").tests().stream().map(TestCase::name).toList());
        assertEquals(List.of("TestStore"), cap(plan, "store").tests().stream().map(TestCase::name).toList());
        assertEquals(List.of("shop", "go"), cap(plan, "users").tags());
    }

    // covers feature-011/FR-005
    @Test
    void a_router_whose_routes_scatter_or_are_relative_to_a_mount_is_named_after_its_file_or_folder() {
        String auth = "app/auth/routes.py";
        String articles = "articles/routers.go";
        List<FileFacts> files = List.of(
                source(auth, "Python", "app.auth.routes", route("GET /login", auth, 14, ""),
                        route("POST /login", auth, 14, ""), route("GET /logout", auth, 33, ""),
                        route("GET /register", auth, 39, ""), route("POST /register", auth, 39, ""),
                        route("GET /reset_password/<token>", auth, 72, "")),
                source("app/auth/forms.py", "Python", "app.auth.forms",
                        s(SurfaceKind.PUBLIC_TYPE, "LoginForm", "app/auth/forms.py", 8)),
                source(articles, "Go", "articles", route("POST /", articles, 13, ""),
                        route("PUT /:slug", articles, 14, ""), route("POST /:slug/comments", articles, 18, ""),
                        route("GET /tags/", articles, 30, "")),
                source("users/login.go", "Go", "users", route("POST /login", "users/login.go", 5, ""),
                        route("POST /password/reset", "users/login.go", 9, ""),
                        route("GET /me", "users/login.go", 12, "")));
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("", List.of(), files, List.of(), 4, List.of()),
                List.of());
        assertEquals(List.of("articles", "auth", "login"), keys(plan));
        assertEquals(List.of("LoginForm"), names(cap(plan, "auth"), SurfaceKind.PUBLIC_TYPE),
                "the rest of the router's folder joins it");
        assertEquals(6, names(cap(plan, "auth"), SurfaceKind.ROUTE).size());
        assertEquals(4, names(cap(plan, "articles"), SurfaceKind.ROUTE).size());
        assertEquals(List.of("POST /login", "POST /password/reset", "GET /me"),
                names(cap(plan, "login"), SurfaceKind.ROUTE));
    }

    // covers feature-011/FR-004
    @Test
    void a_test_named_after_a_folder_ties_to_its_index_file() {
        String tasks = "src/routes/api/tasks/index.ts";
        List<FileFacts> files = List.of(
                source(tasks, "TypeScript", "src/routes/api/tasks", route("GET /api/tasks", tasks, 19, ""),
                        route("POST /api/tasks", tasks, 61, "")),
                source("src/schemas/tasks.ts", "TypeScript", "src/schemas",
                        s(SurfaceKind.PUBLIC_TYPE, "Task", "src/schemas/tasks.ts", 3),
                        s(SurfaceKind.PUBLIC_TYPE, "TaskStatus", "src/schemas/tasks.ts", 9),
                        s(SurfaceKind.PUBLIC_TYPE, "CreateTask", "src/schemas/tasks.ts", 20)),
                test("test/routes/api/tasks/tasks.test.ts", "TypeScript", "test/routes/api/tasks",
                        List.of("node:test", "src/schemas/tasks"), "should create a task"));
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("", List.of(), files, List.of(), 3, List.of()),
                List.of());
        assertEquals(List.of("tasks", "schemas"), keys(plan));
        assertEquals("Tasks API", cap(plan, "tasks").title());
        assertEquals(List.of("should create a task"), cap(plan, "tasks").tests().stream().map(TestCase::name)
                .toList(), "its name before its imports");
    }

    // covers feature-011/FR-005
    @Test
    void a_file_belongs_to_the_deepest_module_and_several_modules_prefix_keys() {
        List<FileFacts> files = List.of(
                source("backend/app/routes/users.py", "Python", "app.routes.users",
                        route("GET /users", "backend/app/routes/users.py", 3, ""),
                        route("POST /users", "backend/app/routes/users.py", 9, "")),
                source("frontend/src/client/users.ts", "TypeScript", "src/client",
                        route("GET /users", "frontend/src/client/users.ts", 1, ""),
                        route("GET /users/me", "frontend/src/client/users.ts", 5, "")),
                source("frontend/src/main.ts", "TypeScript", "src",
                        s(SurfaceKind.CONFIG_KEY, "VITE_API_URL", "frontend/src/main.ts", 4)));
        List<CodeModule> modules = List.of(new CodeModule("", "template", "package.json", "JavaScript"),
                new CodeModule("backend", "app", "backend/pyproject.toml", "Python"),
                new CodeModule("frontend", "frontend", "frontend/package.json", "TypeScript"));
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("", modules, files, List.of(), 3, List.of()),
                List.of());
        assertEquals(List.of("app-users", "frontend-users", "frontend-configuration"), keys(plan));
        assertEquals(List.of("Users (app)", "Users (frontend)", "Configuration (frontend)"), titles(plan));
        assertEquals(List.of("frontend", "typescript"), cap(plan, "frontend-users").tags());
        assertEquals("app", cap(plan, "app-users").module());
    }

    // covers feature-011/FR-005
    @Test
    void keys_are_unique_slugs_with_a_suffix_on_a_clash() {
        List<FileFacts> files = new ArrayList<>();
        for (String dir : List.of("a/api", "b/api")) {
            for (String t : List.of("One", "Two", "Three")) {
                String path = dir + "/" + t + ".java";
                files.add(source(path, "Java", dir.replace('/', '.'), s(SurfaceKind.PUBLIC_TYPE, t, path, 1)));
            }
        }
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("", List.of(), files, List.of(), 6, List.of()),
                List.of());
        assertEquals(List.of("api", "api-2"), keys(plan));
        assertEquals(List.of("java"), cap(plan, "api").tags());
        assertEquals("", cap(plan, "api").module());
    }

    // covers feature-011/FR-006
    @Test
    void a_capability_is_covered_by_a_spec_of_the_same_title_or_that_links_half_its_paths() {
        Discovery d = Projects.petclinic();
        String vetController = PC + "/vet/VetController.java";
        List<ExistingSpec> specs = List.of(
                new ExistingSpec("feature-007", "Owner", "contracts/specs/owner.md", Set.of(), Set.of()),
                new ExistingSpec("feature-002", "Veterinarians", "contracts/specs/vets.md",
                        Set.of(vetController, PC + "/vet/Vet.java", PC + "/vet/Vets.java"),
                        Set.of(PC + "/vet/VetRepository.java")),
                new ExistingSpec("feature-003", "Vet list", "contracts/specs/vet-list.md", Set.of(vetController),
                        Set.of()),
                new ExistingSpec("feature-004", "System", "contracts/specs/system.md",
                        Set.of(PC + "/system/CrashController.java"), Set.of()));
        AdoptionPlan plan = CapabilityGrouping.group(d, specs);
        assertEquals("feature-007", cap(plan, "owners").coveredBy());
        assertEquals("feature-002", cap(plan, "vets").coveredBy());
        assertEquals("feature-004", cap(plan, "system").coveredBy(), "by title, though the links are too few");
        assertEquals("", cap(plan, "data-model").coveredBy());
        assertEquals(List.of("petclinic", "data-model", "configuration"),
                plan.toDraft().stream().map(Capability::key).toList());
    }

    // covers feature-011/FR-006
    @Test
    void too_few_linked_paths_do_not_cover_and_ties_go_to_the_smaller_id() {
        Capability c = new Capability("x", "Billing", "", List.of(), List.of(
                s(SurfaceKind.PUBLIC_TYPE, "A", "a.py", 1), s(SurfaceKind.PUBLIC_TYPE, "B", "b.py", 1),
                s(SurfaceKind.PUBLIC_TYPE, "C", "c.py", 1)), List.of(), List.of(), "");
        assertEquals("", Coverage.coveredBy(c, List.of(
                new ExistingSpec("feature-001", "Other", "o.md", Set.of("a.py"), Set.of()))));
        assertEquals("feature-001", Coverage.coveredBy(c, List.of(
                new ExistingSpec("feature-001", "One", "1.md", Set.of("a.py"), Set.of("b.py")),
                new ExistingSpec("feature-009", "Two", "2.md", Set.of("a.py", "b.py"), Set.of()))));
        assertEquals("feature-005", Coverage.coveredBy(c, List.of(
                new ExistingSpec("feature-005", "billing.", "1.md", Set.of(), Set.of()))));
        assertEquals(Coverage.normalTitle("Users' API"), Coverage.normalTitle("user api"));
    }

    // covers feature-011/FR-005
    @Test
    void the_same_discovery_in_any_order_gives_the_same_plan() {
        for (Discovery d : List.of(Projects.petclinic(), Projects.fastapi(), Projects.express())) {
            AdoptionPlan expected = CapabilityGrouping.group(d, List.of());
            Random random = new Random(42);
            for (int round = 0; round < 5; round++) {
                List<FileFacts> files = new ArrayList<>();
                for (FileFacts f : d.files()) {
                    List<Surface> surfaces = new ArrayList<>(f.surfaces());
                    Collections.shuffle(surfaces, random);
                    List<TestCase> tests = new ArrayList<>(f.tests());
                    Collections.shuffle(tests, random);
                    files.add(new FileFacts(f.path(), f.language(), f.unit(), f.imports(), surfaces, tests, f.test()));
                }
                Collections.shuffle(files, random);
                List<DocEvidence> docs = new ArrayList<>(d.docs());
                Collections.shuffle(docs, random);
                List<CodeModule> modules = new ArrayList<>(d.modules());
                Collections.shuffle(modules, random);
                AdoptionPlan shuffled = CapabilityGrouping.group(new Discovery(d.scope(), modules, files, docs,
                        d.filesScanned(), d.notRead()), List.of());
                assertEquals(expected, shuffled);
                assertEquals(expected.toJson(), shuffled.toJson());
            }
        }
    }

    @Test
    void an_empty_discovery_gives_an_empty_plan() {
        AdoptionPlan plan = CapabilityGrouping.group(new Discovery("svc", List.of(), List.of(), List.of(), 0,
                List.of()), List.of());
        assertEquals(List.of(), plan.capabilities());
        assertEquals("svc", plan.scope());
    }

    @Test
    void route_prefixes_skip_api_versions_parameters_and_extensions() {
        boolean[] api = {false};
        assertEquals("users", CapabilityNames.routePrefix("/api/v1/users/{id}", api));
        assertTrue(api[0]);
        assertEquals("vets", CapabilityNames.routePrefix("/vets.html", new boolean[1]));
        assertEquals("", CapabilityNames.routePrefix("/", new boolean[1]));
        assertEquals("password-recovery", CapabilityNames.routePrefix("/api/v2/password_recovery?x=1",
                new boolean[1]));
        assertEquals("", CapabilityNames.routePrefix("/:slug/comments", new boolean[1]), "relative to a mount");
        assertEquals("/owners/{id}", CapabilityNames.routePath("GET /owners/{id}"));
        assertEquals("OwnerController", CapabilityNames.testedStem("a/OwnerControllerTests.java"));
        assertEquals("users", CapabilityNames.testedStem("tests/test_users.py"));
        assertEquals("users", CapabilityNames.testedStem("src/users.test.ts"));
        assertEquals("handler", CapabilityNames.testedStem("x/handler_test.go"));
        assertEquals("submit", CapabilityNames.testedStem("tests/test_submit.py"));
    }
}
