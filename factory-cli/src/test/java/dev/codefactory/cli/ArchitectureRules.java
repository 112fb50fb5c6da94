package dev.codefactory.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.port.spi.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The hexagon's rules, one constant each, so that {@link ArchitectureTest} checks them on every module's classes and
 * {@link ArchitectureRulesTest} shows each failing on a deliberate violation. Every rule fails when it checks no
 * class at all ({@code allowEmptyShould(false)}): a module that fell off the class path cannot leave a rule green.
 */
final class ArchitectureRules {
    static final String ROOT = "dev.codefactory";
    static final List<String> ADAPTERS = List.of("fs", "git", "github", "llm", "java");

    private ArchitectureRules() {
    }

    // ---- the layers

    static final ArchRule LAYERS_FORM_AN_ONION = strict(onionArchitecture()
            .domainModels(ROOT + ".domain..")
            .domainServices(ROOT + ".port..")
            .applicationServices(ROOT + ".app..")
            .adapter("fs", ROOT + ".adapter.fs..")
            .adapter("git", ROOT + ".adapter.git..")
            .adapter("github", ROOT + ".adapter.github..")
            .adapter("llm", ROOT + ".adapter.llm..")
            .adapter("java", ROOT + ".adapter.java..")
            // the driving adapters: the CLI, and the web mirror and the MCP server it starts (factory serve, mcp)
            .adapter("driving", ROOT + ".cli..", ROOT + ".web..", ROOT + ".mcp..")
            // on the class path of the tests only (OpenAiLoopback); an outer ring like the adapters
            .adapter("llm-testkit", ROOT + ".testkit..")
            // the project's own test fixtures (GitSandbox, FakeGitHub): an outer ring that needs nothing of ours
            .adapter("test-support", ROOT + ".testsupport..")
            // the embedding artifact's marker: an outer ring too
            .adapter("standard", ROOT + ".standard..")
            // every ring has classes: an empty one means a module is missing from the import
            .withOptionalLayers(false));

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ALONE = strict(classes().that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", "java..", "org.jspecify.."));

    static final ArchRule PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ALONE = strict(classes()
            .that().resideInAPackage(ROOT + ".port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".port..", ROOT + ".domain..", "java..",
                    "org.jspecify.."));

    static final ArchRule APPLICATION_DEPENDS_ON_PORTS_AND_DOMAIN_ALONE = strict(classes()
            .that().resideInAPackage(ROOT + ".app..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".port..",
                    ROOT + ".domain..", "java..", "org.jspecify..", "org.eclipse.microprofile.config..",
                    "io.smallrye.config.."));

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER_ON_THE_APPLICATION_OR_ON_THE_CLI = strict(
            composite(ADAPTERS, adapter -> noClasses().that().resideInAPackage(ROOT + ".adapter." + adapter + "..")
                    .should().dependOnClassesThat(describe("Code-Factory classes outside domain, ports and " + adapter,
                            (JavaClass c) -> c.getPackageName().startsWith(ROOT + ".")
                                    && !inPackage(c, ROOT + ".domain") && !inPackage(c, ROOT + ".port")
                                    && !inPackage(c, ROOT + ".adapter." + adapter)))));

    static final ArchRule CLI_USES_THE_APPLICATION_NOT_THE_ADAPTERS = strict(noClasses()
            .that().resideInAPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter.."));

    static final ArchRule PACKAGES_HAVE_NO_CYCLES = strict(slices().matching(ROOT + ".(**)").should()
            .beFreeOfCycles());

    // ---- libraries, standard streams, exit

    static final ArchRule EACH_LIBRARY_LIVES_IN_ONE_PLACE = strict(CompositeArchRule
            .of(noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.git..")
                    .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit.."))
            .and(noClasses().that().resideOutsideOfPackages(ROOT + ".adapter.llm..", ROOT + ".adapter.github..")
                    .should().dependOnClassesThat().resideInAPackage("feign.."))
            .and(noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                    .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline.."))
            .and(noClasses().that().resideOutsideOfPackage(ROOT + ".adapter..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..",
                            "com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..")));

    /** SmallRye Config (and the MicroProfile Config API it implements) is the layered configuration's alone. */
    static final ArchRule SMALLRYE_ONLY_IN_APP_CONFIG = strict(noClasses()
            .that().resideOutsideOfPackage(ROOT + ".app.config..")
            .should().dependOnClassesThat().resideInAnyPackage("io.smallrye..", "org.eclipse.microprofile.."));

    static final ArchRule ONLY_THE_CLI_WRITES_TO_STANDARD_OUTPUT_OR_ERROR = strict(noClasses()
            .that().resideOutsideOfPackage(ROOT + ".cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err"));

    static final ArchRule NOTHING_BUT_THE_CLI_EXITS_THE_JVM = strict(noClasses()
            .that().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().callMethod(System.class, "exit", int.class));

    // ---- no file, network, process or thread work in the domain or the application: all of it goes through a port

    /*
     * java.nio.file.Path (with Paths, which makes one, and InvalidPathException, which making one throws) is a value
     * the ports speak: the project root, a file named in a command. Naming a path reads nothing; what reads or writes
     * is java.nio.file.Files, a FileSystem, a channel, a java.io file stream, or one of Path's own methods that touch
     * the disk (toRealPath, register, toFile); those are refused.
     */
    private static final Set<String> PATH_VALUES = Set.of("java.nio.file.Path", "java.nio.file.Paths",
            "java.nio.file.InvalidPathException");
    private static final Set<String> PATH_IO_METHODS = Set.of("toRealPath", "register", "toFile");

    private static final DescribedPredicate<JavaClass> FILE_TYPES = describe("file-system types (java.nio.file but "
            + "Path, java.nio.channels, java.io.File*, java.io.RandomAccessFile)", (JavaClass c) ->
            (inPackage(c, "java.nio.file") && !PATH_VALUES.contains(c.getName()))
                    || inPackage(c, "java.nio.channels")
                    || (c.getPackageName().equals("java.io") && (c.getSimpleName().startsWith("File")
                            || c.getSimpleName().equals("RandomAccessFile"))));

    static final ArchRule NO_FILE_WORK_IN_DOMAIN_OR_APP = strict(noClasses()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".app..")
            .should().dependOnClassesThat(FILE_TYPES)
            .orShould().accessTargetWhere(describe("a Path method that touches the disk " + PATH_IO_METHODS,
                    (JavaAccess<?> call) -> call.getTargetOwner().isEquivalentTo(java.nio.file.Path.class)
                            && PATH_IO_METHODS.contains(call.getName())))
            .because("the application reads and writes files through a port (ProjectFiles, ConfigurationFiles, …)"));

    /* java.net.URI (and URISyntaxException, which making one throws) is a value the ports speak: an endpoint. */
    private static final Set<String> NETWORK_VALUES = Set.of("java.net.URI", "java.net.URISyntaxException");

    static final ArchRule NO_NETWORK_IN_DOMAIN_OR_APP = strict(noClasses()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".app..")
            .should().dependOnClassesThat(describe("java.net (but URI) and javax.net types", (JavaClass c) ->
                    ((inPackage(c, "java.net") || inPackage(c, "javax.net")) && !NETWORK_VALUES.contains(c.getName()))))
            .because("the network is the adapters' (language models, code hosts)"));

    static final ArchRule NO_PROCESSES_IN_DOMAIN_OR_APP = strict(noClasses()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".app..")
            .should().dependOnClassesThat(describe("ProcessBuilder, Process or ProcessHandle", (JavaClass c) ->
                    List.of("java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle")
                            .contains(c.getName()) || c.getName().startsWith("java.lang.ProcessBuilder$")
                            || c.getName().startsWith("java.lang.ProcessHandle$")))
            .orShould().accessTargetWhere(describe("Runtime.exec", (JavaAccess<?> call) ->
                    call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec")))
            .because("processes are started by adapters behind a port"));

    private static final Set<String> THREAD_POOLS = Set.of("java.util.concurrent.Executors",
            "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.Timer");

    static final ArchRule NO_THREADS_IN_DOMAIN_OR_APP = noThreadsInDomainOrAppBut(CodeFactory.class);

    /** No thread made in the domain or the application but by the composition root and its nested classes. */
    static ArchRule noThreadsInDomainOrAppBut(Class<?> compositionRoot) {
        return strict(noClasses()
                .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".app..")
                .should().accessTargetWhere(describe("a Thread constructor, Executors, ForkJoinPool, "
                        + "ThreadPoolExecutor, ScheduledThreadPoolExecutor, Timer or CompletableFuture's …Async methods "
                        + "(but the composition root " + compositionRoot.getSimpleName() + ", whose default "
                        + "ThreadFactory makes the threads)",
                        (JavaAccess<?> access) -> makesThreads(access) && !(belongToAnyOf(compositionRoot)
                                .test(access.getOriginOwner()) && makesTheDefaultThreadFactorysThreads(access))))
                .because("threads come from the ThreadFactory that " + compositionRoot.getSimpleName()
                        + " is given (or makes)"));
    }

    /** Calls and method references alike ({@code new Thread(r)}, {@code Thread::new}, {@code Executors::…}). */
    private static boolean makesThreads(JavaAccess<?> access) {
        JavaClass owner = access.getTargetOwner();
        return constructs(access, Thread.class) || THREAD_POOLS.contains(owner.getName())
                || owner.isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                        && access.getName().endsWith("Async");
    }

    /** A thread constructed, or the JDK's own default factory asked for (neither makes a pool). */
    private static boolean makesTheDefaultThreadFactorysThreads(JavaAccess<?> access) {
        return constructs(access, Thread.class)
                || access.getTargetOwner().isEquivalentTo(java.util.concurrent.Executors.class)
                        && access.getName().equals("defaultThreadFactory");
    }

    private static boolean constructs(JavaAccess<?> access, Class<?> type) {
        return access.getName().equals(JavaConstructor.CONSTRUCTOR_NAME) && access.getTargetOwner().isAssignableTo(type);
    }

    // ---- adapters: reached through ServiceLoader, exposing nothing but their providers

    static final ArchRule ADAPTERS_ARE_REACHED_ONLY_THROUGH_SERVICE_LOADER = strict(composite(ADAPTERS, adapter ->
            noClasses().that().resideOutsideOfPackage(ROOT + ".adapter." + adapter + "..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter." + adapter + "..")
                    .because("an adapter module is found at run time through its providers' META-INF/services")));

    static final ArchRule PROVIDERS_ARE_PUBLIC_FINAL_AND_NAMED_PROVIDER = strict(classes()
            .that().implement(Provider.class).and().areNotInterfaces()
            .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
            .andShould().haveSimpleNameEndingWith("Provider"));

    static final ArchRule ADAPTERS_EXPOSE_NOTHING_BUT_THEIR_PROVIDERS = strict(classes()
            .that().resideInAPackage(ROOT + ".adapter..").and().arePublic().and().areTopLevelClasses()
            .should(beAPortProviderOrUsedFromAnotherPackageOfItsModule()));

    static final ArchRule LANGUAGE_MODEL_PROVIDERS_SHARE_ONLY_THEIR_INTERNAL_SEAM = strict(slices()
            .matching(ROOT + ".adapter.llm.(*)..").namingSlices("llm provider $1")
            .should().notDependOnEachOther().ignoreDependency(
                    describe("any", (JavaClass c) -> true),
                    describe("the internal seam", (JavaClass c) -> inPackage(c, ROOT + ".adapter.llm.internal"))));

    // ---- the web mirror (feature-012): a driving adapter like the CLI, over the application alone

    static final String WEB = ROOT + ".web";

    static final ArchRule COMMONMARK_ONLY_IN_WEB_PAGE = strict(noClasses()
            .that().resideOutsideOfPackage(WEB + ".page..")
            .should().dependOnClassesThat().resideInAPackage("org.commonmark..")
            .because("web.page.Markdown is the one markdown renderer (raw HTML escaped, URLs sanitised)"));

    static final ArchRule JDK_HTTP_SERVER_ONLY_IN_WEB_AND_WEB_LIVE = strict(noClasses()
            .that().resideOutsideOfPackages(WEB, WEB + ".live..", ROOT + ".testsupport..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..")
            .because("WebServer owns the server (and its security checks); the live stream takes over an exchange"
                    + " only after them; pages and endpoints see web.http's Request and Response (the test"
                    + " fixtures' fake servers, such as FakeGitHub, are no part of the product)"));

    static final ArchRule WEB_DOES_NOT_DEPEND_ON_ADAPTERS = strict(noClasses()
            .that().resideInAPackage(WEB + "..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter..")
            .because("the mirror reads the project through CodeFactory and its Mirror, never around them"));

    static final ArchRule APPLICATION_DOES_NOT_DEPEND_ON_WEB = strict(noClasses()
            .that().resideInAPackage(ROOT + ".app..")
            .should().dependOnClassesThat().resideInAPackage(WEB + ".."));

    static final ArchRule NOTHING_DEPENDS_ON_THE_CLI = strict(noClasses()
            .that().resideOutsideOfPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
            .because("the CLI is the outermost piece: it starts the rest"));

    static final ArchRule WEB_PARTS_SHARE_ONLY_WEB_HTTP = strict(slices()
            .matching(WEB + ".(*)..").namingSlices("web $1")
            .should().notDependOnEachOther().ignoreDependency(
                    describe("any", (JavaClass c) -> true),
                    describe("web.http", (JavaClass c) -> inPackage(c, WEB + ".http"))));

    // ---- the MCP server (factory mcp): a driving adapter like the web mirror, over the application alone

    static final String MCP = ROOT + ".mcp";

    static final ArchRule MCP_SDK_ONLY_IN_MCP = strict(noClasses()
            .that().resideOutsideOfPackage(MCP + "..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
            .because("the SDK (and the reactor under it) loads only for factory mcp, which reaches it through"
                    + " McpStdioServer alone"));

    static final ArchRule MCP_DOES_NOT_DEPEND_ON_ADAPTERS_OR_THE_WEB_MIRROR = strict(noClasses()
            .that().resideInAPackage(MCP + "..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter..", WEB + "..")
            .because("the tools ask CodeFactory and its use cases, as the CLI's commands do"));

    static final ArchRule APPLICATION_DOES_NOT_DEPEND_ON_MCP = strict(noClasses()
            .that().resideInAnyPackage(ROOT + ".app..", WEB + "..")
            .should().dependOnClassesThat().resideInAPackage(MCP + ".."));

    /** Every rule above by what it says, in the order {@link ArchitectureTest} checks them. */
    static final Map<String, ArchRule> ALL = all(
            "the layers form an onion", LAYERS_FORM_AN_ONION,
            "the domain depends on the JDK alone", DOMAIN_DEPENDS_ON_THE_JDK_ALONE,
            "ports depend on the domain and the JDK alone", PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ALONE,
            "the application depends on ports and domain alone", APPLICATION_DEPENDS_ON_PORTS_AND_DOMAIN_ALONE,
            "adapters do not depend on each other, on the application or on the CLI",
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER_ON_THE_APPLICATION_OR_ON_THE_CLI,
            "the CLI uses the application, not the adapters", CLI_USES_THE_APPLICATION_NOT_THE_ADAPTERS,
            "packages have no cycles", PACKAGES_HAVE_NO_CYCLES,
            "each library lives in one place", EACH_LIBRARY_LIVES_IN_ONE_PLACE,
            "SmallRye Config lives in app.config alone", SMALLRYE_ONLY_IN_APP_CONFIG,
            "only the CLI writes to standard output or error", ONLY_THE_CLI_WRITES_TO_STANDARD_OUTPUT_OR_ERROR,
            "nothing but the CLI's Main exits the JVM", NOTHING_BUT_THE_CLI_EXITS_THE_JVM,
            "the domain and the application do no file work", NO_FILE_WORK_IN_DOMAIN_OR_APP,
            "the domain and the application use no network", NO_NETWORK_IN_DOMAIN_OR_APP,
            "the domain and the application start no process", NO_PROCESSES_IN_DOMAIN_OR_APP,
            "the domain and the application make no thread but through the composition root",
            NO_THREADS_IN_DOMAIN_OR_APP,
            "adapters are reached only through ServiceLoader", ADAPTERS_ARE_REACHED_ONLY_THROUGH_SERVICE_LOADER,
            "providers are public, final and named ...Provider", PROVIDERS_ARE_PUBLIC_FINAL_AND_NAMED_PROVIDER,
            "adapters expose nothing but their providers", ADAPTERS_EXPOSE_NOTHING_BUT_THEIR_PROVIDERS,
            "language model providers share only their internal seam",
            LANGUAGE_MODEL_PROVIDERS_SHARE_ONLY_THEIR_INTERNAL_SEAM,
            "commonmark lives in web.page alone", COMMONMARK_ONLY_IN_WEB_PAGE,
            "the JDK's HTTP server lives in web and web.live alone", JDK_HTTP_SERVER_ONLY_IN_WEB_AND_WEB_LIVE,
            "the web mirror does not depend on the adapters", WEB_DOES_NOT_DEPEND_ON_ADAPTERS,
            "the application does not depend on the web mirror", APPLICATION_DOES_NOT_DEPEND_ON_WEB,
            "nothing depends on the CLI", NOTHING_DEPENDS_ON_THE_CLI,
            "the web mirror's parts share only web.http", WEB_PARTS_SHARE_ONLY_WEB_HTTP,
            "the MCP SDK lives in mcp alone", MCP_SDK_ONLY_IN_MCP,
            "the MCP server does not depend on the adapters or the web mirror",
            MCP_DOES_NOT_DEPEND_ON_ADAPTERS_OR_THE_WEB_MIRROR,
            "the application and the web mirror do not depend on the MCP server", APPLICATION_DOES_NOT_DEPEND_ON_MCP);

    private static Map<String, ArchRule> all(Object... namesAndRules) {
        Map<String, ArchRule> all = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRules.length; i += 2) {
            all.put((String) namesAndRules[i], (ArchRule) namesAndRules[i + 1]);
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * A public top-level class of an adapter is either its provider ({@code …Provider}, implementing a port's SPI) or
     * shared inside its own module: used from another package of the same adapter (a package by capability handing
     * a class to its sibling, or the LLM providers' {@code internal} seam).
     */
    private static ArchCondition<JavaClass> beAPortProviderOrUsedFromAnotherPackageOfItsModule() {
        return new ArchCondition<>("be a …Provider implementing a port SPI, or be used from another package of its "
                + "adapter module") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean provider = c.getSimpleName().endsWith("Provider") && c.getAllRawInterfaces().stream()
                        .anyMatch(i -> inPackage(i, ROOT + ".port") && i.getPackageName().endsWith(".spi"));
                String module = adapterModule(c.getPackageName());
                boolean shared = c.getDirectDependenciesToSelf().stream()
                        .map(d -> d.getOriginClass().getPackageName())
                        .anyMatch(p -> !p.equals(c.getPackageName()) && isIn(p, module));
                if (!provider && !shared) {
                    events.add(SimpleConditionEvent.violated(c, "Class <" + c.getName() + "> is public but neither "
                            + "a port provider nor used from another package of " + module));
                }
            }
        };
    }

    /** {@code dev.codefactory.adapter.fs.project} → {@code dev.codefactory.adapter.fs}. */
    static String adapterModule(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length < 4 ? packageName : String.join(".", parts[0], parts[1], parts[2], parts[3]);
    }

    private static boolean inPackage(JavaClass c, String pkg) {
        return isIn(c.getPackageName(), pkg);
    }

    private static boolean isIn(String packageName, String pkg) {
        return packageName.equals(pkg) || packageName.startsWith(pkg + ".");
    }

    private static ArchRule composite(List<String> names, Function<String, ArchRule> rule) {
        List<ArchRule> rules = new ArrayList<>();
        names.forEach(n -> rules.add(rule.apply(n)));
        return CompositeArchRule.of(rules);
    }

    private static ArchRule strict(ArchRule rule) {
        return rule.allowEmptyShould(false);
    }
}
