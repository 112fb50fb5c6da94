package dev.codefactory.app.adopt;

import dev.codefactory.app.adopt.AdoptService.Run;
import dev.codefactory.app.adopt.AdoptUseCase.AdoptedSpec;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreatedSpec;
import dev.codefactory.app.spec.SpecCatalog;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.adopt.AdoptionPlan;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.DocEvidence;
import dev.codefactory.domain.adopt.RecordedEvidence;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.workspace.Syntax;
import dev.codefactory.port.files.FileWrite;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The writing of an adoption: every accepted draft written together through the catalog (new specs created one inside
 * the other) and the project files (updated specs, trace-link comments in code), then one commit; what was written is
 * taken back when a step fails.
 */
final class AdoptWriting {
    private final SpecCatalog catalog;
    private final Supplier<ProjectFiles> files;
    private final Supplier<Optional<VersionControl>> git;

    AdoptWriting(SpecCatalog catalog, Supplier<ProjectFiles> files, Supplier<Optional<VersionControl>> git) {
        this.catalog = catalog;
        this.files = files;
        this.git = git;
    }

    /** A draft to write: a new spec, or an existing spec's new body when its capability is covered. */
    record Accepted(Capability capability, String body, boolean skeleton) {
        boolean update() {
            return capability.covered();
        }
    }

    record Written(List<AdoptedSpec> specs, Optional<String> commit, List<String> touched) {
    }

