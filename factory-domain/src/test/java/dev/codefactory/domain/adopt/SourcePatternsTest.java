package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.AdoptFixtures.surfaces;
import static dev.codefactory.domain.adopt.AdoptFixtures.tests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pattern on a small snippet, with the shapes that trip patterns up. */
// covers feature-011/FR-002
// covers feature-011/FR-003
class SourcePatternsTest {

    private static List<String> py(String path, String text) {
        return surfaces(SourcePatterns.read(path, "Python", text));
    }

    private static List<String> ts(String path, String text) {
        return surfaces(SourcePatterns.read(path, "TypeScript", text));
    }

    private static List<String> go(String path, String text) {
        return surfaces(SourcePatterns.read(path, "Go", text));
    }

    @Test
    void reads_the_languages_it_knows_and_never_a_dot_env() {
        assertTrue(SourcePatterns.reads("a/b.py", "Python"));
        assertTrue(SourcePatterns.reads("a/b.tsx", "TSX"));
        assertTrue(SourcePatterns.reads("a/b.jsx", "JSX"));
        assertTrue(SourcePatterns.reads("main.go", "Go"));
        assertTrue(SourcePatterns.reads("db/schema.sql", "SQL"));
        assertTrue(SourcePatterns.reads("prisma/schema.prisma", "Text"));
        assertTrue(SourcePatterns.reads("src/main/resources/application-dev.yml", "YAML"));
        assertTrue(SourcePatterns.reads("src/main/resources/application.properties", "Properties"));
        assertTrue(SourcePatterns.reads(".env.example", "Text"));
        assertFalse(SourcePatterns.reads(".env", "Properties"));
        assertFalse(SourcePatterns.reads("config/other.yml", "YAML"));
        assertFalse(SourcePatterns.reads("Main.java", "Java"));
        assertEquals(FileFacts.empty(".env", "Properties"), SourcePatterns.read(".env", "Properties", "SECRET=x\n"));
    }

    @Test
    void test_files_by_the_shared_rule() {
        for (String test : List.of("tests/test_api.py", "app/test_x.py", "app/x_test.py", "src/a.test.ts",
                "src/a.spec.js", "src/__tests__/a.js", "pkg/a_test.go", "tests.py", "conftest.py")) {
            assertTrue(SourcePatterns.isTest(test), test);
        }
        for (String code : List.of("app/api.py", "src/testing.ts", "pkg/contest.go", "latest.py")) {
            assertFalse(SourcePatterns.isTest(code), code);
        }
    }

    @Test
    void flask_routes_multi_line_decorators_both_quotes_and_comments() {
        String text = String.join("\n",
                "from flask import Blueprint",
                "bp = Blueprint('admin', __name__, url_prefix=\"/admin\")",
                "# @bp.route('/commented')",
                "@bp.route(",
                "    \"/users/<id>\",",
                "    methods=['GET', \"DELETE\"],",
                ")",
                "def user(id):",
                "    '''@bp.route('/in-a-docstring')'''",
                "    pass",
                "@app.route('/plain')",
                "def plain(): pass",
                "@app.post('/made')",
                "def made(): pass",
                "@app.route(BASE + '/x')",
                "def dynamic(): pass",
                "@app.route('/a' + suffix)",
                "def concatenated(): pass");
        assertEquals(List.of("route GET /admin/users/<id> @4", "route DELETE /admin/users/<id> @4",
                "route GET /plain @11", "route POST /made @13"), py("app/views.py", text));
    }

    @Test
    void fastapi_router_prefix_and_app_routes() {
        String text = String.join("\n",
                "router = APIRouter(",
                "    prefix=\"/items\", tags=[\"items\"])",
                "@router.get(\"/{id}\")",
                "async def read(id: int): ...",
                "@app.delete('/health')",
                "def health(): ...");
        assertEquals(List.of("route GET /items/{id} @3", "route DELETE /health @5"), py("app/items.py", text));
    }

    @Test
    void django_paths_only_in_urls_py() {
        String text = "urlpatterns = [\n    path('articles/<int:year>/', views.year),\n"
                + "    re_path(r'^about/$', views.about),\n    path('api/', include('api.urls')),\n]\n";
        assertEquals(List.of("route ANY /articles/<int:year>/ @2", "route ANY /about/ @3"), py("blog/urls.py", text));
        assertEquals(List.of(), py("blog/views.py", text));
    }

