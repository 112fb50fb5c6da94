package dev.codefactory.domain.rescue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, strict reader of the XML that test tools write, for reports that cannot be trusted: elements, attributes,
 * text, CDATA, comments and processing instructions; the five predefined entities and character references. A
 * document type declaration is refused, so no entity is ever declared, expanded or fetched (no billion laughs, no
 * external entity); so is anything else that is not well-formed, a truncated report included. One pass, no
 * recursion, nesting at most {@link #MAX_DEPTH} deep.
 *
 * <p>The domain depends on the JDK's {@code java..} packages alone (the architecture test's rule), which the JDK's
 * XML parsers ({@code javax.xml}) are not part of; and what a JUnit report needs of XML is this much.
 */
final class XmlTree {
    /** The deepest nesting read. */
    static final int MAX_DEPTH = 256;

    /** Why a text is not read as XML. */
    static final class MalformedXmlException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedXmlException(String message, int offset) {
            super(message + " at offset " + offset);
        }
    }

    /** One element: its name, attributes, child elements and the text directly inside it. */
    static final class Element {
        private final String name;
        private final Map<String, String> attributes;
        private final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        String name() {
            return name;
        }

        /** The attribute's value, or empty when it has none. */
        String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }

        List<Element> children() {
            return children;
        }

        String text() {
            return text.toString();
        }

        /** The first child named {@code childName}. */
        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }
    }

    private final String xml;
    private int pos;

    private XmlTree(String xml) {
        this.xml = xml;
    }

    /** The root element of {@code xml}. */
    static Element parse(String xml) throws MalformedXmlException {
        return new XmlTree(xml).document();
    }

    private Element document() throws MalformedXmlException {
        if (xml.startsWith("\uFEFF")) {
            pos = 1;
        }
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        while (pos < xml.length()) {
            char c = xml.charAt(pos);
            if (c != '<') {
                int end = xml.indexOf('<', pos);
                end = end < 0 ? xml.length() : end;
                if (open.isEmpty()) {
                    if (!xml.substring(pos, end).isBlank()) {
                        throw new MalformedXmlException("text outside the root element", pos);
                    }
                } else {
                    decode(pos, end, open.peek().text, false);
                }
                pos = end;
            } else if (xml.startsWith("<!--", pos)) {
                pos = after("-->", pos + 4, "an unclosed comment");
            } else if (xml.startsWith("<![CDATA[", pos)) {
                if (open.isEmpty()) {
                    throw new MalformedXmlException("CDATA outside the root element", pos);
                }
                int end = xml.indexOf("]]>", pos + 9);
                if (end < 0) {
                    throw new MalformedXmlException("an unclosed CDATA section", pos);
                }
                open.peek().text.append(xml, pos + 9, end);
                pos = end + 3;
            } else if (xml.startsWith("<!", pos)) {
                throw new MalformedXmlException("a document type declaration (refused: reports need none)", pos);
            } else if (xml.startsWith("<?", pos)) {
                pos = after("?>", pos + 2, "an unclosed processing instruction");
            } else if (xml.startsWith("</", pos)) {
                int start = pos + 2;
                String name = name(start);
                pos = start + name.length();
                skipSpace();
                expect('>');
                if (open.isEmpty() || !open.peek().name.equals(name)) {
                    throw new MalformedXmlException("an end tag </" + name + "> that closes nothing open", start);
                }
                Element closed = open.pop();
                if (open.isEmpty()) {
                    root = closed;
                }
            } else {
                if (root != null) {
                    throw new MalformedXmlException("a second root element", pos);
                }
                Element element = startTag();
                if (!open.isEmpty()) {
                    open.peek().children.add(element);
                }
                if (xml.startsWith("/>", pos)) {
                    pos += 2;
                    if (open.isEmpty()) {
                        root = element;
                    }
                } else {
                    expect('>');
                    if (open.size() == MAX_DEPTH) {
                        throw new MalformedXmlException("elements nested deeper than " + MAX_DEPTH, pos);
                    }
                    open.push(element);
                }
            }
        }
        if (!open.isEmpty()) {
            throw new MalformedXmlException("the report ends inside <" + open.peek().name + "> (truncated?)", pos);
        }
        if (root == null) {
            throw new MalformedXmlException("no root element", pos);
        }
        return root;
    }

    private Element startTag() throws MalformedXmlException {
        int start = pos + 1;
        String name = name(start);
        pos = start + name.length();
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= xml.length()) {
                throw new MalformedXmlException("the report ends inside a tag (truncated?)", pos);
            }
            char c = xml.charAt(pos);
            if (c == '>' || c == '/') {
                return new Element(name, attributes);
            }
            if (!spaced) {
                throw new MalformedXmlException("no space before an attribute", pos);
            }
            String key = name(pos);
            pos += key.length();
            skipSpace();
            expect('=');
            skipSpace();
            if (pos >= xml.length() || xml.charAt(pos) != '"' && xml.charAt(pos) != '\'') {
                throw new MalformedXmlException("an attribute value without quotes", pos);
            }
            char quote = xml.charAt(pos);
            int end = xml.indexOf(quote, pos + 1);
            if (end < 0) {
                throw new MalformedXmlException("an unclosed attribute value", pos);
            }
            StringBuilder value = new StringBuilder(end - pos);
            decode(pos + 1, end, value, true);
            if (attributes.put(key, value.toString()) != null) {
                throw new MalformedXmlException("a repeated attribute " + key, pos);
            }
            pos = end + 1;
        }
    }

    /** Appends {@code xml[from, to)} to {@code out} with its references replaced; in a value, raw white space is a space. */
    private void decode(int from, int to, StringBuilder out, boolean value) throws MalformedXmlException {
        int i = from;
        while (i < to) {
            char c = xml.charAt(i);
            if (c == '&') {
                int semi = xml.indexOf(';', i);
                if (semi < 0 || semi >= to || semi - i > 12) {
                    throw new MalformedXmlException("a malformed reference", i);
                }
                reference(xml.substring(i + 1, semi), i, out);
                i = semi + 1;
            } else if (c == '<') {
                throw new MalformedXmlException("a '<' inside a value", i);
            } else {
                out.append(value && (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
                i++;
            }
        }
    }

    private static void reference(String ref, int at, StringBuilder out) throws MalformedXmlException {
        switch (ref) {
            case "lt": out.append('<'); return;
            case "gt": out.append('>'); return;
            case "amp": out.append('&'); return;
            case "quot": out.append('"'); return;
            case "apos": out.append('\''); return;
            default: break;
        }
        if (ref.length() > 1 && ref.charAt(0) == '#') {
            boolean hex = ref.charAt(1) == 'x';
            String digits = ref.substring(hex ? 2 : 1);
            try {
                int code = Integer.parseInt(digits, hex ? 16 : 10);
                if (!digits.isEmpty() && digits.charAt(0) != '-' && digits.charAt(0) != '+'
                        && Character.isValidCodePoint(code) && code != 0) {
                    out.appendCodePoint(code);
                    return;
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
        }
        throw new MalformedXmlException("an undeclared entity &" + ref + "; (only the predefined five are read)", at);
    }

    private String name(int start) throws MalformedXmlException {
        int i = start;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.')) {
                break;
            }
            i++;
        }
        if (i == start || !(Character.isLetter(xml.charAt(start)) || xml.charAt(start) == '_')) {
            throw new MalformedXmlException("a missing or malformed name", start);
        }
        return xml.substring(start, i);
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < xml.length() && (xml.charAt(pos) == ' ' || xml.charAt(pos) == '\t' || xml.charAt(pos) == '\n'
                || xml.charAt(pos) == '\r')) {
            pos++;
        }
        return pos > start;
    }

    private void expect(char c) throws MalformedXmlException {
        if (pos >= xml.length() || xml.charAt(pos) != c) {
            throw new MalformedXmlException("'" + c + "' expected", pos);
        }
        pos++;
    }

    private int after(String end, int from, String what) throws MalformedXmlException {
        int at = xml.indexOf(end, from);
        if (at < 0) {
            throw new MalformedXmlException(what, from);
        }
        return at + end.length();
    }
}
