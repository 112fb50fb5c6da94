package dev.codefactory.adapter.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.source.spi.SourceSurveyProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The survey on small sources, one construct each. */
class JavaParserSurveyTest {

    private final JavaParserSurvey survey = new JavaParserSurvey();

    private FileFacts read(String text) {
        return survey.survey("src/main/java/org/acme/Sample.java", "Java", text, false);
    }

    private static List<String> shown(FileFacts facts, SurfaceKind kind) {
        return facts.surfaces().stream().filter(s -> s.kind() == kind)
                .map(s -> s.name() + " @" + s.at().line() + " " + s.detail()).collect(Collectors.toList());
    }

    // covers feature-011/FR-003
    @Test
    void is_found_through_its_provider_and_reads_java_only() {
        SourceSurvey found = ServiceLoader.load(SourceSurveyProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("javaparser")).findFirst()
                .orElseThrow().create();

        assertTrue(found.reads("Java"));
        assertFalse(found.reads("Python"));
        assertEquals("org.acme", found.survey("A.java", "Java", "package org.acme;", false).unit());
    }

    // covers feature-011/FR-002
    @Test
    void reads_jaxrs_resources() {
        FileFacts facts = read("""
                package org.acme;
                import jakarta.ws.rs.*;
                @Path("/users")
                public class Users {
                    @GET
                    public List<User> all() { return null; }
                    @GET @Path("{id}")
                    public User one(@PathParam("id") long id) { return null; }
                    @jakarta.ws.rs.DELETE
                    @Path("/{id}")
                    public void drop(long id) { }
                    @Path("sub")
                    public Sub locator() { return null; }
                }
                """);

        assertEquals(List.of("GET /users @5 Users.all", "GET /users/{id} @7 Users.one", "DELETE /users/{id} @9 Users.drop"),
                shown(facts, SurfaceKind.ROUTE));
        assertEquals(List.of("jakarta.ws.rs.*"), facts.imports());
    }

    // covers feature-011/FR-002
    @Test
    void reads_request_mapping_methods_arrays_constants_and_an_empty_path() {
        FileFacts facts = read("""
                @RestController
                @RequestMapping(path = {"/api", "/v1"})
                class Api {
                    @RequestMapping(value = "/a", method = {RequestMethod.GET, RequestMethod.HEAD})
                    String a() { return ""; }
                    @PutMapping
                    void b() { }
                    @RequestMapping("/any")
                    void c() { }
                    @DeleteMapping(Paths.ITEM)
                    void d() { }
                }
                """);

        assertEquals(List.of("GET /api/a @4 Api.a", "HEAD /api/a @4 Api.a", "GET /v1/a @4 Api.a", "HEAD /v1/a @4 Api.a",
                "PUT /api @6 Api.b", "PUT /v1 @6 Api.b", "ANY /api/any @8 Api.c", "ANY /v1/any @8 Api.c",
                "DELETE /api/Paths.ITEM @10 Api.d", "DELETE /v1/Paths.ITEM @10 Api.d"), shown(facts, SurfaceKind.ROUTE));
    }

    // covers feature-011/FR-002
    @Test
    void finds_picocli_commands_and_plain_main_methods() {
        FileFacts picocli = read("""
                import picocli.CommandLine;
                import picocli.CommandLine.Command;
                @Command(name = "greet", mixinStandardHelpOptions = true)
                public class Greet implements Runnable {
                    public void run() { }
                    public static void main(String[] args) { new CommandLine(new Greet()).execute(args); }
                }
                """);
        FileFacts plain = read("""
                class Tool {
                    public static void main(String... args) { }
                    static void main(int x) { }
                }
                """);

        assertEquals(List.of("greet @3 picocli"), shown(picocli, SurfaceKind.ENTRY_POINT));
        assertEquals(List.of("Tool @2 main"), shown(plain, SurfaceKind.ENTRY_POINT));
    }

    // covers feature-011/FR-002
    @Test
    void finds_scheduled_jobs_and_listeners() {
        FileFacts facts = read("""
                class Jobs {
                    @Scheduled(cron = "0 0 * * *", zone = "UTC")
                    void nightly() { }
                    @KafkaListener(topics = {"orders", "refunds"}, groupId = "g")
                    void onOrder(String order) { }
                    @JmsListener(destination = "mail.queue")
                    void onMail(String mail) { }
                    @RabbitListener(queues = "q1")
                    void onRabbit(String m) { }
                    @EventListener
                    void onStart(ApplicationReadyEvent event) { }
                    @TransactionalEventListener(classes = OrderPlaced.class)
                    void afterCommit(Object event) { }
                }
                """);

        assertEquals(List.of("Jobs.nightly @2 cron = \"0 0 * * *\", zone = \"UTC\""), shown(facts, SurfaceKind.SCHEDULED_JOB));
        assertEquals(List.of("Jobs.onOrder @4 orders, refunds", "Jobs.onMail @6 mail.queue", "Jobs.onRabbit @8 q1",
                "Jobs.onStart @10 ApplicationReadyEvent", "Jobs.afterCommit @12 OrderPlaced"),
                shown(facts, SurfaceKind.LISTENER));
    }