    @Test
    void python_entry_points_main_argparse_click_typer() {
        String text = String.join("\n",
                "import argparse, click, typer",
                "cli = typer.Typer()",
                "@click.group()",
                "def tool(): pass",
                "@tool.command(name='sync')",
                "def do_sync(): pass",
                "@tool.command()",
                "def clean_all(): pass",
                "def parse():",
                "    p = argparse.ArgumentParser(prog='mytool')",
                "    sub = p.add_subparsers()",
                "    sub.add_parser('serve')",
                "if __name__ == '__main__':",
                "    parse()");
        assertEquals(List.of("entry-point pkg.tool @2", "entry-point tool @3", "entry-point sync @5",
                "entry-point clean-all @7", "entry-point mytool @10", "entry-point serve @12",
                "entry-point pkg.tool @13"), py("pkg/tool.py", text));
    }

    @Test
    void python_types_entities_jobs_and_config() {
        String text = String.join("\n",
                "class _Private: pass",
                "class Service:",
                "    class Inner: pass",
                "class Order(db.Model): pass",
                "class Line(Base):",
                "    pass",
                "class Hero(SQLModel, table=True): pass",
                "class Post(models.Model): pass",
                "class Settings(BaseSettings):",
                "    database_url: str",
                "    debug: bool = False",
                "@shared_task",
                "def send(): pass",
                "@celery.task(bind=True)",
                "def report(self): pass",
                "@scheduler.scheduled_job('interval', minutes=5)",
                "def tick(): pass",
                "scheduler.add_job(cleanup, 'cron', hour=3)",
                "a = os.environ['A_KEY']",
                "b = os.environ.get(\"B_KEY\", 'x') or os.getenv('C_KEY')",
                "c = app.config['D_KEY']",
                "d = os.getenv(name)",
                "e = os.getenv('A_KEY')");
        assertEquals(List.of("public-type Service @2", "entity Order @4", "entity Line @5", "entity Hero @7",
                "entity Post @8", "public-type Settings @9", "config-key database_url @10", "config-key debug @11",
                "scheduled-job send @12", "scheduled-job report @14", "scheduled-job tick @16",
                "scheduled-job cleanup @18", "config-key A_KEY @19", "config-key B_KEY @20", "config-key C_KEY @20",
                "config-key D_KEY @21"), py("app/things.py", text));
    }

    @Test
    void python_imports_absolute_relative_and_parenthesised() {
        String text = "import os, app.db as db\nfrom . import views\nfrom ..core import (\n    a,\n    b as c,\n)\n";
        FileFacts facts = SourcePatterns.read("app/api/routes.py", "Python", text);
        assertEquals("app.api.routes", facts.unit());
        assertEquals(List.of("os", "app.db", "app.api", "app.api.views", "app.core", "app.core.a", "app.core.b"),
                facts.imports());
        assertEquals("app.api", SourcePatterns.read("app/api/__init__.py", "Python", "").unit());
    }

    @Test
    void pytest_tests_top_level_and_in_classes() {
        String text = "def test_one():\n    def test_nested(): pass\nclass TestThing:\n    def test_two(self): pass\n"
                + "    def helper(self): pass\nasync def test_three(): pass\n";
        FileFacts facts = SourcePatterns.read("tests/test_thing.py", "Python", text);
        assertEquals(List.of("test_one @1", "TestThing.test_two @4", "test_three @6"), tests(facts));
        assertEquals(List.of(), SourcePatterns.read("app/thing.py", "Python", text).tests(), "not a test file");
    }

    @Test
    void express_routes_chains_mounts_and_what_is_not_a_route() {
        String text = String.join("\n",
                "const express = require('express')",
                "const users = require(\"./routes/users.js\")",
                "import api from '../api'",
                "app.get('/a', h)",
                "router.post(\"/b\", h)",
                "app.use('/users', users)",
                "app.use(express.json())",
                "app.get('env')",
                "map.get('/not-a-string-key'.length)",
                "// app.get('/commented', h)",
                "app.get(`/tpl/${id}`, h)",
                "app.get('/concat' + x, h)",
                "app.route('/book')",
                "  .get(h)",
                "  .post(h)",
                "const s = \"app.get('/in-a-string')\"");
        FileFacts facts = SourcePatterns.read("src/server.js", "JavaScript", text);
        assertEquals(List.of("route GET /a @4", "route POST /b @5", "route USE /users @6",
                "route GET /book @13", "route POST /book @13"), surfaces(facts));
        assertEquals(List.of("express", "src/routes/users", "api"), facts.imports());
    }

    @Test
    void fastify_route_objects_and_nest_controllers() {
        String text = String.join("\n",
                "fastify.route({",
                "  method: ['GET', 'HEAD'],",
                "  url: '/items',",
                "  handler })",
                "@Controller('cats')",
                "export class CatsController {",
                "  @Get(':id')",
                "  one() {}",
                "  @Post()",
                "  make() {}",
                "}");
        assertEquals(List.of("route GET /items @1", "route HEAD /items @1", "public-type CatsController @6",
                "route GET /cats/:id @7", "route POST /cats @9"), ts("src/cats.controller.ts", text));
    }

