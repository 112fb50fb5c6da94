package dev.codefactory.app.review;

import dev.codefactory.domain.InvalidCommandException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of a review run on several machines ({@code --shard I/N}): the specs sorted by id are dealt out in turn,
 * the {@code k}-th (from 0) to shard {@code k mod N + 1}; a finding of a deterministic check goes with its spec, and
 * one about no spec (a secret, say) with its file, by the file path's {@link String#hashCode()} (fixed by the Java
 * language, so the same on every machine). The shards' findings are then disjoint and together those of one run.
 *
 * @param index 1 to {@code count}
 * @param count how many shards the review is split into
 */
public record ReviewShard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public ReviewShard {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidCommandException("a shard is I/N with 1 <= I <= N, not " + index + "/" + count);
        }
    }

    /** {@code 2/3} as shard 2 of 3; anything else is a usage error saying what is expected. */
    public static ReviewShard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidCommandException("--shard takes I/N (shard I of N, 1 <= I <= N, e.g. 2/3), not '"
                    + text + "'");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidCommandException("--shard takes I/N with 1 <= I <= N (e.g. 2/3), not '" + text + "'");
        }
        return new ReviewShard(index, count);
    }

    /** The shard (1 to {@code count}) that reviews {@code specId}, one of {@code specIds}. */
    static int ownerOfSpec(String specId, List<String> specIds, int count) {
        List<String> sorted = specIds.stream().distinct().sorted().toList();
        int at = sorted.indexOf(specId);
        return (at < 0 ? Math.floorMod(specId.hashCode(), count) : at % count) + 1;
    }

    /** The shard that reports a finding: its spec's, or for one about no spec its file's. */
    static int ownerOf(ReviewReport.Item finding, List<String> specIds, int count) {
        return finding.specId().isEmpty() ? Math.floorMod(finding.file().hashCode(), count) + 1
                : ownerOfSpec(finding.specId(), specIds, count);
    }

    /** True when this shard reviews {@code specId}. */
    boolean ownsSpec(String specId, List<String> specIds) {
        return ownerOfSpec(specId, specIds, count) == index;
    }
}
