package dev.codefactory.adapter.fs.contract;

import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.yaml.YamlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Sets top-level front matter fields by editing the text in place: the characters of a field's value are replaced
 * and nothing else moves, so comments, the quoting of other fields, line endings and a byte order mark stay as they
 * were. A field that is absent is added as one line before the closing fence. A field already holding the value
 * (as YAML reads it) is left alone. The result is read back and compared with what was asked before it is used.
 */
// implements feature-001/NFR-001
final class FrontMatterEditor {
    private final FrontMatterYaml yaml;

    FrontMatterEditor(FrontMatterYaml yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    /**
     * @param yamlValues field name to its new value written as YAML
     * @return the edited text; {@code text} itself when every field already holds its value
     * @throws ContractProblem when the text has no readable front matter
     * @throws IllegalArgumentException when a value is not one line of YAML
     */
    String edit(String path, String text, Map<String, String> yamlValues) {
        ContractText parts = ContractText.split(text);
        FrontMatterYaml.Document doc = yaml.read(parts.yaml(), ContractText.FIRST_YAML_LINE);
        Map<String, Object> expected = new LinkedHashMap<>(doc.values());
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, String> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : yamlValues.entrySet()) {
            String key = Objects.requireNonNull(field.getKey(), "field name");
            String value = Objects.requireNonNull(field.getValue(), () -> "value of " + key);
            if (key.isBlank() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("'" + key + "' is not a front matter field name");
            }
            Object newValue = yaml.valueOf(key, value);
            if (doc.values().containsKey(key)) {
                if (same(doc.values().get(key), newValue)) {
                    continue;
                }
                changed.put(key, value);
            } else {
                added.put(key, value);
            }
            expected.put(key, newValue);
        }
        if (changed.isEmpty() && added.isEmpty()) {
            return text;
        }
        for (boolean wholeValues : new boolean[] {false, true}) {
            String edited = apply(parts, doc, changed, added, wholeValues);
            if (edited != null && holds(edited, expected)) {
                return edited;
            }
        }
        throw new StorageException(path + ": could not set " + String.join(", ", changed.keySet())
                + " without disturbing the rest of the front matter; edit the file by hand");
    }

    /**
     * Applies the edits to the YAML between the fences. With {@code wholeValues} false a value written on its own
     * (plain, quoted or in brackets) has exactly its characters replaced; otherwise, and for block lists, block
     * text, aliases and anchors, everything from after the key's colon to the value's last line is replaced.
     */
    private String apply(ContractText parts, FrontMatterYaml.Document doc, Map<String, String> changed,
                         Map<String, String> added, boolean wholeValues) {
        String y = parts.yaml();
        List<Replacement> edits = new ArrayList<>();
        for (Map.Entry<String, String> field : changed.entrySet()) {
            NodeTuple tuple = doc.tuples().get(field.getKey());
            Node key = tuple.getKeyNode();
            Node value = tuple.getValueNode();
            if (key.getStartMark().isEmpty() || key.getEndMark().isEmpty() || value.getStartMark().isEmpty()
                    || value.getEndMark().isEmpty()) {
                return null;
            }
            int keyStart = FrontMatterYaml.charIndex(y, key.getStartMark().get());
            int keyEnd = FrontMatterYaml.charIndex(y, key.getEndMark().get());
            int valueStart = FrontMatterYaml.charIndex(y, value.getStartMark().get());
            int valueEnd = FrontMatterYaml.charIndex(y, value.getEndMark().get());
            boolean ownValue = valueStart >= keyEnd && value.getAnchor().isEmpty();
            if (!wholeValues && ownValue && isInline(value)) {
                if (valueStart == valueEnd) {
                    boolean space = valueStart < y.length() && y.charAt(valueStart) == ' ';
                    edits.add(new Replacement(space ? valueStart + 1 : valueStart, space ? valueStart + 1 : valueStart,
                            space ? field.getValue() : " " + field.getValue()));
                } else {
                    edits.add(new Replacement(valueStart, valueEnd, field.getValue()));
                }
            } else {
                int colon = y.indexOf(':', keyEnd);
                if (colon < 0) {
                    return null;
                }
                edits.add(new Replacement(colon + 1, Math.max(colon + 1, endOfValue(y, doc, keyStart)),
                        " " + field.getValue()));
            }
        }
        StringBuilder lines = new StringBuilder();
        String indent = " ".repeat(firstKeyColumn(doc));
        for (Map.Entry<String, String> field : added.entrySet()) {
            lines.append(indent).append(YamlText.scalar(field.getKey())).append(": ").append(field.getValue())
                    .append(parts.lineEnding());
        }
        if (lines.length() > 0) {
            edits.add(new Replacement(y.length(), y.length(), lines.toString()));
        }
        edits.sort(Comparator.comparingInt(Replacement::start).reversed());
        StringBuilder out = new StringBuilder(y);
        int limit = Integer.MAX_VALUE;
        for (Replacement r : edits) {
            if (r.end() > limit) {
                return null;
            }
            out.replace(r.start(), r.end(), r.text());
            limit = r.start();
        }
        String text = parts.text();
        return text.substring(0, parts.yamlStart()) + out + text.substring(parts.yamlEnd());
    }