    @Test
    void script_entry_points_types_entities_jobs_listeners_and_env() {
        String text = String.join("\n",
                "program.command('deploy <env>')",
                "yargs.command('serve', 'start the server')",
                "export interface Options {}",
                "export default class Client {}",
                "export function helper() {}",
                "class Hidden {}",
                "@Entity()",
                "export class Account {}",
                "const Task = sequelize.define('Task', {})",
                "cron.schedule('*/5 * * * *', job)",
                "await consumer.run({ eachMessage })",
                "socket.on('message', onMessage)",
                "const port = process.env.PORT || process.env['HOST'] || process.env.PORT");
        assertEquals(List.of("entry-point deploy @1", "entry-point serve @2", "public-type Options @3",
                "public-type Client @4", "entity Account @8", "entity Task @9", "scheduled-job */5 * * * * @10",
                "listener consumer @11", "listener socket message @12", "config-key PORT @13",
                "config-key HOST @13"), ts("src/app.ts", text));
    }

    @Test
    void prisma_models_are_entities() {
        String text = "datasource db {\n  provider = \"postgresql\"\n}\n// model Old {\nmodel User {\n  id Int @id\n}\n";
        assertEquals(List.of("entity User @5"),
                surfaces(SourcePatterns.read("prisma/schema.prisma", "Text", text)));
    }

    @Test
    void jest_and_mocha_tests_with_describe_names() {
        String text = String.join("\n",
                "describe('Users', () => {",
                "  describe(\"GET /users\", () => {",
                "    it('lists them', async () => {})",
                "    it.skip(`skips`, () => {})",
                "  })",
                "  test('counts', () => {})",
                "})",
                "test('alone', () => {})",
                "test.describe(\"Items\", () => {",
                "  test.beforeEach(async () => {})",
                "  test(\"Create\", async () => {})",
                "})");
        assertEquals(List.of("Users GET /users lists them @3", "Users GET /users skips @4", "Users counts @6",
                "alone @8", "Items Create @11"), tests(SourcePatterns.read("src/__tests__/users.js", "JavaScript", text)));
    }

    @Test
    void go_routers_groups_methods_and_patterns() {
        String text = String.join("\n",
                "package main",
                "import (",
                "  \"net/http\"",
                "  gin \"github.com/gin-gonic/gin\"",
                ")",
                "func main() {",
                "  http.HandleFunc(\"/health\", health)",
                "  mux.HandleFunc(\"GET /items/{id}\", item)",
                "  r.HandleFunc(\"/books\", books).Methods(\"GET\", \"POST\")",
                "  api := r.Group(\"/api\")",
                "  v1 := api.Group(\"/v1\")",
                "  v1.GET(\"/users\", list)",
                "  e.POST(\"/login\", login)",
                "  cr.Get(\"/chi\", h)",
                "  c.Get(\"user\")",
                "  // r.GET(\"/commented\", h)",
                "}");
        FileFacts facts = SourcePatterns.read("main.go", "Go", text);
        assertEquals(List.of("entry-point main @6", "route ANY /health @7", "route GET /items/{id} @8",
                "route GET /books @9", "route POST /books @9", "route GET /api/v1/users @12",
                "route POST /login @13", "route GET /chi @14"), surfaces(facts));
        assertEquals(List.of("net/http", "github.com/gin-gonic/gin"), facts.imports());
    }

    @Test
    void go_cobra_types_entities_jobs_config_and_tests() {
        String text = String.join("\n",
                "package cmd",
                "var root = &cobra.Command{",
                "  Use: \"serve [flags]\",",
                "}",
                "type Server struct {",
                "  port int",
                "}",
                "type store interface{}",
                "type Product struct {",
                "  gorm.Model",
                "}",
                "type Order struct {",
                "  ID uint `gorm:\"primaryKey\"`",
                "}",
                "func init() {",
                "  c.AddFunc(\"@every 1h\", job)",
                "  os.Getenv(\"PORT\")",
                "  viper.GetString(\"db.url\")",
                "}");
        assertEquals(List.of("entry-point serve @3", "public-type Server @5", "entity Product @9", "entity Order @12",
                "scheduled-job @every 1h @16", "config-key PORT @17", "config-key db.url @18"),
                go("cmd/root.go", text));
        assertEquals("cmd", SourcePatterns.read("cmd/root.go", "Go", text).unit());
        assertEquals(List.of(), go("lib/lib.go", "package lib\nfunc main() {}\n"), "main outside package main");
        String tests = "package x\nfunc TestA(t *testing.T) {\n  t.Run(\"case one\", func(t *testing.T) {})\n}\n"
                + "func TestMain(m *testing.M) {}\nfunc helper() {}\n";
        assertEquals(List.of("TestA @2", "TestA/case one @3"), tests(SourcePatterns.read("x/a_test.go", "Go", tests)));
    }