    /**
     * Writes every accepted draft together, and only then: the new specs through the catalog (ids, front matter,
     * index), the updated specs' bodies and the trace-link comments the person agreed to through the project files
     * (all or none), and one commit of them all. When any step fails, what was written is taken back.
     */
    // implements feature-011/FR-010
    Written write(Run run, AdoptionPlan plan, List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            run.dialog.say("No spec to write.");
            return new Written(List.of(), Optional.empty(), List.of());
        }
        // the evidence each requirement records, and the code files comments could go into
        Map<String, List<RecordedEvidence.Entry>> evidence = new LinkedHashMap<>();
        Set<String> commentable = new TreeSet<>();
        for (Accepted a : accepted) {
            Set<String> known = evidencePaths(a.capability());
            // only locations of the capability's evidence: never a file a model named on its own
            List<RecordedEvidence.Entry> entries = a.skeleton() ? List.of() : RecordedEvidence.read(a.body())
                    .stream().filter(e -> known.contains(e.at().path())).toList();
            evidence.put(a.capability().key(), entries);
            for (RecordedEvidence.Entry e : entries) {
                if (Syntax.forPath(e.at().path()).isPresent()) {
                    commentable.add(e.at().path());
                }
            }
        }
        boolean touch = !commentable.isEmpty() && !run.command.yes()
                && run.dialog.touchCode(List.copyOf(commentable));
        List<Accepted> fresh = new ArrayList<>();
        List<Accepted> updates = new ArrayList<>();
        for (Accepted a : accepted) {
            String body = touch ? withoutEvidence(a.body(), evidence.get(a.capability().key()), commentable)
                    : a.body();
            (a.update() ? updates : fresh).add(new Accepted(a.capability(), body, a.skeleton()));
        }
        Optional<VersionControl> vcs = git.get();
        if (run.command.commit() && vcs.isEmpty()) {
            run.dialog.say("Not committed: the project is not in a git repository.");
        }
        List<CreatedSpec> created = new ArrayList<>();
        return createFrom(0, fresh, created, () -> finish(run, plan, fresh, updates, created, evidence, touch,
                commentable, vcs));
    }

    /** Creates {@code fresh[i..]} one inside the other, so that a failure of any takes back every one before it. */
    private Written createFrom(int i, List<Accepted> fresh, List<CreatedSpec> created, Supplier<Written> then) {
        if (i == fresh.size()) {
            return then.get();
        }
        Accepted a = fresh.get(i);
        return catalog.create(command(a.capability(), a.body()), a.body(), c -> {
            created.add(c);
            try {
                return createFrom(i + 1, fresh, created, then);
            } catch (RuntimeException e) {
                created.remove(created.size() - 1);
                throw e;
            }
        });
    }

    private Written finish(Run run, AdoptionPlan plan, List<Accepted> fresh, List<Accepted> updates,
                           List<CreatedSpec> created, Map<String, List<RecordedEvidence.Entry>> evidence,
                           boolean touch, Set<String> commentable, Optional<VersionControl> vcs) {
        List<AdoptedSpec> specs = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            CreatedSpec c = created.get(i);
            Accepted a = fresh.get(i);
            idOf.put(a.capability().key(), c.spec().id().value());
            specs.add(new AdoptedSpec(c.spec().id().value(), c.path(), a.capability().key(), a.skeleton(), false));
        }
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        for (Accepted a : updates) {
            String id = a.capability().coveredBy();
            String path = specPath(id);
            String old = files.get().readText(path).orElseThrow();
            String text = old.replace("\r\n", "\n");
            String front = text.startsWith("---\n") && text.indexOf("\n---\n", 4) > 0
                    ? text.substring(0, text.indexOf("\n---\n", 4) + 5) + "\n" : "";
            before.put(path, old);
            after.put(path, front + (a.body().endsWith("\n") ? a.body() : a.body() + "\n"));
            idOf.put(a.capability().key(), id);
            specs.add(new AdoptedSpec(id, path, a.capability().key(), false, true));
        }
        List<String> touched = new ArrayList<>();
        if (touch) {
            Map<String, List<String[]>> comments = new TreeMap<>();
            for (Map.Entry<String, List<RecordedEvidence.Entry>> e : evidence.entrySet()) {
                String id = idOf.get(e.getKey());
                if (id == null) {
                    continue;
                }
                for (RecordedEvidence.Entry r : e.getValue()) {
                    if (commentable.contains(r.at().path())) {
                        comments.computeIfAbsent(r.at().path(), k -> new ArrayList<>()).add(new String[] {
                                String.valueOf(r.at().line()), (r.implementing() ? "impl" + "ements " : "cov" + "ers ")
                                + id + "/" + r.requirement()});
                    }
                }
            }
            for (Map.Entry<String, List<String[]>> e : comments.entrySet()) {
                String old = files.get().readText(e.getKey()).orElse(null);
                if (old == null) {
                    continue;
                }
                String changed = withComments(e.getKey(), old, e.getValue());
                if (!changed.equals(old)) {
                    before.put(e.getKey(), old);
                    after.put(e.getKey(), changed);
                    touched.add(e.getKey());
                }
            }
        }
        List<FileWrite> writes = new ArrayList<>();
        after.forEach((p, t) -> writes.add(new FileWrite(p, t)));
        if (!writes.isEmpty()) {
            files.get().writeAll(writes);
        }
        try {
            Optional<String> commit = Optional.empty();
            if (run.command.commit() && vcs.isPresent()) {
                Path workTree = vcs.get().workTree();
                List<String> paths = new ArrayList<>();
                for (CreatedSpec c : created) {
                    paths.add(relative(workTree, c.path()));
                }
                if (!created.isEmpty()) {
                    paths.add(relative(workTree, catalog.indexPath()));
                }
                for (String p : after.keySet()) {
                    paths.add(relative(workTree, p));
                }
                String scope = plan.scope().isEmpty() ? "." : plan.scope();
                CommitInfo info = vcs.get().commit(CommitRequest.only("spec: adopt " + specs.size() + " spec"
                        + (specs.size() == 1 ? "" : "s") + " from " + scope, paths));
                commit = Optional.of(info.id());
            }
            return new Written(specs, commit, touched);
        } catch (RuntimeException e) {
            if (!before.isEmpty()) {
                List<FileWrite> back = new ArrayList<>();
                before.forEach((p, t) -> back.add(new FileWrite(p, t)));
                try {
                    files.get().writeAll(back);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                    throw new FactoryException(e.getMessage() + " Putting back the files it changed failed too ("
                            + undo.getMessage() + "): restore them with 'git checkout -- "
                            + String.join(" ", before.keySet()) + "'.", e);
                }
            }
            throw e;
        }
    }

    /** {@code text} with each {@code [line, link]} comment inserted above its line, indented as that line. */
    static String withComments(String path, String text, List<String[]> comments) {
        Syntax syntax = Syntax.forPath(path).orElseThrow();
        String marker = syntax.lineComment();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<Integer, List<String>> at = new TreeMap<>((a, b) -> Integer.compare(b, a));
        for (String[] c : comments) {
            int line = Math.max(1, Math.min(Integer.parseInt(c[0]), lines.size()));
            List<String> here = at.computeIfAbsent(line, k -> new ArrayList<>());
            if (!here.contains(c[1])) {
                here.add(c[1]);
            }
        }
        for (Map.Entry<Integer, List<String>> e : at.entrySet()) {
            int index = e.getKey() - 1;
            String target = lines.get(index);
            String indent = target.substring(0, target.length() - target.stripLeading().length());
            String ending = target.endsWith("\r") ? "\r" : ""; // a CRLF file keeps its line endings
            List<String> insert = new ArrayList<>();
            for (String link : e.getValue()) {
                String comment = indent + marker + " " + link + ending;
                boolean already = index > 0 && lines.subList(Math.max(0, index - e.getValue().size()), index)
                        .stream().anyMatch(l -> l.strip().equals(comment.strip()));
                if (!already) {
                    insert.add(comment);
                }
            }
            lines.addAll(index, insert);
        }
        return String.join("\n", lines);
    }

    /**
     * The body without the evidence lines whose every location gets a comment in code ({@code commented} holds
     * those files): the links are in the code then, not twice.
     */
    private static String withoutEvidence(String body, List<RecordedEvidence.Entry> entries, Set<String> commented) {
        Map<Integer, Boolean> allCommented = new HashMap<>();
        for (RecordedEvidence.Entry e : entries) {
            allCommented.merge(e.line(), commented.contains(e.at().path()), Boolean::logicalAnd);
        }
        List<String> lines = List.of(body.split("\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!allCommented.getOrDefault(i + 1, false)) {
                out.add(lines.get(i));
            }
        }
        return String.join("\n", out);
    }

    /** A project-relative path as the working tree sees it (the project is the working tree's root). */
    private static String relative(Path workTree, String projectRelative) {
        return projectRelative;
    }

    private static Set<String> evidencePaths(Capability c) {
        Set<String> known = new TreeSet<>(c.paths());
        for (DocEvidence d : c.docs()) {
            known.add(d.at().path());
        }
        return known;
    }

    private static String titleOf(String body, String fallback) {
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String t = line.substring(2).strip();
                return t.isEmpty() || t.length() > 200 ? fallback : t;
            }
        }
        return fallback;
    }

    static CreateSpecCommand command(Capability c, String body) {
        List<String> tags = c.tags().stream().map(String::strip)
                .filter(t -> !t.isEmpty() && t.length() <= 50 && t.chars().noneMatch(Character::isISOControl))
                .toList();
        return new CreateSpecCommand(titleOf(body, c.title()), SpecKind.SPEC, tags, Priority.MEDIUM, null);
    }

    /** The markdown after a front matter block (the whole text when there is none). */
    static String bodyOf(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 4);
            if (end > 0) {
                return text.substring(end + 5).stripLeading();
            }
        }
        return text;
    }

    private String specPath(String id) {
        return catalog.show(id).path();
    }
}
