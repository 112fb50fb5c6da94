import java.io.IOException;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The floor of bench/review-cold.sh: the least any JVM process that checks 50,000 files' attributes can cost. It
 * walks the tree (skipping .git and the generated tree's ignored folders and *.log by name, crudely), reads each
 * file's attributes once (the walk's own lstat) and prints how many files it saw. No libraries; run with the
 * launcher's flags in a fresh JVM.
 */
// covers feature-013/NFR-002
public class ListStat {
    static final Set<String> SKIP = Set.of(".git", "node_modules", "build", "target", "dist", ".venv");
    public static void main(String[] args) throws IOException {
        long[] n = {0, 0};
        Files.walkFileTree(Path.of(args[0]).toRealPath(), new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                return SKIP.contains(String.valueOf(d.getFileName())) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (!f.getFileName().toString().endsWith(".log")) {
                    BasicFileAttributes b = a;
                    n[0]++; n[1] += b.size() + b.lastModifiedTime().toMillis() % 2 + b.fileKey().hashCode() % 2;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        System.out.println(n[0] + " " + n[1]);
    }
}