    @Test
    void sql_tables_and_migration_folders() {
        String text = "-- CREATE TABLE commented (id int);\n/* CREATE TABLE blocked ( */\ncreate table if not exists "
                + "\"public\".\"users\" (id int);\nCREATE TABLE `orders` (id int);\nCREATE TEMPORARY TABLE tmp (x int);\n";
        FileFacts schema = SourcePatterns.read("db/schema.sql", "SQL", text);
        assertEquals(List.of("schema public.users @3", "schema orders @4", "schema tmp @5"), surfaces(schema));
        assertEquals("", schema.surfaces().get(0).detail());
        FileFacts flyway = SourcePatterns.read("src/main/resources/db/V1__init.sql", "SQL", "CREATE TABLE a (x int);");
        assertEquals("migration", flyway.surfaces().get(0).detail());
        FileFacts prisma = SourcePatterns.read("prisma/migrations/2024_init/migration.sql", "SQL",
                "CREATE TABLE \"User\" (id int);");
        assertEquals("migration", prisma.surfaces().get(0).detail());
    }

    @Test
    void spring_properties_yaml_and_env_examples() {
        String props = "# comment\nserver.port=8080\n! bang\nspring.datasource.url : jdbc:x \\\n  continued=no\n";
        assertEquals(List.of("config-key server.port @2", "config-key spring.datasource.url @4"),
                surfaces(SourcePatterns.read("src/main/resources/application.properties", "Properties", props)));
        String yaml = String.join("\n",
                "server:",
                "  port: 8080 # the port",
                "spring:",
                "  datasource:",
                "    url: jdbc:h2:mem",
                "  profiles:",
                "    active:",
                "      - dev",
                "  banner: |",
                "    not: a key",
                "logging.level.root: INFO",
                "empty:",
                "---",
                "server:",
                "  port: 9090");
        assertEquals(List.of("config-key server.port @2", "config-key spring.datasource.url @5",
                "config-key spring.profiles.active @7", "config-key spring.banner @9",
                "config-key logging.level.root @11", "config-key empty @12"),
                surfaces(SourcePatterns.read("src/main/resources/application-dev.yml", "YAML", yaml)));
        FileFacts testConfig = SourcePatterns.read("src/test/resources/application.yml", "YAML", yaml);
        assertTrue(testConfig.test());
        assertEquals(List.of(), testConfig.surfaces(), "test configuration is not the product's");
        String env = "# comment\nDATABASE_URL=postgres://\nexport API_KEY=\nnot a key\n";
        assertEquals(List.of("config-key DATABASE_URL @2", "config-key API_KEY @3"),
                surfaces(SourcePatterns.read(".env.example", "Text", env)));
    }

    @Test
    void hostile_text_control_characters_and_a_megabyte_line() {
        String control = "@app.route('/a\u0000b')\n\u0007@app.get('/ok')\u001b\ndef x(): pass\n";
        assertEquals(List.of("route GET /a b @1", "route GET /ok @2"), py("app/x.py", control));
        // a 1 MB line of word characters is the worst case for identifier patterns: it is skipped, not scanned
        String huge = "a".repeat(1_000_000);
        for (String language : List.of("Python", "TypeScript", "Go", "SQL")) {
            FileFacts facts = SourcePatterns.read("x/huge", language, huge + "\n" + "app.get('/after', h)\n");
            assertTrue(facts.surfaces().size() <= 1, language);
        }
        assertEquals(List.of("route GET /after @2"), ts("x/huge.ts", huge + "\napp.get('/after', h)\n"));
        String quotes = "app.get('" + "\\'".repeat(200_000) + "\n" + "x(".repeat(300_000) + "\n";
        assertEquals(List.of(), ts("x/quotes.ts", quotes));
        assertEquals(List.of(), py("x/open.py", "@app.route(\n" + "(".repeat(100_000)));
    }

    @Test
    void unterminated_strings_and_comments_do_not_fail() {
        assertEquals(List.of(), ts("a.ts", "app.get('/never-closed"));
        assertEquals(List.of(), ts("a.ts", "/* open\napp.get('/x', h)"));
        assertEquals(List.of(), py("a.py", "'''open\n@app.route('/x')"));
        assertEquals(List.of(), go("a.go", "package main\nfunc main("));
    }
}
