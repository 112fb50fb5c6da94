package dev.codefactory.domain.adopt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Discoveries made by hand that mirror real public projects (their packages, files, routes and tests as they are
 * in spring-petclinic, full-stack-fastapi-template and node-express-realworld-example-app), for the grouping tests.
 */
final class Projects {
    static final String PC = "src/main/java/org/springframework/samples/petclinic";
    static final String PCT = "src/test/java/org/springframework/samples/petclinic";
    static final String PKG = "org.springframework.samples.petclinic";

    private Projects() {
    }

    static Surface s(SurfaceKind kind, String name, String path, int line) {
        return new Surface(kind, name, new SourceLocation(path, line), "");
    }

    static Surface route(String name, String path, int line, String handler) {
        return new Surface(SurfaceKind.ROUTE, name, new SourceLocation(path, line), handler);
    }

    static FileFacts source(String path, String language, String unit, Surface... surfaces) {
        return new FileFacts(path, language, unit, List.of(), Arrays.asList(surfaces), List.of(), false);
    }

    static FileFacts test(String path, String language, String unit, List<String> imports, String... names) {
        List<TestCase> tests = new ArrayList<>();
        int line = 10;
        for (String n : names) {
            tests.add(new TestCase(n, new SourceLocation(path, line)));
            line += 10;
        }
        return new FileFacts(path, language, unit, imports, List.of(), tests, true);
    }

    private static FileFacts java(String pkg, String type, Surface... more) {
        String path = PC + (pkg.isEmpty() ? "" : "/" + pkg) + "/" + type + ".java";
        List<Surface> all = new ArrayList<>();
        all.add(s(SurfaceKind.PUBLIC_TYPE, type, path, 20));
        for (Surface m : more) {
            all.add(new Surface(m.kind(), m.name(), new SourceLocation(path, m.at().line()), m.detail()));
        }
        return source(path, "Java", PKG + (pkg.isEmpty() ? "" : "." + pkg), all.toArray(new Surface[0]));
    }

    private static FileFacts entity(String pkg, String type) {
        String path = PC + "/" + pkg + "/" + type + ".java";
        return source(path, "Java", PKG + "." + pkg, s(SurfaceKind.PUBLIC_TYPE, type, path, 30),
                s(SurfaceKind.ENTITY, type, path, 30));
    }

    private static FileFacts javaTest(String pkg, String type, List<String> imports, String... names) {
        return test(PCT + (pkg.isEmpty() ? "" : "/" + pkg) + "/" + type + ".java", "Java",
                PKG + (pkg.isEmpty() ? "" : "." + pkg), imports, names);
    }

    private static Surface r(String name, int line, String handler) {
        return route(name, "", line, handler);
    }

