package dev.codefactory.domain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The expected transitions of a state machine, written by hand as a matrix: one row per "from" state, one column per
 * "to" state, {@code x} where the move is allowed and {@code .} where it is not. States are spelled the way
 * {@link IllegalTransitionException} prints them ({@code plan-review} for {@code PLAN_REVIEW}). The matrix must name
 * every constant once as a row and once as a column, so a new constant fails the tests until someone decides its
 * moves.
 */
public final class TransitionTable<S extends Enum<S> & State<S>> {
    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private TransitionTable(Class<S> type, Map<S, Set<S>> allowed) {
        this.type = type;
        this.allowed = allowed;
    }

    public static <S extends Enum<S> & State<S>> TransitionTable<S> of(Class<S> type, String matrix) {
        List<String[]> rows = matrix.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")).toList();
        String[] header = rows.get(0);
        List<S> columns = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            columns.add(constant(type, header[c]));
        }
        requireEveryConstantOnce(type, columns, "columns");
        Map<S, Set<S>> allowed = new EnumMap<>(type);
        List<S> froms = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            S from = constant(type, row[0]);
            froms.add(from);
            if (row.length != columns.size() + 1) {
                throw new IllegalArgumentException("row " + row[0] + " has " + (row.length - 1) + " cells, expected "
                        + columns.size());
            }
            Set<S> to = EnumSet.noneOf(type);
            for (int c = 1; c < row.length; c++) {
                switch (row[c]) {
                    case "x":
                        to.add(columns.get(c - 1));
                        break;
                    case ".":
                        break;
                    default:
                        throw new IllegalArgumentException("cell '" + row[c] + "' in row " + row[0]
                                + " is neither x nor .");
                }
            }
            allowed.put(from, to);
        }
        requireEveryConstantOnce(type, froms, "rows");
        return new TransitionTable<>(type, allowed);
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** One test per (from, to) pair: {@code canMoveTo} answers what the table says. */
    public Stream<DynamicTest> canMoveToTests() {
        return moves().map(m -> dynamicTest(describe(m.from(), m.to()),
                () -> assertEquals(allows(m.from(), m.to()), m.from().canMoveTo(m.to()), describe(m.from(), m.to()))));
    }

    /**
     * One test per (from, to) pair: {@code moveTo} returns the target when the table allows the move, and otherwise
     * throws an {@link IllegalTransitionException} whose message names the subject, from and to.
     */
    public Stream<DynamicTest> moveToTests(String subject) {
        return moves().map(m -> dynamicTest(describe(m.from(), m.to()), () -> {
            S from = m.from();
            S to = m.to();
            if (allows(from, to)) {
                assertSame(to, from.moveTo(to, subject));
            } else {
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                        () -> from.moveTo(to, subject));
                String expected = subject + ": cannot move from " + label(from) + " to " + label(to) + "; ";
                assertTrue(e.getMessage().startsWith(expected), () -> "message was: " + e.getMessage());
            }
        }));
    }

    private record Move<S>(S from, S to) {
    }

    private Stream<Move<S>> moves() {
        List<Move<S>> out = new ArrayList<>();
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                out.add(new Move<>(from, to));
            }
        }
        return out.stream();
    }

    private String describe(S from, S to) {
        return label(from) + (allows(from, to) ? " may move to " : " may not move to ") + label(to);
    }

    public static String label(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <S extends Enum<S>> S constant(Class<S> type, String label) {
        return Enum.valueOf(type, label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static <S extends Enum<S>> void requireEveryConstantOnce(Class<S> type, List<S> listed, String what) {
        Set<S> distinct = listed.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(listed);
        if (distinct.size() != listed.size() || !distinct.equals(EnumSet.allOf(type))) {
            throw new IllegalArgumentException("the " + what + " of the " + type.getSimpleName()
                    + " table must name every constant once, named " + listed);
        }
    }
}
