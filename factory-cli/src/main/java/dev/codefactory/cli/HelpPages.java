package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Every command's {@code --help} page as {@code factory CMD... --help} prints it, written at build time (the build
 * runs {@link #main} on the compiled classes) and printed as it is by a run whose arguments are exactly command
 * names and {@code --help} or {@code -h}: such a run loads no picocli class. Building picocli's model and rendering
 * its help was most of every {@code --help} (it is Java 5 bytecode, which the start-up archive holds but cannot
 * link ahead, and its model is built by reflection).
 *
 * <p>The pages are picocli's own output, not a second rendering: the build captures what {@link Main} prints for
 * each command on picocli's whole model, in colour and without, and {@code HelpPagesTest} checks that the stored pages
 * are what a run prints now. Anything else (an option before {@code --help}, {@code help CMD}, a word that is no
 * command, a missing page) goes to picocli as before.
 */
// implements feature-013/FR-001
public final class HelpPages {
    /** The folder of the pages, beside this class. */
    static final String FOLDER = "help/";

    private HelpPages() {
    }

    /**
     * The page {@code args} ask for, coloured when {@code colour}, or null when they are not exactly command names
     * followed by {@code --help} or {@code -h} or there is no page for them.
     */
    static String page(String[] args, boolean colour) {
        if (args.length == 0 || !(args[args.length - 1].equals("--help") || args[args.length - 1].equals("-h"))) {
            return null;
        }
        StringBuilder key = new StringBuilder("factory");
        for (int i = 0; i < args.length - 1; i++) {
            if (!isName(args[i])) {
                return null;
            }
            key.append('.').append(args[i]);
        }
        try (InputStream in = HelpPages.class.getResourceAsStream(FOLDER + key + (colour ? ".ansi" : ".txt"))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the ordinary way then
        }
    }

    private static boolean isName(String word) {
        if (word.isEmpty() || word.length() > 40 || word.charAt(0) < 'a' || word.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes every page under {@code args[0]} (the classes folder), and {@link CommandModel}'s record of the
     * commands beside them: run by the build after compiling.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve(HelpPages.class.getPackageName().replace('.', '/'))
                .resolve(FOLDER);
        Files.createDirectories(folder);
        StringWriter sink = new StringWriter();
        Session quiet = new Session(new PrintWriter(sink), new PrintWriter(sink), Path.of("").toAbsolutePath(),
                Map.of(), false);
        Files.writeString(folder.resolve("model.txt"),
                CommandModel.describe(CommandTree.full(new FactoryCommand(quiet, new Interrupts(quiet.err())))),
                StandardCharsets.UTF_8);
        for (List<String> path : commandPaths()) {
            for (boolean colour : new boolean[] {false, true}) {
                String key = String.join(".", path);
                Files.writeString(folder.resolve(key + (colour ? ".ansi" : ".txt")), render(path, colour),
                        StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * What {@code factory PATH... --help} prints now, rendered by picocli on the whole model, with colour or without;
     * PATH starts with {@code factory}.
     */
    static String render(List<String> path, boolean colour) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = colour ? Map.of() : Map.of("NO_COLOR", "1");
        Session session = new Session(new PrintWriter(out), new PrintWriter(err), Path.of("").toAbsolutePath(),
                environment, true);
        List<String> args = new ArrayList<>(path.subList(1, path.size()));
        args.add("--help");
        int code = Main.runOnFullModel(session, args.toArray(String[]::new));
        if (code != ExitCodes.OK || !err.toString().isEmpty()) {
            throw new IllegalStateException(String.join(" ", path) + " --help exited " + code + ": " + err);
        }
        return out.toString();
    }

    /** Every command's path from the root ({@code factory}, {@code factory spec}, {@code factory spec list}, ...). */
    static List<List<String>> commandPaths() {
        StringWriter sink = new StringWriter();
        Session session = new Session(new PrintWriter(sink), new PrintWriter(sink), Path.of("").toAbsolutePath(),
                Map.of(), false);
        List<List<String>> paths = new ArrayList<>();
        collect(CommandTree.full(new FactoryCommand(session, new Interrupts(session.err()))), List.of("factory"),
                paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name); // aliases too: picocli lists a command under each of its names
            collect(sub, List.copyOf(longer), paths);
        });
    }
}
