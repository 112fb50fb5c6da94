package dev.codefactory.adapter.fs.contract;

import dev.codefactory.domain.spec.Rule;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads front matter YAML with the core schema (so {@code 2026-01-07} stays a string): composed to nodes first, for
 * the line of every key and the exact place of every value, then each value constructed. Guarded: at most a few
 * aliases to collections, no recursive structures, no duplicate keys, no unknown tags.
 */
final class FrontMatterYaml {
    private static final int MAX_ALIASES = 20;

    private final LoadSettings settings = LoadSettings.builder()
            .setLabel("front matter")
            .setSchema(new FastCoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setUseMarks(true)
            .setBufferSize(256)
            .build();

    /**
     * The front matter as composed and constructed.
     *
     * @param values   top-level keys in file order with their values
     * @param keyLines the 1-based file line of each key
     * @param tuples   each key's node pair, to find where its value is written
     */
    record Document(Map<String, Object> values, Map<String, Integer> keyLines, Map<String, NodeTuple> tuples) {
    }

    /**
     * @param firstLine the 1-based file line of the YAML's first line
     * @throws ContractProblem {@link Rule#FRONT_MATTER_SYNTAX} when it is not a YAML mapping Code-Factory can use
     */
    Document read(String yaml, int firstLine) {
        Optional<Node> composed;
        try {
            composed = new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            throw syntax(line(e, firstLine), "front matter is not valid YAML: " + words(e.getProblem()));
        } catch (YamlEngineException e) {
            throw syntax(firstLine - 1, "front matter is not valid YAML: " + words(e.getMessage()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Map<String, NodeTuple> tuples = new LinkedHashMap<>();
        if (composed.isEmpty()) {
            return new Document(values, keyLines, tuples);
        }
        Node root = composed.get();
        if (!(root instanceof MappingNode)) {
            throw syntax(line(root, firstLine), "front matter must be a mapping of fields (key: value), but it is "
                    + describe(root));
        }
        MappingNode mapping = (MappingNode) root;
        StandardConstructor constructor = new StandardConstructor(settings);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = line(keyNode, firstLine);
            if (!(keyNode instanceof ScalarNode)) {
                throw syntax(keyLine, "front matter keys must be plain text, but this one is " + describe(keyNode));
            }
            String key = ((ScalarNode) keyNode).getValue();
            Integer earlier = keyLines.putIfAbsent(key, keyLine);
            if (earlier != null) {
                throw syntax(keyLine, "key '" + key + "' appears twice in the front matter (lines " + earlier
                        + " and " + keyLine + ")");
            }
            Node valueNode = tuple.getValueNode();
            if (isRecursive(valueNode)) {
                throw syntax(keyLine, "field '" + key + "' refers to itself through an alias");
            }
            values.put(key, construct(constructor, valueNode, firstLine));
            tuples.put(key, tuple);
        }
        return new Document(values, keyLines, tuples);
    }

    /**
     * The value that {@code key: yamlText} gives, to check a value before it is written.
     *
     * @throws IllegalArgumentException when the text is not one YAML value on one line
     */
    Object valueOf(String key, String yamlText) {
        if (yamlText.indexOf('\n') >= 0 || yamlText.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the YAML text for field '" + key + "' must be one line");
        }
        Document doc;
        try {
            doc = read("value: " + yamlText + "\n", 1);
        } catch (ContractProblem e) {
            throw new IllegalArgumentException("'" + yamlText + "' is not a YAML value for field '" + key + "': "
                    + e.getMessage(), e);
        }
        if (doc.values().size() != 1 || !doc.values().containsKey("value")) {
            throw new IllegalArgumentException("'" + yamlText + "' is not a single YAML value for field '" + key
                    + "'; quote it");
        }
        return doc.values().get("value");
    }

    /** The char index in {@code yaml} of a mark (marks count code points). */
    static int charIndex(String yaml, Mark mark) {
        return yaml.offsetByCodePoints(0, Math.min(mark.getIndex(), yaml.codePointCount(0, yaml.length())));
    }

    private Object construct(StandardConstructor constructor, Node node, int firstLine) {
        try {
            return constructor.constructSingleDocument(Optional.of(node));
        } catch (MarkedYamlEngineException e) {
            throw syntax(line(e, firstLine), "front matter is not valid YAML: " + words(e.getProblem()));
        } catch (YamlEngineException e) {
            throw syntax(line(node, firstLine), "front matter is not valid YAML: " + words(e.getMessage()));
        }
    }

    /** True when the node graph under {@code node} loops back on itself through aliases. */
    private static boolean isRecursive(Node node) {
        if (node instanceof ScalarNode) {
            return node.isRecursive();
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            Node next = todo.pop();
            if (next.isRecursive()) {
                return true;
            }
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SequenceNode) {
                ((SequenceNode) next).getValue().forEach(todo::push);
            } else if (next instanceof MappingNode) {
                for (NodeTuple t : ((MappingNode) next).getValue()) {
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            }
        }
        return false;
    }

    /**
     * The core schema with a faster scalar resolver: one for every document instead of a new one per document, and
     * plain scalars that cannot be anything but text (most keys and values of front matter) recognised without
     * running the resolver's regular expressions.
     */
    static final class FastCoreSchema extends CoreSchema {
        private final ScalarResolver resolver = new FastCoreResolver(super.getScalarResolver());

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }

    /**
     * Gives the same tags as snakeyaml's core resolver. That resolver picks its rules by a plain scalar's first
     * character (booleans after {@code tTfF}, numbers after {@code -+.} and digits, null after {@code n}, merge
     * keys after {@code <}, environment variables after {@code $}) and then tries the null rule on everything;
     * a scalar starting with any other character is therefore null when it is one of the null words and text
     * otherwise, and so are the words after {@code tTfFn} that are not booleans or nulls.
     */
    static final class FastCoreResolver implements ScalarResolver {
        private static final String DELEGATED_STARTS = "$+-.0123456789<";
        private static final String WORD_STARTS = "tTfFn";
        private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
        private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL", " ");

        private final ScalarResolver core;

        FastCoreResolver(ScalarResolver core) {
            this.core = core;
        }

        @Override
        public Tag resolve(String value, Boolean implicit) {
            if (!Boolean.TRUE.equals(implicit) || value.isEmpty()
                    || DELEGATED_STARTS.indexOf(value.charAt(0)) >= 0) {
                return core.resolve(value, implicit);
            }
            if (WORD_STARTS.indexOf(value.charAt(0)) >= 0 && BOOLEANS.contains(value)) {
                return Tag.BOOL;
            }
            return NULLS.contains(value) ? Tag.NULL : Tag.STR;
        }
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof CollectionNode) {
            return "a collection";
        }
        return "a single value";
    }

    private static int line(Node node, int firstLine) {
        return node.getStartMark().map(m -> firstLine + m.getLine()).orElse(firstLine);
    }

    private static int line(MarkedYamlEngineException e, int firstLine) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        return mark.map(m -> firstLine + m.getLine()).orElse(firstLine);
    }

    /** The YAML problem in a few words: its first line, without the trailing full stop. */
    private static String words(String problem) {
        if (problem == null || problem.isBlank()) {
            return "the YAML reader could not read it";
        }
        String first = problem.strip().lines().findFirst().orElse(problem.strip());
        first = first.replace("\t(TAB)", "tab").replace("\\t(TAB)", "tab");
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    private static ContractProblem syntax(int line, String message) {
        return new ContractProblem(Rule.FRONT_MATTER_SYNTAX, Math.max(line, 0), message);
    }
}
