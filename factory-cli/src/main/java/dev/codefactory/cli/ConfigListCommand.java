package dev.codefactory.cli;

import dev.codefactory.app.config.ConfigValue;
import dev.codefactory.domain.json.JsonWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every configuration key with its effective value and where it came from.")
final class ConfigListCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {key, value, source, layer}.")
    boolean json;

    @Override
    public Integer call() {
        List<ConfigValue> values = parent.root.factory().config().values();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (ConfigValue v : values) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", v.key());
                row.put("value", v.value());
                row.put("source", v.origin().describe());
                row.put("layer", v.origin().layer().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                rows.add(row);
            }
            out.print(JsonWriter.pretty(rows));
            return ExitCodes.OK;
        }
        Style style = parent.root.style();
        int keyWidth = "KEY".length();
        int valueWidth = "VALUE".length();
        for (ConfigValue v : values) {
            keyWidth = Math.max(keyWidth, v.key().length());
            valueWidth = Math.max(valueWidth, shown(v).length());
        }
        out.println(style.bold(String.format("%-" + keyWidth + "s  %-" + valueWidth + "s  %s", "KEY", "VALUE",
                "SOURCE")));
        StringBuilder all = new StringBuilder();
        for (ConfigValue v : values) {
            all.append(String.format("%-" + keyWidth + "s  %-" + valueWidth + "s  %s", v.key(), shown(v),
                    v.origin().describe()).stripTrailing()).append(System.lineSeparator());
        }
        out.print(all);
        return ExitCodes.OK;
    }

    private static String shown(ConfigValue v) {
        return v.isSet() ? v.value() : "-";
    }
}
