package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The checks' one pass over a file finds exactly the words and counts exactly the lines that collecting every word
 * into a set and {@link String#lines} did before (feature-013, NFR-002: the result of a review does not change).
 */
// covers feature-013/NFR-002
@Tag("feature-013/NFR-002")
class ReviewWordsTest {
    private static final List<String> WANTED = List.of("OrderService", "order_id", "x9", "_private", "Ünïcode",
            "9lives", "", "a-b", "cart", "Cart", "PaymentLedger", "ledger");

    @Test
    void finds_the_words_a_set_of_every_word_held() {
        Random random = new Random(7);
        String alphabet = "abcOrdeSrvi_9xCtPymnLg Ü\n\r\t.-(){}\"'";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? pick(random) + " "
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            ReviewWords words = new ReviewWords(WANTED);
            words.scan(text.toString(), new ArrayList<>());
            assertEquals(expected(text.toString()), words.found(), text::toString);
        }
    }

    @Test
    void counts_lines_as_string_lines_does() {
        List<String> texts = List.of("", "a", "\n", "\r", "\r\n", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "\r\r\n\n",
                "a\rb", "last line without end", "x\r", "\r\n\r\n", "ünï\ncode\r");
        for (String text : texts) {
            assertEquals(text.lines().count(), new ReviewWords(List.of()).scan(text, new ArrayList<>()),
                    () -> text.replace("\r", "\\r").replace("\n", "\\n"));
        }
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append("ab\r\n ".charAt(random.nextInt(5)));
            }
            assertEquals(text.toString().lines().count(),
                    new ReviewWords(WANTED).scan(text.toString(), new ArrayList<>()));
        }
    }

    @Test
    void a_word_found_in_one_text_stays_found_in_the_next() {
        ReviewWords words = new ReviewWords(List.of("OrderService", "cart"));
        words.scan("class OrderService {}", new ArrayList<>());
        assertFalse(words.complete());
        words.scan("no match: OrderServices carts 1cart", new ArrayList<>());
        assertEquals(Set.of("OrderService"), words.found());
        words.scan("(cart)", new ArrayList<>());
        assertTrue(words.complete());
        assertEquals(Set.of("OrderService", "cart"), words.found());
    }

    // covers feature-013/NFR-002
    @Test
    void each_text_lists_every_word_it_holds_once_even_when_found_before() {
        ReviewWords words = new ReviewWords(List.of("OrderService", "cart"));
        List<String> first = new ArrayList<>();
        words.scan("cart OrderService cart", first);
        assertEquals(List.of("cart", "OrderService"), first);
        List<String> second = new ArrayList<>();
        words.scan("(cart) cart", second);
        assertEquals(List.of("cart"), second); // found already, and still listed: the cache keeps it for this text
        ReviewWords fresh = new ReviewWords(List.of("OrderService", "cart"));
        fresh.mark(second);
        assertEquals(Set.of("cart"), fresh.found());
    }

    @Test
    void words_that_no_text_can_hold_are_never_found() {
        ReviewWords words = new ReviewWords(List.of("9lives", "", "a-b", "Ünïcode"));
        words.scan("9lives a-b Ünïcode a b lives", new ArrayList<>());
        assertEquals(Set.of(), words.found());
        assertTrue(words.complete()); // nothing left that could be found
    }

    private static String pick(Random random) {
        return WANTED.get(random.nextInt(WANTED.size()));
    }

    /** What the checks did before: every identifier-like word into a set, then the wanted ones it holds. */
    private static Set<String> expected(String text) {
        Set<String> all = new HashSet<>();
        int start = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean part = c == '_' || (c < 128 && Character.isLetterOrDigit(c));
            if (part && !inWord) {
                inWord = true;
                start = i;
            } else if (!part && inWord) {
                inWord = false;
                if (!Character.isDigit(text.charAt(start))) {
                    all.add(text.substring(start, i));
                }
            }
        }
        Set<String> out = new TreeSet<>();
        for (String w : WANTED) {
            if (all.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
