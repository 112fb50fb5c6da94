package dev.codefactory.domain.rescue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The failures in one JUnit XML report, as Maven Surefire and Gradle write them ({@code testsuite} or
 * {@code testsuites}, {@code testcase} with a {@code failure} or an {@code error}; pytest's {@code --junitxml} too):
 * the test as {@code class.method} (Gradle's {@code method()} without its parentheses; pytest's as its node id
 * {@code tests/test_x.py::test_y} when the report shows the file), file:line from the first stack frame of the test's
 * class ({@code com/example/FooTest.java}, the package's folders and the file's name), the message from the start
 * of the stack trace. A report that is not well-formed XML (a truncated one, one with a document type declaration)
 * is skipped: its failures are read from the console instead.
 */
// implements feature-008/FR-006
public final class JunitXmlReader {
    private JunitXmlReader() {
    }

    /** The failures in {@code xml}, in the report's order; none when it cannot be read (see the class comment). */
    public static List<TestFailure> read(String xml) {
        XmlTree.Element root;
        try {
            root = XmlTree.parse(xml);
        } catch (XmlTree.MalformedXmlException e) {
            return List.of();
        }
        List<TestFailure> failures = new ArrayList<>();
        Deque<XmlTree.Element> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            XmlTree.Element element = todo.pop();
            if (element.name().equals("testcase")) {
                testcase(element).ifPresent(failures::add);
            } else {
                List<XmlTree.Element> children = element.children();
                for (int i = children.size() - 1; i >= 0; i--) {
                    todo.push(children.get(i));
                }
            }
        }
        return failures;
    }

    private static Optional<TestFailure> testcase(XmlTree.Element testcase) {
        Optional<XmlTree.Element> failure = testcase.child("failure");
        Optional<XmlTree.Element> error = testcase.child("error");
        if (failure.isEmpty() && error.isEmpty()) {
            return Optional.empty();
        }
        XmlTree.Element problem = failure.orElseGet(error::get);
        // Gradle calls every exception a failure: one whose type is no assertion's is an error
        String type = problem.attribute("type");
        Kind kind = failure.isPresent() && (type.isEmpty() || JvmStackTrace.isAssertion(type)) ? Kind.FAILED
                : Kind.ERROR;
        String className = ConsoleLines.clean(testcase.attribute("classname")).strip();
        String name = ConsoleLines.clean(testcase.attribute("name")).strip();
        if (name.endsWith("()")) {
            name = name.substring(0, name.length() - 2);
        }
        List<String> lines = ConsoleLines.of(problem.text());
        String messageAttribute = ConsoleLines.clean(problem.attribute("message"));
        Optional<TestFailure> python = PytestConsoleReader.fromReport(kind, className, name, messageAttribute, lines);
        if (python.isPresent()) {
            return python;
        }
        String test = className.isEmpty() ? name : name.isEmpty() ? className : className + "." + name;
        JvmStackTrace trace = JvmStackTrace.read(lines);
        String message = trace.describe(kind == Kind.FAILED);
        if (message.isEmpty()) {
            String attribute = Messages.of(messageAttribute);
            message = kind == Kind.FAILED || type.isEmpty() ? attribute
                    : Messages.of(attribute.isEmpty() ? type : type + ": " + attribute);
        }
        Optional<JvmStackTrace.Frame> frame = trace.frameOf(className);
        String path = frame.map(JvmStackTrace.Frame::path).orElse(testcase.attribute("file"));
        int line = frame.map(JvmStackTrace.Frame::line).orElse(JvmStackTrace.number(testcase.attribute("line")));
        return Optional.of(new TestFailure(kind, test, path, line, message));
    }
}
