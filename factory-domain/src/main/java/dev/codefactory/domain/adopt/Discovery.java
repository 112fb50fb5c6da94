package dev.codefactory.domain.adopt;

import java.util.List;
import java.util.Objects;

/**
 * What discovery found in a code base, without a model (feature-011, FR-001 to FR-004). Only what files say is kept,
 * never their text (NFR-002).
 *
 * @param scope        the path adoption was limited to ("" for the whole project)
 * @param modules      the modules found from build files, in path order
 * @param files        the files with a surface or a test, in path order
 * @param docs         existing documentation, in path order
 * @param filesScanned how many files were looked at
 * @param notRead      files that could not be read, each {@code path: why} (none is dropped silently)
 */
public record Discovery(String scope, List<CodeModule> modules, List<FileFacts> files, List<DocEvidence> docs,
                        int filesScanned, List<String> notRead) {
    public Discovery {
        Objects.requireNonNull(scope, "scope");
        modules = List.copyOf(modules);
        files = List.copyOf(files);
        docs = List.copyOf(docs);
        notRead = List.copyOf(notRead);
    }

    /** Every surface found, in file order. */
    public List<Surface> surfaces() {
        return files.stream().flatMap(f -> f.surfaces().stream()).toList();
    }

    /** Every test found, in file order. */
    public List<TestCase> tests() {
        return files.stream().flatMap(f -> f.tests().stream()).toList();
    }
}
