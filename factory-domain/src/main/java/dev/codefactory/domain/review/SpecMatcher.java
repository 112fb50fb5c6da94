package dev.codefactory.domain.review;

import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.workspace.Languages;
import dev.codefactory.domain.workspace.ProjectPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a spec is most likely about, so a REVIEW sends a model the code that matters, and says why.
 *
 * <p>Scoring, per path (points add up; each reason is one human-readable line):
 * <ul>
 *   <li>{@value #PATH_MENTION} for each path the body names that equals the path or is a suffix of it at a
 *       {@code /} boundary ({@code Login.java} matches {@code src/app/Login.java}). The strongest signal: the author
 *       named the file. A path counts in backticks ("mentions src/app/Login.java"), as a markdown link's target
 *       ("links to ../../src/app/Login.java"; resolved from the spec's folder when the spec's path is known, and also
 *       read as if written from the project root, which is how authors often write them), or written plainly in
 *       the text ("names src/app/Login.java in the text": a word holding a {@code /} and ending in a file name with
 *       an extension, or a bare file name whose extension is a known language's, such as {@code Login.java}; never
 *       part of an address such as {@code https://host/a.html}).</li>
 *   <li>{@value #NAME_EXACT} when the file name without extension is an identifier of the body, compared ignoring
 *       case, {@code _} and {@code -} ({@code LoginService.java}, {@code login_service.py}); else
 *       {@value #NAME_CONTAINS} when it contains one of 4 characters or more ({@code LoginServiceImpl.java}):
 *       "file name matches the identifier LoginService". Identifiers are the identifier-like words in code spans and
 *       the CamelCase ({@code LoginService}, {@code loginService}) and snake_case words of the body; at most two
 *       name matches count.</li>
 *   <li>{@value #CONTENT_IDENTIFIER} for each identifier of 4 characters or more the file's content contains
 *       (case-sensitive), at most {@value #MAX_CONTENT_IDENTIFIERS} of them: "contains the identifier
 *       LoginService". Content is only read for the best {@code 3 * maxFiles} candidates by the other signals, and
 *       only its first 64 KB are searched.</li>
 *   <li>{@value #TAG} for each tag equal to a folder (or package) name of the path, plural or singular:
 *       "tag 'auth' matches folder auth/".</li>
 *   <li>{@value #WORD} for each word of the title and the requirements (3 letters or more, not a stop word) that is
 *       also a word of the path (split at {@code /}, {@code .}, {@code _}, {@code -} and camel humps; trailing
 *       {@code s} ignored), at most {@value #MAX_WORDS} words: "shares words: login, password".</li>
 *   <li>{@value #IMPLEMENTED} more, for a path that already scored, when the spec's status is {@code implemented}:
 *       such a spec should have code.</li>
 * </ul>
 * Matches with a score above 0 come back best first, ties by path, at most {@code maxFiles}. Everything about the
 * spec is computed once per call; each path costs a few string operations, so ranking 10,000 paths is fast.
 */
// implements feature-006/FR-001
public final class SpecMatcher {
    static final int PATH_MENTION = 100;
    static final int NAME_EXACT = 40;
    static final int NAME_CONTAINS = 25;
    static final int CONTENT_IDENTIFIER = 8;
    static final int MAX_CONTENT_IDENTIFIERS = 5;
    static final int TAG = 15;
    static final int WORD = 5;
    static final int MAX_WORDS = 5;
    static final int IMPLEMENTED = 2;
    /** How much of a file's content is searched for identifiers. */
    static final int CONTENT_LIMIT = 64 * 1024;

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)>\\s]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A word that may be a path in prose: not inside a word, an address or a path already (see the class comment). */
    private static final Pattern PROSE_PATH = Pattern.compile("(?<![\\w./:@~%+-])[\\w-][\\w.+\\-/]*");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,9}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CAMEL = Pattern.compile("\\b[a-z]*[A-Z]?[a-z0-9]+(?:[A-Z][a-z0-9]+)+\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "into",
            "when", "then", "than", "must", "should", "shall", "will", "can", "may", "not", "are", "was", "were",
            "has", "have", "had", "been", "being", "its", "their", "there", "each", "any", "all", "only", "also",
            "able", "user", "users", "system", "use", "used", "using", "new", "given", "where", "which", "who",
            "what", "how", "one", "two", "more", "less", "least", "most", "per", "via", "out", "our", "you", "your",
            "src", "main", "java", "test", "tests", "lib", "app", "com", "org", "net", "dev", "index", "impl",
            "util", "utils", "internal", "kotlin", "resources", "file", "files", "code", "data", "value", "values",
            "get", "set", "true", "false", "null", "return", "string", "int", "class", "public", "private");
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "void", "return", "string",
            "public", "private", "static", "final", "class", "import", "package", "this", "self", "none", "const",
            "function", "def", "var", "let", "new", "int", "long", "boolean");

    private SpecMatcher() {
    }

    /**
     * What the matcher needs to know about a spec; {@code status} as its front matter writes it; {@code path} the
     * spec's file relative to the project root, for links relative to it ({@code ""} when unknown).
     */
    public record SpecInfo(String id, String title, List<String> tags, String status, String body, String path) {
        public SpecInfo {
            Objects.requireNonNull(id, "id");
            title = title == null ? "" : title;
            tags = tags == null ? List.of() : List.copyOf(tags);
            status = status == null ? "" : status;
            body = body == null ? "" : body;
            path = path == null ? "" : path.replace('\\', '/');
        }

        /** A spec whose file is not known: its links are read as if written from the project root. */
        public SpecInfo(String id, String title, List<String> tags, String status, String body) {
            this(id, title, tags, status, body, "");
        }
    }

    /** A file the spec is likely about, its score (see the class comment) and the reasons for it. */
    public record Match(String specId, String path, double score, List<String> reasons) {
        public Match {
            Objects.requireNonNull(specId, "specId");
            Objects.requireNonNull(path, "path");
            reasons = List.copyOf(reasons);
            if (!Double.isFinite(score) || score < 0) {
                throw new IllegalArgumentException("score must be finite and not negative: " + score);
            }
        }
    }

    /**
     * The at most {@code maxFiles} paths that best match {@code spec}, best first (see the class comment).
     *
     * @param paths     candidate paths relative to the project root, {@code /} or {@code \} separated
     * @param contentOf a file's content (the caller may pass only its first 64 KB), or {@code null} when unknown;
     *                  called for at most {@code 3 * maxFiles} paths. A {@code null} function reads nothing.
     */
    public static List<Match> rank(SpecInfo spec, List<String> paths, Function<String, String> contentOf,
            int maxFiles) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(paths, "paths");
        if (maxFiles < 0) {
            throw new IllegalArgumentException("maxFiles must not be negative: " + maxFiles);
        }
        if (maxFiles == 0 || paths.isEmpty()) {
            return List.of();
        }
        Profile profile = new Profile(spec);
        List<Scored> scored = new ArrayList<>();
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                continue;
            }
            Scored s = profile.byName(path);
            if (s.score > 0) {
                scored.add(s);
            }
        }
        Comparator<Scored> order = Comparator.comparingInt((Scored s) -> -s.score).thenComparing(s -> s.path);
        scored.sort(order);
        if (contentOf != null && !profile.contentIdentifiers.isEmpty()) {
            int reads = (int) Math.min(scored.size(), 3L * maxFiles);
            for (int i = 0; i < reads; i++) {
                Scored s = scored.get(i);
                String content = contentOf.apply(s.path);
                if (content != null) {
                    profile.byContent(s, content.length() > CONTENT_LIMIT ? content.substring(0, CONTENT_LIMIT)
                            : content);
                }
            }
            scored.sort(order);
        }
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && out.size() < maxFiles; i++) {
            Scored s = scored.get(i);
            List<String> reasons = new ArrayList<>(s.reasons);
            if (profile.implemented) {
                reasons.add("the spec is implemented, so it should have code");
            }
            out.add(new Match(spec.id(), s.path, s.score + (profile.implemented ? IMPLEMENTED : 0), reasons));
        }
        return List.copyOf(out);
    }

    /** A path's score so far. */
    private static final class Scored {
        final String path;
        int score;
        final List<String> reasons = new ArrayList<>();

        Scored(String path) {
            this.path = path;
        }

        void add(int points, String reason) {
            score += points;
            reasons.add(reason);
        }
    }

    /** Everything about one spec that scoring needs, computed once. */
    private static final class Profile {
        /** Named paths, normalised, each with the reason to show; the first way a path is named wins. */
        final Map<String, String> mentions = new LinkedHashMap<>();
        /** Normalised identifier (lower case, no _ or -) to the identifier as written. */
        final Map<String, String> nameIdentifiers = new LinkedHashMap<>();
        final List<String> contentIdentifiers = new ArrayList<>();
        /** Tag forms (singular and plural, lower case) to the tag as written. */
        final Map<String, String> tags = new LinkedHashMap<>();
        final Set<String> words = new LinkedHashSet<>();
        final boolean implemented;
        /** The folder of the path scored last (up to its last {@code /}), the tag reasons and words found in it. */
        private String folder;
        private List<String> folderTags;
        private Set<String> folderWords;

        Profile(SpecInfo spec) {
            implemented = spec.status().strip().equalsIgnoreCase("implemented");
            String body = spec.body();
            Set<String> identifiers = new LinkedHashSet<>();
            Matcher code = CODE_SPAN.matcher(body);
            while (code.find()) {
                String span = code.group(1).strip();
                mention(span, "mentions ");
                Matcher id = IDENTIFIER.matcher(span);
                while (id.find()) {
                    identifiers.add(id.group());
                }
            }
            Matcher link = LINK.matcher(body);
            while (link.find()) {
                link(link.group(1), spec.path());
            }
            Matcher prose = PROSE_PATH.matcher(body);
            while (prose.find()) {
                prose(prose.group());
            }
            Matcher camel = CAMEL.matcher(body);
            while (camel.find()) {
                identifiers.add(camel.group());
            }
            Matcher snake = SNAKE.matcher(body);
            while (snake.find()) {
                identifiers.add(snake.group());
            }
            for (String id : identifiers) {
                String key = normal(id);
                if (key.length() >= 3 && !KEYWORDS.contains(key)) {
                    nameIdentifiers.putIfAbsent(key, id);
                    if (id.length() >= 4) {
                        contentIdentifiers.add(id);
                    }
                }
            }
            for (String tag : spec.tags()) {
                if (tag == null || tag.isBlank()) {
                    continue;
                }
                String t = tag.strip().toLowerCase(Locale.ROOT);
                tags.putIfAbsent(t, tag.strip());
                tags.putIfAbsent(t.endsWith("s") ? t.substring(0, t.length() - 1) : t + "s", tag.strip());
            }
            StringBuilder text = new StringBuilder(spec.title());
            for (Requirement r : Requirements.of(spec.id(), body, 1)) {
                text.append(' ').append(r.text());
            }
            Matcher w = WORDS.matcher(text);
            while (w.find()) {
                for (String part : splitCamel(w.group())) {
                    String word = stem(part.toLowerCase(Locale.ROOT));
                    if (word.length() >= 3 && !STOP.contains(word)) {
                        words.add(word);
                    }
                }
            }
        }

        /** A path in backticks, or a link's target read from the project root; {@code how} starts the reason. */
        private void mention(String candidate, String how) {
            String p = withoutAnchor(candidate.strip().replace('\\', '/'));
            String shown = p;
            while (p.startsWith("./") || p.startsWith("/") || p.startsWith("../")) {
                p = p.substring(p.startsWith("/") ? 1 : p.startsWith("./") ? 2 : 3);
            }
            add(p, how + shown);
        }

        /**
         * A link's target: resolved from the spec's folder when the spec's path is known (a target climbing out of
         * the project is dropped), and also read as if written from the project root.
         */
        private void link(String target, String specPath) {
            String t = withoutAnchor(target.strip().replace('\\', '/'));
            if (t.contains("://") || t.startsWith("mailto:")) {
                return;
            }
            if (!specPath.isEmpty() && !t.startsWith("/")) {
                String resolved = ProjectPaths.resolve(ProjectPaths.folderOf(specPath), t);
                if (resolved != null) {
                    add(resolved, "links to " + t);
                }
            }
            mention(t, "links to ");
        }

        /** A word of the text that names a file: a path with a {@code /}, or a file name of a known language. */
        private void prose(String word) {
            String p = word;
            while (!p.isEmpty() && ".-+/".indexOf(p.charAt(p.length() - 1)) >= 0) {
                p = p.substring(0, p.length() - 1); // the end of a sentence, not of the name
            }
            int slash = p.lastIndexOf('/');
            int dot = p.lastIndexOf('.');
            if (dot <= slash + 1 || !EXTENSION.matcher(p.substring(dot + 1)).matches()) {
                return;
            }
            if (slash < 0 && Languages.byName(p).isEmpty()) {
                return; // "e.g", "java.util.List": not file names
            }
            add(p, "names " + p + " in the text");
        }

        private void add(String p, String reason) {
            if (p.isEmpty() || p.contains(" ") || p.contains("://") || p.endsWith("/")) {
                return;
            }
            int slash = p.lastIndexOf('/');
            int dot = p.lastIndexOf('.');
            if (dot > slash + 0 && dot < p.length() - 1 && (slash >= 0 || dot > 0)) {
                mentions.putIfAbsent(p, reason);
            }
        }

        private static String withoutAnchor(String p) {
            int cut = p.length();
            for (char c : new char[] {'#', '?'}) {
                int at = p.indexOf(c);
                if (at >= 0 && at < cut) {
                    cut = at;
                }
            }
            return p.substring(0, cut);
        }

        Scored byName(String rawPath) {
            String path = rawPath.replace('\\', '/');
            Scored s = new Scored(rawPath);
            for (Map.Entry<String, String> m : mentions.entrySet()) {
                String named = m.getKey();
                boolean suffix = path.length() > named.length() && path.endsWith(named)
                        && path.charAt(path.length() - named.length() - 1) == '/';
                if ((path.equals(named) || suffix) && !s.reasons.contains(m.getValue())) {
                    s.add(PATH_MENTION, m.getValue());
                }
            }
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (!nameIdentifiers.isEmpty()) {
                int dot = name.indexOf('.', 1);
                String stem = normal(dot > 0 ? name.substring(0, dot) : name);
                if (!stem.isEmpty()) {
                    String exact = nameIdentifiers.get(stem);
                    int found = 0;
                    if (exact != null) {
                        s.add(NAME_EXACT, "file name matches the identifier " + exact);
                        found++;
                    }
                    for (Map.Entry<String, String> id : nameIdentifiers.entrySet()) {
                        if (found >= 2) {
                            break;
                        }
                        String key = id.getKey();
                        if (key.length() >= 4 && key.length() < stem.length() && stem.contains(key)) {
                            s.add(NAME_CONTAINS, "file name contains the identifier " + id.getValue());
                            found++;
                        }
                    }
                }
            }
            if (!tags.isEmpty() || !words.isEmpty()) {
                // implements feature-013/NFR-002: the paths come folder by folder, so a folder's tags and words are
                // found once for all its files, not once per file (a quarter of a warm review of 50,000 files)
                if (folder == null || folder.length() != slash + 1 || !path.regionMatches(0, folder, 0, slash + 1)) {
                    folder = path.substring(0, slash + 1);
                    folderTags = new ArrayList<>();
                    folderWords = new TreeSet<>();
                    Set<String> taggedBy = new LinkedHashSet<>();
                    int start = 0;
                    for (int i = 0; i < folder.length(); i++) {
                        if (folder.charAt(i) == '/') {
                            String segment = folder.substring(start, i);
                            if (!segment.isEmpty()) {
                                folder(segment, folderTags, taggedBy);
                            }
                            words(segment, folderWords);
                            start = i + 1;
                        }
                    }
                }
                for (String tagged : folderTags) {
                    s.add(TAG, tagged);
                }
                Set<String> shared = new TreeSet<>(folderWords);
                words(name, shared);
                if (!shared.isEmpty()) {
                    List<String> top = new ArrayList<>(shared).subList(0, Math.min(MAX_WORDS, shared.size()));
                    s.add(WORD * top.size(), "shares words: " + String.join(", ", top));
                }
            }
            return s;
        }

        private void folder(String segment, List<String> reasons, Set<String> taggedBy) {
            if (tags.isEmpty()) {
                return;
            }
            String tag = tags.get(segment.toLowerCase(Locale.ROOT));
            if (tag != null && taggedBy.add(tag)) {
                reasons.add("tag '" + tag + "' matches folder " + segment + "/");
            }
        }

        private void words(String segment, Set<String> shared) {
            if (words.isEmpty()) {
                return;
            }
            int start = -1;
            for (int i = 0; i <= segment.length(); i++) {
                char c = i < segment.length() ? segment.charAt(i) : '.';
                boolean boundary = !Character.isLetterOrDigit(c)
                        || (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(segment.charAt(i - 1)));
                if (boundary && start >= 0) {
                    String word = stem(segment.substring(start, i).toLowerCase(Locale.ROOT));
                    if (words.contains(word)) {
                        shared.add(word);
                    }
                    start = -1;
                }
                if (Character.isLetterOrDigit(c) && start < 0) {
                    start = i;
                }
            }
        }

        void byContent(Scored s, String content) {
            int found = 0;
            for (String id : contentIdentifiers) {
                if (found >= MAX_CONTENT_IDENTIFIERS) {
                    break;
                }
                if (content.contains(id)) {
                    s.add(CONTENT_IDENTIFIER, "contains the identifier " + id);
                    found++;
                }
            }
        }
    }

    private static String normal(String identifier) {
        StringBuilder out = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c != '_' && c != '-') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static List<String> splitCamel(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
                parts.add(word.substring(start, i));
                start = i;
            }
        }
        parts.add(word.substring(start));
        return parts;
    }

    /** A crude singular: a trailing {@code s} dropped from words of 4 letters or more ({@code sessions}). */
    private static String stem(String word) {
        return word.length() >= 4 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
                : word;
    }
}
