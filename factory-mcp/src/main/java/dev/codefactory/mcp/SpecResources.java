package dev.codefactory.mcp;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.spec.ListSpecsUseCase.SpecQuery;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.spec.Specification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;

/** Each contract as a resource {@code factory://spec/<id>}: its file's markdown, front matter included. */
final class SpecResources {
    static final String PREFIX = "factory://spec/";
    static final String MARKDOWN = "text/markdown";

    private final CodeFactory factory;
    private final Exchanges exchanges;

    SpecResources(CodeFactory factory, Exchanges exchanges) {
        this.factory = factory;
        this.exchanges = exchanges;
    }

    /** One resource per contract that loads (a file with errors has no id to name it by). */
    List<SyncResourceSpecification> all() {
        List<SyncResourceSpecification> all = new ArrayList<>();
        synchronized (factory) {
            factory.list(SpecQuery.ALL).specs().forEach(s -> all.add(of(s)));
        }
        return all;
    }

    SyncResourceSpecification of(Specification spec) {
        String uri = PREFIX + spec.id().value();
        Resource resource = Resource.builder().uri(uri).name(spec.id().value()).title(spec.title())
                .description(spec.kind().label() + ", " + spec.status().label() + ": " + spec.path())
                .mimeType(MARKDOWN).build();
        return new SyncResourceSpecification(resource, (exchange, request) -> exchanges.call(() -> {
            String text;
            synchronized (factory) {
                Specification now = factory.show(spec.id().value());
                text = factory.files().readText(now.path())
                        .orElseThrow(() -> new SpecNotFoundException(spec.id().value()));
            }
            return new ReadResourceResult(List.of(new TextResourceContents(uri, MARKDOWN, text)));
        }));
    }
}