    /**
     * Where a top-level value ends: the end of its last line that is not blank or a comment, before the next key's
     * line (comments right above the next key belong to it).
     */
    private static int endOfValue(String y, FrontMatterYaml.Document doc, int keyStart) {
        int next = y.length();
        for (NodeTuple t : doc.tuples().values()) {
            int start = t.getKeyNode().getStartMark().map(m -> FrontMatterYaml.charIndex(y, m)).orElse(-1);
            if (start > keyStart && start < next) {
                next = start;
            }
        }
        int keyLineEnd = lineContentEnd(y, keyStart);
        int pos = next == y.length() ? next : y.lastIndexOf('\n', next - 1) + 1;
        while (pos > keyLineEnd + 1) {
            int lineStart = y.lastIndexOf('\n', pos - 2) + 1;
            String line = y.substring(lineStart, pos - 1).strip();
            if (lineStart <= keyStart) {
                break;
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                return lineContentEnd(y, lineStart);
            }
            pos = lineStart;
        }
        return keyLineEnd;
    }

    /** The index of the line break (or the {@code \r} of a CRLF) ending the line that holds {@code at}. */
    private static int lineContentEnd(String y, int at) {
        int nl = y.indexOf('\n', at);
        if (nl < 0) {
            return y.length();
        }
        return nl > 0 && y.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private static int firstKeyColumn(FrontMatterYaml.Document doc) {
        Iterator<NodeTuple> tuples = doc.tuples().values().iterator();
        if (!tuples.hasNext()) {
            return 0;
        }
        return tuples.next().getKeyNode().getStartMark().map(m -> m.getColumn()).orElse(0);
    }

    private static boolean isInline(Node value) {
        if (value instanceof ScalarNode) {
            ScalarStyle style = ((ScalarNode) value).getScalarStyle();
            return style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED
                    || style == ScalarStyle.DOUBLE_QUOTED;
        }
        return value instanceof CollectionNode && ((CollectionNode<?>) value).getFlowStyle() == FlowStyle.FLOW;
    }

    /** True when the edited text reads back with exactly the expected fields. */
    private boolean holds(String edited, Map<String, Object> expected) {
        try {
            ContractText parts = ContractText.split(edited);
            return same(yaml.read(parts.yaml(), ContractText.FIRST_YAML_LINE).values(), expected);
        } catch (ContractProblem e) {
            return false;
        }
    }

    /** Deep equality of constructed YAML values (lists, maps, byte arrays, scalars of the same type). */
    static boolean same(Object a, Object b) {
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private record Replacement(int start, int end, String text) {
    }
}
