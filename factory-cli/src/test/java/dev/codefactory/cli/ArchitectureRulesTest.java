package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.codefactory.adapter.fs.archfixture.FixtureTemplateSourceProvider;
import dev.codefactory.adapter.fs.archfixture.NamedLikeAProvider;
import dev.codefactory.adapter.fs.archfixture.SharedWithASibling;
import dev.codefactory.adapter.fs.archfixture.UsedOnlyInItsOwnPackage;
import dev.codefactory.app.archfixture.ComposesTheApplication;
import dev.codefactory.app.archfixture.ComposesTheApplicationBadly;
import dev.codefactory.app.archfixture.ExecsThroughRuntime;
import dev.codefactory.app.archfixture.MakesAThread;
import dev.codefactory.app.archfixture.NamesAPathAndAnEndpoint;
import dev.codefactory.app.archfixture.OpensAConnection;
import dev.codefactory.app.archfixture.OpensAFileStream;
import dev.codefactory.app.archfixture.ReachesIntoAnAdapter;
import dev.codefactory.app.archfixture.ReadsAFile;
import dev.codefactory.app.archfixture.ReadsSmallRyeConfig;
import dev.codefactory.app.archfixture.ResolvesARealPath;
import dev.codefactory.app.archfixture.RefersToPathToFile;
import dev.codefactory.app.archfixture.RefersToThreadNew;
import dev.codefactory.app.archfixture.RunsAsync;
import dev.codefactory.app.archfixture.StartsAProcess;
import dev.codefactory.app.archfixture.SubclassesThread;
import dev.codefactory.app.archfixture.UsesAnExecutor;
import dev.codefactory.app.config.archfixture.BuildsSmallRyeConfig;
import dev.codefactory.app.archfixture.RendersAPage;
import dev.codefactory.app.archfixture.AnswersAToolCallInTheApplication;
import dev.codefactory.app.archfixture.StartsTheMcpServer;
import dev.codefactory.domain.archfixture.ChecksAFileExists;
import dev.codefactory.mcp.archfixture.AnswersAToolCall;
import dev.codefactory.web.api.archfixture.UsesAPage;
import dev.codefactory.web.api.archfixture.UsesTheHttpPrimitives;
import dev.codefactory.web.archfixture.CallsTheCli;
import dev.codefactory.web.archfixture.HandlesAnExchange;
import dev.codefactory.web.archfixture.ReachesIntoTheFsAdapter;
import dev.codefactory.web.archfixture.RendersMarkdownOutsidePages;
import dev.codefactory.web.live.archfixture.StreamsAnExchange;
import dev.codefactory.web.page.archfixture.RendersMarkdown;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each rule added for issues 13, 17 and 19 fails on a deliberate violation (the test classes of the {@code archfixture}
 * packages, imported here alone), and names the class that broke it; the fixtures that keep to a rule are not named.
 * And every rule fails when it checks nothing.
 */
class ArchitectureRulesTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(
            "dev.codefactory.app.archfixture", "dev.codefactory.app.config.archfixture",
            "dev.codefactory.domain.archfixture", "dev.codefactory.adapter.fs.archfixture",
            "dev.codefactory.web.archfixture", "dev.codefactory.web.page.archfixture",
            "dev.codefactory.web.live.archfixture", "dev.codefactory.web.api.archfixture",
            "dev.codefactory.mcp.archfixture");

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(FIXTURES).getFailureReport().getDetails();
    }

    /**
     * Whether an ArchUnit violation is the class's own doing: its origin, the first {@code <...>} of the message, is
     * the class, one of its members or one of its nested classes (the class it reaches for comes later).
     */
    private static boolean byClass(String violation, Class<?> type) {
        int start = violation.indexOf('<');
        int end = violation.indexOf('>', start + 1);
        String origin = start < 0 || end < 0 ? "" : violation.substring(start + 1, end);
        String name = type.getName();
        return origin.equals(name) || origin.startsWith(name + ".") || origin.startsWith(name + "$");
    }

    private static void assertViolatedBy(ArchRule rule, Class<?>... offenders) {
        List<String> violations = violations(rule);
        assertAll(Arrays.stream(offenders).map(type -> (Executable) () ->
                assertTrue(violations.stream().anyMatch(v -> byClass(v, type)),
                        type.getSimpleName() + " should break: " + rule.getDescription() + "\nviolations: "
                                + violations)));
    }

    private static void assertKeptBy(ArchRule rule, Class<?>... innocents) {
        List<String> violations = violations(rule);
        for (Class<?> type : innocents) {
            assertFalse(violations.stream().anyMatch(v -> byClass(v, type)),
                    type.getSimpleName() + " should keep to: " + rule.getDescription() + "\nviolations: " + violations);
        }
    }

    @Test
    void file_work_in_the_application_or_the_domain_is_refused_but_a_path_is_a_value() {
        assertViolatedBy(ArchitectureRules.NO_FILE_WORK_IN_DOMAIN_OR_APP, ReadsAFile.class, OpensAFileStream.class,
                ResolvesARealPath.class, RefersToPathToFile.class, ChecksAFileExists.class);
        assertKeptBy(ArchitectureRules.NO_FILE_WORK_IN_DOMAIN_OR_APP, NamesAPathAndAnEndpoint.class,
                StartsAProcess.class);
    }

    @Test
    void the_network_in_the_application_is_refused_but_a_uri_is_a_value() {
        assertViolatedBy(ArchitectureRules.NO_NETWORK_IN_DOMAIN_OR_APP, OpensAConnection.class);
        assertKeptBy(ArchitectureRules.NO_NETWORK_IN_DOMAIN_OR_APP, NamesAPathAndAnEndpoint.class,
                ReadsAFile.class);
    }

    @Test
    void a_process_started_by_the_application_is_refused() {
        assertViolatedBy(ArchitectureRules.NO_PROCESSES_IN_DOMAIN_OR_APP, StartsAProcess.class,
                ExecsThroughRuntime.class);
        assertKeptBy(ArchitectureRules.NO_PROCESSES_IN_DOMAIN_OR_APP, MakesAThread.class, ReadsAFile.class);
    }

    @Test
    void a_thread_made_by_the_application_outside_the_composition_root_is_refused() {
        assertViolatedBy(ArchitectureRules.NO_THREADS_IN_DOMAIN_OR_APP, MakesAThread.class, SubclassesThread.class,
                RefersToThreadNew.class, UsesAnExecutor.class, RunsAsync.class);
        assertKeptBy(ArchitectureRules.NO_THREADS_IN_DOMAIN_OR_APP, StartsAProcess.class, ReadsAFile.class);
    }

    @Test
    void the_composition_root_alone_may_make_the_default_thread_factorys_threads() {
        ArchRule rule = ArchitectureRules.noThreadsInDomainOrAppBut(ComposesTheApplication.class);
        assertKeptBy(rule, ComposesTheApplication.class);
        assertViolatedBy(rule, MakesAThread.class);
        // the same class is refused when it is not the composition root
        assertViolatedBy(ArchitectureRules.NO_THREADS_IN_DOMAIN_OR_APP, ComposesTheApplication.class);
        // and the composition root may not make a pool
        assertViolatedBy(ArchitectureRules.noThreadsInDomainOrAppBut(ComposesTheApplicationBadly.class),
                ComposesTheApplicationBadly.class);
    }

    @Test
    void smallrye_outside_app_config_is_refused() {
        assertViolatedBy(ArchitectureRules.SMALLRYE_ONLY_IN_APP_CONFIG, ReadsSmallRyeConfig.class);
        assertKeptBy(ArchitectureRules.SMALLRYE_ONLY_IN_APP_CONFIG, BuildsSmallRyeConfig.class);
    }

    @Test
    void an_adapter_class_used_from_outside_its_module_is_refused() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_ARE_REACHED_ONLY_THROUGH_SERVICE_LOADER,
                ReachesIntoAnAdapter.class);
        assertKeptBy(ArchitectureRules.ADAPTERS_ARE_REACHED_ONLY_THROUGH_SERVICE_LOADER,
                FixtureTemplateSourceProvider.class, BuildsSmallRyeConfig.class);
    }

    @Test
    void a_public_adapter_class_that_is_no_provider_and_not_shared_across_its_packages_is_refused() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_EXPOSE_NOTHING_BUT_THEIR_PROVIDERS, UsedOnlyInItsOwnPackage.class,
                NamedLikeAProvider.class);
        assertKeptBy(ArchitectureRules.ADAPTERS_EXPOSE_NOTHING_BUT_THEIR_PROVIDERS,
                FixtureTemplateSourceProvider.class, SharedWithASibling.class);
    }

    @Test
    void the_application_may_not_use_jackson_yaml() {
        // unused by the application: the permission is gone
        assertTrue(ArchitectureRules.APPLICATION_DEPENDS_ON_PORTS_AND_DOMAIN_ALONE.getDescription()
                .contains("io.smallrye.config"));
        assertFalse(ArchitectureRules.APPLICATION_DEPENDS_ON_PORTS_AND_DOMAIN_ALONE.getDescription()
                .contains("jackson"));
    }

    @Test
    void commonmark_outside_web_page_is_refused() {
        assertViolatedBy(ArchitectureRules.COMMONMARK_ONLY_IN_WEB_PAGE, RendersMarkdownOutsidePages.class);
        assertKeptBy(ArchitectureRules.COMMONMARK_ONLY_IN_WEB_PAGE, RendersMarkdown.class, HandlesAnExchange.class);
    }

    @Test
    void the_jdk_http_server_outside_web_and_web_live_is_refused() {
        assertViolatedBy(ArchitectureRules.JDK_HTTP_SERVER_ONLY_IN_WEB_AND_WEB_LIVE, HandlesAnExchange.class);
        assertKeptBy(ArchitectureRules.JDK_HTTP_SERVER_ONLY_IN_WEB_AND_WEB_LIVE, StreamsAnExchange.class,
                RendersMarkdown.class);
    }

    @Test
    void the_mcp_sdk_outside_the_mcp_server_is_refused() {
        assertViolatedBy(ArchitectureRules.MCP_SDK_ONLY_IN_MCP, AnswersAToolCallInTheApplication.class);
        assertKeptBy(ArchitectureRules.MCP_SDK_ONLY_IN_MCP, AnswersAToolCall.class);
    }

    @Test
    void the_mcp_server_reaching_into_an_adapter_is_refused() {
        assertViolatedBy(ArchitectureRules.MCP_DOES_NOT_DEPEND_ON_ADAPTERS_OR_THE_WEB_MIRROR,
                dev.codefactory.mcp.archfixture.ReachesIntoTheFsAdapter.class);
        assertKeptBy(ArchitectureRules.MCP_DOES_NOT_DEPEND_ON_ADAPTERS_OR_THE_WEB_MIRROR, AnswersAToolCall.class);
    }

    @Test
    void the_application_depending_on_the_mcp_server_is_refused() {
        assertViolatedBy(ArchitectureRules.APPLICATION_DOES_NOT_DEPEND_ON_MCP, StartsTheMcpServer.class);
    }

    @Test
    void the_web_mirror_reaching_into_an_adapter_is_refused() {
        assertViolatedBy(ArchitectureRules.WEB_DOES_NOT_DEPEND_ON_ADAPTERS, ReachesIntoTheFsAdapter.class);
        assertKeptBy(ArchitectureRules.WEB_DOES_NOT_DEPEND_ON_ADAPTERS, HandlesAnExchange.class, CallsTheCli.class);
    }

    @Test
    void the_application_using_the_web_mirror_is_refused() {
        assertViolatedBy(ArchitectureRules.APPLICATION_DOES_NOT_DEPEND_ON_WEB, RendersAPage.class);
        assertKeptBy(ArchitectureRules.APPLICATION_DOES_NOT_DEPEND_ON_WEB, ReadsAFile.class);
    }

    @Test
    void depending_on_the_cli_is_refused() {
        assertViolatedBy(ArchitectureRules.NOTHING_DEPENDS_ON_THE_CLI, CallsTheCli.class);
        assertKeptBy(ArchitectureRules.NOTHING_DEPENDS_ON_THE_CLI, ReachesIntoTheFsAdapter.class);
    }

    @Test
    void a_part_of_the_web_mirror_using_another_but_web_http_is_refused() {
        assertViolatedBy(ArchitectureRules.WEB_PARTS_SHARE_ONLY_WEB_HTTP, UsesAPage.class);
        assertKeptBy(ArchitectureRules.WEB_PARTS_SHARE_ONLY_WEB_HTTP, UsesTheHttpPrimitives.class,
                StreamsAnExchange.class);
    }

    @Test
    void every_rule_fails_when_it_checks_no_class() {
        JavaClasses nothing = new ClassFileImporter().importClasses(List.of());
        assertAll(ArchitectureRules.ALL.entrySet().stream().map(rule -> (Executable) () -> {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.getValue().check(nothing),
                    rule.getKey() + " passed on an empty import");
            // "failed to check any classes", or for the onion, each of its rings "is empty"
            assertTrue(e.getMessage().contains("failed to check any classes") || e.getMessage().contains("is empty"),
                    rule.getKey() + ": " + e.getMessage());
        }));
    }
}
