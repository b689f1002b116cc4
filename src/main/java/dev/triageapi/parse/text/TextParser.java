package dev.triageapi.parse.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.parse.text.ParsedText.Cue;
import dev.triageapi.parse.text.ParsedText.CueKind;
import dev.triageapi.parse.text.ParsedText.Mention;
import dev.triageapi.parse.text.ParsedText.MentionKind;
import dev.triageapi.parse.text.ParsedText.ParsedSymptom;
import dev.triageapi.parse.text.ParsedText.Span;
import dev.triageapi.parse.text.PhraseIndex.Entry;
import dev.triageapi.parse.text.PhraseIndex.Match;
import dev.triageapi.parse.text.PhraseIndex.Role;
import dev.triageapi.parse.text.Tokens.Token;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a patient's words into catalog codes with the NegEx/ConText algorithm (Chapman et al. 2001; Harkema et al.
 * 2009): phrases are found longest first; a cue acts on the phrases in its scope, which ends at the end of a
 * sentence, at a termination term ("but", "pero"), at the start of a new clause ("I", "my", "yo") or a few words on.
 * Safety shapes each choice: {@code absent} needs a negation cue in scope; a hedge, a double negation, someone else's
 * history or the distant past give {@code unknown}; a word not understood is listed as such, never taken as "no".
 * Deterministic: the same text always gives the same answer.
 */
public final class TextParser {

