package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class JunitXmlReaderTest {
    private static final TestFailure EXCEPTION = new TestFailure(Kind.ERROR,
            "com.example.CartTest.first_of_empty_cart", "com/example/CartTest.java", 19,
            "java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0");
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED,
            "com.example.CartTest.total_adds_prices", "com/example/CartTest.java", 13,
            "total of 2 and 3 ==> expected: <5> but was: <6>");

    @Test
    void reads_surefires_report_from_a_real_run() {
        assertEquals(List.of(EXCEPTION, ASSERTION),
                JunitXmlReader.read(RescueFixtures.text("maven/TEST-com.example.CartTest.xml")));
    }

    @Test
    void reads_a_multi_line_message_parameterized_and_nested_tests_from_a_real_report() {
        assertEquals(MavenConsoleReaderTest.shelf("$Empty"),
                JunitXmlReader.read(RescueFixtures.text("maven/TEST-com.example.ShelfTest.xml")));
    }

    @Test
    void reads_gradles_report_where_every_exception_is_a_failure() {
        assertEquals(List.of(EXCEPTION, ASSERTION),
                JunitXmlReader.read(RescueFixtures.text("gradle/TEST-com.example.CartTest.xml")));
    }

    @Test
    void reads_pytests_report_with_the_consoles_node_ids_from_a_real_run() {
        assertEquals(List.of(
                new TestFailure(Kind.ERROR, "tests/test_broken.py", "tests/test_broken.py", 1,
                        "ImportError: cannot import name 'missing' from 'shop.cart' (/tmp/h15b/py/shop/cart.py)"),
                new TestFailure(Kind.FAILED, "tests/test_cart.py::test_total", "tests/test_cart.py", 5,
                        "assert 6 == 5"),
                new TestFailure(Kind.FAILED, "tests/test_cart.py::test_first_of_empty", "tests/test_cart.py", 9,
                        "IndexError: list index out of range")),
                JunitXmlReader.read(RescueFixtures.text("pytest/pytest-junit.xml")));
    }

    @Test
    void reads_testsuites_nested_and_a_message_attribute_when_there_is_no_trace() {
        String xml = "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"a\"><testsuite name=\"b\">"
                + "<testcase classname=\"a.B\" name=\"c\" file=\"src/a/B.kt\" line=\"7\">"
                + "<failure message=\"two&#10;lines\" type=\"java.lang.AssertionError\"/></testcase>"
                + "<testcase classname=\"a.B\" name=\"d\"><skipped/></testcase>"
                + "</testsuite></testsuite></testsuites>";
        assertEquals(List.of(new TestFailure(Kind.FAILED, "a.B.c", "src/a/B.kt", 7, "two\nlines")),
                JunitXmlReader.read(xml));
    }

    @Test
    void skips_a_truncated_report_wherever_it_was_cut() {
        String xml = RescueFixtures.text("maven/TEST-com.example.CartTest.xml");
        int end = xml.lastIndexOf("</testsuite>");
        for (int cut = 0; cut < end; cut += 61) {
            assertEquals(List.of(), JunitXmlReader.read(xml.substring(0, cut)), "cut at " + cut);
        }
    }

    @Test
    void refuses_a_billion_laughs_report() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        dtd.append("]>\n<testsuite><testcase classname=\"a.B\" name=\"c\"><failure message=\"&lol9;\"/>"
                + "</testcase></testsuite>");
        assertEquals(List.of(), JunitXmlReader.read(dtd.toString()));
    }

    @Test
    void refuses_an_external_entity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<testsuite><testcase classname=\"a.B\" name=\"c\"><failure message=\"&x;\"/></testcase></testsuite>";
        assertEquals(List.of(), JunitXmlReader.read(xml));
    }

    @Test
    void cleans_control_characters_out_of_names_and_messages() {
        String xml = "<testsuite><testcase classname=\"a.B\" name=\"c&#27;]0;title&#7;\">"
                + "<failure type=\"java.lang.AssertionError\"><![CDATA[java.lang.AssertionError: \u001b[31mred\u001b[0m\r"
                + "\tat a.B.c(B.java:3)\n]]></failure></testcase></testsuite>";
        assertEquals(List.of(new TestFailure(Kind.FAILED, "a.B.c", "a/B.java", 3, "red")), JunitXmlReader.read(xml));
    }

    @Test
    void not_xml_at_all_is_skipped() {
        assertEquals(List.of(), JunitXmlReader.read("Tests run: 3, Failures: 1"));
        assertEquals(List.of(), JunitXmlReader.read(""));
    }
}
