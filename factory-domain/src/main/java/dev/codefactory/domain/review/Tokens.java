package dev.codefactory.domain.review;

/**
 * A quick, tokenizer-free ESTIMATE of how many tokens a text costs a language model, for packing prompts into a
 * context window. It is not exact for any model: about four characters per token for Latin scripts and code, and
 * one token per character for CJK ideographs, kana and hangul (which tokenizers split much finer). It leans high
 * rather than low, so a packed prompt tends to fit.
 */
public final class Tokens {
    private Tokens() {
    }

    /**
     * The estimated token count of {@code text}: its CJK code points, plus the other code points divided by four and
     * rounded up. {@code null} and {@code ""} cost 0.
     */
    public static int estimate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long cjk = 0;
        long other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
            } else {
                other++;
            }
        }
        long total = cjk + (other + 3) / 4;
        return total > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) total;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
