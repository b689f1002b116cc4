package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules asked of the answers of one session's copy of a symptom, noted as they ask: whether an answer is
 * known, whether it is one of some values (an enum's constant, true or false), whether a number of hours is at most
 * some bound, which tests of the places it holds ({@link Places.Test}), or the answer itself. Two answers the rules
 * asked alike about give the same outcome, since an evaluation is a deterministic function of what it reads
 * ({@link #tellsApart}). Only the copy writes its notes, on the one thread that fires its session's rules; they are read
 * once the session is done.
 */
public final class ReadNotes {

    private int read;
    private int whole;
    private int known;
    /** One bit per test of the places asked ({@link Places.Test}). */
    private int placeTests;
    /** By modifier ordinal, one bit per value asked about; made on the first such question. */
    private long[] values;
    /** By modifier ordinal, the bounds asked about; made on the first such question. */
    private double[][] bounds;

    static {
        if (Modifier.values().length > Integer.SIZE) {
            throw new IllegalStateException("more modifiers than bits to note their reads in");
        }
    }

    ReadNotes() {
    }

    /** The answer was read whole: any two answers may give different outcomes. */
    void whole(Modifier m) {
        read |= 1 << m.ordinal();
        whole |= 1 << m.ordinal();
    }

    /** Only whether the answer is known was asked. */
    void known(Modifier m) {
        read |= 1 << m.ordinal();
        known |= 1 << m.ordinal();
    }

    /** Whether the answer is this value was asked. */
    void value(Modifier m, Object value) {
        int bit = index(value);
        if (bit < 0) {
            whole(m);
            return;
        }
        read |= 1 << m.ordinal();
        if (values == null) {
            values = new long[Modifier.values().length];
        }
        values[m.ordinal()] |= 1L << bit;
    }

    /** A test of the places was asked. */
    void place(Places.Test test) {
        read |= 1 << Modifier.LOCATIONS.ordinal();
        placeTests |= 1 << test.ordinal();
    }

    /** Whether the answer (a number of hours) is at most this bound was asked. */
    void bound(Modifier m, double hours) {
        read |= 1 << m.ordinal();
        if (bounds == null) {
            bounds = new double[Modifier.values().length][];
        }
        double[] b = bounds[m.ordinal()];
        if (b == null) {
            bounds[m.ordinal()] = new double[] {hours};
        } else if (Arrays.stream(b).noneMatch(h -> h == hours)) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = hours;
            bounds[m.ordinal()] = b;
        }
    }

    /** True when the rules read this answer at all. */
    public boolean read(Modifier m) {
        return (read & (1 << m.ordinal())) != 0;
    }

    /** The modifiers whose answers the rules read. */
    public Set<Modifier> modifiers() {
        Set<Modifier> out = EnumSet.noneOf(Modifier.class);
        for (Modifier m : Modifier.values()) {
            if (read(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * True when something the rules asked of this answer gives {@code a} and {@code b} different results; when false,
     * the evaluation with either gives the same outcome. An unknown answer ({@code null}) differs from a known one only
     * where the rules asked whether it is known, tested that value, asked a bound it is within or a test of the places
     * it gives otherwise.
     */
    public boolean tellsApart(Modifier m, Object a, Object b) {
        if (Objects.equals(a, b) || !read(m)) {
            return false;
        }
        int i = m.ordinal();
        if ((whole & (1 << i)) != 0) {
            return true;
        }
        if (m == Modifier.LOCATIONS) {
            Set<BodyLocation> x = Places.of(a);
            Set<BodyLocation> y = Places.of(b);
            return Arrays.stream(Places.Test.values()).anyMatch(t -> (placeTests & (1 << t.ordinal())) != 0 && t.of(x) != t.of(y));
        }
        if (a == null || b == null) {
            return (known & (1 << i)) != 0 || told(i, a == null ? b : a);
        }
        if (a.getClass() != b.getClass()) {
            return true;
        }
        if (a instanceof Double x && b instanceof Double y) {
            double[] asked = bounds == null ? null : bounds[i];
            return asked != null && Arrays.stream(asked).anyMatch(h -> x <= h != y <= h);
        }
        int ia = index(a);
        int ib = index(b);
        long asked = values == null ? 0 : values[i];
        return ia < 0 || ib < 0 || (asked & (1L << ia)) != 0 || (asked & (1L << ib)) != 0;
    }

    /**
     * Whether something asked gives this answer another result than an unknown one: a test of its own value (an unknown
     * answer is no value), or a bound it is within (an unknown number of hours is within none).
     */
    private boolean told(int i, Object value) {
        if (value instanceof Double x) {
            double[] asked = bounds == null ? null : bounds[i];
            return asked != null && Arrays.stream(asked).anyMatch(h -> x <= h);
        }
        int bit = index(value);
        return bit < 0 || values != null && (values[i] & (1L << bit)) != 0;
    }

    /**
     * The codes of a one-choice answer ({@link Modifier.Kind#CHOICE}) the rules asked about by value ("is it an
     * injury?"), in the modifier's order: every code when they read the answer whole, none when they did not read it.
     * An answer they did not ask about gives what the answer left unknown gives.
     */
    public List<String> askedChoices(Modifier m) {
        if (m.kind() != Modifier.Kind.CHOICE || !read(m)) {
            return List.of();
        }
        if ((whole & (1 << m.ordinal())) != 0) {
            return m.choices();
        }
        long asked = values == null ? 0 : values[m.ordinal()];
        return m.choices().stream().filter(code -> m.choice(code).map(ReadNotes::index)
                .filter(bit -> bit >= 0 && (asked & (1L << bit)) != 0).isPresent()).toList();
    }

    /** The notes of two copies of one symptom together: what either asked counts. */
    public static ReadNotes both(ReadNotes x, ReadNotes y) {
        ReadNotes out = new ReadNotes();
        for (ReadNotes notes : new ReadNotes[] {x, y}) {
            out.read |= notes.read;
            out.whole |= notes.whole;
            out.known |= notes.known;
            out.placeTests |= notes.placeTests;
            for (Modifier m : Modifier.values()) {
                int i = m.ordinal();
                if (notes.values != null && notes.values[i] != 0) {
                    if (out.values == null) {
                        out.values = new long[Modifier.values().length];
                    }
                    out.values[i] |= notes.values[i];
                }
                if (notes.bounds != null && notes.bounds[i] != null) {
                    for (double h : notes.bounds[i]) {
                        out.bound(m, h);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ReadNotes" + modifiers();
    }

    /** The bit of a value among those asked about, or -1 for a value no bit stands for. */
    private static int index(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? 1 : 0;
        }
        if (value instanceof Enum<?> e && e.ordinal() < Long.SIZE) {
            return e.ordinal();
        }
        return -1;
    }
}
