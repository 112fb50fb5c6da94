package dev.codefactory.cli;

import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import java.util.ArrayList;
import java.util.List;

/** One line typed at the plan prompt of {@code factory adopt}, applied to the plan (or a capability to show). */
final class PlanEdits {
    private PlanEdits() {
    }

    /** The plan after the edit, or the capability {@code show} asked for (then the plan is unchanged). */
    record Result(AdoptionPlan plan, Capability show) {
    }

    /** Applies {@code line}; an edit that cannot be made throws {@link IllegalArgumentException} saying why. */
    static Result apply(AdoptionPlan plan, String line) {
        List<String> words = words(line);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nothing typed");
        }
        String verb = words.get(0).toLowerCase(java.util.Locale.ROOT);
        switch (verb) {
            case "merge" -> {
                need(words, 3, "merge A B");
                return new Result(plan.merge(known(plan, words.get(1)), known(plan, words.get(2))), null);
            }
            case "split" -> {
                need(words, 4, "split A PREFIX TITLE");
                return new Result(plan.split(known(plan, words.get(1)), words.get(2), rest(words, 3)), null);
            }
            case "drop" -> {
                need(words, 2, "drop A");
                return new Result(plan.drop(known(plan, words.get(1))), null);
            }
            case "rename" -> {
                need(words, 3, "rename A TITLE");
                return new Result(plan.rename(known(plan, words.get(1)), rest(words, 2)), null);
            }
            case "show" -> {
                need(words, 2, "show A");
                return new Result(plan, plan.find(known(plan, words.get(1))).orElseThrow());
            }
            default -> throw new IllegalArgumentException("'" + words.get(0) + "' is no edit");
        }
    }

    private static void need(List<String> words, int count, String form) {
        if (words.size() < count) {
            throw new IllegalArgumentException("it takes " + form);
        }
    }

    private static String known(AdoptionPlan plan, String key) {
        if (plan.find(key).isEmpty()) {
            throw new IllegalArgumentException("no capability '" + key + "'; the keys are "
                    + String.join(", ", plan.capabilities().stream().map(Capability::key).toList()));
        }
        return key;
    }

    private static String rest(List<String> words, int from) {
        return String.join(" ", words.subList(from, words.size()));
    }

    /** Words split on spaces, with "double quotes" keeping spaces in one word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
