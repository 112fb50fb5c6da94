package dev.codefactory.cli;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.text.ControlCharacters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (section 1, {@code -man} macros) for every command that {@code factory --help} lists, written at build
 * time into a folder ({@code factory.1}, {@code factory-spec.1}, {@code factory-spec-list.1}, ...) for the release
 * archive's {@code man/man1}. Hidden commands ({@code completion values}) get none, as their help lists none.
 *
 * <p>Everything on a page is read from picocli's whole model ({@link CommandTree#full}), with the exit codes and the
 * {@code --json} failure note added as a run adds them: the one source of the help pages and completion scripts too,
 * never a second description. picocli renders the names and synopsis (bold for names, italic for labels, turned into
 * troff fonts) and each description line (its {@code @|...|@} markup dropped); lines are not wrapped, so man fills
 * them to any width. Text is escaped for troff ({@link #escape}): a backslash, a leading dot or quote, every hyphen,
 * non-ASCII characters as {@code \[uXXXX]}, and control characters shown as {@link ControlCharacters} shows them.
 * The date on each page is given (the build's {@code project.build.outputTimestamp}), never today's: two builds of
 * the same sources write the same bytes.
 */
// implements feature-014/FR-005
public final class ManPages {
    /** The date of the pages when the build gives none (the project's {@code project.build.outputTimestamp}). */
    static final String DEFAULT_DATE = "2026-01-01";

    /** Names bold and labels italic, as man pages set them; turned into troff fonts by {@link #fonts}. */
    private static final ColorScheme MARKED = new ColorScheme.Builder(Ansi.ON).commands(Help.Ansi.Style.bold)
            .options(Help.Ansi.Style.bold).parameters(Help.Ansi.Style.italic).optionParams(Help.Ansi.Style.italic)
            .build();
    private static final ColorScheme PLAIN = Help.defaultColorScheme(Ansi.OFF);

    private ManPages() {
    }

    /**
     * Writes every page into the folder {@code args[0]} (made when missing); {@code args[1]}, optional, is the date
     * on the pages: {@code project.build.outputTimestamp} (an ISO date-time or seconds since the epoch).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: ManPages FOLDER [OUTPUT-TIMESTAMP]");
        }
        write(Path.of(args[0]), date(args.length > 1 ? args[1] : null), CodeFactory.version());
    }

    /** Writes the pages of {@link #pages} into {@code folder}; returns the files written. */
    static List<Path> write(Path folder, String date, String version) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> page : pages(date, version).entrySet()) {
            Path file = folder.resolve(page.getKey());
            Files.writeString(file, page.getValue(), StandardCharsets.US_ASCII);
            files.add(file);
        }
        return files;
    }

    /**
     * The date on the pages from the build's output timestamp: {@code 2026-01-01T00:00:00Z} or seconds since the
     * epoch, in UTC; {@link #DEFAULT_DATE} when there is none or it is neither.
     */
    static String date(String outputTimestamp) {
        if (outputTimestamp == null || outputTimestamp.isBlank()) {
            return DEFAULT_DATE;
        }
        String t = outputTimestamp.trim();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            }
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeException | NumberFormatException e) {
            try {
                return LocalDate.parse(t).toString();
            } catch (DateTimeException notADate) {
                return DEFAULT_DATE;
            }
        }
    }

    /** Every page, by file name, in the order of the command tree. */
    static Map<String, String> pages(String date, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        collect(model(), List.of("factory"), date, version, pages);
        return pages;
    }

    /** picocli's whole model as a run has it: the exit codes and the {@code --json} note added to every command. */
    static CommandLine model() {
        StringWriter sink = new StringWriter();
        Session quiet = new Session(new PrintWriter(sink), new PrintWriter(sink), Path.of("").toAbsolutePath(),
                Map.of("NO_COLOR", "1"), false);
        CommandLine cli = CommandTree.full(new FactoryCommand(quiet, new Interrupts(quiet.err())));
        Main.documentExitCodes(cli);
        Failures.documentJson(cli);
        return cli;
    }

    /** The visible subcommands of {@code command} by name, aliases left out (they are names of the same page). */
    static Map<String, CommandLine> visibleSubcommands(CommandLine command) {
        Map<String, CommandLine> subs = new LinkedHashMap<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                subs.put(name, sub);
            }
        });
        return subs;
    }

    /** The file name of the page of a command path ({@code factory spec list}: {@code factory-spec-list.1}). */
    static String fileName(List<String> path) {
        return String.join("-", path) + ".1";
    }

    private static void collect(CommandLine command, List<String> path, String date, String version,
            Map<String, String> pages) {
        pages.put(fileName(path), page(command, path, date, version));
        visibleSubcommands(command).forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            collect(sub, List.copyOf(longer), date, version, pages);
        });
    }

    /** The page of one command, {@code path} its words from {@code factory}. */
    static String page(CommandLine command, List<String> path, String date, String version) {
        CommandSpec spec = command.getCommandSpec();
        String name = String.join("-", path);
        StringBuilder page = new StringBuilder();
        page.append(".\\\" Made by dev.codefactory.cli.ManPages from the factory command's own model; do not edit.\n");
        page.append(".TH ").append(escape(name.toUpperCase(java.util.Locale.ROOT))).append(" 1 ")
                .append(argument(date)).append(' ').append(argument("Code-Factory " + version)).append(' ')
                .append(argument("Code-Factory Manual")).append('\n');
        page.append(".nh\n"); // no hyphenation: option names and ids are split only at their own hyphens

        page.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(summary(spec))).append('\n');

        page.append(".SH SYNOPSIS\n.ad l\n").append(line(fonts(synopsis(spec)))).append(".ad\n");

        List<String> description = new ArrayList<>(lines(spec.usageMessage().description()));
        description.addAll(lines(spec.usageMessage().footer()));
        if (!description.isEmpty()) {
            page.append(".SH DESCRIPTION\n");
            paragraphs(page, description);
        }

        Help help = new Help(spec, PLAIN);
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        Comparator<OptionSpec> order = help.createDefaultOptionSort();
        if (order != null) {
            options = options.stream().sorted(order).toList();
        }
        List<OptionSpec> own = options.stream().filter(o -> !o.inherited()).toList();
        List<OptionSpec> inherited = options.stream().filter(ArgSpec::inherited).toList();
        if (!options.isEmpty()) {
            page.append(".SH OPTIONS\n");
            options(page, help, own);
            if (!inherited.isEmpty()) {
                page.append(".SS \"Options of every command\"\n").append("These options of\n.BR factory (1)\n")
                        .append("apply to this command too.\n");
                options(page, help, inherited);
            }
        }

        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden())
                .toList();
        if (!positionals.isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            Help.IParameterRenderer renderer = help.createDefaultParameterRenderer();
            for (PositionalParamSpec p : positionals) {
                page.append(".TP\n").append(line(fonts(help.createDefaultParamLabelRenderer()
                        .renderParameterLabel(p, Ansi.ON, MARKED.parameterStyles()).toString())));
                rows(page, renderer.render(p, help.createDefaultParamLabelRenderer(), PLAIN));
            }
        }

        Map<String, CommandLine> subs = visibleSubcommands(command);
        if (!subs.isEmpty()) {
            page.append(".SH COMMANDS\n");
            subs.forEach((subName, sub) -> {
                page.append(".TP\n.B ").append(escape(subName)).append('\n')
                        .append(line(escape(summary(sub.getCommandSpec()))))
                        .append("See\n.BR ").append(escape(name + "-" + subName)).append(" (1).\n");
            });
        }

        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (!codes.isEmpty()) {
            page.append(".SH \"EXIT STATUS\"\n");
            codes.forEach((code, text) -> {
                page.append(".TP\n.B ").append(escape(code.strip())).append('\n');
                List<String> codeLines = lines(new String[] {text});
                for (int i = 0; i < codeLines.size(); i++) {
                    page.append(i == 0 ? "" : ".br\n").append(line(escape(codeLines.get(i))));
                }
            });
        }

        List<String> seeAlso = new ArrayList<>();
        if (path.size() > 1) {
            seeAlso.add(String.join("-", path.subList(0, path.size() - 1)));
        }
        subs.keySet().forEach(subName -> seeAlso.add(name + "-" + subName));
        if (!seeAlso.isEmpty()) {
            page.append(".SH \"SEE ALSO\"\n");
            for (int i = 0; i < seeAlso.size(); i++) {
                page.append(".BR ").append(escape(seeAlso.get(i))).append(" (1)")
                        .append(i < seeAlso.size() - 1 ? "," : "").append('\n');
            }
        }
        return page.toString();
    }

    private static void options(StringBuilder page, Help help, List<OptionSpec> options) {
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        for (OptionSpec o : options) {
            List<String> names = new ArrayList<>(List.of(o.names()));
            names.sort(Comparator.comparingInt(String::length)); // stable: short names first, as help shows them
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                title.append(i == 0 ? "" : ", ").append(fonts(MARKED.optionText(names.get(i)).toString()));
            }
            title.append(fonts(labels.renderParameterLabel(o, Ansi.ON, MARKED.optionParamStyles()).toString()));
            page.append(".TP\n").append(line(title.toString()));
            rows(page, renderer.render(o, labels, PLAIN));
        }
    }

    /** The description column of picocli's rows for one option or parameter, one line each; Default: included. */
    private static void rows(StringBuilder page, Help.Ansi.Text[][] rows) {
        boolean first = true;
        for (Help.Ansi.Text[] row : rows) {
            String text = row[row.length - 1].toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            page.append(first ? "" : ".br\n").append(line(escape(text)));
            first = false;
        }
    }

    private static void paragraphs(StringBuilder page, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            page.append(i == 0 ? "" : ".PP\n").append(line(escape(lines.get(i))));
        }
    }

    /** The one-line description help lists a command with: its header's first line, else its description's. */
    static String summary(CommandSpec spec) {
        List<String> header = lines(spec.usageMessage().header());
        if (!header.isEmpty()) {
            return header.get(0);
        }
        List<String> description = lines(spec.usageMessage().description());
        return description.isEmpty() ? "" : description.get(0);
    }

    /** picocli's synopsis, on one line: names bold and labels italic (as ANSI codes, for {@link #fonts}). */
    private static String synopsis(CommandSpec spec) {
        int width = spec.usageMessage().width();
        spec.usageMessage().width(100_000); // one line: man fills it to the reader's width
        try {
            return new Help(spec, MARKED).synopsis(0).strip().replaceAll("\\s*\\R\\s*", " ");
        } finally {
            spec.usageMessage().width(width);
        }
    }

    /**
     * Text lines as help shows them, without markup: each formatted as picocli formats them ({@code %n} a new line),
     * split at new lines, empty ones left out.
     */
    static List<String> lines(String[] texts) {
        List<String> lines = new ArrayList<>();
        for (String text : texts == null ? new String[0] : texts) {
            String formatted;
            try {
                formatted = String.format(text);
            } catch (IllegalFormatException e) {
                formatted = text; // picocli prints such a text as it is too
            }
            for (String l : formatted.split("\\R", -1)) {
                String plain = PLAIN.text(l).toString().strip();
                if (!plain.isEmpty()) {
                    lines.add(plain);
                }
            }
        }
        return lines;
    }

    /** An input line of troff text: starting with {@code \&} when it would otherwise be read as a request. */
    static String line(String escaped) {
        return (escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" : "") + escaped + "\n";
    }

    /** A macro argument, quoted. */
    private static String argument(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    /**
     * {@code text} as troff text (for {@link #line}, which handles its first character): a backslash as {@code \e},
     * hyphens as {@code \-} (they are mostly option names, to be copied as typed), quotes as {@code \(aq} and {@code
     * \(ga}, other characters beyond ASCII as {@code \[uXXXX]}, control characters as {@link ControlCharacters} shows
     * them, tabs and line breaks as spaces.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> escape(out, c));
        return out.toString();
    }

    private static void escape(StringBuilder out, int c) {
        if (c == '\t' || c == '\n') {
            out.append(' ');
        } else if (c < 0x10000 && ControlCharacters.isUnsafe((char) c)) {
            ControlCharacters.visible((char) c).codePoints().forEach(v -> escape(out, v));
        } else if (c == '\\') {
            out.append("\\e");
        } else if (c == '-') {
            out.append("\\-");
        } else if (c == '\'') {
            out.append("\\(aq");
        } else if (c == '`') {
            out.append("\\(ga");
        } else if (c > 0x7e) {
            out.append("\\[u").append(String.format("%04X", c)).append(']');
        } else {
            out.append((char) c);
        }
    }

    /**
     * picocli's text with ANSI styles (from {@link #MARKED}) as troff text: bold and italic as {@code \fB}, {@code
     * \fI}, {@code \f(BI}, back to {@code \fR} at the end; other styles dropped, the rest escaped ({@link #escape}).
     */
    static String fonts(String ansi) {
        StringBuilder out = new StringBuilder();
        boolean bold = false;
        boolean italic = false;
        String font = "R";
        int i = 0;
        while (i < ansi.length()) {
            char c = ansi.charAt(i);
            int end = c == '\u001B' && i + 1 < ansi.length() && ansi.charAt(i + 1) == '[' ? ansi.indexOf('m', i) : -1;
            if (end < 0 || !ansi.substring(i + 2, end).matches("[0-9;]*")) {
                int cp = ansi.codePointAt(i);
                escape(out, cp);
                i += Character.charCount(cp);
                continue;
            }
            String[] codes = ansi.substring(i + 2, end).split(";", -1);
            for (int k = 0; k < codes.length; k++) {
                switch (codes[k]) {
                    case "", "0" -> {
                        bold = false;
                        italic = false;
                    }
                    case "1" -> bold = true;
                    case "3", "4" -> italic = true;
                    case "21", "22" -> bold = false;
                    case "23", "24" -> italic = false;
                    case "38", "48" -> k += codes.length > k + 1 && codes[k + 1].equals("5") ? 2 : 4;
                    default -> { } // colours and the like: man has none
                }
            }
            String wanted = bold && italic ? "(BI" : bold ? "B" : italic ? "I" : "R";
            if (!wanted.equals(font)) {
                out.append("\\f").append(wanted);
                font = wanted;
            }
            i = end + 1;
        }
        if (!font.equals("R")) {
            out.append("\\fR");
        }
        return out.toString();
    }
}
