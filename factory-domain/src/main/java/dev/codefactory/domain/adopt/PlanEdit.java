package dev.codefactory.domain.adopt;

import dev.codefactory.domain.InvalidCommandException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One edit a person types on an adoption plan (feature-011, FR-005): {@code merge A B}, {@code split A PREFIX
 * [TITLE...]}, {@code drop A}, {@code rename A TITLE...}, {@code help}, or {@code done} (an empty line too). Parsed here so that
 * every front end reads the same commands.
 */
// implements feature-011/FR-005
public sealed interface PlanEdit {
    /** The commands, one a line, for help and errors. */
    String USAGE = String.join("\n",
            "merge A B                 join capability B into A (A keeps its key and title)",
            "split A PREFIX [TITLE...] move what starts with PREFIX (route, name or path) out of A",
            "drop A                    leave A out of the adoption",
            "rename A TITLE...         give A a new title (its key stays)",
            "done                      accept the plan (an empty line too)",
            "help                      show these commands");

    /** The plan after this edit; {@link Done} leaves it as it is. */
    AdoptionPlan apply(AdoptionPlan plan);

    /** Whether this ends the editing. */
    default boolean done() {
        return false;
    }

    /** {@code merge FIRST SECOND}. */
    record Merge(String first, String second) implements PlanEdit {
        public Merge {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan.merge(first, second);
        }
    }

    /** {@code split KEY PREFIX [TITLE...]}; title "" derives one from the prefix. */
    record Split(String key, String prefix, String title) implements PlanEdit {
        public Split {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(prefix, "prefix");
            title = title == null ? "" : title;
        }

        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan.split(key, prefix, title);
        }
    }

    /** {@code drop KEY}. */
    record Drop(String key) implements PlanEdit {
        public Drop {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan.drop(key);
        }
    }

    /** {@code rename KEY TITLE...}. */
    record Rename(String key, String title) implements PlanEdit {
        public Rename {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan.rename(key, title);
        }
    }

    /** {@code done}, or an empty line: the plan is accepted as it is. */
    record Done() implements PlanEdit {
        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan;
        }

        @Override
        public boolean done() {
            return true;
        }
    }

    /** {@code help} (or {@code ?}): the plan stays as it is; a front end shows {@link #USAGE}. */
    record Help() implements PlanEdit {
        @Override
        public AdoptionPlan apply(AdoptionPlan plan) {
            return plan;
        }
    }

    /**
     * The edit {@code line} asks for; words are separated by spaces, a title is the rest of the line (quotes around
     * it are dropped), command words in any case.
     *
     * @throws InvalidCommandException when the command is unknown or its arguments are missing or too many; the
     *                                 message shows the command's form
     */
    static PlanEdit parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            return new Done();
        }
        List<String> words = Arrays.asList(text.split("\\s+"));
        String command = words.get(0).toLowerCase(Locale.ROOT);
        switch (command) {
            case "help":
            case "?":
                return new Help();
            case "done":
                arguments(words, 0, 0, "done");
                return new Done();
            case "merge":
                arguments(words, 2, 2, "merge A B");
                return new Merge(words.get(1), words.get(2));
            case "split":
                arguments(words, 2, Integer.MAX_VALUE, "split A PREFIX [TITLE...]");
                return new Split(words.get(1), words.get(2), rest(text, 3));
            case "drop":
                arguments(words, 1, 1, "drop A");
                return new Drop(words.get(1));
            case "rename":
                arguments(words, 2, Integer.MAX_VALUE, "rename A TITLE...");
                return new Rename(words.get(1), rest(text, 2));
            default:
                throw new InvalidCommandException("unknown command '" + words.get(0) + "'; the commands are:\n"
                        + USAGE);
        }
    }

    private static void arguments(List<String> words, int min, int max, String form) {
        int n = words.size() - 1;
        if (n < min) {
            throw new InvalidCommandException("'" + words.get(0) + "' needs " + (min == 1 ? "a capability key"
                    : min + " arguments") + ": " + form);
        }
        if (n > max) {
            throw new InvalidCommandException("'" + words.get(0) + "' takes " + (max == 0 ? "no arguments"
                    : max == 1 ? "one key" : max + " keys") + ", not " + n + ": " + form);
        }
    }

    /** The text after the first {@code skip} words, quotes around it dropped. */
    private static String rest(String text, int skip) {
        String rest = text;
        for (int i = 0; i < skip; i++) {
            rest = rest.strip();
            int space = rest.indexOf(' ');
            int tab = rest.indexOf('\t');
            int cut = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
            rest = cut < 0 ? "" : rest.substring(cut);
        }
        rest = rest.strip();
        if (rest.length() >= 2 && (rest.startsWith("\"") && rest.endsWith("\"")
                || rest.startsWith("'") && rest.endsWith("'"))) {
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        return rest;
    }
}
