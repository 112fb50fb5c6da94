package dev.codefactory.port.workspace;

import java.util.List;

/**
 * What a scan found, in path order.
 *
 * @param files   the files kept
 * @param skipped the files left out, each with the reason
 */
public record ScanResult(List<SourceFile> files, List<SkippedFile> skipped) {
    public ScanResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
