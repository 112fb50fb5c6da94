package dev.codefactory.adapter.llm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.codefactory.port.llm.LanguageModel;
import dev.codefactory.port.llm.spi.Detection;
import dev.codefactory.port.llm.spi.LanguageModelProvider;
import dev.codefactory.port.llm.spi.LanguageModelSettings;
import dev.codefactory.port.spi.Provider;
import java.lang.reflect.Modifier;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private static final String ROOT = "dev.codefactory.adapter.llm";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void service_loader_finds_every_provider_with_its_id_and_name() {
        Map<String, String> found = new TreeMap<>();
        for (LanguageModelProvider provider : ServiceLoader.load(LanguageModelProvider.class)) {
            found.put(provider.id(), provider.displayName());
        }
        assertEquals(Map.of("ollama", "Ollama", "openai", "OpenAI", "openai-compatible", "OpenAI-compatible",
                "azure", "Azure OpenAI", "anthropic", "Anthropic", "gemini", "Gemini"), found);
    }

    @Test
    void every_provider_declares_its_key_and_how_detection_may_choose_it() {
        Map<String, String> declared = new TreeMap<>();
        for (LanguageModelProvider provider : ServiceLoader.load(LanguageModelProvider.class)) {
            Detection d = provider.detection();
            declared.put(provider.id(), provider.apiKey().map(k -> k.secretName() + " " + k.environmentVariables())
                    .orElse("no key") + ", " + d.kind() + " " + d.order());
        }
        assertEquals(Map.of(
                "openai", "llm.openai.key [OPENAI_API_KEY], WHEN_KEY_SET 100",
                "anthropic", "llm.anthropic.key [ANTHROPIC_API_KEY], WHEN_KEY_SET 110",
                "gemini", "llm.gemini.key [GEMINI_API_KEY, GOOGLE_API_KEY], WHEN_KEY_SET 120",
                "azure", "llm.azure.key [AZURE_OPENAI_API_KEY], WHEN_KEY_SET 130",
                "openai-compatible", "llm.openai-compatible.key [], NEVER " + Integer.MAX_VALUE,
                "ollama", "no key, PROBE 100"), declared);
    }

    @Test
    void providers_are_public_final_with_a_no_arg_constructor() throws NoSuchMethodException {
        for (LanguageModelProvider provider : ServiceLoader.load(LanguageModelProvider.class)) {
            Class<?> type = provider.getClass();
            assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()), type.getName());
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), type.getName());
        }
    }

    @Test
    void creating_a_model_does_no_io_even_when_nothing_listens() {
        LanguageModelSettings settings = new LanguageModelSettings(URI.create("http://127.0.0.1:9"), "m", "k",
                Map.of(), LanguageModelSettings.Timeouts.DEFAULT, Map.of());
        for (LanguageModelProvider provider : ServiceLoader.load(LanguageModelProvider.class)) {
            LanguageModel model = provider.create(settings);
            assertEquals(provider.id(), model.providerId());
            assertTrue(!model.toString().contains("=k"), model.toString());
        }
    }

    @Test
    void provider_packages_expose_only_their_provider() {
        classes().that().resideInAPackage(ROOT + "..").and().arePublic()
                .and().resideOutsideOfPackage(ROOT + ".internal..")
                .should().implement(Provider.class).andShould().haveModifier(JavaModifier.FINAL)
                .andShould().haveSimpleNameEndingWith("LanguageModelProvider")
                .check(CLASSES);
    }

    @Test
    void providers_share_only_the_internal_seam() {
        slices().matching(ROOT + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.describe("any", (JavaClass c) -> true),
                        DescribedPredicate.describe("internal",
                                (JavaClass c) -> c.getPackageName().startsWith(ROOT + ".internal")))
                .check(CLASSES);
    }

    @Test
    void http_only_through_feign_and_its_one_client_no_standard_streams_no_module_discovery() {
        // every provider speaks HTTP through its Feign interface; java.net.http is the transport of one class (https),
        // a socket of another (plain http, which loads no TLS)
        noClasses().that().doNotHaveSimpleName("JdkFeignClient").and().doNotHaveSimpleName("Failures")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..").check(CLASSES);
        noClasses().that().haveNameNotMatching(".*\\.PlainHttpClient(\\$.*)?")
                .should().dependOnClassesThat().belongToAnyOf(Socket.class).check(CLASSES);
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
        noClasses().should().callMethod(com.fasterxml.jackson.databind.ObjectMapper.class, "findAndRegisterModules")
                .check(CLASSES);
    }

    @Test
    void no_wire_type_in_a_port_signature() {
        noClasses().that().resideInAPackage("dev.codefactory.port..").should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml..", "java.net.http..").check(new ClassFileImporter()
                        .importPackages("dev.codefactory.port"));
    }
}
