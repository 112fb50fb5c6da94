package dev.codefactory.mcp;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.drift.DriftJson;
import dev.codefactory.app.drift.DriftUseCase;
import dev.codefactory.app.mirror.CatalogMirror.CatalogEntry;
import dev.codefactory.app.mirror.CatalogMirror.CatalogQuery;
import dev.codefactory.app.review.ReviewJson;
import dev.codefactory.app.review.ReviewUseCase;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreatedSpec;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecList;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.app.spec.SpecJson;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidateSpecsCommand;
import dev.codefactory.app.spec.ValidateSpecsUseCase.ValidationResult;
import dev.codefactory.app.trace.TraceJson;
import dev.codefactory.app.trace.TraceUseCase;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.domain.spec.Specification;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.port.review.ReviewDialog;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The MCP tools: each reads its arguments, asks the {@link CodeFactory} facade as the matching CLI command does, and
 * answers with that command's {@code --json} text (one {@link JsonWriter}, the app's {@code *Json} shapes). Bad input
 * and refusals come back as an error result ({@code isError}) with the {@link FactoryException}'s message, which says
 * what went wrong and what to do. One call runs at a time: the facade serves one command at a time in the CLI too.
 */
final class SpecTools {
    static final List<String> READ_ONLY = List.of("list_specs", "show_spec", "search_specs", "validate_specs",
            "trace", "drift", "review_offline");
    static final List<String> WRITES = List.of("create_spec", "set_spec_status");

    private final CodeFactory factory;
    private final Exchanges exchanges;
    private final Consumer<Specification> created;

    /** {@code created} hears of each contract a tool created (the server lists it as a resource). */
    SpecTools(CodeFactory factory, Exchanges exchanges, Consumer<Specification> created) {
        this.factory = factory;
        this.exchanges = exchanges;
        this.created = created;
    }

    /** The read-only tools, and the writing ones when {@code allowWrites}. */
    List<SyncToolSpecification> specifications(boolean allowWrites) {
        List<SyncToolSpecification> all = new ArrayList<>();
        all.add(tool("list_specs", "List the project's specifications, architecture documents and decisions (the"
                + " front matter of each, as 'factory spec list --json'), optionally filtered.",
                schema(Map.of("status", enumOf("Only this status.", SpecStatus.labels()),
                        "tag", text("Only contracts with this tag."),
                        "priority", enumOf("Only this priority.", Priority.labels()),
                        "kind", enumOf("Only this kind.", "spec, architecture, decision")), List.of()),
                true, this::list));
        all.add(tool("show_spec", "Show one contract with every front matter field and section (as 'factory spec"
                + " show --json').", schema(Map.of("id", text("A spec id (feature-001) or the contract's path"
                        + " from the project root (contracts/specs/feature-001-login.md).")), List.of("id")),
                true, this::show));
        all.add(tool("search_specs", "Search the contracts' titles and bodies: every word of the query, any case"
                + " (the web mirror's full-text search); each match with its error and warning counts.",
                schema(Map.of("query", text("Words to find, all of them, in the title or body."),
                        "status", enumOf("Only this status.", SpecStatus.labels()),
                        "tag", text("Only contracts with this tag.")), List.of("query")),
                true, this::search));
        all.add(tool("validate_specs", "Validate contracts (front matter, sections, links, requirement ids) and"
                + " return every finding (as 'factory spec validate --json'; no report is written).",
                schema(Map.of("ids", strings("Spec ids or contract paths to check; all when empty or absent.")),
                        List.of()), true, this::validate));
        all.add(tool("trace", "Trace every requirement to the code that implements it and the tests that cover it"
                + " (as 'factory trace --json --no-report'): a summary (requirements, linked, uncovered, orphans),"
                + " the rows, the orphan links and the uncovered requirements.", schema(Map.of(), List.of()),
                true, this::trace));
        all.add(tool("drift", "Which specs the code moved on from since they were last reconciled (as 'factory"
                + " drift --json').", schema(Map.of("specs", strings("Spec ids or paths; all when empty or absent.")),
                        List.of()), true, this::drift));
        all.add(tool("review_offline", "Review the code against the specs without a model: the deterministic"
                + " checks only (as 'factory review --offline --json'), returned and not saved: no file of the"
                + " project is written.", schema(Map.of(
                        "paths", strings("Files or folders to review, from the project root; the whole project when"
                                + " absent."),
                        "specs", strings("Review against these spec ids only.")), List.of()),
                true, this::review));
        if (allowWrites) {
            all.add(tool("create_spec", "Create a draft specification from the project's template with the next"
                    + " id and list it in contracts/README.md (as 'factory spec new --json').",
                    schema(Map.of("title", text("The title, like \"User login\"."),
                            "tags", strings("Tags."),
                            "priority", enumOf("The priority (default medium).", Priority.labels()),
                            "kind", enumOf("The kind (default spec).", "spec, architecture, decision")),
                            List.of("title")), false, this::create));
            all.add(tool("set_spec_status", "Move a contract along its lifecycle (draft -> approved -> implemented"
                    + " -> deprecated, approved -> draft) and set its updated date (as 'factory spec status"
                    + " --json').", schema(Map.of("id", text("The spec id or contract path."),
                            "status", enumOf("The new status.", SpecStatus.labels())), List.of("id", "status")),
                    false, this::status));
        }
        return all;
    }