    // covers feature-011/FR-002
    @Test
    void finds_configuration_keys() {
        FileFacts facts = read("""
                @ConfigurationProperties(prefix = "mail")
                class Settings {
                    Settings(@Value("${server.port:8080}") int port) { }
                    @Value("${app.name}/${app.version:1}") String title;
                    void connect(@Value("${db.url}") String url) {
                        String home = System.getenv("HOME_DIR");
                        String mode = System.getProperty("app.mode", "dev");
                        String other = props.getProperty("not.a.system.key");
                        String computed = System.getenv(name);
                    }
                }
                """);

        assertEquals(List.of("mail.* @1 @ConfigurationProperties", "server.port @3 @Value (default 8080)",
                "app.name @4 @Value", "app.version @4 @Value (default 1)", "db.url @5 @Value",
                "HOME_DIR @6 System.getenv", "app.mode @7 System.getProperty"), shown(facts, SurfaceKind.CONFIG_KEY));
    }

    // covers feature-011/FR-002
    @Test
    void names_the_kind_of_each_public_top_level_type_only() {
        assertEquals(List.of("Point @1 record"), shown(read("public record Point(int x, int y) { public class Inner { } }"),
                SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of("Color @1 enum"), shown(read("public enum Color { RED }"), SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of("Marker @1 annotation"), shown(read("public @interface Marker { }"), SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of(), shown(read("class Hidden { }"), SurfaceKind.PUBLIC_TYPE));
    }

    // covers feature-011/FR-004
    @Test
    void names_tests_with_their_display_names_in_a_test_file_only() {
        String text = """
                package org.acme;
                @SpringBootTest(classes = org.acme.App.class)
                class AppTest {
                    @Test
                    @DisplayName("returns 404 for an unknown user")
                    void unknownUser() { }
                    @ParameterizedTest
                    @ValueSource(ints = {1, 2})
                    void many(int n) { }
                    void helper() { }
                    @org.junit.Test
                    public void legacy() { }
                }
                """;
        FileFacts test = survey.survey("src/test/java/org/acme/AppTest.java", "Java", text, true);
        FileFacts notTest = survey.survey("src/main/java/org/acme/AppTest.java", "Java", text, false);

        assertEquals(List.of("unknownUser (returns 404 for an unknown user) @4", "many @7", "legacy @11"),
                test.tests().stream().map(t -> t.name() + " @" + t.at().line()).collect(Collectors.toList()));
        assertTrue(test.imports().contains("org.acme.App"), test.imports()::toString);
        assertTrue(test.test());
        assertEquals(List.of(), notTest.tests());
        assertFalse(notTest.test());
    }

    // covers feature-011/FR-003
    @Test
    void a_file_that_does_not_parse_gives_its_package_and_imports() {
        FileFacts facts = survey.survey("src/test/java/org/acme/Broken.java", "Java", """
                package org.acme.broken;
                import java.util.List;
                import static org.junit.Assert.*;
                public class Broken {
                    void half( {
                """, true);

        assertEquals("org.acme.broken", facts.unit());
        assertEquals(List.of("java.util.List", "org.junit.Assert.*"), facts.imports());
        assertTrue(facts.test(), "the test flag is kept on a file that does not parse");
    }

    // covers feature-011/FR-003
    @Test
    void a_statement_that_does_not_parse_keeps_the_routes_around_it() {
        FileFacts facts = read("""
                package org.acme;
                @RestController
                class Partial {
                    @GetMapping("/ok")
                    String ok() { return "ok"; }
                    @GetMapping("/broken")
                    String broken() { int x = ; return "x"; }
                }
                """);

        assertEquals(List.of("GET /ok @4 Partial.ok", "GET /broken @6 Partial.broken"), shown(facts, SurfaceKind.ROUTE));
        assertEquals("org.acme", facts.unit());
    }

    // covers feature-011/FR-003
    @Test
    void an_empty_or_blank_file_gives_nothing() {
        FileFacts empty = survey.survey("A.java", "Java", "", true);
        FileFacts blank = survey.survey("B.java", "Java", " \n\t\n", false);

        assertTrue(empty.isEmpty());
        assertEquals("", empty.unit());
        assertTrue(empty.test());
        assertTrue(blank.isEmpty());
        assertEquals(List.of(), blank.imports());
    }

    // covers feature-011/FR-003
    @Test
    void hostile_text_is_kept_as_text_and_capped() {
        String huge = "A".repeat(10_000);
        FileFacts facts = read("public class " + huge + " {\n"
                + "  @GetMapping(\"/x\u0007\u001b[31m\" + \"" + "y".repeat(5_000) + "\")\n"
                + "  void get() { }\n}\n");

        String type = shown(facts, SurfaceKind.PUBLIC_TYPE).get(0);
        assertTrue(type.startsWith("AAAA") && facts.surfaces().get(0).name().length() <= JavaParserSurvey.MAX_TEXT, type);
        String route = facts.surfaces().stream().filter(s -> s.kind() == SurfaceKind.ROUTE).findFirst().orElseThrow().name();
        assertTrue(route.length() <= JavaParserSurvey.MAX_TEXT, () -> "length " + route.length());
        assertTrue(route.contains("\u0007"), "control characters are kept for the renderer to escape");
    }

    // covers feature-011/FR-003
    @Test
    void nesting_too_deep_for_the_parser_falls_back_to_a_line_scan() {
        String deep = "package org.deep;\nclass D { int x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + "; }\n";

        FileFacts facts = read(deep);

        assertEquals("org.deep", facts.unit());
    }

    @Test
    void caps_without_splitting_a_surrogate_pair() {
        String text = "a".repeat(JavaParserSurvey.MAX_TEXT - 2) + "\uD83D\uDE00" + "b".repeat(10);

        String capped = JavaParserSurvey.cap(text);

        assertTrue(capped.length() <= JavaParserSurvey.MAX_TEXT);
        assertFalse(Character.isHighSurrogate(capped.charAt(capped.length() - 2)), capped);
    }
}
