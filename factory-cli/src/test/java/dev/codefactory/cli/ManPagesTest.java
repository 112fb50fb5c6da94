package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages: one per command help lists, each with every option, valid troff that groff reads silently. */
// covers feature-014/FR-005
class ManPagesTest {

    @TempDir
    Path dir;

    /** The whole model, walked here rather than by ManPages: each visible command by its words, hidden ones apart. */
    private record Tree(Map<String, CommandLine> visible, Set<String> hidden) {
    }

    private static Tree tree() {
        StringWriter sink = new StringWriter();
        Session session = new Session(new PrintWriter(sink), new PrintWriter(sink), Path.of("").toAbsolutePath(),
                Map.of(), false);
        Tree tree = new Tree(new TreeMap<>(), new TreeSet<>());
        walk(CommandTree.full(new FactoryCommand(session, new Interrupts(session.err()))), List.of("factory"), false,
                tree);
        return tree;
    }

    private static void walk(CommandLine command, List<String> path, boolean hidden, Tree tree) {
        boolean isHidden = hidden || command.getCommandSpec().usageMessage().hidden();
        if (isHidden) {
            tree.hidden().add(String.join(" ", path));
        } else {
            tree.visible().put(String.join(" ", path), command);
        }
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            walk(sub, longer, isHidden, tree);
        });
    }

    private Map<String, String> generate(Path folder) throws IOException {
        ManPages.main(new String[] {folder.toString(), "2026-03-04T05:06:07Z"});
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                pages.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.US_ASCII));
            }
        }
        return pages;
    }

    private static String file(String path) {
        return path.replace(' ', '-') + ".1";
    }

    @Test
    void writes_one_page_per_visible_command_and_none_for_hidden_ones() throws IOException {
        Tree tree = tree();
        Map<String, String> pages = generate(dir.resolve("man1"));
        Set<String> expected = new TreeSet<>();
        tree.visible().keySet().forEach(path -> expected.add(file(path)));
        assertEquals(expected, pages.keySet());
        assertEquals(tree.visible().size(), pages.size());
        // 37 paths in the tree (CommandTreeTest), of which 'completion values' is hidden
        assertEquals(36, pages.size());
        assertTrue(tree.hidden().contains("factory completion values"), tree.hidden().toString());
        for (String hidden : tree.hidden()) {
            assertFalse(pages.containsKey(file(hidden)), hidden);
        }
        assertTrue(pages.containsKey("factory.1") && pages.containsKey("factory-spec-list.1")
                && pages.containsKey("factory-review-merge.1"), pages.keySet().toString());
    }

    @Test
    void every_option_of_every_command_is_on_its_page() throws IOException {
        Map<String, String> pages = generate(dir);
        int checked = 0;
        for (Map.Entry<String, CommandLine> command : tree().visible().entrySet()) {
            String page = pages.get(file(command.getKey()));
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.hidden()) {
                    continue;
                }
                for (String name : option.names()) {
                    assertTrue(page.contains("\\fB" + ManPages.escape(name) + "\\fR"),
                            name + " missing from " + file(command.getKey()));
                    checked++;
                }
            }
            if (!command.getValue().getCommandSpec().positionalParameters().isEmpty()) {
                assertTrue(page.contains(".SH ARGUMENTS"), command.getKey());
            }
        }
        assertTrue(checked > 300, "options checked: " + checked);
        assertTrue(pages.get("factory-review.1").contains("\\fB\\-\\-fail\\-on\\fR=\\fISEVERITY\\fR"));
    }

    @Test
    void a_page_has_the_sections_of_a_man_page_and_links_parent_and_children() throws IOException {
        Map<String, String> pages = generate(dir);
        String spec = pages.get("factory-spec.1");
        assertTrue(spec.contains(".TH FACTORY\\-SPEC 1 \"2026\\-03\\-04\" \"Code\\-Factory "), spec);
        assertTrue(spec.contains(".SH NAME\nfactory\\-spec \\- Create, list, show"), spec);
        for (String section : List.of(".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS",
                ".SH \"EXIT STATUS\"", ".SH \"SEE ALSO\"")) {
            assertTrue(spec.contains(section), section);
        }
        assertTrue(spec.contains(".BR factory (1),\n"), spec);
        assertTrue(spec.contains(".BR factory\\-spec\\-list (1)"), spec);
        assertTrue(spec.contains("\\fBfactory spec\\fR [\\fB\\-hV\\fR]"), spec);
        String root = pages.get("factory.1");
        assertFalse(root.contains("completion\\-values"), "a hidden command is not listed");
        assertTrue(root.contains(".TP\n.B 130\nStopped with Ctrl\\-C"), root);
        assertFalse(root.contains("Options of every command"), "the root's options are its own");
        assertTrue(pages.get("factory-spec-list.1").contains("Options of every command"));
    }

    @Test
    void groff_reads_every_page_without_a_warning_and_shows_its_description() throws Exception {
        assumeTrue(installed("groff"), "groff is not installed");
        Path folder = dir.resolve("man1");
        Map<String, String> pages = generate(folder);
        Map<String, CommandLine> commands = tree().visible();
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            Path page = folder.resolve(file(command.getKey()));
            Groff checked = groff(page, "-z");
            assertEquals("", checked.err(), page.getFileName() + " warns");
            assertEquals(0, checked.exit(), page.getFileName().toString());
            Groff shown = groff(page);
            assertEquals("", shown.err(), page.getFileName() + " warns");
            String text = squeeze(shown.out().replaceAll(".\b", ""));
            List<String> description = ManPages.lines(command.getValue().getCommandSpec().usageMessage()
                    .description());
            assertFalse(description.isEmpty(), command.getKey());
            for (String line : description) {
                assertTrue(text.contains(squeeze(line)), page.getFileName() + " does not show: " + line);
            }
            assertTrue(text.contains(squeeze(command.getKey().replace(' ', '-'))), page.getFileName().toString());
        }
        assertEquals(commands.size(), pages.size());
    }

    @Test
    void groff_shows_hostile_text_as_text() throws Exception {
        assumeTrue(installed("groff"), "groff is not installed");
        String hostile = ".so /etc/passwd\\fB\\n \u001b[2J\u0007 caf\u00e9 \u202e \ud83d\ude00 -x";
        String page = ".TH X 1\n.SH NAME\nx \\- y\n.SH DESCRIPTION\n" + ManPages.line(ManPages.escape(hostile))
                + ManPages.line(ManPages.escape("'quoted"));
        Path file = dir.resolve("x.1");
        Files.writeString(file, page, StandardCharsets.US_ASCII);
        Groff shown = groff(file);
        assertEquals("", shown.err());
        String text = shown.out().replaceAll(".\b", "").replace('\u2212', '-');
        assertTrue(text.contains(".so /etc/passwd\\fB\\n ^[[2J^G caf\u00e9 <U+202E> \ud83d\ude00 -x"), text);
        assertTrue(text.contains("'quoted"), text);
    }

    @Test
    void escapes_backslashes_leading_dots_and_quotes_hyphens_and_control_characters() {
        assertEquals("a\\eb", ManPages.escape("a\\b"));
        assertEquals("\\-\\-json", ManPages.escape("--json"));
        assertEquals("\\&.SH x\n", ManPages.line(ManPages.escape(".SH x")));
        assertEquals("\\(aqx\n", ManPages.line(ManPages.escape("'x")));
        assertEquals("\\&.\n", ManPages.line("."));
        assertEquals("plain\n", ManPages.line("plain"));
        assertEquals("^[[2J^G^M a b", ManPages.escape("\u001b[2J\u0007\r a\tb"));
        assertEquals("<U+202E>", ManPages.escape("\u202e"));
        assertEquals("caf\\[u00E9] \\[u1F600]", ManPages.escape("caf\u00e9 \ud83d\ude00"));
        assertEquals("\\(gacmd\\(ga", ManPages.escape("`cmd`"));
        String escaped = ManPages.escape("x\u0000\u007f\u0085\\fB.");
        assertTrue(escaped.chars().allMatch(c -> c >= 0x20 && c < 0x7f), escaped);
        assertFalse(escaped.contains("\\fB"), escaped);
    }

    @Test
    void picocli_markup_and_styles_become_fonts_or_nothing() {
        assertEquals(List.of("bold here", "next line", "100%"),
                ManPages.lines(new String[] {"@|bold bold|@ here%nnext line", "", "100%%"}));
        assertEquals("\\fBa\\fR \\fIb\\fR \\f(BIc\\fR", ManPages.fonts(
                "\u001b[1ma\u001b[21m \u001b[3mb\u001b[23m \u001b[1;3mc\u001b[0m"));
        assertEquals("x y", ManPages.fonts("\u001b[38;5;1mx\u001b[39m y"));
        assertEquals("\\fB\\-x\\fR", ManPages.fonts("\u001b[1m-x"));
    }

    @Test
    void the_date_comes_from_the_build_never_from_the_clock() {
        assertEquals("2026-03-04", ManPages.date("2026-03-05T00:30:00+01:00")); // in UTC
        assertEquals("2026-01-01", ManPages.date("2026-01-01T00:00:00Z"));
        assertEquals("1970-01-02", ManPages.date("86400"));
        assertEquals("2025-07-08", ManPages.date("2025-07-08"));
        assertEquals(ManPages.DEFAULT_DATE, ManPages.date(null));
        assertEquals(ManPages.DEFAULT_DATE, ManPages.date("yesterday"));
    }

    @Test
    void two_runs_write_the_same_bytes() throws IOException {
        Path first = dir.resolve("one");
        Path second = dir.resolve("two");
        Map<String, String> a = generate(first);
        Map<String, String> b = generate(second);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
    }

    private record Groff(int exit, String out, String err) {
    }

    /** groff as man runs it, every warning on, 100 columns; {@code -z} reads the page without printing it. */
    private Groff groff(Path page, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("groff", "-man", "-Tutf8", "-ww", "-rLL=100n"));
        command.addAll(List.of(more));
        command.add(page.toString());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "groff ended");
        return new Groff(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Without white space, a minus or hyphen glyph read as the ASCII hyphen (groffs differ there). */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "").replace('\u2212', '-').replace('\u2010', '-');
    }

    private static boolean installed(String program) {
        for (String folder : System.getenv("PATH").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
