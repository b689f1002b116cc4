package dev.triageapi.testing;

import dev.triageapi.vocabulary.Modifier;

import java.util.ArrayList;
import java.util.List;

/** Every value a symptom's answer can take in a test: each choice, each place alone and all at once, hours either side of every rule's bound. */
public final class ModifierValues {

    /** Hours the rules compare with, and values either side of them. */
    public static final List<Double> HOURS = List.of(0.5, 12.0, 24.0, 30.0, 72.0, 120.0, 168.0, 336.0, 700.0, 1000.0, 5000.0);

    private ModifierValues() {
    }

    /** The values of this modifier, as a symptom fact holds them. */
    public static List<Object> of(Modifier modifier) {
        List<Object> out = new ArrayList<>();
        switch (modifier.kind()) {
            case CHOICE -> modifier.choices().forEach(c -> out.add(modifier.choice(c).orElseThrow()));
            case CHOICES -> {
                List<Object> all = new ArrayList<>();
                modifier.choices().forEach(c -> {
                    Object one = modifier.choice(c).orElseThrow();
                    out.add(List.of(one));
                    all.add(one);
                });
                out.add(all);
            }
            case DECIMAL -> out.addAll(HOURS);
            case BOOLEAN -> out.addAll(List.of(true, false));
        }
        return out;
    }
}