    // ---- the tools

    private String list(Arguments args) {
        SpecList list = factory.list(new SpecQuery(args.status("status").orElse(null), args.text("tag").orElse(null),
                args.priority("priority").orElse(null), args.kind("kind").orElse(null)));
        List<Object> rows = new ArrayList<>();
        list.specs().forEach(s -> rows.add(SpecJson.summary(s)));
        return JsonWriter.pretty(rows);
    }

    private String show(Arguments args) {
        return JsonWriter.pretty(SpecJson.full(factory.show(args.required("id"))));
    }

    private String search(Arguments args) {
        String query = args.required("query");
        String status = args.status("status").map(SpecStatus::label).orElse(null);
        List<Object> rows = new ArrayList<>();
        for (CatalogEntry e : factory.mirror().catalog().catalog(CatalogQuery.of(status,
                args.text("tag").orElse(null), null, query, "id")).entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("title", e.title());
            m.put("kind", e.kind());
            m.put("status", e.status());
            m.put("priority", e.priority().isEmpty() ? null : e.priority());
            m.put("tags", e.tags());
            m.put("updated", e.updated().toString());
            m.put("path", e.path());
            m.put("errors", e.errors());
            m.put("warnings", e.warnings());
            rows.add(m);
        }
        return JsonWriter.pretty(rows);
    }

    private String validate(Arguments args) {
        ValidationResult result = factory.validate(new ValidateSpecsCommand(args.texts("ids"), false).findingsOnly());
        return JsonWriter.pretty(SpecJson.validation(result.validation(), result.reportPath()));
    }

    private String trace(Arguments args) {
        TraceUseCase.TraceOutcome outcome = factory.trace(new TraceUseCase.TraceCommand(false),
                TraceUseCase.TraceProgress.NONE);
        TraceMatrix m = outcome.matrix();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requirements", m.rows().size());
        summary.put("linked", m.rows().stream().filter(r -> !r.implementing().isEmpty() || !r.covering().isEmpty())
                .count());
        summary.put("uncovered", m.uncovered().size());
        summary.put("orphans", m.orphans().size());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", summary);
        doc.putAll(TraceJson.document(outcome));
        return JsonWriter.pretty(doc);
    }

    private String drift(Arguments args) {
        return JsonWriter.pretty(DriftJson.document(factory.drift(new DriftUseCase.DriftCommand(args.texts("specs")),
                DriftUseCase.DriftProgress.NONE)));
    }

    private String review(Arguments args) {
        ReviewUseCase.ReviewOutcome outcome = factory.review(new ReviewUseCase.ReviewCommand(args.texts("paths"),
                args.texts("specs"), true, false, true, null).withoutReport(), ReviewDialog.ACCEPT_ALL);
        return ReviewJson.render(outcome.report());
    }

