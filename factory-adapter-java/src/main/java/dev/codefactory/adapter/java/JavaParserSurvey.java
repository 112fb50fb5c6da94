package dev.codefactory.adapter.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.SourceLocation;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.adopt.TestCase;
import dev.codefactory.port.source.SourceSurvey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java file declares, read with JavaParser (feature-011, FR-002, FR-003): its package, imports, surfaces
 * (routes, entry points, public types, scheduled jobs, listeners, entities, configuration keys) and, in a test file,
 * its tests. Text from the file is untrusted: it is kept as text, each name and detail capped at {@value #MAX_TEXT}
 * characters. A file that does not parse gives what could be read, never an exception.
 *
 * <p>One parser per thread (a {@link JavaParser} is not thread-safe), configured for speed: no comments attributed,
 * no lexical preservation, no validation ({@link LanguageLevel#RAW} accepts every construct up to the newest Java).
 * Most files declare nothing but a package, imports and types: {@link Declarations} reads those without JavaParser,
 * which on an ordinary code base more than doubles the files read per second.
 */
// implements feature-011/FR-003
final class JavaParserSurvey implements SourceSurvey {

    /** The most characters kept of any name or detail read from a file. */
    static final int MAX_TEXT = 200;

    private static final Set<String> SPRING_VERBS = Set.of("GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
            "PatchMapping");
    private static final Set<String> JAXRS_VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate");
    private static final Set<String> TEST_TARGETS = Set.of("WebMvcTest", "WebFluxTest", "DataJpaTest",
            "SpringBootTest", "JsonTest", "RestClientTest");
    private static final Set<String> ENTITIES = Set.of("Entity", "MappedSuperclass", "Embeddable");
    /** Listener annotations and the attributes that name what they listen to, first found wins. */
    private static final Map<String, List<String>> LISTENERS = Map.of(
            "KafkaListener", List.of("topics", "topicPattern", "value"),
            "JmsListener", List.of("destination", "value"),
            "RabbitListener", List.of("queues", "value"),
            "SqsListener", List.of("value", "queueNames"),
            "StreamListener", List.of("value", "target"),
            "EventListener", List.of("classes", "value"),
            "TransactionalEventListener", List.of("classes", "value"));
    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");

    /** The annotations the survey reads: a file with none of them (nor a main, nor getenv) needs no full parse. */
    private static final Set<String> READ_ANNOTATIONS = readAnnotations();

    private final ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(JavaParserSurvey::parser);

    private static JavaParser parser() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(LanguageLevel.RAW)
                // the tokens give the nodes their lines: without them every surface would be at line 0
                .setStoreTokens(true)
                .setAttributeComments(false)
                .setLexicalPreservationEnabled(false)
                .setDetectOriginalLineSeparator(false);
        return new JavaParser(configuration);
    }

    private static Set<String> readAnnotations() {
        Set<String> names = new java.util.HashSet<>();
        names.addAll(SPRING_VERBS);
        names.addAll(JAXRS_VERBS);
        names.addAll(ENTITIES);
        names.addAll(LISTENERS.keySet());
        names.addAll(TEST_ANNOTATIONS);
        names.addAll(TEST_TARGETS);
        names.addAll(List.of("RequestMapping", "Path", "SpringBootApplication", "Command", "ConfigurationProperties",
                "Scheduled", "Value", "ConfigProperty"));
        return Set.copyOf(names);
    }

    @Override
    public boolean reads(String language) {
        return "Java".equals(language);
    }

    // implements feature-011/FR-002
    @Override
    public FileFacts survey(String path, String language, String text, boolean test) {
        if (text == null || text.isBlank()) {
            return new FileFacts(path, language, "", List.of(), List.of(), List.of(), test);
        }
        try {
            if (!Declarations.mayDeclareMore(text, READ_ANNOTATIONS)) {
                return declarations(path, language, text, test);
            }
        } catch (RuntimeException unreadable) {
            // the lexer is no parser: whatever it trips on, JavaParser reads below
        }
        return parsed(path, language, text, test);
    }

    /** What JavaParser reads in {@code text}, or the line scan's package and imports when it reads nothing. */
    FileFacts parsed(String path, String language, String text, boolean test) {
        try {
            ParseResult<CompilationUnit> parsed = parsers.get().parse(text);
            Optional<CompilationUnit> unit = parsed.getResult();
            if (unit.isPresent()) {
                FileFacts read = new Reading(path, language, text, test, unit.get()).facts();
                return parsed.isSuccessful() ? read : merged(read, scan(path, language, text, test));
            }
        } catch (RuntimeException | StackOverflowError unreadable) {
            // a file JavaParser cannot read (or nests too deep for it) gives what a line scan can read
        }
        return scan(path, language, text, test);
    }

    /** The package, imports and public top-level types of a file that declares nothing else, read by the lexer. */
    static FileFacts declarations(String path, String language, String text, boolean test) {
        Declarations.Reading reading = Declarations.read(text);
        List<Surface> surfaces = new ArrayList<>();
        for (Declarations.TopLevelType type : reading.types()) {
            if (!test && type.isPublic()) {
                surfaces.add(new Surface(SurfaceKind.PUBLIC_TYPE, cap(type.name()),
                        new SourceLocation(path, type.line()), type.kind()));
            }
        }
        List<String> imports = reading.imports().stream().map(JavaParserSurvey::cap).distinct().toList();
        return new FileFacts(path, language, cap(reading.unit()), imports, surfaces, List.of(), test);
    }

    /** JavaParser's partial reading of a file with errors, completed by the line scan's package and imports. */
    private static FileFacts merged(FileFacts partial, FileFacts scanned) {
        Set<String> imports = new LinkedHashSet<>(partial.imports());
        imports.addAll(scanned.imports());
        String unit = partial.unit().isEmpty() ? scanned.unit() : partial.unit();
        return new FileFacts(partial.path(), partial.language(), unit, List.copyOf(imports), partial.surfaces(),
                partial.tests(), partial.test());
    }

    /** The package and imports of a file JavaParser could not read, by a line scan. */
    private static FileFacts scan(String path, String language, String text, boolean test) {
        String unit = "";
        List<String> imports = new ArrayList<>();
        for (String line : text.split("\\R", 5_000)) {
            Matcher packageLine = PACKAGE_LINE.matcher(line);
            if (unit.isEmpty() && packageLine.find()) {
                unit = cap(packageLine.group(1));
                continue;
            }
            Matcher importLine = IMPORT_LINE.matcher(line);
            if (importLine.find()) {
                imports.add(cap(importLine.group(2)));
            }
        }
        return new FileFacts(path, language, unit, imports, List.of(), List.of(), test);
    }

    /** {@code text} cut to {@value #MAX_TEXT} characters (an ellipsis marks a cut), never splitting a surrogate. */
    static String cap(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** One file's reading: collects what its compilation unit declares. */
    private static final class Reading {
        private final String path;
        private final String language;
        private final String text;
        private final boolean test;
        private final CompilationUnit unit;
        private final String packageName;
        private final Set<String> imports = new LinkedHashSet<>();
        private final List<Surface> surfaces = new ArrayList<>();
        private final List<TestCase> tests = new ArrayList<>();

        Reading(String path, String language, String text, boolean test, CompilationUnit unit) {
            this.path = path;
            this.language = language;
            this.text = text;
            this.test = test;
            this.unit = unit;
            this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        }

        FileFacts facts() {
            for (ImportDeclaration declaration : unit.getImports()) {
                imports.add(cap(declaration.getNameAsString() + (declaration.isAsterisk() ? ".*" : "")));
            }
            for (TypeDeclaration<?> type : unit.getTypes()) {
                if (!test && type.isPublic()) {
                    add(SurfaceKind.PUBLIC_TYPE, type.getNameAsString(), line(type.getName()), kind(type));
                }
                type(type);
                if (test) {
                    testTargets(type);
                }
            }
            if (text.contains("getenv") || text.contains("getProperty")) {
                systemKeys();
            }
            return new FileFacts(path, language, cap(packageName), List.copyOf(imports), surfaces, tests, test);
        }

        private static String kind(TypeDeclaration<?> type) {
            if (type instanceof ClassOrInterfaceDeclaration declared) {
                return declared.isInterface() ? "interface" : "class";
            }
            if (type instanceof RecordDeclaration) {
                return "record";
            }
            if (type instanceof EnumDeclaration) {
                return "enum";
            }
            return type instanceof AnnotationDeclaration ? "annotation" : "type";
        }

        /** A type and the types nested in it. */
        private void type(TypeDeclaration<?> type) {
            String name = type.getNameAsString();
            boolean entryPoint = typeAnnotations(type, name);
            List<String> springPrefixes = List.of("");
            String jaxrsPrefix = "";
            Optional<AnnotationExpr> requestMapping = annotation(type, "RequestMapping");
            if (requestMapping.isPresent()) {
                springPrefixes = paths(requestMapping.get());
            }
            Optional<AnnotationExpr> classPath = annotation(type, "Path");
            if (classPath.isPresent()) {
                jaxrsPrefix = paths(classPath.get()).get(0);
            }
            for (BodyDeclaration<?> member : type.getMembers()) {
                if (member instanceof MethodDeclaration method) {
                    method(name, method, springPrefixes, jaxrsPrefix, entryPoint);
                } else if (member instanceof TypeDeclaration<?> nested) {
                    type(nested);
                } else if (member instanceof FieldDeclaration field) {
                    field.getAnnotations().forEach(this::valueKeys);
                } else if (member instanceof ConstructorDeclaration constructor) {
                    constructor.getParameters().forEach(p -> p.getAnnotations().forEach(this::valueKeys));
                }
            }
        }

        /** The surfaces a type's own annotations make; whether it is an entry point (its main then is no other). */
        private boolean typeAnnotations(TypeDeclaration<?> type, String name) {
            boolean entryPoint = false;
            for (AnnotationExpr annotation : type.getAnnotations()) {
                String simple = simpleName(annotation);
                int line = line(annotation);
                if ("SpringBootApplication".equals(simple)) {
                    add(SurfaceKind.ENTRY_POINT, name, line, "spring-boot");
                    entryPoint = true;
                } else if ("Command".equals(simple) && picocli(annotation)) {
                    add(SurfaceKind.ENTRY_POINT, attribute(annotation, "name").map(this::firstText).orElse(name), line,
                            "picocli");
                    entryPoint = true;
                } else if (ENTITIES.contains(simple)) {
                    String detail = switch (simple) {
                        case "Entity" -> annotation(type, "Table").flatMap(t -> attribute(t, "name"))
                                .map(this::firstText).orElse("");
                        case "MappedSuperclass" -> "mapped-superclass";
                        default -> "embeddable";
                    };
                    add(SurfaceKind.ENTITY, name, line, detail);
                } else if ("ConfigurationProperties".equals(simple)) {
                    configurationProperties(annotation);
                } else if (LISTENERS.containsKey(simple)) {
                    add(SurfaceKind.LISTENER, name, line, listened(annotation, simple, null));
                }
            }
            return entryPoint;
        }

        private boolean picocli(AnnotationExpr annotation) {
            String written = annotation.getNameAsString();
            return written.startsWith("picocli.") || written.startsWith("CommandLine.")
                    || imports.stream().anyMatch(i -> i.startsWith("picocli."));
        }

        private void method(String typeName, MethodDeclaration method, List<String> springPrefixes,
                            String jaxrsPrefix, boolean entryPoint) {
            String handler = typeName + "." + method.getNameAsString();
            String jaxrsVerb = null;
            AnnotationExpr jaxrsAt = null;
            String jaxrsPath = "";
            for (AnnotationExpr annotation : method.getAnnotations()) {
                String simple = simpleName(annotation);
                int line = line(annotation);
                if (SPRING_VERBS.contains(simple) || "RequestMapping".equals(simple)) {
                    List<String> verbs = "RequestMapping".equals(simple)
                            ? requestMethods(annotation)
                            : List.of(simple.substring(0, simple.length() - "Mapping".length())
                                    .toUpperCase(Locale.ROOT));
                    for (String prefix : springPrefixes) {
                        for (String path : paths(annotation)) {
                            for (String verb : verbs) {
                                add(SurfaceKind.ROUTE, verb + " " + join(prefix, path), line, handler);
                            }
                        }
                    }
                } else if (JAXRS_VERBS.contains(simple)) {
                    jaxrsVerb = simple;
                    jaxrsAt = annotation;
                } else if ("Path".equals(simple)) {
                    jaxrsPath = paths(annotation).get(0);
                } else if ("Scheduled".equals(simple)) {
                    add(SurfaceKind.SCHEDULED_JOB, handler, line, attributesText(annotation));
                } else if (LISTENERS.containsKey(simple)) {
                    add(SurfaceKind.LISTENER, handler, line, listened(annotation, simple, method));
                } else if ("Command".equals(simple) && picocli(annotation)) {
                    add(SurfaceKind.ENTRY_POINT, attribute(annotation, "name").map(this::firstText)
                            .orElse(method.getNameAsString()), line, "picocli");
                } else if ("ConfigurationProperties".equals(simple)) {
                    configurationProperties(annotation);
                } else if (test && TEST_ANNOTATIONS.contains(simple)) {
                    String display = annotation(method, "DisplayName").flatMap(d -> attribute(d, "value"))
                            .map(this::firstText).orElse("");
                    String name = method.getNameAsString() + (display.isEmpty() ? "" : " (" + display + ")");
                    tests.add(new TestCase(cap(name), new SourceLocation(path, line)));
                }
            }
            if (jaxrsVerb != null) {
                add(SurfaceKind.ROUTE, jaxrsVerb + " " + join(jaxrsPrefix, jaxrsPath), line(jaxrsAt), handler);
            }
            for (Parameter parameter : method.getParameters()) {
                for (AnnotationExpr annotation : parameter.getAnnotations()) {
                    valueKeys(annotation);
                }
            }
            if (!entryPoint && isMain(method)) {
                add(SurfaceKind.ENTRY_POINT, typeName, line(method.getName()), "main");
            }
        }

        private static boolean isMain(MethodDeclaration method) {
            if (!"main".equals(method.getNameAsString()) || !method.isStatic() || !method.isPublic()
                    || !method.getType().isVoidType() || method.getParameters().size() != 1) {
                return false;
            }
            Parameter parameter = method.getParameter(0);
            String type = parameter.getType().asString();
            return (type.equals("String[]") || type.equals("java.lang.String[]"))
                    || parameter.isVarArgs() && (type.equals("String") || type.equals("java.lang.String"));
        }

        /** The HTTP methods of a {@code @RequestMapping}: its {@code method} attribute, or ANY when none is given. */
        private List<String> requestMethods(AnnotationExpr annotation) {
            Optional<Expression> methods = attribute(annotation, "method");
            if (methods.isEmpty()) {
                return List.of("ANY");
            }
            List<String> verbs = new ArrayList<>();
            for (Expression method : values(methods.get())) {
                String written = method instanceof FieldAccessExpr field ? field.getNameAsString() : method.toString();
                verbs.add(cap(written));
            }
            return verbs.isEmpty() ? List.of("ANY") : verbs;
        }

        /** The paths an annotation maps ({@code value} or {@code path}), or "" when it gives none. */
        private List<String> paths(AnnotationExpr annotation) {
            Optional<Expression> given = attribute(annotation, "value").or(() -> attribute(annotation, "path"));
            if (given.isEmpty()) {
                return List.of("");
            }
            List<String> paths = new ArrayList<>();
            for (Expression value : values(given.get())) {
                paths.add(text(value));
            }
            return paths.isEmpty() ? List.of("") : paths;
        }

        /** A route's path: the prefix and the method's path joined by one slash, "/" when both are empty. */
        private static String join(String prefix, String path) {
            String left = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            String right = path.isEmpty() || path.startsWith("/") ? path : "/" + path;
            String joined = left + right;
            if (joined.isEmpty()) {
                return "/";
            }
            return joined.startsWith("/") ? joined : "/" + joined;
        }

        /** What a listener listens to: its topic, destination or queue, or the event type it takes. */
        private String listened(AnnotationExpr annotation, String simple, MethodDeclaration method) {
            for (String name : LISTENERS.get(simple)) {
                Optional<Expression> value = attribute(annotation, name);
                if (value.isPresent()) {
                    List<String> texts = new ArrayList<>();
                    for (Expression expression : values(value.get())) {
                        texts.add(expression instanceof ClassExpr type ? type.getType().asString() : text(expression));
                    }
                    return String.join(", ", texts);
                }
            }
            if (method != null && method.getParameters().isNonEmpty() && simple.endsWith("EventListener")) {
                return method.getParameter(0).getType().asString();
            }
            return "";
        }

        private void configurationProperties(AnnotationExpr annotation) {
            attribute(annotation, "prefix").or(() -> attribute(annotation, "value"))
                    .map(this::firstText)
                    .filter(prefix -> !prefix.isBlank())
                    .ifPresent(prefix -> add(SurfaceKind.CONFIG_KEY, prefix + ".*", line(annotation),
                            "@ConfigurationProperties"));
        }

        /** The keys of {@code @Value("${key:default}")} and MicroProfile's {@code @ConfigProperty(name = "key")}. */
        private void valueKeys(AnnotationExpr annotation) {
            String simple = simpleName(annotation);
            if ("Value".equals(simple)) {
                attribute(annotation, "value").map(this::firstText)
                        .ifPresent(value -> placeholders(value, line(annotation)));
            } else if ("ConfigProperty".equals(simple)) {
                attribute(annotation, "name").map(this::firstText).filter(key -> !key.isBlank())
                        .ifPresent(key -> add(SurfaceKind.CONFIG_KEY, key, line(annotation), "@ConfigProperty"));
            }
        }

        /** Each {@code ${key}} or {@code ${key:default}} in a {@code @Value}. */
        private void placeholders(String value, int line) {
            int from = value.indexOf("${");
            while (from >= 0) {
                int start = from + 2;
                int end = start;
                while (end < value.length() && value.charAt(end) != ':' && value.charAt(end) != '}') {
                    end++;
                }
                String key = value.substring(start, end).trim();
                if (!key.isEmpty() && !key.contains("${")) {
                    String detail = "@Value";
                    if (end < value.length() && value.charAt(end) == ':') {
                        int close = value.indexOf('}', end);
                        detail += " (default " + value.substring(end + 1, close < 0 ? value.length() : close) + ")";
                    }
                    add(SurfaceKind.CONFIG_KEY, key, line, detail);
                }
                from = value.indexOf("${", start);
            }
        }

        /** {@code System.getenv("X")} and {@code System.getProperty("x")} with a literal name. */
        private void systemKeys() {
            for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
                String name = call.getNameAsString();
                if (!("getenv".equals(name) || "getProperty".equals(name)) || call.getArguments().isEmpty()) {
                    continue;
                }
                String scope = call.getScope().map(Node::toString).orElse("");
                boolean system = scope.equals("System") || scope.equals("java.lang.System")
                        || scope.isEmpty() && imports.contains("java.lang.System." + name);
                Expression first = call.getArgument(0);
                if (system && first instanceof StringLiteralExpr literal) {
                    add(SurfaceKind.CONFIG_KEY, literal.asString(), line(call), "System." + name);
                }
            }
        }

        /** {@code @Scheduled(cron = "0 0 * * *")}'s attributes as written: {@code cron = "0 0 * * *"}. */
        private static String attributesText(AnnotationExpr annotation) {
            if (annotation instanceof NormalAnnotationExpr normal) {
                List<String> pairs = new ArrayList<>();
                for (MemberValuePair pair : normal.getPairs()) {
                    pairs.add(pair.getNameAsString() + " = " + pair.getValue());
                }
                return String.join(", ", pairs);
            }
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                return single.getMemberValue().toString();
            }
            return "";
        }

        /** Tests name what they test in {@code @WebMvcTest(X.class)} and the like: X counts as an import. */
        private void testTargets(TypeDeclaration<?> type) {
            for (AnnotationExpr annotation : type.getAnnotations()) {
                if (!TEST_TARGETS.contains(simpleName(annotation))) {
                    continue;
                }
                for (String attribute : List.of("value", "controllers", "classes")) {
                    attribute(annotation, attribute).ifPresent(value -> {
                        for (Expression expression : values(value)) {
                            if (expression instanceof ClassExpr literal) {
                                imports.add(cap(qualified(literal.getType().asString())));
                            }
                        }
                    });
                }
            }
        }

        /** A type name as written, qualified by an import naming it or, for a simple name, the file's package. */
        private String qualified(String written) {
            if (written.contains(".")) {
                return written;
            }
            for (String imported : imports) {
                if (imported.endsWith("." + written)) {
                    return imported;
                }
            }
            return packageName.isEmpty() ? written : packageName + "." + written;
        }

        private static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, String simple) {
            for (AnnotationExpr annotation : node.getAnnotations()) {
                if (simple.equals(simpleName(annotation))) {
                    return Optional.of(annotation);
                }
            }
            return Optional.empty();
        }

        /** An annotation's attribute: a single member counts as {@code value}. */
        private static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                return "value".equals(name) ? Optional.of(single.getMemberValue()) : Optional.empty();
            }
            if (annotation instanceof NormalAnnotationExpr normal) {
                for (MemberValuePair pair : normal.getPairs()) {
                    if (name.equals(pair.getNameAsString())) {
                        return Optional.of(pair.getValue());
                    }
                }
            }
            return Optional.empty();
        }

        /** The elements of an array initializer, or the one value. */
        private static List<Expression> values(Expression value) {
            return value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
        }

        /** A literal's text, or the expression as written (a constant: {@code Paths.OWNERS}). */
        private static String text(Expression value) {
            if (value instanceof StringLiteralExpr literal) {
                return literal.asString();
            }
            if (value instanceof TextBlockLiteralExpr block) {
                return block.asString();
            }
            return value.toString();
        }

        private String firstText(Expression value) {
            List<Expression> all = values(value);
            return all.isEmpty() ? "" : text(all.get(0));
        }

        private static String simpleName(AnnotationExpr annotation) {
            return annotation.getName().getIdentifier();
        }

        private static int line(Node node) {
            return node.getBegin().map(position -> Math.max(0, position.line)).orElse(0);
        }

        private void add(SurfaceKind kind, String name, int line, String detail) {
            surfaces.add(new Surface(kind, cap(name), new SourceLocation(path, line), cap(detail)));
        }
    }
}
