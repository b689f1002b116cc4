package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.text.ParsedText.Cue;
import dev.triageapi.text.ParsedText.CueKind;
import dev.triageapi.text.ParsedText.Mention;
import dev.triageapi.text.ParsedText.MentionKind;
import dev.triageapi.text.ParsedText.ParsedSymptom;
import dev.triageapi.text.ParsedText.Span;
import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Match;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.text.Tokens.Token;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a patient's words into catalog codes with the NegEx/ConText algorithm (Chapman et al. 2001; Harkema et al.
 * 2009): phrases are found longest first; a cue acts on the phrases in its scope, which ends at the end of a
 * sentence, at a termination term ("but", "pero"), at the start of a new clause ("I", "my", "yo") or a few words on.
 * Safety shapes each choice: {@code absent} needs a negation cue in scope; a hedge, a double negation, someone else's
 * history or the distant past give {@code unknown}; a word not understood is listed as such, never taken as "no".
 * Deterministic: the same text always gives the same answer.
 */
public final class TextParser {

    private final Language language;
    private final Tokens tokens;
    private final PhraseIndex index;
    private final Catalog catalog;
    private final CharArraySet stopWords;
    /** Risk factors that count when past ("I had a stroke years ago"): a historical cue leaves them present. */
    private final Set<String> pastCounts = new HashSet<>();
    private final UnitReader unitReader;
    private final QuantityReader quantities;
    private final ModifierAttacher attacher;

    public TextParser(Lexicon lexicon, Catalog catalog, DurationHours durations) {
        List<String> problems = lexicon.check(catalog, durations);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        this.language = Language.byCode(lexicon.language()).orElseThrow(() -> new IllegalStateException("no language " + lexicon.language()));
        this.catalog = catalog;
        this.tokens = new Tokens(language.code());
        this.index = LexiconIndex.build(lexicon, tokens, durations);
        this.stopWords = language == Language.ES ? SpanishAnalyzer.getDefaultStopSet() : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        lexicon.riskFactors().stream().filter(Lexicon.CodePhrases::pastCounts).forEach(r -> pastCounts.add(r.code()));
        this.unitReader = new UnitReader(index);
        this.quantities = new QuantityReader(lexicon, tokens);
        this.attacher = new ModifierAttacher(catalog, lexicon);
    }

