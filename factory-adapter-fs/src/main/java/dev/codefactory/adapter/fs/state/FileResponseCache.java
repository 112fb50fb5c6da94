package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.port.cache.CachedResponse;
import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.llm.FinishReason;
import dev.codefactory.port.llm.Generation;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code .factory/cache/<first two hex digits>/<key>.txt}: a few header lines ({@code model}, {@code finish},
 * {@code input-tokens}, {@code output-tokens}, {@code stored}), a blank line, then the answer's text exactly. Entries
 * are written atomically; anything unreadable is a miss.
 */
final class FileResponseCache implements ResponseCache {
    static final String FOLDER = ".factory/cache";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,128}");

    private final ProjectRoot files;

    FileResponseCache(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public Optional<CachedResponse> get(String key) {
        Path file = entry(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int blank = text.indexOf("\n\n");
            if (blank < 0) {
                return Optional.empty();
            }
            String model = null;
            FinishReason finish = null;
            long in = -1;
            long out = -1;
            Instant stored = null;
            for (String line : text.substring(0, blank).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    return Optional.empty();
                }
                String value = line.substring(colon + 2);
                switch (line.substring(0, colon)) {
                    case "model": model = value; break;
                    case "finish": finish = FinishReason.valueOf(value); break;
                    case "input-tokens": in = Long.parseLong(value); break;
                    case "output-tokens": out = Long.parseLong(value); break;
                    case "stored": stored = Instant.parse(value); break;
                    default: return Optional.empty();
                }
            }
            if (model == null || finish == null || in < 0 || out < 0 || stored == null) {
                return Optional.empty();
            }
            return Optional.of(new CachedResponse(new Generation(text.substring(blank + 2), model, finish,
                    new Usage(in, out)), stored));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, CachedResponse response) {
        Generation g = response.generation();
        if (g.model().contains("\n")) {
            return;
        }
        String content = "model: " + g.model() + "\nfinish: " + g.finishReason().name() + "\ninput-tokens: "
                + g.usage().inputTokens() + "\noutput-tokens: " + g.usage().outputTokens() + "\nstored: "
                + response.stored() + "\n\n" + g.text();
        try {
            Path file = entry(key);
            files.createDirectories(file.getParent(), FOLDER);
            AtomicFiles.replace(file, content.getBytes(StandardCharsets.UTF_8), files.relative(file));
        } catch (RuntimeException e) {
            // the cache is an optimisation: a full disk or a read-only folder must not fail the call
        }
    }

    private Path entry(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a cache key is 16 to 128 lowercase hex digits");
        }
        return files.resolve(FOLDER + "/" + key.substring(0, 2) + "/" + key + ".txt");
    }
}