    /**
     * spring-petclinic: packages owner, vet, system, model and the application; its real routes (class-level
     * mappings applied) and tests; entities (and mapped superclasses) are public types and entities, as the Java
     * survey reports them.
     */
    static Discovery petclinic() {
        List<FileFacts> files = new ArrayList<>();
        files.add(java("", "PetClinicApplication", s(SurfaceKind.ENTRY_POINT, "PetClinicApplication.main", "", 34)));
        files.add(java("", "PetClinicRuntimeHints"));
        files.add(entity("model", "BaseEntity"));
        files.add(entity("model", "NamedEntity"));
        files.add(entity("model", "Person"));
        files.add(entity("owner", "Owner"));
        files.add(java("owner", "OwnerController",
                r("GET /owners/new", 72, "OwnerController.initCreationForm"),
                r("POST /owners/new", 77, "OwnerController.processCreationForm"),
                r("GET /owners/find", 89, "OwnerController.initFindForm"),
                r("GET /owners", 94, "OwnerController.processFindForm"),
                r("GET /owners/{ownerId}/edit", 136, "OwnerController.initUpdateOwnerForm"),
                r("POST /owners/{ownerId}/edit", 141, "OwnerController.processUpdateOwnerForm"),
                r("GET /owners/{ownerId}", 166, "OwnerController.showOwner")));
        files.add(java("owner", "OwnerRepository"));
        files.add(entity("owner", "Pet"));
        files.add(java("owner", "PetController",
                r("GET /owners/{ownerId}/pets/new", 98, "PetController.initCreationForm"),
                r("POST /owners/{ownerId}/pets/new", 105, "PetController.processCreationForm"),
                r("GET /owners/{ownerId}/pets/{petId}/edit", 128, "PetController.initUpdateForm"),
                r("POST /owners/{ownerId}/pets/{petId}/edit", 133, "PetController.processUpdateForm")));
        files.add(entity("owner", "PetType"));
        files.add(java("owner", "PetTypeFormatter"));
        files.add(java("owner", "PetTypeRepository"));
        files.add(java("owner", "PetValidator"));
        files.add(entity("owner", "Visit"));
        files.add(java("owner", "VisitController",
                r("GET /owners/{ownerId}/pets/{petId}/visits/new", 84, "VisitController.initNewVisitForm"),
                r("POST /owners/{ownerId}/pets/{petId}/visits/new", 91, "VisitController.processNewVisitForm")));
        files.add(java("system", "CacheConfiguration"));
        files.add(java("system", "CrashController", r("GET /oups", 31, "CrashController.triggerException")));
        files.add(java("system", "WebConfiguration"));
        files.add(java("system", "WelcomeController", r("GET /", 25, "WelcomeController.welcome")));
        files.add(entity("vet", "Specialty"));
        files.add(entity("vet", "Vet"));
        files.add(java("vet", "VetController", r("GET /vets.html", 44, "VetController.showVetList"),
                r("GET /vets", 69, "VetController.showResourcesVetList")));
        files.add(java("vet", "VetRepository"));
        files.add(java("vet", "Vets"));
        String props = "src/main/resources/application.properties";
        files.add(source(props, "Properties", "", s(SurfaceKind.CONFIG_KEY, "database", props, 2),
                s(SurfaceKind.CONFIG_KEY, "spring.sql.init.schema-locations", props, 3),
                s(SurfaceKind.CONFIG_KEY, "spring.jpa.hibernate.ddl-auto", props, 8)));
        for (String db : List.of("h2", "mysql", "postgres")) {
            String path = "src/main/resources/db/" + db + "/schema.sql";
            files.add(source(path, "SQL", "", s(SurfaceKind.SCHEMA, "owners", path, 30),
                    s(SurfaceKind.SCHEMA, "pets", path, 50)));
        }
        files.add(javaTest("", "PetClinicIntegrationTests", List.of(PKG + ".vet.VetRepository"),
                "testFindAll", "testOwnerDetails"));
        files.add(javaTest("model", "ValidatorTests", List.of(), "shouldNotValidateWhenFirstNameEmpty"));
        files.add(javaTest("owner", "OwnerControllerTests", List.of("org.springframework.test.web.servlet.MockMvc"),
                "testInitCreationForm", "testProcessCreationFormSuccess", "testShowOwner"));
        files.add(javaTest("owner", "PetControllerTests", List.of(), "testInitCreationForm"));
        files.add(javaTest("owner", "VisitControllerTests", List.of(), "testProcessNewVisitFormSuccess"));
        files.add(javaTest("service", "ClinicServiceTests", List.of(PKG + ".owner.Owner", PKG + ".owner.OwnerRepository",
                PKG + ".owner.Pet", PKG + ".vet.Vet", PKG + ".vet.VetRepository", PKG + ".owner.PetType"),
                "shouldFindOwnersByLastName", "shouldFindVets"));
        files.add(javaTest("system", "CrashControllerTests", List.of(), "testTriggerException"));
        files.add(javaTest("vet", "VetControllerTests", List.of(), "testShowVetListHtml", "testShowResourcesVetList"));
        files.add(javaTest("vet", "VetTests", List.of(), "testSerialization"));
        List<DocEvidence> docs = List.of(
                new DocEvidence(DocEvidence.Kind.README, "Database configuration", new SourceLocation("README.md", 80)),
                new DocEvidence(DocEvidence.Kind.README, "Working with Petclinic in your IDE",
                        new SourceLocation("README.md", 120)));
        return new Discovery("", List.of(new CodeModule("", "spring-petclinic", "pom.xml", "Java")), files, docs,
                120, List.of());
    }

