package dev.codefactory.adapter.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.adopt.FileFacts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cheap look that spares JavaParser the files declaring nothing but a package, imports and types. */
class DeclarationsTest {

    private static final Set<String> READ = Set.of("GetMapping", "Entity", "Test");

    private final JavaParserSurvey survey = new JavaParserSurvey();

    @Test
    void a_plain_class_needs_no_parser() {
        assertFalse(Declarations.mayDeclareMore("""
                /** Keeps the domain. @author someone */
                class Plain { @Override public String toString() { return remain(); } }
                """, READ));
    }

    @Test
    void an_annotation_read_by_the_survey_a_main_or_getenv_needs_the_parser() {
        assertTrue(Declarations.mayDeclareMore("class A { @ GetMapping void a() { } }", READ));
        assertTrue(Declarations.mayDeclareMore("@jakarta.persistence.Entity class A { }", READ));
        assertTrue(Declarations.mayDeclareMore("class A { public static void main (String[] a) { } }", READ));
        assertTrue(Declarations.mayDeclareMore("class A { String h = System.getenv(\"H\"); }", READ));
        assertFalse(Declarations.mayDeclareMore("class A { @Entityish void domain() { } }", READ));
    }

    // covers feature-011/FR-003
    @Test
    void the_lexer_reads_what_javaparser_reads_past_comments_strings_and_text_blocks() {
        String text = """
                /* public class InComment { */
                // public class InLineComment {
                package /* here */ org.acme
                    .tricky;

                import static org.junit.Assert.*;
                import java.util.List;

                @SuppressWarnings({"unchecked", "rawtypes"})
                @Deprecated(since = "1") public final class Tricky {
                    String s = "public class InString { ";
                    char c = '{';
                    String block = \"""
                        public class InBlock { \\\""" }
                        \""";
                    Class<?> k = List.class;
                    public class Inner { }
                }
                sealed interface Shape permits Circle { }
                record Circle(int r) implements Shape { }
                public @interface Marker { String value() default "}"; }
                public enum Color { RED { }, GREEN }
                """;

        FileFacts parsed = survey.parsed("src/main/java/org/acme/tricky/Tricky.java", "Java", text, false);
        FileFacts lexed = JavaParserSurvey.declarations("src/main/java/org/acme/tricky/Tricky.java", "Java", text, false);

        assertEquals(parsed, lexed);
        assertEquals("org.acme.tricky", lexed.unit());
        assertEquals(List.of("org.junit.Assert.*", "java.util.List"), lexed.imports());
        assertEquals(List.of("Tricky@10 class", "Marker@21 annotation", "Color@22 enum"), lexed.surfaces().stream()
                .map(s -> s.name() + "@" + s.at().line() + " " + s.detail()).toList());
    }

    // covers feature-011/FR-003
    @Test
    void a_file_without_surfaces_reads_the_same_with_or_without_the_parser() {
        String text = """
                package org.acme;
                import java.util.Map;
                public interface Repository<T> extends Base<T> {
                    @Override
                    Map<String, T> all();
                }
                """;

        assertEquals(survey.parsed("R.java", "Java", text, false), survey.survey("R.java", "Java", text, false));
        assertEquals(survey.parsed("R.java", "Java", text, true), survey.survey("R.java", "Java", text, true));
    }
}
