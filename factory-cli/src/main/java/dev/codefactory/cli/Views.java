package dev.codefactory.cli;

import dev.codefactory.port.change.ChangeRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of {@code --json} output: stable field names, documented in README.md. A contract's, its
 * findings' and a validation's are factory-app's {@link dev.codefactory.app.spec.SpecJson}, which the MCP server's
 * tools print too.
 */
final class Views {
    private Views() {
    }

    /** One change order as {@code factory history --json} lists it. */
    static Map<String, Object> change(ChangeRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("request", c.request());
        m.put("created", c.created().toString());
        m.put("status", c.status().name().toLowerCase(Locale.ROOT));
        m.put("baseBranch", c.before().branch().orElse(null));
        m.put("baseCommit", c.before().commit().orElse(""));
        m.put("branch", c.branch());
        m.put("commits", c.commits());
        m.put("specs", c.specs());
        m.put("files", c.files());
        m.put("tests", c.tests());
        m.put("stashed", c.before().stash().isPresent());
        m.put("pushed", c.publication().pushed());
        m.put("pullRequest", c.publication().pullRequest().orElse(null));
        m.put("note", c.note().orElse(null));
        m.put("hint", hint(c));
        return m;
    }

    /** What to do about a change, when something is to be done: an interrupted one is undone. */
    static String hint(ChangeRecord c) {
        return c.status() == ChangeRecord.Status.INTERRUPTED ? "factory undo " + c.id() : null;
    }
}
