package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.audit.AuditEntry;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.HostCallEntry;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code .factory/audit.jsonl}: one JSON object a line, appended with a single write on a file opened for appending,
 * so lines from concurrent processes never interleave. Model calls carry {@code provider} and {@code model}, requests
 * to a code host {@code host}, {@code method}, {@code path} and {@code status}.
 */
// implements feature-004/FR-007
final class JsonLinesAuditLog implements AuditLog {
    static final String FILE = ".factory/audit.jsonl";

    private final ProjectRoot files;

    JsonLinesAuditLog(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public void append(AuditEntry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", e.time().toString());
        line.put("mode", e.mode());
        line.put("provider", e.provider());
        line.put("model", e.model());
        line.put("requestHash", e.requestHash());
        line.put("requestChars", e.requestChars());
        line.put("inputTokens", e.inputTokens());
        line.put("outputTokens", e.outputTokens());
        Duration ttft = e.timeToFirstToken();
        if (ttft != null) {
            line.put("timeToFirstTokenMs", ttft.toMillis());
        }
        line.put("durationMs", e.duration().toMillis());
        line.put("outcome", e.outcome());
        if (e.prompt() != null) {
            line.put("prompt", e.prompt());
        }
        write(line);
    }

    @Override
    public void append(HostCallEntry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", e.time().toString());
        line.put("host", e.host());
        line.put("method", e.method());
        line.put("path", e.path());
        line.put("status", e.status());
        line.put("durationMs", e.duration().toMillis());
        line.put("outcome", e.outcome());
        write(line);
    }

    /** Appends {@code fields} as one JSON line with one write. */
    private void write(Map<String, Object> fields) {
        String line = JsonWriter.compact(fields) + "\n";
        Path file = files.resolve(FILE);
        files.createDirectories(file.getParent(), ".factory");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException ex) {
            throw new StorageException(FILE, "appending to the audit log", ex);
        }
    }
}