    /** Reads a text. */
    public ParsedText parse(String text) {
        List<Token> words = tokens.of(text);
        List<Unit> units = unitReader.read(text, words);
        List<Mention> mentions = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        boolean firstPerson = units.stream().anyMatch(u -> u.has(Role.FIRST_PERSON));
        QuantityReader.Demographics demographics = quantities.read(text, words, units, found, mentions);
        Integer age = demographics.age();

        // Concepts and their context.
        Map<Integer, Context> contexts = new LinkedHashMap<>();
        Map<String, Context> symptomStatus = new LinkedHashMap<>();
        Map<String, Context> riskStatus = new LinkedHashMap<>();
        Pregnancy pregnancy = null;
        Boolean underTreatment = null;
        List<Integer> symptomUnits = new ArrayList<>();
        Set<Integer> bothSides = new HashSet<>();
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (!u.concept()) {
                continue;
            }
            for (Entry e : u.match.entries()) {
                if (!e.role().concept()) {
                    continue;
                }
                Context c = ConText.context(text, units, k, e.role() == Role.SYMPTOM || e.role() == Role.NORMAL
                        || e.role() == Role.RISK_FACTOR && !pastCounts.contains(e.code()), firstPerson);
                String phrase = text.substring(u.mentionStart, u.end);
                if (e.role() == Role.NORMAL && !endsItsClause(units, k)) {
                    continue; // "hablo bien raro": "bien" is "very" here, and nothing is said to be normal
                }
                if (e.role() == Role.NORMAL && catalog.isRiskFactor(e.code())) {
                    c = c.status() == SymptomStatus.PRESENT
                            ? new Context(SymptomStatus.ABSENT, new Cue(u.start, u.end, phrase, CueKind.NEGATION)) : c;
                    riskStatus.merge(e.code(), c, ConText::stronger);
                    mentions.add(new Mention(u.start, u.end, phrase, MentionKind.RISK_FACTOR, e.code(), null, null, c.status(), c.cue()));
                    continue;
                }
                if (e.role() == Role.NORMAL) {
                    // "my vision is fine": a "no" said in other words, which a "not" or an "until" turns back.
                    c = switch (c.status()) {
                        case PRESENT -> ConText.afterCue(units, k, Role.NEGATION_CANCEL, ConText.AFTER_REACH) != null ? c
                                : new Context(SymptomStatus.ABSENT, new Cue(u.start, u.end, phrase, CueKind.NEGATION));
                        case ABSENT -> new Context(SymptomStatus.PRESENT, null);
                        case UNKNOWN -> c;
                    };
                    symptomStatus.merge(e.code(), c, ConText::stronger);
                    mentions.add(new Mention(u.mentionStart, u.end, phrase, MentionKind.SYMPTOM, e.code(), null, null, c.status(), c.cue()));
                    continue;
                }
                if (e.role() == Role.SYMPTOM) {
                    contexts.put(k, c);
                }
                switch (e.role()) {
                    case SYMPTOM -> {
                        symptomUnits.add(k);
                        symptomStatus.merge(e.code(), c, ConText::stronger);
                        mentions.add(new Mention(u.mentionStart, u.end, phrase, MentionKind.SYMPTOM, e.code(), null, null, c.status(), c.cue()));
                        if (PlaceWords.inside(text, words, u, k, index, attacher, false, found)) {
                            bothSides.add(k);
                        }
                        for (Map.Entry<String, List<String>> implied : e.implied().entrySet()) {
                            Modifier m = Modifier.byCode(implied.getKey()).orElseThrow();
                            for (String v : implied.getValue()) {
                                found.add(new Found(k, u.start, u.end, m, ModifierValues.valueOf(m, v), null));
                            }
                        }
                    }
                    case RISK_FACTOR -> {
                        riskStatus.merge(e.code(), c, ConText::stronger);
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

        PlaceWords.inUnjoinedPairs(text, words, units, symptomUnits, index, attacher, found);

        ModifierAttacher.Attached attached = attacher.attach(text, units, symptomUnits, found, bothSides, mentions, firstPerson,
                k -> contexts.get(k).status() == SymptomStatus.PRESENT);

        Sex sex = SexReader.read(text, units, mentions, demographics.sex(), firstPerson);

        // The structured part.
        Map<String, Map<Modifier, Object>> modifiersByCode = byCode(units, symptomUnits, contexts, attached.own());
        Map<String, Map<Modifier, Object>> lentByCode = byCode(units, symptomUnits, contexts, attached.lent());
        List<ParsedSymptom> symptoms = new ArrayList<>();
        symptomStatus.forEach((code, context) -> {
            boolean absent = context.status() == SymptomStatus.ABSENT;
            Map<Modifier, Object> own = absent ? Map.of() : modifiersByCode.getOrDefault(code, Map.of());
            Map<Modifier, Object> lent = new EnumMap<>(Modifier.class);
            if (!absent) {
                lentByCode.getOrDefault(code, Map.of()).forEach((m, v) -> {
                    if (!own.containsKey(m)) {
                        lent.put(m, v);
                    }
                });
            }
            symptoms.add(new ParsedSymptom(code, context.status(), Map.copyOf(own), Map.copyOf(lent)));
        });
        List<String> riskFactors = riskStatus.entrySet().stream().filter(e -> e.getValue().status() == SymptomStatus.PRESENT).map(Map.Entry::getKey).toList();
        List<String> absentRiskFactors = riskStatus.entrySet().stream().filter(e -> e.getValue().status() == SymptomStatus.ABSENT).map(Map.Entry::getKey).toList();
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end).thenComparing(Mention::code));
        return new ParsedText(language, age, sex, pregnancy, underTreatment, List.copyOf(symptoms), riskFactors, absentRiskFactors,
                List.copyOf(mentions), unrecognized(text, units));
    }

    /** The modifiers of the symptom units not said to be absent, joined by symptom code. */
    private Map<String, Map<Modifier, Object>> byCode(List<Unit> units, List<Integer> symptomUnits, Map<Integer, Context> contexts,
                                                      Map<Integer, Map<Modifier, Object>> byUnit) {
        Map<String, Map<Modifier, Object>> byCode = new LinkedHashMap<>();
        for (int k : symptomUnits) {
            Map<Modifier, Object> mine = byUnit.getOrDefault(k, Map.of());
            // A phrase may name two symptoms ("my neck is sore": neck pain, and pain in the neck's muscles).
            for (Entry e : units.get(k).match.entries()) {
                if (e.role() != Role.SYMPTOM || contexts.get(k).status() == SymptomStatus.ABSENT) {
                    continue;
                }
                Map<Modifier, Object> merged = byCode.computeIfAbsent(e.code(), c -> new EnumMap<>(Modifier.class));
                mine.forEach((m, v) -> {
                    if (!ModifierAttacher.takes(catalog, e.code(), m)) {
                        return;
                    }
                    if (v instanceof List<?> each) {
                        each.forEach(one -> ModifierValues.put(merged, m, one, true));
                    } else {
                        ModifierValues.put(merged, m, v, true);
                    }
                });
            }
        }
        return byCode;
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
        List<Unit> units = unitReader.read(text, words, concept);
        for (int k = 0; k < units.size(); k++) {
            if (units.get(k).match == concept) {
                return ConText.context(text, units, k, true, true).status();
            }
        }
        throw new IllegalStateException("the concept was not placed");
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