    /** full-stack-fastapi-template's backend: routers users, items, login, utils, private; models; settings. */
    static Discovery fastapi() {
        String r = "backend/app/api/routes/";
        List<FileFacts> files = new ArrayList<>();
        files.add(source(r + "users.py", "Python", "app.api.routes.users",
                route("GET /users/", r + "users.py", 32, "read_users"),
                route("POST /users/", r + "users.py", 54, "create_user"),
                route("PATCH /users/me", r + "users.py", 81, "update_user_me"),
                route("PATCH /users/me/password", r + "users.py", 103, "update_password_me"),
                route("GET /users/me", r + "users.py", 124, "read_user_me"),
                route("DELETE /users/me", r + "users.py", 132, "delete_user_me"),
                route("POST /users/signup", r + "users.py", 146, "register_user"),
                route("GET /users/{user_id}", r + "users.py", 162, "read_user_by_id"),
                route("PATCH /users/{user_id}", r + "users.py", 182, "update_user"),
                route("DELETE /users/{user_id}", r + "users.py", 214, "delete_user")));
        files.add(source(r + "login.py", "Python", "app.api.routes.login",
                route("POST /login/access-token", r + "login.py", 23, "login_access_token"),
                route("POST /login/test-token", r + "login.py", 45, "test_token"),
                route("POST /password-recovery/{email}", r + "login.py", 53, "recover_password"),
                route("POST /reset-password/", r + "login.py", 77, "reset_password"),
                route("POST /password-recovery-html-content/{email}", r + "login.py", 100,
                        "recover_password_html_content")));
        files.add(source(r + "items.py", "Python", "app.api.routes.items",
                route("GET /items/", r + "items.py", 13, "read_items"),
                route("GET /items/{id}", r + "items.py", 48, "read_item"),
                route("POST /items/", r + "items.py", 61, "create_item"),
                route("PUT /items/{id}", r + "items.py", 75, "update_item"),
                route("DELETE /items/{id}", r + "items.py", 99, "delete_item")));
        files.add(source(r + "utils.py", "Python", "app.api.routes.utils",
                route("POST /utils/test-email/", r + "utils.py", 11, "test_email"),
                route("GET /utils/health-check/", r + "utils.py", 29, "health_check")));
        files.add(source(r + "private.py", "Python", "app.api.routes.private",
                route("POST /private/users/", r + "private.py", 23, "create_user")));
        files.add(source("backend/app/models.py", "Python", "app.models",
                s(SurfaceKind.PUBLIC_TYPE, "UserBase", "backend/app/models.py", 8),
                s(SurfaceKind.ENTITY, "User", "backend/app/models.py", 44),
                s(SurfaceKind.ENTITY, "Item", "backend/app/models.py", 80)));
        files.add(source("backend/app/core/config.py", "Python", "app.core.config",
                s(SurfaceKind.PUBLIC_TYPE, "Settings", "backend/app/core/config.py", 26),
                s(SurfaceKind.CONFIG_KEY, "SECRET_KEY", "backend/app/core/config.py", 33),
                s(SurfaceKind.CONFIG_KEY, "POSTGRES_SERVER", "backend/app/core/config.py", 51)));
        files.add(source("backend/app/main.py", "Python", "app.main",
                s(SurfaceKind.ENTRY_POINT, "app", "backend/app/main.py", 21)));
        files.add(source("backend/app/backend_pre_start.py", "Python", "app.backend_pre_start",
                s(SurfaceKind.ENTRY_POINT, "main", "backend/app/backend_pre_start.py", 32)));
        files.add(source("backend/app/initial_data.py", "Python", "app.initial_data",
                s(SurfaceKind.ENTRY_POINT, "main", "backend/app/initial_data.py", 17)));
        String t = "backend/tests/";
        files.add(test(t + "api/routes/test_users.py", "Python", "tests.api.routes.test_users",
                List.of("app.core.config", "app.models.User", "tests.utils.utils"), "test_get_users_superuser_me",
                "test_create_user_new_email"));
        files.add(test(t + "api/routes/test_items.py", "Python", "tests.api.routes.test_items",
                List.of("app.core.config", "tests.utils.item"), "test_create_item", "test_read_item_not_found"));
        files.add(test(t + "api/routes/test_login.py", "Python", "tests.api.routes.test_login",
                List.of("app.core.config", "app.core.security"), "test_get_access_token"));
        files.add(test(t + "crud/test_user.py", "Python", "tests.crud.test_user",
                List.of("app.crud", "app.models.User", "app.core.security"), "test_create_user",
                "test_authenticate_user"));
        files.add(test(t + "scripts/test_backend_pre_start.py", "Python", "tests.scripts.test_backend_pre_start",
                List.of("app.backend_pre_start"), "test_init_successful_connection"));
        files.add(test(t + "scripts/test_unknown.py", "Python", "tests.scripts.test_unknown",
                List.of("sqlmodel"), "test_nothing_tied"));
        return new Discovery("", List.of(new CodeModule("backend", "app", "backend/pyproject.toml", "Python")),
                files, List.of(new DocEvidence(DocEvidence.Kind.OPENAPI, "GET /api/v1/items/",
                new SourceLocation("backend/openapi.json", 0))), 60, List.of());
    }

