package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-008/FR-006
class XmlTreeTest {

    @Test
    void reads_elements_attributes_text_cdata_and_references() throws Exception {
        XmlTree.Element root = XmlTree.parse("\uFEFF<?xml version='1.0'?><!-- c --><a x='1 &amp; 2' y=\"&lt;&#x41;&#66;\">"
                + "t&gt;<b/><![CDATA[<raw & text>]]><c z='\n'>in</c></a>\n");
        assertEquals("a", root.name());
        assertEquals("1 & 2", root.attribute("x"));
        assertEquals("<AB", root.attribute("y"));
        assertEquals("", root.attribute("missing"));
        assertEquals("t><raw & text>", root.text());
        assertEquals(2, root.children().size());
        assertEquals(" ", root.child("c").orElseThrow().attribute("z"));
        assertEquals("in", root.child("c").orElseThrow().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE a><a/>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "<a>&e;</a>",
        "<a>&#0;</a>",
        "<a>&#xFFFFFFFF;</a>",
        "<a>&amp</a>",
        "<a><b></a></b>",
        "<a>",
        "<a x='1' x='2'/>",
        "<a x=1/>",
        "<a/><b/>",
        "text<a/>",
        "<a><!-- open",
        "<a><![CDATA[ open",
        "<a x='<'/>",
        "",
        "<1a/>",
    })
    void refuses_what_is_not_a_well_formed_report(String xml) {
        assertThrows(XmlTree.MalformedXmlException.class, () -> XmlTree.parse(xml));
    }

    @Test
    void refuses_nesting_deeper_than_its_limit_without_a_stack_overflow() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        XmlTree.MalformedXmlException e = assertThrows(XmlTree.MalformedXmlException.class, () -> XmlTree.parse(deep));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    }

    @Test
    void says_where_a_truncated_report_ends() {
        XmlTree.MalformedXmlException e = assertThrows(XmlTree.MalformedXmlException.class,
                () -> XmlTree.parse("<testsuite><testcase>"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