    /** Words a negation cue reaches across (NegEx's window is five). */
    private static final int NEGATION_REACH = 5;
    /** Words an after-cue ("denied", "ninguno") reaches back across. */
    private static final int AFTER_REACH = 3;
    /** Words a hedge reaches across. */
    private static final int UNCERTAINTY_REACH = 6;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}(?:[.,]\\d{1,3})?");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,3})?)([a-z/]{1,5})");
    private static final Set<Modifier> SPREAD_TO_CLAUSE = EnumSet.of(Modifier.ONSET, Modifier.HOURS_SINCE_ONSET);
    private static final double YEAR_HOURS = 8760;
    /** The longest time since onset a symptom report takes (120 years, its {@code @DecimalMax}). */
    private static final double MAX_HOURS = 1_051_200;

    private final Language language;
    private final Tokens tokens;
    private final PhraseIndex index;
    private final Catalog catalog;
    private final CharArraySet stopWords;
    private final Map<String, Double> unitHours = new LinkedHashMap<>();
    private final Set<String> ageSuffixes = new LinkedHashSet<>();
    private final Map<String, Sex> sexLetters = new LinkedHashMap<>();
    private final Set<String> pairedPlurals = new HashSet<>();
    private final Set<String> pastCounts = new HashSet<>();

    public TextParser(Lexicon lexicon, Catalog catalog, InterviewPlan plan) {
        List<String> problems = lexicon.check(catalog, plan);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        this.language = Language.byCode(lexicon.language()).orElseThrow(() -> new IllegalStateException("no language " + lexicon.language()));
        this.catalog = catalog;
        this.tokens = new Tokens(language.code());
        this.index = new PhraseIndex(tokens);
        this.stopWords = language == Language.ES ? SpanishAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        lexicon.variants().forEach(index::variants);
        lexicon.symptoms().forEach(s -> s.phrases().forEach(p -> index.add(p, new Entry(Role.SYMPTOM, s.code(), null, 0, s.with()))));
        lexicon.normal().forEach(s -> s.phrases().forEach(p -> index.add(p, new Entry(Role.NORMAL, s.code(), null))));
        for (Lexicon.CodePairs pair : lexicon.symptomPairs()) {
            pair.first().forEach(p -> index.add(p, new Entry(Role.PAIR_FIRST, pair.code(), null, 0, pair.with())));
            pair.second().forEach(p -> index.add(p, new Entry(Role.PAIR_SECOND, pair.code(), null, 0, pair.with())));
        }
        lexicon.underTreatment().get("true").forEach(p -> index.add(p, new Entry(Role.UNDER_TREATMENT, "underTreatment", null)));
        lexicon.riskFactors().forEach(r -> r.phrases().forEach(p -> index.add(p, new Entry(Role.RISK_FACTOR, r.code(), null))));
        lexicon.pregnancy().forEach((value, phrases) -> phrases.forEach(p -> index.add(p, new Entry(Role.PREGNANCY, value, null))));
        lexicon.sex().words().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX, value, null))));
        lexicon.sex().form().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX_FORM, value, null))));
        add(lexicon.sex().self(), Role.SELF);
        lexicon.sex().third().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX_THIRD, value, null))));
        add(lexicon.cues().otherPerson().firstPerson(), Role.FIRST_PERSON);
        lexicon.pairedPlurals().forEach(w -> pairedPlurals.add(fold(w)));
        lexicon.riskFactors().stream().filter(Lexicon.CodePhrases::pastCounts).forEach(r -> pastCounts.add(r.code()));
        lexicon.modifiers().forEach((modifier, values) -> values.forEach((value, phrases) ->
                phrases.forEach(p -> index.add(p, new Entry(Role.MODIFIER, modifier, value)))));
        Lexicon.Time time = lexicon.time();
        time.numbers().forEach((word, n) -> index.add(word, new Entry(Role.NUMBER, null, null, n, Map.of())));
        add(time.half(), Role.HALF);
        time.units().forEach((code, unit) -> unit.words().forEach(w -> {
            index.add(w, new Entry(Role.UNIT, code, null, unit.hours(), Map.of()));
            tokens.terms(w).forEach(t -> unitHours.putIfAbsent(t, unit.hours()));
        }));
        add(time.ago(), Role.AGO);
        add(time.since(), Role.SINCE);
        time.durations().forEach((code, phrases) -> phrases.forEach(p ->
                index.add(p, new Entry(Role.DURATION, code, null, plan.hours(code).orElseThrow(), Map.of()))));
        add(lexicon.age().before(), Role.AGE_BEFORE);
        add(lexicon.age().after(), Role.AGE_AFTER);
        add(lexicon.age().beforeAnyUnit(), Role.AGE_BEFORE_ANY_UNIT);
        lexicon.age().sexLetters().forEach((value, letters) ->
                letters.forEach(l -> sexLetters.put(l, Sex.valueOf(value.toUpperCase(Locale.ROOT)))));
        time.units().forEach((code, unit) -> {
            if (unit.hours() == YEAR_HOURS) {
                unit.words().forEach(w -> ageSuffixes.addAll(tokens.terms(w)));
            }
        });
        Lexicon.Cues cues = lexicon.cues();
        add(cues.negation().before(), Role.NEGATION_BEFORE);
        add(cues.negation().after(), Role.NEGATION_AFTER);
        add(cues.negationCancel(), Role.NEGATION_CANCEL);
        add(cues.listOr(), Role.LIST_OR);
        add(cues.listAnd(), Role.LIST_AND);
        add(cues.pseudo(), Role.PSEUDO);
        add(cues.uncertainty().before(), Role.UNCERTAINTY_BEFORE);
        add(cues.uncertainty().after(), Role.UNCERTAINTY_AFTER);
        add(cues.otherPerson().relatives(), Role.RELATIVE);
        add(cues.otherPerson().verbs(), Role.FAMILY_VERB);
        add(cues.otherPerson().before(), Role.OTHER_BEFORE);
        add(cues.otherPerson().after(), Role.OTHER_AFTER);
        add(cues.historical().before(), Role.HISTORICAL_BEFORE);
        add(cues.historical().after(), Role.HISTORICAL_AFTER);
        add(cues.termination(), Role.TERMINATION);
        add(cues.clauseStart(), Role.CLAUSE_START);
        add(cues.all(), Role.ALL);
        add(cues.filler(), Role.FILLER);
        lexicon.age().after().forEach(w -> tokens.terms(w).stream().filter(t -> w.indexOf(' ') < 0).forEach(ageSuffixes::add));
    }

    /** Adds phrases that carry only their role (cues, fillers, time and age words). */
    private void add(List<String> phrases, Role role) {
        Entry entry = new Entry(role, null, null);
        phrases.forEach(p -> index.add(p, entry));
    }

    /** A stretch of the text the parser reads as one: a phrase of the lexicon, or one word it does not know. */
    private static final class Unit {
        final int from;
        final int to;
        Match match;
        /** Where the mention of a two-part symptom begins: at its first part. */
        int mentionStart;
        /** Words read as an amount of time or an age, whose cue meanings ("years ago") no longer count. */
        boolean quantity;
        /** Whether the match names a symptom, a risk factor, a pregnancy or the like (set with the match). */
        boolean concept;
        final int start;
        final int end;
        boolean commaBefore;
        int sentence;
        int clause;
        int scope;
        boolean covered;

        Unit(int from, int to, Match match, int start, int end) {
            this.from = from;
            this.to = to;
            this.match = match;
            this.concept = match != null && match.concept();
            this.start = start;
            this.end = end;
            this.mentionStart = start;
            this.covered = match != null;
        }

        boolean has(Role role) {
            return match != null && match.has(role);
        }

        /** A cue of this role, unless its words were read as an amount of time. */
        boolean cue(Role role) {
            return !quantity && has(role);
        }

        boolean concept() {
            return concept;
        }

        /** A word outside the lexicon, which counts against a cue's reach. */
        boolean unknownWord() {
            return match == null;
        }
    }

    /** A status and the cue that set it. */
    private record Context(SymptomStatus status, Cue cue) {
    }

    /** A modifier value found in the text, before it is attached to a symptom. */
    private record Found(int unit, int start, int end, Modifier modifier, Object value, String text) {
    }

    /** Reads a text. */
    public ParsedText parse(String text) {
        List<Token> words = tokens.of(text);
        List<Unit> units = units(text, words);
        pairs(units);
        List<Mention> mentions = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        boolean firstPerson = units.stream().anyMatch(u -> u.has(Role.FIRST_PERSON));
        Demographics demographics = quantities(text, words, units, found, mentions);
        Integer age = demographics.age();

        // Concepts and their context.
        Map<Integer, Context> contexts = new LinkedHashMap<>();
        Map<String, Context> symptomStatus = new LinkedHashMap<>();
        Map<String, Context> riskStatus = new LinkedHashMap<>();
        Pregnancy pregnancy = null;
        Boolean underTreatment = null;
        List<Integer> symptomUnits = new ArrayList<>();
        Set<Integer> bothSides = new HashSet<>();
        List<Integer> pluralUnits = new ArrayList<>();
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (!u.concept()) {
                continue;
            }
            for (Entry e : u.match.entries()) {
                if (!e.role().concept()) {
                    continue;
                }
                Context c = context(text, units, k, e.role() == Role.SYMPTOM || e.role() == Role.NORMAL
                        || e.role() == Role.RISK_FACTOR && !pastCounts.contains(e.code()), firstPerson);
                String phrase = text.substring(u.mentionStart, u.end);
                if (e.role() == Role.NORMAL && !endsItsClause(units, k)) {
                    continue; // "hablo bien raro": "bien" is "very" here, and nothing is said to be normal
                }
                if (e.role() == Role.NORMAL && catalog.isRiskFactor(e.code())) {
                    c = c.status() == SymptomStatus.PRESENT
                            ? new Context(SymptomStatus.ABSENT, new Cue(u.start, u.end, phrase, CueKind.NEGATION)) : c;
                    riskStatus.merge(e.code(), c, TextParser::stronger);
                    mentions.add(new Mention(u.start, u.end, phrase, MentionKind.RISK_FACTOR, e.code(), null, null, c.status(), c.cue()));
                    continue;
                }
                if (e.role() == Role.NORMAL) {
                    // "my vision is fine": a "no" said in other words, which a "not" or an "until" turns back.
                    c = switch (c.status()) {
                        case PRESENT -> afterCue(units, k, Role.NEGATION_CANCEL, AFTER_REACH) != null ? c
                                : new Context(SymptomStatus.ABSENT, new Cue(u.start, u.end, phrase, CueKind.NEGATION));
                        case ABSENT -> new Context(SymptomStatus.PRESENT, null);
                        case UNKNOWN -> c;
                    };
                    symptomStatus.merge(e.code(), c, TextParser::stronger);
                    mentions.add(new Mention(u.mentionStart, u.end, phrase, MentionKind.SYMPTOM, e.code(), null, null, c.status(), c.cue()));
                    continue;
                }
                if (e.role() == Role.SYMPTOM) {
                    contexts.put(k, c);
                }
                switch (e.role()) {
                    case SYMPTOM -> {
                        symptomUnits.add(k);
                        symptomStatus.merge(e.code(), c, TextParser::stronger);
                        mentions.add(new Mention(u.mentionStart, u.end, phrase, MentionKind.SYMPTOM, e.code(), null, null, c.status(), c.cue()));
                        for (int t = u.from; t < u.to; t++) {
                            for (Entry inside : index.single(words.get(t).term())) {
                                if (inside.role() == Role.MODIFIER && (inside.code().equals("locations") || inside.code().equals("side"))) {
                                    Modifier m = Modifier.byCode(inside.code()).orElseThrow();
                                    found.add(new Found(k, u.start, u.end, m, valueOf(m, inside.value()), null));
                                }
                            }
                            if (pairedPlurals.contains(fold(text.substring(words.get(t).start(), words.get(t).end())))) {
                                bothSides.add(k);
                            }
                        }
                        for (Map.Entry<String, List<String>> implied : e.implied().entrySet()) {
                            Modifier m = Modifier.byCode(implied.getKey()).orElseThrow();
                            for (String v : implied.getValue()) {
                                found.add(new Found(k, u.start, u.end, m, valueOf(m, v), null));
                            }
                        }
                    }
                    case RISK_FACTOR -> {
                        riskStatus.merge(e.code(), c, TextParser::stronger);
                        mentions.add(new Mention(u.start, u.end, phrase, MentionKind.RISK_FACTOR, e.code(), null, null, c.status(), c.cue()));
                    }
                    case PREGNANCY -> {
                        Pregnancy said = switch (c.status()) {
                            case PRESENT -> e.code().equals("pregnant") ? Pregnancy.PREGNANT : Pregnancy.POSTPARTUM;
                            case ABSENT -> e.code().equals("pregnant") ? Pregnancy.NOT_PREGNANT : null;
                            case UNKNOWN -> null;
                        };
                        if (said != null && (pregnancy == null || said.ordinal() < pregnancy.ordinal())) {
                            pregnancy = said;
                        }
                        mentions.add(new Mention(u.start, u.end, phrase, MentionKind.PREGNANCY, e.code(), null, null, c.status(), c.cue()));
                    }
                    case UNDER_TREATMENT -> {
                        Boolean said = c.status() == SymptomStatus.UNKNOWN ? null : c.status() == SymptomStatus.PRESENT;
                        underTreatment = underTreatment == null || Boolean.TRUE.equals(said) ? said : underTreatment;
                        mentions.add(new Mention(u.start, u.end, phrase, MentionKind.UNDER_TREATMENT, "underTreatment", null, null, c.status(), c.cue()));
                    }
                    default -> throw new IllegalStateException(e.role().name());
                }
            }
        }

        // Modifier words.
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (u.has(Role.MODIFIER) && u.has(Role.SYMPTOM)) {
                continue; // read with its symptom above
            }
            if (u.has(Role.MODIFIER) && u.match.entries().stream().anyMatch(e -> e.code() != null && e.code().equals("locations"))
                    && pairedPlurals.contains(fold(text.substring(u.start, u.end)))) {
                pluralUnits.add(k);
            }
            if (u.has(Role.MODIFIER)) {
                for (Entry e : u.match.entries()) {
                    if (e.role() == Role.MODIFIER) {
                        Modifier m = Modifier.byCode(e.code()).orElseThrow();
                        found.add(new Found(k, u.start, u.end, m, valueOf(m, e.value()), text.substring(u.start, u.end)));
                    }
                }
            }
        }
        Map<Integer, Map<Modifier, Object>> attached = new LinkedHashMap<>();
        found.sort(Comparator.comparingInt(Found::unit));
        for (Found f : found) {
            Context c = f.text() == null ? new Context(SymptomStatus.PRESENT, null) : context(text, units, f.unit(), false, firstPerson);
            if (c.status() == SymptomStatus.ABSENT && f.modifier().kind() == Modifier.Kind.BOOLEAN) {
                // "not getting worse": said, and said no; a doubt or someone else's stays unknown.
                f = new Found(f.unit(), f.start(), f.end(), f.modifier(), Boolean.FALSE, f.text());
                c = new Context(SymptomStatus.PRESENT, c.cue());
            }
            int target = c.status() == SymptomStatus.PRESENT ? target(units, symptomUnits, f) : -1;
            String symptom = target < 0 ? null : symptomCode(units.get(target));
            if (f.text() != null) {
                mentions.add(new Mention(f.start(), f.end(), f.text(), MentionKind.MODIFIER, f.modifier().code(),
                        valueText(f.value()), symptom, target < 0 && c.status() == SymptomStatus.PRESENT ? SymptomStatus.UNKNOWN
                        : c.status(), c.cue()));
            }
            if (target >= 0) {
                put(attached.computeIfAbsent(target, t -> new EnumMap<>(Modifier.class)), f.modifier(), f.value(), true);
                boolean all = sentenceHas(units, f.unit(), Role.ALL);
                if (all || SPREAD_TO_CLAUSE.contains(f.modifier())) {
                    for (int other : symptomUnits) {
                        if (other != target && (all || units.get(other).clause == units.get(target).clause)
                                && takes(units.get(other), f.modifier())) {
                            put(attached.computeIfAbsent(other, t -> new EnumMap<>(Modifier.class)), f.modifier(), f.value(), false);
                        }
                    }
                }
            }
        }

        // "My legs", "both feet": a pair named in the plural is both sides, unless a side was said.
        for (int p : pluralUnits) {
            int target = target(units, symptomUnits, new Found(p, 0, 0, Modifier.SIDE, Side.BOTH, null));
            if (target >= 0 && context(text, units, p, false, firstPerson).status() == SymptomStatus.PRESENT) {
                bothSides.add(target);
            }
        }
        for (int b : bothSides) {
            if (takes(units.get(b), Modifier.SIDE)) {
                put(attached.computeIfAbsent(b, t -> new EnumMap<>(Modifier.class)), Modifier.SIDE, Side.BOTH, false);
            }
        }

        // Sex: only the patient's own ("I'm a woman", "mujer de 67 años", "female", "24F").
        Sex sex = demographics.sex();
        for (int k = 0; k < units.size() && sex == null; k++) {
            Unit u = units.get(k);
            Entry form = u.match == null ? null : u.match.first(Role.SEX_FORM);
            Entry word = u.match == null ? null : u.match.first(Role.SEX);
            Entry third = u.match == null ? null : u.match.first(Role.SEX_THIRD);
            if (word == null && third != null && nearAge(mentions, u)) {
                word = third;
            }
            if (form != null || (word != null && (nearSelf(units, k) || nearAge(mentions, u)))) {
                sex = Sex.valueOf((form != null ? form : word).code().toUpperCase(Locale.ROOT));
                mentions.add(new Mention(u.start, u.end, text.substring(u.start, u.end), MentionKind.SEX, "sex",
                        sex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
            }
        }
        for (int k = 0; k < units.size() && sex == null && !firstPerson; k++) {
            Entry third = units.get(k).match == null ? null : units.get(k).match.first(Role.SEX_THIRD);
            if (third != null) {
                Unit u = units.get(k);
                sex = Sex.valueOf(third.code().toUpperCase(Locale.ROOT));
                mentions.add(new Mention(u.start, u.end, text.substring(u.start, u.end), MentionKind.SEX, "sex",
                        sex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
            }
        }
        if (sex == null && mentions.stream().anyMatch(m -> m.kind() == MentionKind.PREGNANCY)) {
            sex = Sex.FEMALE;
        }

        // The structured part.
        Map<String, Map<Modifier, Object>> modifiersByCode = new LinkedHashMap<>();
        for (int k : symptomUnits) {
            String code = symptomCode(units.get(k));
            Map<Modifier, Object> mine = attached.getOrDefault(k, Map.of());
            Map<Modifier, Object> merged = modifiersByCode.computeIfAbsent(code, c -> new EnumMap<>(Modifier.class));
            if (contexts.get(k).status() != SymptomStatus.ABSENT) {
                mine.forEach((m, v) -> {
                    if (v instanceof List<?> each) {
                        each.forEach(one -> put(merged, m, one, true));
                    } else {
                        put(merged, m, v, true);
                    }
                });
            }
        }
        List<ParsedSymptom> symptoms = new ArrayList<>();
        symptomStatus.forEach((code, context) -> symptoms.add(new ParsedSymptom(code, context.status(),
                context.status() == SymptomStatus.ABSENT ? Map.of() : Map.copyOf(modifiersByCode.getOrDefault(code, Map.of())))));
        List<String> riskFactors = riskStatus.entrySet().stream().filter(e -> e.getValue().status() == SymptomStatus.PRESENT).map(Map.Entry::getKey).toList();
        List<String> absentRiskFactors = riskStatus.entrySet().stream().filter(e -> e.getValue().status() == SymptomStatus.ABSENT).map(Map.Entry::getKey).toList();
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end).thenComparing(Mention::code));
        return new ParsedText(language, age, sex, pregnancy, underTreatment, List.copyOf(symptoms), riskFactors, absentRiskFactors,
                List.copyOf(mentions), unrecognized(text, units));
    }

    /**
     * The status the cues give a phrase at {@code [start, end)} of the text, as if it were a symptom of the lexicon:
     * the cue logic on its own, for checking it against annotated corpora whose concepts the lexicon does not have.
     */
    SymptomStatus statusOf(String text, int start, int end) {
        List<Token> words = tokens.of(text);
        int from = -1;
        int to = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).end() > start && words.get(i).start() < end) {
                from = from < 0 ? i : from;
                to = i + 1;
            }
        }
        if (from < 0) {
            throw new IllegalArgumentException("no word in the span");
        }
        Match concept = new Match(from, to, List.of(new Entry(Role.SYMPTOM, "concept", null)));
        List<Unit> units = units(text, words, concept);
        for (int k = 0; k < units.size(); k++) {
            if (units.get(k).match == concept) {
                return context(text, units, k, true, true).status();
            }
        }
        throw new IllegalStateException("the concept was not placed");
    }

    private List<Unit> units(String text, List<Token> words) {
        return units(text, words, null);
    }

    /** Units apart that reach a two-part symptom: joined onto the later part, unless the symptom is there already. */
    private static final int PAIR_REACH = 8;

    private static void pairs(List<Unit> units) {
        for (int k = 0; k < units.size(); k++) {
            Unit later = units.get(k);
            if (later.match == null) {
                continue;
            }
            for (Entry part : later.match.entries()) {
                Role other = part.role() == Role.PAIR_SECOND ? Role.PAIR_FIRST : part.role() == Role.PAIR_FIRST ? Role.PAIR_SECOND : null;
                if (other == null || hasSymptom(later, part.code())) {
                    continue;
                }
                for (int j = k - 1; j >= Math.max(0, k - PAIR_REACH) && units.get(j).clause == later.clause; j--) {
                    Unit earlier = units.get(j);
                    if (hasSymptom(earlier, part.code())) {
                        break; // said whole already
                    }
                    if (earlier.match != null && earlier.match.entries().stream()
                            .anyMatch(e -> e.role() == other && e.code().equals(part.code()))) {
                        List<Entry> entries = new ArrayList<>(later.match.entries());
                        entries.add(new Entry(Role.SYMPTOM, part.code(), null, 0, part.implied()));
                        later.match = new Match(later.match.from(), later.match.to(), List.copyOf(entries));
                        later.concept = true;
                        later.mentionStart = earlier.start;
                        break;
                    }
                }
            }
        }
    }

    private static boolean hasSymptom(Unit u, String code) {
        return u.match != null && u.match.entries().stream().anyMatch(e -> e.role() == Role.SYMPTOM && e.code().equals(code));
    }

    private List<Unit> units(String text, List<Token> words, Match forced) {
        List<Unit> units = new ArrayList<>();
        int[] typoBudget = {PhraseIndex.TYPO_LOOKUPS};
        int sentence = 0;
        int clause = 0;
        int scope = 0;
        int i = 0;
        while (i < words.size()) {
            Match m = forced != null && i == forced.from() ? forced : index.longest(words, i, typoBudget);
            if (m != null && forced != null && m != forced && m.to() > forced.from() && i < forced.from()) {
                m = m.to() > forced.from() ? null : m; // a phrase may not run into the concept
            }
            int to = m == null ? i + 1 : m.to();
            Unit u = new Unit(i, to, m, words.get(i).start(), words.get(to - 1).end());
            u.commaBefore = words.get(i).commaBefore();
            if (words.get(i).sentenceBefore()) {
                sentence++;
                clause++;
                scope++;
            } else if (u.has(Role.TERMINATION)) {
                clause++;
                scope++;
            } else if (u.has(Role.CLAUSE_START) && !units.isEmpty()
                    && (words.get(i).commaBefore() || !units.get(units.size() - 1).has(Role.UNCERTAINTY_BEFORE))) {
                scope++; // "I think I have a fever": the hedge reaches into the clause it introduces
            }
            u.sentence = sentence;
            u.clause = clause;
            u.scope = scope;
            units.add(u);
            i = to;
        }
        return units;
    }

    /**
     * Amounts of time and ages: "for 2 days", "3 hours ago", "hace tres horas", "an hour and a half", "since this
     * morning", "67 years old", "I'm 67", "tengo 67 años", "67yo". Returns the patient's age, the first one given.
     */
    private Demographics quantities(String text, List<Token> words, List<Unit> units, List<Found> found, List<Mention> mentions) {
        Integer age = null;
        Sex sex = null;
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (u.has(Role.DURATION)) {
                found.add(new Found(k, u.start, u.end, Modifier.HOURS_SINCE_ONSET, u.match.first(Role.DURATION).number(),
                        text.substring(u.start, u.end)));
                continue;
            }
            Double amount = null;
            Double attachedUnit = null;
            boolean attachedAge = false;
            Sex attachedSex = null;
            if (u.has(Role.NUMBER)) {
                amount = u.match.first(Role.NUMBER).number();
            } else if (u.unknownWord() || u.to == u.from + 1 && NUMBER.matcher(words.get(u.from).term()).matches()) {
                // A number is a number, even where a lexicon also lists it as a word.
                String term = words.get(u.from).term();
                Matcher plain = NUMBER.matcher(term);
                Matcher withUnit = NUMBER_WITH_UNIT.matcher(term);
                if (plain.matches()) {
                    amount = Double.parseDouble(term.replace(',', '.'));
                } else if (withUnit.matches()) {
                    amount = Double.parseDouble(withUnit.group(1).replace(',', '.'));
                    String suffix = withUnit.group(2);
                    attachedUnit = unitHours.get(suffix);
                    attachedSex = sexLetters.get(suffix);
                    attachedAge = attachedSex != null || ageSuffixes.contains(suffix) && (attachedUnit == null || attachedUnit == YEAR_HOURS);
                    if (attachedUnit == null && !attachedAge) {
                        amount = null;
                    }
                }
            }
            if (amount == null) {
                continue;
            }
            int last = k;
            Double hoursPerUnit = attachedUnit;
            if (hoursPerUnit == null && !attachedAge && k + 2 < units.size() && units.get(k + 1).has(Role.HALF)
                    && units.get(k + 2).has(Role.UNIT)) {
                amount += 0.5; // "three and a half months"
                hoursPerUnit = units.get(k + 2).match.first(Role.UNIT).number();
                last = k + 2;
            } else if (hoursPerUnit == null && !attachedAge && k + 1 < units.size() && units.get(k + 1).has(Role.UNIT)) {
                hoursPerUnit = units.get(k + 1).match.first(Role.UNIT).number();
                last = k + 1;
            }
            if (last + 1 < units.size() && units.get(last + 1).has(Role.PREGNANCY)) {
                markCovered(units, k, last); // "30 weeks pregnant": how far the pregnancy is, not when a symptom began
                k = last;
                continue;
            }
            if (last + 1 < units.size() && units.get(last + 1).has(Role.HALF) && hoursPerUnit != null) {
                amount += 0.5;
                last++;
            }
            boolean anyUnit = k > 0 && units.get(k - 1).has(Role.AGE_BEFORE_ANY_UNIT) && units.get(k - 1).sentence == u.sentence;
            boolean before = anyUnit || k > 0 && units.get(k - 1).has(Role.AGE_BEFORE) && units.get(k - 1).sentence == u.sentence;
            boolean after = last + 1 < units.size() && units.get(last + 1).has(Role.AGE_AFTER);
            boolean ago = last + 1 < units.size() && units.get(last + 1).has(Role.AGO)
                    || k > 0 && (units.get(k - 1).has(Role.AGO) || units.get(k - 1).has(Role.SINCE));
            boolean whole = amount == Math.rint(amount);
            boolean isAge = attachedAge
                    || after
                    || (before && !ago && (hoursPerUnit == null ? whole && endsAnAge(units, last)
                            : anyUnit && hoursPerUnit >= 24 || hoursPerUnit == YEAR_HOURS))
                    || (hoursPerUnit == null && whole && !ago && u.unknownWord() && nextToPerson(units, k))
                    // "Soy hombre, 65 años", "mi compañera de piso (22 años)": years with no "for", "since" or "ago"
                    || (hoursPerUnit != null && hoursPerUnit == YEAR_HOURS && !ago && !after && whole && standsAlone(units, k, last)
                        && nextToPerson(units, k));
            if (isAge && amount <= 120) {
                int years = hoursPerUnit == null ? (int) Math.floor(amount) : (int) Math.floor(amount * hoursPerUnit / YEAR_HOURS + 1e-9);
                int startUnit = before ? k - 1 : k;
                int endUnit = after ? last + 1 : last;
                markCovered(units, startUnit, endUnit);
                int start = units.get(startUnit).start;
                int end = units.get(endUnit).end;
                mentions.add(new Mention(start, end, text.substring(start, end), MentionKind.AGE, "age",
                        Integer.toString(years), null, SymptomStatus.PRESENT, null));
                if (age == null) {
                    age = years;
                }
                if (attachedSex != null && sex == null) {
                    sex = attachedSex;
                    mentions.add(new Mention(start, end, text.substring(start, end), MentionKind.SEX, "sex",
                            attachedSex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
                }
                k = endUnit;
                continue;
            }
            if (hoursPerUnit == null) {
                continue; // a bare number: not a time, not an age
            }
            if (hoursPerUnit == YEAR_HOURS && !ago && standsAlone(units, k, last)) {
                // "mi compañera de piso (22 años)", "Numb feet, 3 years.": an age or a time, which is not said;
                // neither is taken, so the onset stays unknown (never "long ago").
                markCovered(units, k, last);
                k = last;
                continue;
            }
            int startUnit = k > 0 && (units.get(k - 1).has(Role.SINCE) || units.get(k - 1).has(Role.AGO)) ? k - 1 : k;
            int endUnit = last + 1 < units.size() && units.get(last + 1).has(Role.AGO) ? last + 1 : last;
            markCovered(units, startUnit, endUnit);
            int start = units.get(startUnit).start;
            int end = units.get(endUnit).end;
            if (amount * hoursPerUnit <= MAX_HOURS) { // "for 200 years" is no time the contract takes
                found.add(new Found(k, start, end, Modifier.HOURS_SINCE_ONSET, amount * hoursPerUnit, text.substring(start, end)));
            }
            k = endUnit;
        }
        return new Demographics(age, sex);
    }

    /** An age and a sex written as one word ("24F"). */
    private record Demographics(Integer age, Sex sex) {
    }

    /** "I'm 67.", "tengo 67, y": a bare number ends there; "tengo 2 hijos", "I'm 100 percent sure" are no ages. */
    private static boolean endsAnAge(List<Unit> units, int last) {
        if (last + 1 >= units.size()) {
            return true;
        }
        Unit next = units.get(last + 1);
        return next.commaBefore || next.sentence != units.get(last).sentence || next.has(Role.FILLER)
                || next.has(Role.TERMINATION) || next.has(Role.CLAUSE_START) || next.has(Role.LIST_AND)
                || next.has(Role.SEX) || next.has(Role.SEX_FORM) || next.has(Role.AGE_AFTER) || next.has(Role.FIRST_PERSON)
                || next.concept() || next.has(Role.MODIFIER);
    }

    /** Units {@code from} to {@code to} set off by commas, brackets or sentence ends on both sides: "Soy hombre, 65 años." */
    private static boolean standsAlone(List<Unit> units, int from, int to) {
        boolean before = from == 0 || units.get(from).commaBefore || units.get(from).sentence != units.get(from - 1).sentence;
        boolean after = to + 1 == units.size() || units.get(to + 1).commaBefore || units.get(to + 1).sentence != units.get(to).sentence;
        return before && after;
    }

    /** "Male, 34", "19, female", "my husband is 71", "grandad, 91", "F 45": a bare number beside a word for a person. */
    private static boolean nextToPerson(List<Unit> units, int k) {
        for (int j = Math.max(0, k - 3); j <= Math.min(units.size() - 1, k + 2); j++) {
            Unit u = units.get(j);
            if (j != k && u.sentence == units.get(k).sentence && (u.has(Role.SEX) || u.has(Role.SEX_FORM) || u.has(Role.SEX_THIRD))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A word in lower case without its accents, for the raw-text lists (the paired plurals). */
    private static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    private static void markCovered(List<Unit> units, int from, int to) {
        for (int i = from; i <= to; i++) {
            units.get(i).covered = true;
            units.get(i).quantity = true;
        }
    }

    /**
     * The status of the concept at unit {@code k}: someone else's or (for a symptom) the distant past give unknown; a
     * hedge gives unknown; one negation cue in scope gives absent, two give unknown; else present.
     */
    private Context context(String text, List<Unit> units, int k, boolean pastIsNotNow, boolean firstPerson) {
        Unit u = units.get(k);
        // A relative and a verb ("my husband has", "mi papá tuvo") make only a risk factor someone else's: "my husband
        // had a seizure an hour ago" is how a spouse reports the patient's emergency, and "my wife is 34 weeks pregnant"
        // her pregnancy, so a symptom or a pregnancy needs an explicit "family history of", "runs in my family" or "died
        // of" to be someone else's.
        boolean riskFactor = u.match != null && u.match.has(Role.RISK_FACTOR);
        // Someone else's: "family history of ...", "... runs in my family"; for a risk factor also "my mum has ...".
        // The phrase reaches the first concept after it, not past a comma: "family history of stroke, sudden numbness".
        for (int j = k - 1; j >= 0 && units.get(j).scope == u.scope; j--) {
            Unit c = units.get(j);
            if (c.cue(Role.OTHER_BEFORE)) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, c, c, CueKind.OTHER_PERSON));
            }
            boolean listed = units.get(j + 1).has(Role.LIST_AND) || units.get(j + 1).has(Role.LIST_OR);
            if (c.concept() && !listed || units.get(j + 1).commaBefore) {
                break; // "family history of diabetes and stroke" is one list; past a comma the patient speaks again
            }
            if (c.cue(Role.FAMILY_VERB) && firstPerson && riskFactor) {
                for (int r = j - 1; r >= Math.max(0, j - 3) && units.get(r).scope == u.scope; r--) {
                    if (units.get(r).cue(Role.RELATIVE)) {
                        return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(r), c, CueKind.OTHER_PERSON));
                    }
                }
            }
        }
        Unit after = afterCue(units, k, Role.OTHER_AFTER, AFTER_REACH + 2);
        if (after != null) {
            return new Context(SymptomStatus.UNKNOWN, cue(text, after, after, CueKind.OTHER_PERSON));
        }
        if (pastIsNotNow) {
            for (int j = k - 1; j >= 0 && units.get(j).scope == u.scope; j--) {
                if (units.get(j).cue(Role.HISTORICAL_BEFORE)) {
                    return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(j), units.get(j), CueKind.HISTORICAL));
                }
            }
            after = afterCue(units, k, Role.HISTORICAL_AFTER, AFTER_REACH + 2);
            if (after != null) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, after, after, CueKind.HISTORICAL));
            }
        }
        Unit hedge = beforeCue(units, k, Role.UNCERTAINTY_BEFORE, UNCERTAINTY_REACH, false);
        if (hedge == null) {
            hedge = afterCue(units, k, Role.UNCERTAINTY_AFTER, AFTER_REACH);
        }
        if (hedge != null) {
            return new Context(SymptomStatus.UNKNOWN, cue(text, hedge, hedge, CueKind.UNCERTAINTY));
        }
        int nearest = beforeIndex(units, k, Role.NEGATION_BEFORE, NEGATION_REACH, false);
        if (nearest >= 0 && crossesCommaOutsideList(units, nearest, k)) {
            nearest = -1;
        }
        if (nearest >= 0 && afterCue(units, k, Role.NEGATION_CANCEL, AFTER_REACH) != null) {
            nearest = -1;
        }
        if (nearest >= 0) {
            // A second negation right before the first, with no phrase between them, cancels it into a doubt.
            int outer = beforeIndex(units, nearest, Role.NEGATION_BEFORE, 2, true);
            if (outer >= 0) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(outer), units.get(nearest), CueKind.DOUBLE_NEGATION));
            }
            return new Context(SymptomStatus.ABSENT, cue(text, units.get(nearest), units.get(nearest), CueKind.NEGATION));
        }
        Unit negationAfter = afterCue(units, k, Role.NEGATION_AFTER, AFTER_REACH);
        if (negationAfter != null) {
            return new Context(SymptomStatus.ABSENT, cue(text, negationAfter, negationAfter, CueKind.NEGATION));
        }
        return new Context(SymptomStatus.PRESENT, null);
    }

    /**
     * Whether a "no" would reach its phrase across a comma without the list being one ("no fever, chills or
     * headache"): "not pregnant, 24F, stomach cramps" does not deny the cramps.
     */
    private static boolean crossesCommaOutsideList(List<Unit> units, int cue, int k) {
        boolean comma = false;
        for (int j = cue + 1; j <= k; j++) {
            comma |= units.get(j).commaBefore;
        }
        if (!comma) {
            return false;
        }
        for (int j = cue + 1; j < units.size() && units.get(j).scope == units.get(k).scope; j++) {
            if (units.get(j).cue(Role.LIST_OR)) {
                return false;
            }
        }
        return true;
    }

    private static Unit beforeCue(List<Unit> units, int k, Role role, int reach, boolean stopAtConcept) {
        int i = beforeIndex(units, k, role, reach, stopAtConcept);
        return i < 0 ? null : units.get(i);
    }

    /** The nearest unit before {@code k} in its scope with the role, within {@code reach} unknown words. */
    /**
     * The nearest unit before {@code k} in its scope with the role, within {@code reach} words that are neither
     * phrases of the lexicon's concepts nor modifiers (NegEx counts words the same way). An "and" followed by anything
     * but a concept starts a new predicate the cue does not reach: "no fever and sudden weakness" denies the fever only.
     */
    private static int beforeIndex(List<Unit> units, int k, Role role, int reach, boolean stopAtConcept) {
        int scope = units.get(k).scope;
        int words = 0;
        for (int j = k - 1; j >= 0 && units.get(j).scope == scope; j--) {
            Unit c = units.get(j);
            if (c.cue(role)) {
                return j;
            }
            if (stopAtConcept && (c.concept() || c.has(Role.MODIFIER))) {
                return -1;
            }
            if (c.has(Role.LIST_AND) && !units.get(j + 1).concept()) {
                return -1;
            }
            boolean listed = c.concept() || c.has(Role.MODIFIER) || c.has(Role.LIST_OR) || c.has(Role.LIST_AND) || c.quantity;
            if (!listed && ++words > reach) {
                return -1;
            }
        }
        return -1;
    }

    /** The nearest unit after {@code k} in its scope with the role, before any other phrase and within reach. */
    private static Unit afterCue(List<Unit> units, int k, Role role, int reach) {
        int scope = units.get(k).scope;
        int unknown = 0;
        for (int j = k + 1; j < units.size() && units.get(j).scope == scope; j++) {
            Unit c = units.get(j);
            if (c.cue(role)) {
                return c;
            }
            if (c.concept() || (c.unknownWord() && !c.covered && ++unknown > reach)) {
                return null;
            }
        }
        return null;
    }

    private static Cue cue(String text, Unit from, Unit to, CueKind kind) {
        return new Cue(from.start, to.end, text.substring(from.start, to.end), kind);
    }

    /**
     * The symptom a modifier belongs to: the nearest symptom that takes it in its own clause, else in its sentence
     * (the one before on a tie). A side or a place stays in its clause ("my right leg is fine but my left leg went
     * weak"). A time nearer to another concept than to any symptom is that concept's ("diabetic for 10 years, and my
     * arm is weak": the years are the diabetes'); how it began or how bad it is never is ("pregnant and suddenly a
     * terrible headache"). Only a sentence that names no concept at all ("It started two hours
     * ago.") lends its modifiers to the last symptom before it.
     */
    private int target(List<Unit> units, List<Integer> symptomUnits, Found f) {
        Unit at = units.get(f.unit());
        if (at.concept() && at.has(Role.SYMPTOM)) {
            return takes(at, f.modifier()) ? f.unit() : -1; // implied by the symptom's own phrase
        }
        boolean clauseOnly = f.modifier() == Modifier.SIDE || f.modifier() == Modifier.LOCATIONS;
        int best = nearest(units, symptomUnits, f, true);
        if (best < 0 && !clauseOnly) {
            best = nearest(units, symptomUnits, f, false);
        }
        if (best >= 0 && f.modifier() == Modifier.HOURS_SINCE_ONSET) {
            int other = nearestOtherConcept(units, f.unit());
            return other >= 0 && Math.abs(other - f.unit()) < Math.abs(best - f.unit()) ? -1 : best;
        }
        if (best >= 0) {
            return best;
        }
        if (clauseOnly || units.stream().anyMatch(u -> u.sentence == at.sentence && u.concept())) {
            return -1;
        }
        for (int i = symptomUnits.size() - 1; i >= 0; i--) {
            int s = symptomUnits.get(i);
            if (s < f.unit() && takes(units.get(s), f.modifier())) {
                return s;
            }
        }
        return -1;
    }

    private int nearest(List<Unit> units, List<Integer> symptomUnits, Found f, boolean sameClause) {
        Unit at = units.get(f.unit());
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int s : symptomUnits) {
            Unit symptom = units.get(s);
            boolean near = sameClause ? symptom.clause == at.clause : symptom.sentence == at.sentence;
            if (!near || !takes(symptom, f.modifier())) {
                continue;
            }
            int d = Math.abs(s - f.unit()) * 2 + (s > f.unit() ? 1 : 0);
            if (d < bestDistance) {
                best = s;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The nearest concept of the clause that is not a symptom (a risk factor, a pregnancy), or -1. */
    private static int nearestOtherConcept(List<Unit> units, int k) {
        int best = -1;
        for (int j = 0; j < units.size(); j++) {
            Unit u = units.get(j);
            if (u.clause == units.get(k).clause && u.concept() && !u.has(Role.SYMPTOM)
                    && (best < 0 || Math.abs(j - k) < Math.abs(best - k))) {
                best = j;
            }
        }
        return best;
    }

    private boolean takes(Unit symptom, Modifier modifier) {
        return catalog.symptom(symptomCode(symptom)).map(d -> d.modifiers().contains(modifier.code())).orElse(false);
    }

    private static String symptomCode(Unit u) {
        return u.match.first(Role.SYMPTOM).code();
    }

    /** Puts a modifier's value, joining two answers the way that keeps the more alarming reading. */
    @SuppressWarnings("unchecked")
    private static void put(Map<Modifier, Object> into, Modifier m, Object value, boolean own) {
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

    private static Object valueOf(Modifier m, String value) {
        if (m.kind() == Modifier.Kind.BOOLEAN) {
            return Boolean.valueOf(value);
        }
        return m.choice(value).orElseThrow(() -> new IllegalStateException(m.code() + " " + value));
    }

    private static String valueText(Object value) {
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

    /** Whether nothing but a clause's end, a comma, "and" or "but" follows unit {@code k}. */
    private static boolean endsItsClause(List<Unit> units, int k) {
        if (k + 1 >= units.size()) {
            return true;
        }
        Unit next = units.get(k + 1);
        return next.commaBefore || next.sentence != units.get(k).sentence || next.clause != units.get(k).clause
                || next.has(Role.LIST_AND) || next.has(Role.LIST_OR) || next.has(Role.CLAUSE_START) || next.concept();
    }

    private static boolean sentenceHas(List<Unit> units, int k, Role role) {
        int sentence = units.get(k).sentence;
        return units.stream().anyMatch(u -> u.sentence == sentence && u.has(role));
    }

    private static boolean nearSelf(List<Unit> units, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (units.get(j).sentence != units.get(k).sentence) {
                return false;
            }
            if (units.get(j).has(Role.SELF)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearAge(List<Mention> mentions, Unit u) {
        return mentions.stream().anyMatch(m -> m.kind() == MentionKind.AGE
                && (Math.abs(m.end() - u.start) <= 24 || Math.abs(u.end - m.start()) <= 24));
    }

    /**
     * Two mentions of one code: present outranks a doubt, which outranks a "no", so one "I have it" is never undone
     * by another phrase's "no"; someone else's or a past one ranks last, so it never undoes the patient's own "no".
     */
    private static Context stronger(Context a, Context b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Context c) {
        return switch (c.status()) {
            case PRESENT -> 3;
            case UNKNOWN -> c.cue() != null && (c.cue().kind() == CueKind.OTHER_PERSON || c.cue().kind() == CueKind.HISTORICAL) ? 0 : 2;
            case ABSENT -> 1;
        };
    }

    /** Runs of words neither in the lexicon nor stop words, as spans of the text. */
    private List<Span> unrecognized(String text, List<Unit> units) {
        List<Span> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (Unit u : units) {
            String raw = text.substring(u.start, u.end).toLowerCase(Locale.ROOT);
            boolean understood = u.covered || stopWords.contains(raw);
            if (!understood) {
                if (start < 0) {
                    start = u.start;
                }
                end = u.end;
            } else if (start >= 0) {
                out.add(new Span(start, end, text.substring(start, end)));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Span(start, end, text.substring(start, end)));
        }
        return List.copyOf(out);
    }
}
