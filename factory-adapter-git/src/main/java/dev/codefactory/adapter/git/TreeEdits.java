package dev.codefactory.adapter.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Rewrites a tree for a few changed paths, reading and writing only the trees along those paths: committing one file
 * in a 50,000-file repository touches a handful of tree objects instead of the whole index.
 */
final class TreeEdits {

    /** A new content for a path; {@code id == null} deletes it. */
    record Change(FileMode mode, ObjectId id) {
        static final Change DELETE = new Change(null, null);
    }

    private record Item(byte[] name, FileMode mode, ObjectId id) {
        boolean tree() {
            return mode == FileMode.TREE;
        }
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;

    TreeEdits(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    /** The id of {@code base} (null: the empty tree) with {@code changes} (path to change) applied. */
    ObjectId apply(ObjectId base, Map<String, Change> changes) throws IOException {
        ObjectId id = edit(base, changes);
        return id != null ? id : inserter.insert(new TreeFormatter());
    }

    private ObjectId edit(ObjectId base, Map<String, Change> changes) throws IOException {
        List<Item> items = base == null ? new ArrayList<>() : read(base);
        Map<String, Map<String, Change>> subdirs = new LinkedHashMap<>();
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            String path = c.getKey();
            int slash = path.indexOf('/');
            if (slash < 0) {
                byte[] name = path.getBytes(StandardCharsets.UTF_8);
                items.removeIf(i -> Arrays.equals(i.name(), name));
                if (c.getValue().id() != null) {
                    items.add(new Item(name, c.getValue().mode(), c.getValue().id()));
                }
            } else {
                subdirs.computeIfAbsent(path.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(path.substring(slash + 1), c.getValue());
            }
        }
        for (Map.Entry<String, Map<String, Change>> s : subdirs.entrySet()) {
            byte[] name = s.getKey().getBytes(StandardCharsets.UTF_8);
            ObjectId subBase = null;
            for (Item i : items) {
                if (Arrays.equals(i.name(), name) && i.tree()) {
                    subBase = i.id();
                }
            }
            ObjectId sub = edit(subBase, s.getValue());
            boolean fileThere = items.stream().anyMatch(i -> Arrays.equals(i.name(), name) && !i.tree());
            boolean onlyDeletes = s.getValue().values().stream().allMatch(c -> c.id() == null);
            if (fileThere && onlyDeletes) {
                continue; // deleting a/b where a is a file: nothing to do
            }
            items.removeIf(i -> Arrays.equals(i.name(), name));
            if (sub != null) {
                items.add(new Item(name, FileMode.TREE, sub));
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        items.sort(TreeEdits::gitOrder);
        TreeFormatter formatter = new TreeFormatter();
        for (Item i : items) {
            formatter.append(i.name(), i.mode(), i.id());
        }
        return inserter.insert(formatter);
    }

    private List<Item> read(ObjectId tree) throws IOException {
        List<Item> items = new ArrayList<>();
        CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        while (!parser.eof()) {
            byte[] name = Arrays.copyOfRange(parser.getEntryPathBuffer(), parser.getNameOffset(),
                    parser.getNameOffset() + parser.getNameLength());
            items.add(new Item(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
            parser.next();
        }
        return items;
    }

    /** Git sorts tree entries by name bytes, a tree's name compared as if it ended with {@code /}. */
    private static int gitOrder(Item a, Item b) {
        int n = Math.min(a.name().length, b.name().length);
        for (int k = 0; k < n; k++) {
            int d = (a.name()[k] & 0xff) - (b.name()[k] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        int ca = a.name().length > n ? a.name()[n] & 0xff : (a.tree() ? '/' : 0);
        int cb = b.name().length > n ? b.name()[n] & 0xff : (b.tree() ? '/' : 0);
        return ca - cb;
    }
}