    private String create(Arguments args) {
        CreatedSpec made = factory.create(new CreateSpecCommand(args.required("title"),
                args.kind("kind").orElse(SpecKind.SPEC), args.texts("tags"),
                args.priority("priority").orElse(Priority.MEDIUM), null));
        created.accept(made.spec());
        return JsonWriter.pretty(SpecJson.summary(made.spec()));
    }

    private String status(Arguments args) {
        SpecStatus target = args.status("status").orElseThrow(() -> new InvalidCommandException(
                "'status' is missing; use one of " + SpecStatus.labels()));
        return JsonWriter.pretty(SpecJson.statusChange(factory.changeStatus(new ChangeSpecStatusCommand(
                args.required("id"), target))));
    }

    // ---- plumbing

    private SyncToolSpecification tool(String name, String description, Map<String, Object> schema,
                                       boolean readOnly, Function<Arguments, String> call) {
        Tool tool = Tool.builder().name(name).description(description).inputSchema(schema)
                .annotations(new ToolAnnotations(null, readOnly, false, readOnly, false, null)).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> exchanges.call(() -> {
            try {
                String json;
                Arguments args = new Arguments(request.arguments());
                args.onlyThese(schema);
                synchronized (factory) {
                    json = call.apply(args);
                }
                return CallToolResult.builder().addTextContent(json).isError(false).build();
            } catch (FactoryException e) {
                return error(e.getMessage());
            } catch (RuntimeException e) {
                return error(name + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        })).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new TreeMap<>(properties));
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> strings(String description) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
    }

    /** A string with the values {@code labels} names (comma-separated, as the domain lists them). */
    private static Map<String, Object> enumOf(String description, String labels) {
        return Map.of("type", "string", "enum", List.of(labels.split(",\\s*")), "description", description);
    }

    /** A tool's arguments, read as the CLI reads its options: enums by label, with the same messages. */
    static final class Arguments {
        private final Map<String, Object> values;

        Arguments(Map<String, Object> values) {
            this.values = values == null ? Map.of() : values;
        }

        /** Refuses an argument the tool's schema does not name (a typo would otherwise be ignored). */
        void onlyThese(Map<String, Object> schema) {
            Map<?, ?> known = (Map<?, ?>) schema.get("properties");
            for (String name : values.keySet()) {
                if (!known.containsKey(name)) {
                    throw new InvalidCommandException("unknown argument '" + name + "'; this tool takes "
                            + (known.isEmpty() ? "none" : String.join(", ", known.keySet().stream()
                                    .map(String::valueOf).toList())));
                }
            }
        }

        Optional<String> text(String name) {
            Object v = values.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!(v instanceof String)) {
                throw new InvalidCommandException("'" + name + "' takes a string, not " + v);
            }
            return Optional.of((String) v);
        }

        String required(String name) {
            return text(name).filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidCommandException("'" + name
                    + "' is missing: give it as a string"));
        }

        List<String> texts(String name) {
            Object v = values.get(name);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?>) || ((List<?>) v).stream().anyMatch(e -> !(e instanceof String))) {
                throw new InvalidCommandException("'" + name + "' takes a list of strings, not " + v);
            }
            List<String> all = new ArrayList<>();
            ((List<?>) v).forEach(e -> all.add((String) e));
            return all;
        }

        Optional<SpecStatus> status(String name) {
            return text(name).map(s -> SpecStatus.parse(s).orElseThrow(() -> new InvalidCommandException(
                    "unknown status '" + s + "'; use one of " + SpecStatus.labels())));
        }

        Optional<Priority> priority(String name) {
            return text(name).map(s -> Priority.parse(s).orElseThrow(() -> new InvalidCommandException(
                    "unknown priority '" + s + "'; use one of " + Priority.labels())));
        }

        Optional<SpecKind> kind(String name) {
            return text(name).map(s -> SpecKind.parse(s).orElseThrow(() -> new InvalidCommandException(
                    "unknown kind '" + s + "'; use one of spec, architecture, decision")));
        }
    }
}
