package dev.codefactory.cli;

import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The completion scripts of {@code factory completion}: one reading of picocli's whole model ({@link
 * CommandTree#full}) into tables (each command's subcommands, options, the options that take a value, and what each
 * value is), written out for bash (zsh runs the same through {@code bashcompinit}) and for fish, each with one small
 * fixed function that walks the words typed so far through those tables.
 *
 * <p>Ours rather than picocli's {@code AutoComplete.bash}: picocli's script can only offer values fixed when it is
 * generated (an option's completion candidates), while spec ids and tags belong to the project at the moment Tab is
 * pressed, and it has no fish. A value is one of {@link Kind}: words fixed by the domain (a status, a priority, a
 * kind), the project's spec ids or tags, which the script asks {@code factory completion values ids|tags} for, or
 * files and folders. Nothing the script reads from that command is evaluated: it is compared and quoted
 * ({@code printf %q}), never passed to {@code compgen -W}, which would expand it.
 */
final class CompletionScript {
    /** The arguments that take spec ids: by command, the option's name or the positional parameter's label. */
    static final Map<Class<?>, List<String>> SPEC_IDS = Map.of(
            SpecShowCommand.class, List.of("ID"),
            SpecStatusCommand.class, List.of("ID"),
            SpecValidateCommand.class, List.of("ID"),
            SpecIdsCommand.class, List.of("SPEC"),
            DriftCommand.class, List.of("SPEC"),
            ReviewCommand.class, List.of("--spec"),
            ChangeCommand.class, List.of("--spec"));

    /** The arguments that take tags, as {@link #SPEC_IDS}. */
    static final Map<Class<?>, List<String>> TAGS = Map.of(
            SpecListCommand.class, List.of("--tag"),
            SpecNewCommand.class, List.of("--tags"),
            IntakeCommand.class, List.of("--tags"));

    /** What the script may hold as a name or a fixed value: nothing a shell would read as more than a word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*|-[A-Za-z0-9?][A-Za-z0-9_-]*"
            + "|--[A-Za-z0-9][A-Za-z0-9_-]*");

    /** What an option's value or a positional parameter is, for completing it. */
    record Kind(String name, List<String> words) {
        static final Kind NONE = new Kind("none", List.of());
        static final Kind IDS = new Kind("ids", List.of());
        static final Kind TAGS = new Kind("tags", List.of());
        static final Kind FILES = new Kind("files", List.of());
        static final Kind DIRS = new Kind("dirs", List.of());

        static Kind words(List<String> words) {
            return new Kind("words", words);
        }

        /** How the scripts hold it: the kind's name, then the words. */
        String text() {
            return words.isEmpty() ? name : name + " " + String.join(" ", words);
        }
    }

    /** A positional parameter: from which index to which (inclusive), and its kind. */
    record Positional(int from, int to, Kind kind) {
    }

    /** One command, by the words of its path under {@code factory} ("" for the root; aliases give more). */
    record Node(String path, List<String> subcommands, List<String> options, List<String> valueOptions,
                Map<String, Kind> optionKinds, List<Positional> positionals) {
    }

    private final List<Node> nodes;

    private CompletionScript(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The tables of every command under {@code root} that is not hidden. */
    static CompletionScript of(CommandLine root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, "", root, nodes);
        return new CompletionScript(nodes);
    }

    private static void collect(CommandLine command, String path, CommandLine root, List<Node> nodes) {
        List<String> subs = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(plain(name));
            }
        });
        List<String> options = new ArrayList<>();
        List<String> valueOptions = new ArrayList<>();
        Map<String, Kind> kinds = new java.util.LinkedHashMap<>();
        Class<?> type = command.getCommand().getClass();
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.hidden()) {
                continue;
            }
            for (String name : o.names()) {
                options.add(plain(name));
                if (o.arity().max() > 0 && !(o.type() == boolean.class || o.type() == Boolean.class)) {
                    valueOptions.add(name);
                    Kind kind = kind(type, name, o, root);
                    if (kind != Kind.NONE) {
                        kinds.put(name, kind);
                    }
                }
            }
        }
        List<Positional> positionals = new ArrayList<>();
        for (PositionalParamSpec p : command.getCommandSpec().positionalParameters()) {
            Kind kind = kind(type, p.paramLabel(), p, root);
            if (!p.hidden() && kind != Kind.NONE) {
                positionals.add(new Positional(p.index().min(), p.index().max() == Integer.MAX_VALUE ? 9999
                        : p.index().max(), kind));
            }
        }
        nodes.add(new Node(path, subs, options, valueOptions, kinds, positionals));
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, path.isEmpty() ? name : path + " " + name, root, nodes);
            }
        });
    }

    /** The kind of {@code arg} of a {@code command}: {@code key} is its option name or positional label. */
    private static Kind kind(Class<?> command, String key, ArgSpec arg, CommandLine root) {
        if (SPEC_IDS.getOrDefault(command, List.of()).contains(key)) {
            return Kind.IDS;
        }
        if (TAGS.getOrDefault(command, List.of()).contains(key)) {
            return Kind.TAGS;
        }
        Class<?> type = arg.type();
        if (arg.isMultiValue() && arg.auxiliaryTypes().length > 0) {
            type = arg.auxiliaryTypes()[0];
        }
        if (type == SpecStatus.class) {
            return Kind.words(Arrays.stream(SpecStatus.values()).map(SpecStatus::label).toList());
        }
        if (type == Priority.class) {
            return Kind.words(Arrays.stream(Priority.values()).map(Priority::label).toList());
        }
        if (type == SpecKind.class) {
            return Kind.words(Arrays.stream(SpecKind.values()).map(SpecKind::label).toList());
        }
        if (type == Path.class) {
            return "DIR".equals(arg.paramLabel()) ? Kind.DIRS : Kind.FILES;
        }
        if (command == CompletionCommand.class && key.equals("SHELL")) {
            return Kind.words(CompletionCommand.SHELLS);
        }
        if (command == HelpCommand.class) {
            List<String> names = new ArrayList<>();
            root.getSubcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(plain(name));
                }
            });
            return Kind.words(names);
        }
        return Kind.NONE;
    }

    private static String plain(String word) {
        if (!PLAIN.matcher(word).matches()) {
            throw new IllegalStateException("'" + word + "' cannot be written into a completion script as it is");
        }
        return word;
    }

    // ---- bash (and zsh) ----

    /** The bash script: {@code _factory}, registered for {@code factory}. */
    String bash() {
        StringBuilder s = new StringBuilder();
        s.append("# bash completion for factory; generated by 'factory completion bash'.\n")
                .append("# Install: source <(factory completion bash), or save it as\n")
                .append("# ~/.local/share/bash-completion/completions/factory\n\n");
        bashBody(s);
        s.append("complete -F _factory factory\n");
        return s.toString();
    }

    /** The zsh script: the bash one through zsh's {@code bashcompinit}. */
    String zsh() {
        StringBuilder s = new StringBuilder();
        s.append("# zsh completion for factory; generated by 'factory completion zsh'.\n")
                .append("# Install: source <(factory completion zsh) in ~/.zshrc, after compinit.\n\n")
                .append("autoload -U +X compinit && { (( ${+functions[compdef]} )) || compinit; }\n")
                .append("autoload -U +X bashcompinit && bashcompinit\n\n");
        bashBody(s);
        s.append("complete -F _factory factory\n");
        return s.toString();
    }

    private void bashBody(StringBuilder s) {
        s.append("_factory_node() {\n  case \"$1\" in\n");
        for (Node n : nodes) {
            s.append("    ").append(quoted(n.path())).append(")\n")
                    .append("      _fc_subs=(").append(String.join(" ", n.subcommands())).append(")\n")
                    .append("      _fc_opts=(").append(String.join(" ", n.options())).append(")\n")
                    .append("      _fc_valopts=(").append(String.join(" ", n.valueOptions())).append(") ;;\n");
        }
        s.append("    *) _fc_subs=() _fc_opts=() _fc_valopts=() ;;\n  esac\n}\n\n");
        s.append("_factory_kind() {\n  _fc_kind=none\n  case \"$1|$2\" in\n");
        for (Node n : nodes) {
            n.optionKinds().forEach((option, kind) -> s.append("    ").append(quoted(n.path() + "|" + option))
                    .append(") _fc_kind=").append(quoted(kind.text())).append(" ;;\n"));
            if (!n.positionals().isEmpty()) {
                s.append("    ").append(quoted(n.path() + "|")).append(")\n");
                String keyword = "if";
                for (Positional p : n.positionals()) {
                    s.append("      ").append(keyword).append(" (( $3 >= ").append(p.from()).append(" && $3 <= ")
                            .append(p.to()).append(" )); then _fc_kind=").append(quoted(p.kind().text())).append('\n');
                    keyword = "elif";
                }
                s.append("      fi ;;\n");
            }
        }
        s.append("  esac\n}\n\n");
        s.append(BASH_FUNCTIONS);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    /**
     * The walk over the words typed so far, the same for every command (zsh: with bash's arrays and splitting; no
     * variable named {@code path}, which zsh ties to {@code PATH}).
     */
    private static final String BASH_FUNCTIONS = """
            _factory_offer() {
              local cur=$1 w q
              shift
              for w in "$@"; do
                if [[ $w == "$cur"* ]]; then
                  printf -v q '%q' "$w"
                  COMPREPLY+=("$q")
                fi
              done
            }

            _factory_lines() {
              local line
              while IFS= read -r line; do
                [[ -n $line ]] && _fc_lines+=("$line")
              done <<< "$1"
            }

            _factory_project() {
              local out
              local -a _fc_lines
              if [[ -n $_fc_dir ]]; then
                out=$(command factory -C "$_fc_dir" completion values "$1" 2>/dev/null)
              else
                out=$(command factory completion values "$1" 2>/dev/null)
              fi
              _factory_lines "$out"
              _factory_offer "$2" "${_fc_lines[@]}"
            }

            _factory_complete_kind() {
              local cur=$2
              set -- $1
              case $1 in
                words) shift; _factory_offer "$cur" "$@" ;;
                ids|tags) _factory_project "$1" "$cur" ;;
                files|dirs)
                  local -a _fc_lines
                  type compopt >/dev/null 2>&1 && compopt -o filenames
                  if [[ $1 == dirs ]]; then
                    _factory_lines "$(compgen -d -- "$cur")"
                  else
                    _factory_lines "$(compgen -f -- "$cur")"
                  fi
                  COMPREPLY+=("${_fc_lines[@]}") ;;
              esac
            }

            _factory() {
              if [[ -n ${ZSH_VERSION-} ]]; then
                setopt localoptions ksharrays shwordsplit
              fi
              local cur=${COMP_WORDS[COMP_CWORD]} _fc_path= n=0 i w pending= _fc_dir= _fc_kind
              local -a _fc_subs _fc_opts _fc_valopts
              COMPREPLY=()
              _factory_node ""
              for (( i = 1; i < COMP_CWORD; i++ )); do
                w=${COMP_WORDS[i]}
                if [[ -n $pending ]]; then
                  [[ $w == "=" ]] && continue
                  if [[ $pending == -C || $pending == --directory ]]; then
                    _fc_dir=$w
                    [[ $_fc_dir == "~/"* ]] && _fc_dir=$HOME/${_fc_dir#"~/"}
                  fi
                  pending=
                  continue
                fi
                case $w in
                  -*)
                    if [[ $w != *=* && " ${_fc_valopts[*]} " == *" $w "* ]]; then
                      pending=$w
                    fi ;;
                  *)
                    if [[ " ${_fc_subs[*]} " == *" $w "* ]]; then
                      _fc_path=${_fc_path:+$_fc_path }$w
                      n=0
                      _factory_node "$_fc_path"
                    else
                      n=$(( n + 1 ))
                    fi ;;
                esac
              done
              [[ $cur == "=" ]] && cur=
              if [[ -n $pending ]]; then
                _factory_kind "$_fc_path" "$pending" 0
                _factory_complete_kind "$_fc_kind" "$cur"
                return 0
              fi
              if [[ $cur == -* ]]; then
                _factory_offer "$cur" "${_fc_opts[@]}"
                return 0
              fi
              _factory_offer "$cur" "${_fc_subs[@]}"
              _factory_kind "$_fc_path" "" "$n"
              _factory_complete_kind "$_fc_kind" "$cur"
              return 0
            }

            """;

    // ---- fish ----

    /** The fish script: the same tables as fish functions, and one {@code complete} that asks them. */
    String fish() {
        StringBuilder s = new StringBuilder();
        s.append("# fish completion for factory; generated by 'factory completion fish'.\n")
                .append("# Install: factory completion fish > ~/.config/fish/completions/factory.fish\n\n");
        s.append("function __factory_node\n    switch \"$argv[1]\"\n");
        for (Node n : nodes) {
            s.append("        case ").append(quoted(n.path())).append('\n')
                    .append("            set -g __fc_subs ").append(String.join(" ", n.subcommands())).append('\n')
                    .append("            set -g __fc_opts ").append(String.join(" ", n.options())).append('\n')
                    .append("            set -g __fc_valopts ").append(String.join(" ", n.valueOptions()))
                    .append('\n');
        }
        s.append("        case '*'\n            set -g __fc_subs\n            set -g __fc_opts\n")
                .append("            set -g __fc_valopts\n    end\nend\n\n");
        s.append("function __factory_kind\n    set -g __fc_kind none\n    switch \"$argv[1]|$argv[2]\"\n");
        for (Node n : nodes) {
            n.optionKinds().forEach((option, kind) -> s.append("        case ").append(quoted(n.path() + "|" + option))
                    .append("\n            set -g __fc_kind ").append(kind.text()).append('\n'));
            if (!n.positionals().isEmpty()) {
                s.append("        case ").append(quoted(n.path() + "|")).append('\n');
                String keyword = "if";
                for (Positional p : n.positionals()) {
                    s.append("            ").append(keyword).append(" test $argv[3] -ge ").append(p.from())
                            .append(" -a $argv[3] -le ").append(p.to()).append("\n                set -g __fc_kind ")
                            .append(p.kind().text()).append('\n');
                    keyword = "else if";
                }
                s.append("            end\n");
            }
        }
        s.append("    end\nend\n\n");
        s.append(FISH_FUNCTIONS);
        return s.toString();
    }

    private static final String FISH_FUNCTIONS = """
            function __factory_values
                set -l words (commandline -opc)
                set -e words[1]
                set -l path ''
                set -l n 0
                set -l pending ''
                set -l dir ''
                __factory_node ''
                for w in $words
                    if test -n "$pending"
                        if contains -- $pending -C --directory
                            set dir $w
                        end
                        set pending ''
                        continue
                    end
                    if string match -q -- '-*' $w
                        if not string match -q -- '*=*' $w; and contains -- $w $__fc_valopts
                            set pending $w
                        end
                    else if contains -- $w $__fc_subs
                        set path (string trim -- "$path $w")
                        set n 0
                        __factory_node $path
                    else
                        set n (math $n + 1)
                    end
                end
                set -l cur (commandline -ct)
                if test -n "$pending"
                    __factory_kind $path $pending 0
                else if string match -q -- '-*' $cur
                    printf '%s\\n' $__fc_opts
                    return
                else
                    printf '%s\\n' $__fc_subs
                    __factory_kind $path '' $n
                end
                switch $__fc_kind[1]
                    case words
                        printf '%s\\n' $__fc_kind[2..-1]
                    case ids tags
                        if test -n "$dir"
                            command factory -C $dir completion values $__fc_kind[1] 2>/dev/null
                        else
                            command factory completion values $__fc_kind[1] 2>/dev/null
                        end
                    case files
                        __fish_complete_path $cur
                    case dirs
                        __fish_complete_directories $cur
                end
            end

            complete -c factory -f -a '(__factory_values)'
            """;
}
