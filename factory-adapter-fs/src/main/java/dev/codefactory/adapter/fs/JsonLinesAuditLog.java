package dev.codefactory.adapter.fs;

import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.text.JsonText;
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

/**
 * {@code .factory/audit.jsonl}: one JSON object a line, appended with a single write on a file opened for appending,
 * so lines from concurrent processes never interleave. Model calls carry {@code provider} and {@code model}, requests
 * to a code host {@code host}, {@code method}, {@code path} and {@code status}.
 */
final class JsonLinesAuditLog implements AuditLog {
    static final String FILE = ".factory/audit.jsonl";

    private final ProjectRoot files;

    JsonLinesAuditLog(ProjectContext context) {
        this.files = new ProjectRoot(context.root());
    }

    @Override
    public void append(AuditEntry e) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", e.time().toString());
        field(line, "mode", e.mode());
        field(line, "provider", e.provider());
        field(line, "model", e.model());
        field(line, "requestHash", e.requestHash());
        number(line, "requestChars", e.requestChars());
        number(line, "inputTokens", e.inputTokens());
        number(line, "outputTokens", e.outputTokens());
        Duration ttft = e.timeToFirstToken();
        if (ttft != null) {
            number(line, "timeToFirstTokenMs", ttft.toMillis());
        }
        number(line, "durationMs", e.duration().toMillis());
        field(line, "outcome", e.outcome());
        if (e.prompt() != null) {
            field(line, "prompt", e.prompt());
        }
        write(line);
    }

    @Override
    public void append(HostCallEntry e) {
        StringBuilder line = new StringBuilder(160).append('{');
        field(line, "time", e.time().toString());
        field(line, "host", e.host());
        field(line, "method", e.method());
        field(line, "path", e.path());
        number(line, "status", e.status());
        number(line, "durationMs", e.duration().toMillis());
        field(line, "outcome", e.outcome());
        write(line);
    }

    /** Closes the object of {@code line} (it ends with a comma) and appends it with one write. */
    private void write(StringBuilder line) {
        line.setCharAt(line.length() - 1, '}');
        line.append('\n');
        Path file = files.resolve(FILE);
        files.createDirectories(file.getParent(), ".factory");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException ex) {
            throw new StorageException(FILE, "appending to the audit log", ex);
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        JsonText.quote(value, out);
        out.append(',');
    }

    private static void number(StringBuilder out, String name, long value) {
        out.append('"').append(name).append("\":").append(value).append(',');
    }
}
