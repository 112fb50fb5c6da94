package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.change.PlannedFile;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The diagnosis as real models write it: chatty, fenced, with trailing commas, cut off, or with made-up places. */
class DiagnosisAnswerTest {
    private static final Map<String, Integer> PROJECT = Map.of("src/Calc.java", 20, "src/CalcTest.java", 40,
            "README.md", 3);
    private static final ToIntFunction<String> LINES = p -> PROJECT.getOrDefault(p, -1);

    private static final String ONE = "{\"causes\": [{\"summary\": \"add subtracts\", \"confidence\": 0.9,"
            + " \"evidence\": [{\"file\": \"src/Calc.java\", \"line\": 7}], \"fix\": \"use + in add\","
            + " \"files\": [{\"path\": \"src/Calc.java\", \"action\": \"modify\", \"reason\": \"the operator\"}]}]}";

    // covers feature-008/FR-009
    @Test
    void reads_a_plain_answer_with_its_evidence_and_planned_files() {
        Diagnosis d = DiagnosisAnswer.parse(ONE, LINES);
        assertEquals(1, d.causes().size());
        Cause c = d.causes().get(0);
        assertEquals("add subtracts", c.summary());
        assertEquals(0.9, c.confidence());
        assertEquals(List.of(Evidence.at("src/Calc.java", 7)), c.evidence());
        assertEquals("use + in add", c.fix());
        assertEquals(List.of(new PlannedFile("src/Calc.java", PlannedFile.Action.MODIFY, "the operator")), c.files());
        assertEquals(0, d.dropped());
        assertEquals(List.of(), d.notes());
    }

    // covers feature-008/FR-009
    @Test
    void reads_a_chatty_fenced_answer_with_trailing_commas() {
        String chatty = "Sure! I looked at the failures carefully.\n\n```json\n"
                + "{\"causes\": [{\"summary\": \"add subtracts\", \"confidence\": 0.9, \"evidence\": [{\"file\":"
                + " \"./src/Calc.java\", \"line\": \"7\"},], \"fix\": \"use +\", \"files\": [\"src/Calc.java\",],},]}\n"
                + "```\nLet me know if you need anything else {or not}.";
        Diagnosis d = DiagnosisAnswer.parse(chatty, LINES);
        assertEquals(1, d.causes().size());
        assertEquals(List.of(Evidence.at("src/Calc.java", 7)), d.causes().get(0).evidence());
        assertEquals(PlannedFile.Action.MODIFY, d.causes().get(0).files().get(0).action());
    }

    // covers feature-008/FR-009
    @Test
    void a_cut_off_answer_or_prose_is_malformed_with_a_problem_for_the_repair() {
        String cut = ONE.substring(0, ONE.length() - 40);
        DiagnosisAnswer.MalformedAnswerException e = assertThrows(DiagnosisAnswer.MalformedAnswerException.class,
                () -> DiagnosisAnswer.parse(cut, LINES));
        assertTrue(e.problem().contains("cut off"), e.problem());
        assertThrows(DiagnosisAnswer.MalformedAnswerException.class, () -> DiagnosisAnswer.parse("", LINES));
        DiagnosisAnswer.MalformedAnswerException noCauses = assertThrows(
                DiagnosisAnswer.MalformedAnswerException.class,
                () -> DiagnosisAnswer.parse("The cause is {\"bug\": \"in add\"}", LINES));
        assertTrue(noCauses.problem().contains("\"causes\""), noCauses.problem());
    }

    // covers feature-008/FR-009
    @Test
    void made_up_files_and_lines_beyond_the_end_are_dropped_and_counted() {
        String answer = "{\"causes\": [{\"summary\": \"s\", \"confidence\": 0.8, \"evidence\": ["
                + "{\"file\": \"src/Calc.java\", \"line\": 21},"
                + "{\"file\": \"src/Imaginary.java\", \"line\": 3},"
                + "\"src/CalcTest.java:12\","
                + "{\"file\": \"../etc/passwd\", \"line\": 1}"
                + "], \"fix\": \"\", \"files\": []}]}";
        Diagnosis d = DiagnosisAnswer.parse(answer, LINES);
        assertEquals(3, d.dropped());
        assertEquals(List.of(Evidence.at("src/CalcTest.java", 12)), d.causes().get(0).evidence());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("src/Calc.java:21") && n.contains("20 lines")),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("src/Imaginary.java")), d.notes().toString());
    }

    // covers feature-008/FR-009
    @Test
    void confidence_is_read_as_a_percentage_clamped_or_the_cause_dropped_with_a_note() {
        String answer = "{\"causes\": ["
                + "{\"summary\": \"pct\", \"confidence\": \"85%\"},"
                + "{\"summary\": \"big\", \"confidence\": 70},"
                + "{\"summary\": \"over\", \"confidence\": 250},"
                + "{\"summary\": \"neg\", \"confidence\": -0.2},"
                + "{\"summary\": \"none\"},"
                + "{\"summary\": \"words\", \"confidence\": \"high\"},"
                + "{\"confidence\": 0.5}"
                + "]}";
        Diagnosis d = DiagnosisAnswer.parse(answer, LINES);
        assertEquals(List.of("over", "pct", "big", "neg"), d.causes().stream().map(Cause::summary).toList());
        assertEquals(List.of(1.0, 0.85, 0.7, 0.0), d.causes().stream().map(Cause::confidence).toList());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'none'") && n.contains("no confidence")),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'words'") && n.contains("not a number")),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("Cause 7") && n.contains("no summary")),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'over'") && n.contains("taken as 1")),
                d.notes().toString());
    }

    // covers feature-008/FR-009
    @Test
    void unsafe_or_impossible_planned_files_are_left_out_with_a_note() {
        String answer = "{\"causes\": [{\"summary\": \"s\", \"confidence\": 0.9, \"fix\": \"f\", \"files\": ["
                + "{\"path\": \"/etc/hosts\", \"action\": \"modify\"},"
                + "{\"path\": \".git/config\", \"action\": \"modify\"},"
                + "{\"path\": \"src/Gone.java\", \"action\": \"delete\"},"
                + "{\"path\": \"src/Calc.java\", \"action\": \"rewrite-it-all\"},"
                + "{\"path\": \"README.md\", \"action\": \"create\"},"
                + "{\"path\": \"src/New.java\", \"action\": \"create\", \"reason\": \"a helper\"},"
                + "{\"path\": \"src/New.java\", \"action\": \"create\"}"
                + "]}]}";
        Diagnosis d = DiagnosisAnswer.parse(answer, LINES);
        assertEquals(List.of(new PlannedFile("README.md", PlannedFile.Action.MODIFY, ""),
                new PlannedFile("src/New.java", PlannedFile.Action.CREATE, "a helper")), d.causes().get(0).files());
        assertEquals(6, d.notes().size(), d.notes().toString());
        assertEquals(0, d.dropped(), "planned files are left out, not counted as made-up evidence");
    }

    @Test
    void a_bare_array_of_causes_is_read_and_causes_come_most_confident_first() {
        String answer = "Here are the causes:\n[{\"summary\": \"low\", \"confidence\": 0.3},"
                + " {\"summary\": \"high\", \"confidence\": 0.95}, {\"summary\": \"mid\", \"confidence\": 0.6}]";
        assertEquals(List.of("high", "mid", "low"),
                DiagnosisAnswer.parse(answer, LINES).causes().stream().map(Cause::summary).toList());
    }
}
