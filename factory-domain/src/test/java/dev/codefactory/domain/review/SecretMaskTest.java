package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// covers feature-007/FR-014
class SecretMaskTest {
    static final String STRIPE = SecretRulesTest.STRIPE;
    static final String GHP = SecretRulesTest.GHP;

    @Test
    void masks_each_distinct_secret_with_a_numbered_marker_and_puts_it_back() {
        SecretMask mask = new SecretMask();
        String file = "a = \"" + STRIPE + "\"\nb = \"" + GHP + "\"\nc = \"" + STRIPE + "\"\n"
                + "url = jdbc:postgresql://admin:pw@db/shop\n";

        String masked = mask.mask(file);

        assertEquals("a = \"[REDACTED:stripe-secret-key#1]\"\nb = \"[REDACTED:github-pat#1]\"\n"
                + "c = \"[REDACTED:stripe-secret-key#1]\"\nurl = jdbc:postgresql://admin:[REDACTED:url-credentials#1]"
                + "@db/shop\n", masked);
        assertEquals(3, mask.size());
        assertEquals(file, mask.unmask(masked));
    }

    @Test
    void a_secret_seen_once_is_masked_wherever_it_comes_back() {
        SecretMask mask = new SecretMask();
        mask.mask("key = " + STRIPE + "\n");

        // quoted in a message where no rule would find it (no word boundary before it)
        String problem = "edit 1: SEARCH text x" + STRIPE + " was not found";

        assertFalse(mask.mask(problem).contains(STRIPE));
        assertEquals("edit 1: SEARCH text x[REDACTED:stripe-secret-key#1] was not found", mask.mask(problem));
    }

    @Test
    void an_answer_that_copies_markers_gets_the_secrets_back_and_unknown_markers_stay() {
        SecretMask mask = new SecretMask();
        mask.mask("token = " + GHP);
        String answer = "SEARCH\ntoken = [REDACTED:github-pat#1]\nREPLACE\ntoken = System.getenv(\"GH\") // was "
                + "[REDACTED:github-pat#1], see [REDACTED:jwt#7] and [REDACTED:generic-secret]";

        String restored = mask.unmask(answer);

        assertTrue(restored.startsWith("SEARCH\ntoken = " + GHP + "\n"), restored);
        assertTrue(restored.endsWith("// was " + GHP + ", see [REDACTED:jwt#7] and [REDACTED:generic-secret]"),
                restored);
    }

    @Test
    void text_without_secrets_is_returned_as_it_is() {
        SecretMask mask = new SecretMask();
        String text = "plain code\n";
        assertEquals(text, mask.mask(text));
        assertEquals(text, mask.unmask(text));
        assertEquals(0, mask.size());
        assertFalse(mask.toString().contains("plain"));
    }
}
