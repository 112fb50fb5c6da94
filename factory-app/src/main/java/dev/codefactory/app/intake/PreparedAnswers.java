package dev.codefactory.app.intake;

import dev.codefactory.app.config.ConfigException;
import dev.codefactory.app.config.LayeredConfiguration;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers prepared in a YAML file ({@code factory intake --answers FILE}), for an intake without a terminal:
 * <pre>
 * answers:          # in the order the questions are asked
 *   - Teams of up to 50 people
 *   - Email and Google sign-in
 * q3: Nothing else  # or by question number
 * sections:         # for the guided wizard (no model), by section heading
 *   Overview: A shared calendar for small teams.
 * </pre>
 */
// implements feature-005/FR-002
public record PreparedAnswers(List<String> inOrder, Map<String, String> byId, Map<String, String> sections) {
    private static final Pattern ORDERED = Pattern.compile("answers\\[(\\d+)]");
    private static final Pattern BY_ID = Pattern.compile("q(\\d+)");
    private static final String CONFIG_KEYS_HINT = "(llm:, github:, ui:, ...)";
    private static final String ACCEPTED_KEYS = "answers: (a list, in the order of the questions), q1:, q2:, ..."
            + " (by question number), or sections: (by heading, for the wizard)";

    public PreparedAnswers {
        inOrder = List.copyOf(inOrder);
        byId = Map.copyOf(byId);
        sections = Map.copyOf(sections);
    }

    public static final PreparedAnswers NONE = new PreparedAnswers(List.of(), Map.of(), Map.of());

    /** The answer for the {@code number}th question (from 1): by id first, else by position. */
    public Optional<String> answerFor(Question question, int number) {
        String byQuestion = byId.get(question.id());
        if (byQuestion != null) {
            return Optional.of(byQuestion);
        }
        return number >= 1 && number <= inOrder.size() ? Optional.of(inOrder.get(number - 1)) : Optional.empty();
    }

    /** The wizard's text for the section headed {@code heading} (case-insensitive). */
    public Optional<String> sectionText(String heading) {
        return sections.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(heading))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * The answers in {@code text}, the content of the answers file {@code file} (read by the front end, which says
     * what is wrong with the file itself); what is wrong with the answers is named with the file (and line, for YAML
     * syntax).
     */
    public static PreparedAnswers parse(Path file, String text) {
        Map<String, String> flat;
        try {
            flat = LayeredConfiguration.flatten(file, text);
        } catch (ConfigException e) {
            // the configuration's wording would name its own keys (llm:, github:, ...), not an answers file's
            String message = String.valueOf(e.getMessage());
            if (!message.contains(CONFIG_KEYS_HINT)) {
                throw e;
            }
            throw new InvalidCommandException(message.replace(CONFIG_KEYS_HINT, ACCEPTED_KEYS));
        }
        TreeMap<Integer, String> ordered = new TreeMap<>();
        Map<String, String> byId = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String key = e.getKey();
            Matcher o = ORDERED.matcher(key);
            Matcher q = BY_ID.matcher(key);
            if (o.matches() && o.group(1).length() <= 9 && Integer.parseInt(o.group(1)) < text.length()) {
                // a real list item: its index is below the file's length (a key written as answers[99999] is not)
                ordered.put(Integer.parseInt(o.group(1)), e.getValue());
            } else if (q.matches()) {
                byId.put(key, e.getValue());
            } else if (key.startsWith("sections.") && key.length() > "sections.".length()) {
                String heading = unquote(key.substring("sections.".length()));
                for (String known : sections.keySet()) {
                    if (known.equalsIgnoreCase(heading)) {
                        throw new InvalidCommandException("answers file " + file + ": the section '" + heading
                                + "' is given twice (also as '" + known + "'); headings are matched ignoring case,"
                                + " keep one");
                    }
                }
                sections.put(heading, e.getValue());
            } else if (!key.equals("answers")) {
                throw new InvalidCommandException("answers file " + file + ": unknown key '" + key + "'; use "
                        + ACCEPTED_KEYS);
            }
        }
        String answers = flat.get("answers");
        if (ordered.isEmpty() && answers != null && !answers.isBlank()) {
            throw new InvalidCommandException("answers file " + file + ": answers: must be a list, one '- answer'"
                    + " per line in the order of the questions (or use q1:, q2:, ... for single answers)");
        }
        // an empty item (a bare '-') skips its question: it must not move the answers after it up
        List<String> inOrder = new ArrayList<>();
        if (!ordered.isEmpty()) {
            for (int i = 0; i <= ordered.lastKey(); i++) {
                inOrder.add(ordered.getOrDefault(i, ""));
            }
        }
        return new PreparedAnswers(plainWords(inOrder, listItems(text)), plainWords(byId, text),
                plainWords(sections, text));
    }

    /** YAML's old booleans: SmallRye reads an unquoted {@code no} as {@code false}, which is not what was typed. */
    private static final Pattern YAML_BOOLEAN = Pattern.compile("(?i)y|yes|n|no|on|off|true|false");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s+([^\\s#\"'][^#]*?)\\s*(#.*)?$");

    /** The plain one-word items of the {@code answers:} list, in order ({@code null} for any other item). */
    private static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        boolean inAnswers = false;
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                inAnswers = line.startsWith("answers:");
                continue;
            }
            Matcher m = LIST_ITEM.matcher(line);
            if (inAnswers && line.stripLeading().startsWith("-")) {
                items.add(m.matches() ? m.group(1) : null);
            }
        }
        return items;
    }

    /** Each answer the YAML reader turned into {@code true}/{@code false} back to the word in the file. */
    private static List<String> plainWords(List<String> answers, List<String> raw) {
        List<String> out = new ArrayList<>(answers);
        for (int i = 0; i < out.size() && i < raw.size(); i++) {
            String typed = raw.get(i);
            if (typed != null && YAML_BOOLEAN.matcher(typed).matches()
                    && (out.get(i).equals("true") || out.get(i).equals("false"))) {
                out.set(i, typed);
            }
        }
        return out;
    }

    private static Map<String, String> plainWords(Map<String, String> answers, String text) {
        Map<String, String> out = new LinkedHashMap<>(answers);
        for (Map.Entry<String, String> e : answers.entrySet()) {
            if (!e.getValue().equals("true") && !e.getValue().equals("false")) {
                continue;
            }
            String key = e.getKey();
            String leaf = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
            Matcher m = Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(leaf)
                    + "\"?\\s*:\\s*([^\\s#\"']\\S*)\\s*(#.*)?$").matcher(text);
            if (m.find() && YAML_BOOLEAN.matcher(m.group(1)).matches()) {
                out.put(e.getKey(), m.group(1));
            }
        }
        return out;
    }

    private static String unquote(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1)
                : key;
    }
}
