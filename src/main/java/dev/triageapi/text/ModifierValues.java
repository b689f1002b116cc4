package dev.triageapi.text;

import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A modifier's value as the lexicon names it, as a mention shows it, and two answers for one symptom joined. */
final class ModifierValues {

    private ModifierValues() {
    }

    /** Puts a modifier's value among those of a unit, joining two answers the way {@link #put} does. */
    static void putAt(Map<Integer, Map<Modifier, Object>> byUnit, int unit, Modifier m, Object value, boolean own) {
        put(byUnit.computeIfAbsent(unit, u -> new EnumMap<>(Modifier.class)), m, value, own);
    }

    /** Puts a modifier's value, joining two answers the way that keeps the more alarming reading. */
    @SuppressWarnings("unchecked")
    static void put(Map<Modifier, Object> into, Modifier m, Object value, boolean own) {
        Object had = into.get(m);
        if (had == null) {
            into.put(m, m == Modifier.LOCATIONS ? new ArrayList<>(List.of(value)) : value);
            return;
        }
        if (!own) {
            return; // a value spread from another symptom of the clause never overrides one of its own
        }
        switch (m) {
            case LOCATIONS -> {
                List<Object> list = (List<Object>) had;
                if (!list.contains(value)) {
                    list.add(value);
                }
            }
            case SIDE -> {
                if (had != value) {
                    into.put(m, Side.BOTH);
                }
            }
            case SEVERITY -> into.put(m, ((Severity) value).ordinal() > ((Severity) had).ordinal() ? value : had);
            case ONSET -> into.put(m, had == Onset.SUDDEN || value == Onset.SUDDEN ? Onset.SUDDEN : had);
            case HOURS_SINCE_ONSET, HOURS_SINCE_LAST_KNOWN_WELL -> into.put(m, Math.min((Double) had, (Double) value));
            case WORSENING, RECURRING, RESOLVED, KNOWN_TRIGGER, NOTICED_ON_WAKING -> into.put(m, Boolean.TRUE.equals(had) || Boolean.TRUE.equals(value));
            default -> {
                // spread, trigger: the first one said stays
            }
        }
    }

    static Object valueOf(Modifier m, String value) {
        if (m.kind() == Modifier.Kind.BOOLEAN) {
            return Boolean.valueOf(value);
        }
        return m.choice(value).orElseThrow(() -> new IllegalStateException(m.code() + " " + value));
    }

    static String valueText(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        if (value instanceof BodyLocation l) {
            return l.code();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }
}
