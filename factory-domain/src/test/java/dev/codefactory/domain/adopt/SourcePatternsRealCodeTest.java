package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.AdoptFixtures.read;
import static dev.codefactory.domain.adopt.AdoptFixtures.surfaces;
import static dev.codefactory.domain.adopt.AdoptFixtures.tests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The patterns on trimmed copies of real projects (licences beside them): microblog (Flask), the FastAPI template's
 * backend, fastify/demo (TypeScript), express's examples and golang-gin-realworld-example-app.
 */
// covers feature-011/FR-002
// covers feature-011/FR-004
class SourcePatternsRealCodeTest {

    @Test
    void flask_blueprint_routes_expand_their_methods() {
        FileFacts facts = read("microblog", "app/auth/routes.py", "Python");
        assertEquals(List.of("route GET /login @14", "route POST /login @14", "route GET /logout @33",
                "route GET /register @39", "route POST /register @39", "route GET /reset_password_request @55",
                "route POST /reset_password_request @55", "route GET /reset_password/<token> @72",
                "route POST /reset_password/<token> @72"), surfaces(facts));
        assertEquals("app.auth.routes", facts.unit());
        assertTrue(facts.imports().contains("app.auth.forms.LoginForm"), facts.imports().toString());
        assertTrue(facts.imports().contains("app.auth"), "relative 'from app.auth import bp'");
    }

    @Test
    void flask_api_routes_with_explicit_methods() {
        FileFacts facts = read("microblog", "app/api/users.py", "Python");
        assertEquals(List.of("route GET /users/<int:id> @10", "route GET /users @16",
                "route GET /users/<int:id>/followers @25", "route GET /users/<int:id>/following @35",
                "route POST /users @45", "route PUT /users/<int:id> @64"), surfaces(facts));
        assertTrue(facts.imports().contains("app.api.errors.bad_request"), "from app.api.errors import bad_request");
    }

    @Test
    void flask_cli_group_and_commands_are_entry_points() {
        assertEquals(List.of("entry-point translate @8", "entry-point init @14", "entry-point update @26",
                "entry-point compile @36"), surfaces(read("microblog", "app/cli.py", "Python")));
    }

    @Test
    void sqlalchemy_models_are_entities_and_mixins_public_types() {
        FileFacts facts = read("microblog", "app/models.py", "Python");
        assertEquals(List.of("public-type SearchableMixin @19", "public-type PaginatedAPIMixin @63",
                "entity User @98", "config-key SECRET_KEY @184", "entity Post @287", "entity Message @303",
                "entity Notification @324", "entity Task @338"), surfaces(facts));
    }

    @Test
    void environment_keys_once_each_and_alembic_tables() {
        FileFacts config = read("microblog", "config.py", "Python");
        assertEquals(List.of("public-type Config @8", "config-key SECRET_KEY @9", "config-key SERVER_NAME @10",
                "config-key DATABASE_URL @11", "config-key LOG_TO_STDOUT @14", "config-key MAIL_SERVER @15",
                "config-key MAIL_PORT @16", "config-key MAIL_USE_TLS @17", "config-key MAIL_USERNAME @18",
                "config-key MAIL_PASSWORD @19", "config-key MS_TRANSLATOR_KEY @22", "config-key ELASTICSEARCH_URL @23",
                "config-key REDIS_URL @24"), surfaces(config));
        FileFacts migration = read("microblog", "migrations/versions/e517276bb1c2_users_table.py", "Python");
        assertEquals(List.of("schema user @21"), surfaces(migration));
        assertEquals("migration", migration.surfaces().get(0).detail());
    }

    @Test
    void unittest_methods_in_a_root_tests_py_are_tests_and_its_main_is_not_a_surface() {
        FileFacts facts = read("microblog", "tests.py", "Python");
        assertTrue(facts.test());
        assertEquals(List.of("UserModelCase.test_password_hashing @27", "UserModelCase.test_avatar @33",
                "UserModelCase.test_follow @39", "UserModelCase.test_follow_posts @66"), tests(facts));
        assertEquals(List.of(), facts.surfaces());
    }

    @Test
    void fastapi_router_prefix_is_applied() {
        FileFacts facts = read("full-stack-fastapi-template", "backend/app/api/routes/items.py", "Python");
        assertEquals(List.of("route GET /items/ @13", "route GET /items/{id} @48", "route POST /items/ @61",
                "route PUT /items/{id} @75", "route DELETE /items/{id} @99"), surfaces(facts));
        assertEquals("app.api.routes.items", facts.unit(), "the import root is backend/, found from 'from app...'");
        assertTrue(facts.imports().contains("app.models.ItemCreate"), facts.imports().toString());
    }

    @Test
    void sqlmodel_tables_are_entities_and_settings_fields_are_config_keys() {
        FileFacts models = read("full-stack-fastapi-template", "backend/app/models.py", "Python");
        assertEquals(List.of("entity User @52", "entity Item @91"), surfaces(models, SurfaceKind.ENTITY));
        assertEquals(17, surfaces(models, SurfaceKind.PUBLIC_TYPE).size());
        FileFacts config = read("full-stack-fastapi-template", "backend/app/core/config.py", "Python");
        List<String> keys = surfaces(config, SurfaceKind.CONFIG_KEY);
        assertEquals("config-key API_V1_STR @22", keys.get(0));
        assertEquals("config-key FIRST_SUPERUSER_PASSWORD @66", keys.get(keys.size() - 1));
        assertEquals(20, keys.size(), keys.toString());
        assertFalse(keys.toString().contains("model_config"));
    }