    /** node-express-realworld-example-app's shape: controllers per feature under /api, a tag route, Prisma. */
    static Discovery express() {
        String a = "src/app/routes/";
        List<FileFacts> files = new ArrayList<>();
        String art = a + "article/article.controller.ts";
        files.add(source(art, "TypeScript", "src/app/routes/article",
                route("GET /api/articles", art, 20, ""), route("GET /api/articles/feed", art, 45, ""),
                route("GET /api/articles/:slug", art, 70, ""), route("POST /api/articles", art, 90, ""),
                route("PUT /api/articles/:slug", art, 110, ""), route("DELETE /api/articles/:slug", art, 130, ""),
                route("GET /api/articles/:slug/comments", art, 150, ""),
                route("POST /api/articles/:slug/comments", art, 170, "")));
        files.add(source(a + "article/article.service.ts", "TypeScript", "src/app/routes/article",
                s(SurfaceKind.PUBLIC_TYPE, "getArticles", a + "article/article.service.ts", 12)));
        String auth = a + "auth/auth.controller.ts";
        files.add(source(auth, "TypeScript", "src/app/routes/auth",
                route("POST /api/users", auth, 12, ""), route("POST /api/users/login", auth, 30, ""),
                route("GET /api/user", auth, 50, ""), route("PUT /api/user", auth, 70, "")));
        String prof = a + "profile/profile.controller.ts";
        files.add(source(prof, "TypeScript", "src/app/routes/profile",
                route("GET /api/profiles/:username", prof, 10, ""),
                route("POST /api/profiles/:username/follow", prof, 30, ""),
                route("DELETE /api/profiles/:username/follow", prof, 50, "")));
        String tag = a + "tag/tag.controller.ts";
        files.add(source(tag, "TypeScript", "src/app/routes/tag", route("GET /api/tags", tag, 10, "")));
        files.add(source("src/main.ts", "TypeScript", "src", s(SurfaceKind.ENTRY_POINT, "main", "src/main.ts", 1)));
        files.add(source("prisma/schema.prisma", "Prisma", "", s(SurfaceKind.SCHEMA, "Article", "prisma/schema.prisma",
                11), s(SurfaceKind.SCHEMA, "User", "prisma/schema.prisma", 40)));
        files.add(test("src/tests/services/article.service.test.ts", "TypeScript", "src/tests/services",
                List.of("../prisma-mock", "../../app/routes/article/article.service"), "should return articles"));
        files.add(test("src/tests/services/auth.test.ts", "TypeScript", "src/tests/services",
                List.of("../prisma-mock", "../../app/routes/auth/auth.service"), "should create new user"));
        files.add(test("src/tests/services/mixed.spec.ts", "TypeScript", "src/tests/services",
                List.of("../../app/routes/profile/profile.controller"), "should follow a user"));
        files.add(test("src/tests/routes/follow.e2e.ts", "TypeScript", "src/tests/routes",
                List.of("supertest", "src/app/routes/profile/profile.controller"), "follows through the API"));
        return new Discovery("", List.of(new CodeModule("", "conduit-api", "package.json", "TypeScript")), files,
                List.of(new DocEvidence(DocEvidence.Kind.README, "Articles", new SourceLocation("README.md", 12))),
                40, List.of());
    }
}
