package dev.triageapi.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.vocabulary.Modifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One language's words for the parser ({@code parse/<language>.json}): the lay phrases of each catalog code, the
 * modifier values, the causes said in passing, the time words, and the NegEx/ConText cue lists. Data, not code: a
 * clinician or translator edits the file, and {@link #check} refuses a code the catalog does not know when the
 * service starts.
 */
@SuppressWarnings("java:S107") // a record of the file's sections, one component each
public record Lexicon(
        String language,
        String about,
        Map<String, String> sources,
        List<CodePhrases> symptoms,
        List<CodePairs> symptomPairs,
        List<CodePhrases> normal,
        List<CodePhrases> riskFactors,
        Map<String, List<String>> underTreatment,
        Map<String, List<String>> variants,
        Map<String, List<String>> pregnancy,
        Sex sex,
        Map<String, Map<String, List<String>>> modifiers,
        Map<String, List<String>> passingCauses,
        List<String> pairedPlurals,
        Time time,
        Age age,
        Cues cues) {

    /**
     * {@code passingCauses}, by trigger value: a cause said with no word that ties it to a complaint ("I fell and my
     * neck hurts"). It is only lent to the complaints it reaches (see {@code Lending}), never a complaint's own, so it
     * never takes the place of a cause a complaint names ("he fell and is vomiting after drinking all night").
     */
    public Lexicon {
        passingCauses = passingCauses == null ? Map.of() : passingCauses;
    }

    /**
     * The phrases that name one catalog code, and the modifier answers they imply ("face drooping": face). A risk
     * factor with {@code pastCounts} is the patient's whenever it happened ("had cancer years ago").
     */
    public record CodePhrases(String code, List<String> phrases, Map<String, List<String>> with, boolean pastCounts) {
        public CodePhrases {
            with = with == null ? Map.of() : with;
        }
    }

    /**
     * A symptom said in two parts a few words apart, in either order and in one clause: a body part and what is wrong
     * with it ("my pee started to look really dark", "the skin on my hands has gone darker").
     */
    public record CodePairs(String code, List<String> first, List<String> second, Map<String, List<String>> with) {
        public CodePairs {
            with = with == null ? Map.of() : with;
        }
    }

    /**
     * Words for the patient's sex: {@code words} count after a self cue ("I'm a", "soy") or next to an age; {@code form}
     * words anywhere ("female", "24F"); {@code third} words ("she", "my husband") only in a message that never speaks
     * in the first person, where the relative is the patient.
     */
    public record Sex(Map<String, List<String>> words, List<String> self, Map<String, List<String>> form,
                      Map<String, List<String>> third) {
    }

    /** Amounts of time: number words, units (with their hours), markers of "ago" and "for/since", vague spans. */
    public record Time(Map<String, Double> numbers, List<String> half, Map<String, Unit> units, List<String> ago,
                       List<String> since, Map<String, List<String>> durations) {
    }

    /** A unit of time and the words for it. */
    public record Unit(double hours, List<String> words) {
    }

    /**
     * Words around an age: before ("I'm", "tengo"), before an age in months or weeks too ("she's 2 months"), after
     * ("old", "de edad"), and the letters written straight after it for the sex ("24F", "57M").
     */
    public record Age(List<String> before, List<String> beforeAnyUnit, List<String> after, Map<String, List<String>> sexLetters) {
    }

    /**
     * The cue lists of the NegEx/ConText family. {@code negationCancel}: words after a negated phrase that turn the
     * "no" into a comparison ("never had a headache like this before", "no weakness except in my left leg");
     * {@code listOr}: the connectors of a list ("or", "nor", "ni") without which a "no" does not reach past a comma;
     * {@code listAnd}: "and", "y", past which a "no" reaches only a concept that follows at once;
     * {@code all}: words that put a modifier on every symptom said ("everything came on slowly", "todo empezó de golpe");
     * {@code wellAfter}: words after a place or a side that say it is well ("both of my legs are ok", "las dos piernas
     * están bien"), so the place and the side are no complaint's;
     * {@code ownNegation}: words that, first in a complaint's own phrase, say it with a "no" ("can't move", "no
     * siento", "sin fuerza"): another "no" before it does not deny it, and a "nor" after it goes on with it;
     * {@code backReference}: words that point back at what brought the complaints after them on.
     */
    public record Cues(Sided negation, List<String> negationCancel, List<String> listOr, List<String> listAnd, List<String> pseudo,
                       Sided uncertainty, OtherPerson otherPerson, Sided historical, List<String> termination,
                       List<String> clauseStart, List<String> all, List<String> filler, List<String> wellAfter,
                       List<String> ownNegation, BackReference backReference) {
        public Cues {
            wellAfter = wellAfter == null ? List.of() : wellAfter;
            ownNegation = ownNegation == null ? List.of() : ownNegation;
            backReference = backReference == null ? new BackReference(List.of(), Map.of()) : backReference;
        }
    }

    /**
     * Words that point back at a cause ("because of that", "since then", "por eso"), and the complaints that are
     * themselves a cause when pointed at, by symptom code with the trigger they are ("sleep_problems": "poor_sleep").
     */
    public record BackReference(List<String> phrases, Map<String, String> causes) {
        public BackReference {
            causes = causes == null ? Map.of() : causes;
        }
    }

    /** Cues that act on what follows ({@code before}) or on what precedes ({@code after}). */
    public record Sided(List<String> before, List<String> after) {
    }

    /**
     * Someone else's history: a phrase before or after ("family history of", "runs in my family", "died of"), or, for a
     * risk factor only, a relative followed by a verb ("my father had") in a message that speaks in the first person
     * ({@code firstPerson} words): without them the writer is reporting for that relative, whose symptoms are the
     * patient's. {@code own}: words that make what follows the writer's own ("my", "mi"): a relative's fall is not
     * lent to it.
     */
    public record OtherPerson(List<String> relatives, List<String> verbs, List<String> before, List<String> after,
                              List<String> own, List<String> firstPerson) {
        public OtherPerson {
            own = own == null ? List.of() : own;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Reads {@code parse/<language>.json} from the class path. */
    public static Lexicon load(String language) {
        String resource = "parse/" + language + ".json";
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Lexicon lexicon = JSON.readValue(in, Lexicon.class);
            if (!language.equals(lexicon.language())) {
                throw new IllegalStateException(resource + " says it is " + lexicon.language());
            }
            return lexicon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** What in this lexicon the catalog and the interview's durations do not know; empty when it is sound. */
    public List<String> check(Catalog catalog, DurationHours durations) {
        List<String> problems = new ArrayList<>();
        String where = "parse/" + language + ".json: ";
        for (CodePhrases s : symptoms) {
            if (catalog.symptom(s.code()).isEmpty()) {
                problems.add(where + "unknown symptom " + s.code());
            }
            s.with().forEach((modifier, values) -> checkValues(where + s.code() + " implies ", modifier, values, problems));
        }
        for (CodePairs s : symptomPairs) {
            if (catalog.symptom(s.code()).isEmpty()) {
                problems.add(where + "unknown symptom " + s.code() + " in symptomPairs");
            }
            s.with().forEach((modifier, values) -> checkValues(where + s.code() + " implies ", modifier, values, problems));
        }
        for (CodePhrases s : normal) {
            if (catalog.symptom(s.code()).isEmpty() && !catalog.isRiskFactor(s.code())) {
                problems.add(where + "unknown symptom " + s.code() + " in normal");
            }
        }
        if (!underTreatment.keySet().equals(Set.of("true"))) {
            problems.add(where + "underTreatment lists the phrases of \"true\" only (a negation cue makes them false)");
        }
        for (CodePhrases r : riskFactors) {
            if (!catalog.isRiskFactor(r.code())) {
                problems.add(where + "unknown risk factor " + r.code());
            }
        }
        for (String value : pregnancy.keySet()) {
            if (!value.equals("pregnant") && !value.equals("postpartum")) {
                problems.add(where + "pregnancy phrases may say pregnant or postpartum, not " + value);
            }
        }
        modifiers.forEach((modifier, values) -> checkValues(where, modifier, List.copyOf(values.keySet()), problems));
        checkValues(where + "passingCauses: ", Modifier.TRIGGER.code(), List.copyOf(passingCauses.keySet()), problems);
        cues.backReference().causes().forEach((symptom, trigger) -> {
            if (catalog.symptom(symptom).isEmpty()) {
                problems.add(where + "unknown symptom " + symptom + " in backReference");
            }
            checkValues(where + "backReference " + symptom + " is ", Modifier.TRIGGER.code(), List.of(trigger), problems);
        });
        for (String duration : time.durations().keySet()) {
            if (durations.hours(duration).isEmpty()) {
                problems.add(where + "unknown duration " + duration + " (catalog/interview.json)");
            }
        }
        if (sources == null || sources.isEmpty() || sources.values().stream().anyMatch(Objects::isNull)) {
            problems.add(where + "every lexicon names its sources");
        }
        return problems;
    }

    private static void checkValues(String where, String modifierCode, List<String> values, List<String> problems) {
        Modifier modifier = Modifier.byCode(modifierCode).orElse(null);
        if (modifier == null || modifier == Modifier.HOURS_SINCE_ONSET) {
            problems.add(where + "unknown modifier " + modifierCode);
            return;
        }
        for (String value : values) {
            boolean known = modifier.kind() == Modifier.Kind.BOOLEAN ? value.equals("true") : modifier.choice(value).isPresent();
            if (!known) {
                problems.add(where + modifierCode + " has no value " + value);
            }
        }
    }
}
