package dev.codefactory.adapter.fs.project;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecSource;
import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.spec.SpecificationRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in child JVMs by {@link ProjectLockTest}: {@code count <root> <n>} increments {@code counter.txt} n times
 * under the project lock (read, pause, write in place, so that two holders at once would lose updates);
 * {@code specs <root> <n> <name>} creates n specs, each numbered one past the highest id found by loadAll.
 */
final class LockWorker {

    private LockWorker() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        ProjectLayout layout = Projects.layout(root);
        if (args[0].equals("count")) {
            for (int i = 0; i < n; i++) {
                layout.exclusively(() -> increment(root.resolve("counter.txt")));
            }
        } else {
            SpecificationRepository repo = Projects.specs(root);
            for (int i = 0; i < n; i++) {
                String fileName = args[3] + "-" + i + ".md";
                layout.exclusively(() -> repo.create(SpecKind.SPEC, fileName, Projects.spec(nextId(repo))));
            }
        }
    }

    static int increment(Path counter) {
        try {
            int value = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) : 0;
            Thread.sleep(1);
            Files.writeString(counter, Integer.toString(value + 1), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return value + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String nextId(SpecificationRepository repo) {
        int max = 0;
        for (SpecSource s : repo.loadAll()) {
            if (s instanceof SpecSource.Parsed) {
                Object id = ((SpecSource.Parsed) s).frontMatter().get("id");
                if (id instanceof String && SpecId.isValid((String) id)) {
                    max = Math.max(max, new SpecId((String) id).sequenceAfter("feature"));
                }
            }
        }
        return String.format("feature-%03d", max + 1);
    }
}