    @Test
    void pytest_functions_are_tests() {
        FileFacts facts = read("full-stack-fastapi-template", "backend/tests/api/routes/test_items.py", "Python");
        assertTrue(facts.test());
        assertEquals(11, facts.tests().size());
        assertEquals("test_create_item @10", tests(facts).get(0));
        assertEquals("test_delete_item_not_enough_permissions @154", tests(facts).get(10));
        assertTrue(facts.imports().contains("app.core.config.settings"), facts.imports().toString());
    }

    @Test
    void fastify_autoload_folders_prefix_multi_line_route_calls() {
        FileFacts tasks = read("demo", "src/routes/api/tasks/index.ts", "TypeScript");
        assertEquals(List.of("route GET /api/tasks @19", "route GET /api/tasks/:id @35", "route POST /api/tasks @61",
                "route PATCH /api/tasks/:id @89", "route DELETE /api/tasks/:id @116",
                "route POST /api/tasks/:id/assign @141", "route POST /api/tasks/:id/upload @176",
                "route GET /api/tasks/:filename/image @241", "route DELETE /api/tasks/:filename/image @273",
                "route GET /api/tasks/download/csv @307"), surfaces(tasks));
        assertEquals("src/routes/api/tasks", tasks.unit());
        assertTrue(tasks.imports().contains("src/schemas/tasks"), tasks.imports().toString());
        assertTrue(tasks.imports().contains("@fastify/type-provider-typebox"));
        assertEquals(List.of("route GET / @7"), surfaces(read("demo", "src/routes/home.ts", "TypeScript")));
    }

    @Test
    void node_test_names_carry_their_describe_names() {
        FileFacts facts = read("demo", "test/routes/api/auth/auth.test.ts", "TypeScript");
        assertTrue(facts.test());
        assertEquals(List.of("Auth api POST /api/auth/login Transaction should rollback on error @7",
                "Auth api POST /api/auth/login should return 400 if credentials payload is invalid @36",
                "Auth api POST /api/auth/login should authenticate with valid credentials @56",
                "Auth api POST /api/auth/login should not authneticate with invalid credentials @74"), tests(facts));
    }

    @Test
    void postgrator_migrations_are_schemas() {
        FileFacts facts = read("demo", "migrations/002.do.tasks.sql", "SQL");
        assertEquals(List.of("schema tasks @1"), surfaces(facts));
        assertEquals("migration", facts.surfaces().get(0).detail());
    }

    @Test
    void express_routes_mounts_and_routes_in_block_comments() {
        assertEquals(List.of("route USE /api/v1 @7", "route USE /api/v2 @8", "route GET / @10"),
                surfaces(read("express", "examples/multi-router/index.js", "JavaScript")));
        assertEquals(List.of("route GET / @36", "route GET /users @40", "route ALL /user/:id{/:op} @41",
                "route GET /user/:id @42", "route GET /user/:id/view @43", "route GET /user/:id/edit @44",
                "route PUT /user/:id/edit @45", "route GET /posts @49"),
                surfaces(read("express", "examples/route-separation/index.js", "JavaScript")));
        // view-locals has app.use('/api', ...) and app.all('/api/*', ...) inside /* */ blocks: not routes
        assertEquals(List.of("route GET / @26", "route GET /middleware @64", "route GET /middleware-locals @102"),
                surfaces(read("express", "examples/view-locals/index.js", "JavaScript")));
    }

    @Test
    void gin_routes_groups_main_and_gorm_entities() {
        FileFacts hello = read("golang-gin-realworld-example-app", "hello.go", "Go");
        assertEquals(List.of("entry-point main @23", "route GET /api/ping/ @45"), surfaces(hello));
        assertEquals("", hello.unit());
        assertTrue(hello.imports().contains("github.com/gin-gonic/gin"), hello.imports().toString());
        FileFacts routers = read("golang-gin-realworld-example-app", "users/routers.go", "Go");
        assertEquals(List.of("route POST / @11", "route POST /login @12", "route GET / @16", "route PUT / @17",
                "route GET /:username @21", "route POST /:username/follow @22", "route DELETE /:username/follow @23"),
                surfaces(routers, SurfaceKind.ROUTE));
        assertEquals("users", routers.unit());
        assertEquals(List.of("entity UserModel @15", "entity FollowModel @34"),
                surfaces(read("golang-gin-realworld-example-app", "users/models.go", "Go"), SurfaceKind.ENTITY));
    }

    @Test
    void go_tests_and_no_surfaces_from_test_files() {
        FileFacts facts = read("golang-gin-realworld-example-app", "common/unit_test.go", "Go");
        assertTrue(facts.test());
        assertEquals(List.of("TestConnectingDatabase @14", "TestConnectingTestDatabase @35", "TestRandString @59",
                "TestGenToken @73", "TestNewValidatorError @82", "TestNewError @151"), tests(facts));
        assertEquals(List.of(), facts.surfaces(), "its r.POST(\"/login\") is a test fixture, not the product's route");
    }
}
