package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldWording;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.TextTooLongException;
import dev.triageapi.text.ParsedText;
import dev.triageapi.text.ParsedText.ParsedSymptom;
import dev.triageapi.text.TextParsers;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.interview.Interviewer;
import dev.triageapi.triage.rules.RulesRegistry;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A patient's own words as a triage request: read by the parser of their language, then merged under what the
 * request states in fields. A structured answer always wins, field by field; the text only fills what the fields left
 * unknown, so it can never turn a reported symptom absent nor lower what the fields say.
 */
@ApplicationScoped
public class TextIntake {

    private final TextParsers parsers;
    private final int maxLength;
    private final Function<TriageRequest, Urgency> urgency;

    TextIntake(Catalog catalog, Interviewer interviewer, TriageConfig config, RulesRegistry rules, TriageEngine engine,
               RequestMapper requests) {
        // The words for "since yesterday" mean what the interview's answer of that name means.
        this.parsers = new TextParsers(catalog, interviewer.plan()::hours);
        this.maxLength = config.api().maxTextLength();
        // A reading is judged with the interview's answers the request posts: an answer can make a lent value lower.
        this.urgency = r -> engine.urgency(rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded")),
                interviewer.answer(requests.toCase(r), r.answers() == null ? List.of()
                        : r.answers().stream().map(a -> Map.entry(a.question(), a.answer())).toList()).triageCase());
    }

    /**
     * The two readings of a text merged under a request's fields: {@code wide} takes what words said once for several
     * complaints gave each of them (a cause before them all, "because of that", a course said after them), {@code
     * narrow} gives such words only the complaint they are nearest; the same request when the text lent nothing.
     */
    public record Reading(TriageRequest wide, TriageRequest narrow) {

        /**
         * The wide reading where it changes the level and the change is no loss: where it raises the level ("I fell
         * and my neck hurts"), or takes a plain consultation to self-care ("After the gym my thighs are sore and
         * weak. Not getting worse."). Otherwise the narrow one, which never silences a red flag or a same-day need
         * ("I can't swallow and my arms are weak. Not getting worse." keeps the swallowing's worsening unknown) and,
         * at the same level, keeps asking what a lent value would have answered for the patient.
         */
        public TriageRequest choose(Function<TriageRequest, Urgency> urgency) {
            if (wide == narrow) {
                return wide;
            }
            Urgency ifLent = urgency.apply(wide);
            Urgency ifNot = urgency.apply(narrow);
            int change = ifLent.compareTo(ifNot);
            return change > 0 || change < 0 && ifNot.compareTo(Urgency.CONSULTATION) <= 0 ? wide : narrow;
        }
    }

    /**
     * One of a text's readings, chosen by the current rules. A request the catalog refuses is left to the caller's own
     * mapping, which refuses it in the client's language.
     */
    public TriageRequest choose(Reading reading) {
        try {
            return reading.choose(urgency);
        } catch (InvalidRequestException refused) {
            return reading.wide();
        }
    }

    /** What a text says, as a triage request of its own (no symptom when it names none). */
    public TriageRequest request(ParsedText parsed) {
        return choose(read(EMPTY, parsed));
    }

    /** Reads a text, refusing one that is too long (413), blank or holds control characters (400 on {@code field}). */
    public ParsedText read(String text, Language language, String field) {
        if (text.length() > maxLength) {
            throw new TextTooLongException(maxLength);
        }
        if (text.isBlank()) {
            throw new InvalidRequestException(List.of(FieldWording.of(field, "field.blank")));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                throw new InvalidRequestException(List.of(FieldWording.of(field, "field.control-characters")));
            }
        }
        return parsers.parse(text, language);
    }

    private static final TriageRequest EMPTY = new TriageRequest(null, null, List.of(), null, null, null, null, null);

    /** The readings of what a text says on its own. */
    public static Reading read(ParsedText parsed) {
        return read(EMPTY, parsed);
    }

    /** The readings of a text merged under the request's fields. */
    public static Reading read(TriageRequest fields, ParsedText parsed) {
        TriageRequest wide = merge(fields, parsed, true);
        return new Reading(wide, parsed.lends() ? merge(fields, parsed, false) : wide);
    }

    private static TriageRequest merge(TriageRequest fields, ParsedText parsed, boolean lend) {
        List<SymptomReport> symptoms = new ArrayList<>();
        Set<String> stated = new LinkedHashSet<>();
        Map<String, ParsedSymptom> read = new LinkedHashMap<>();
        parsed.symptoms().forEach(s -> read.put(s.code(), s));
        for (SymptomReport report : fields.symptoms() == null ? List.<SymptomReport>of() : fields.symptoms()) {
            if (report == null) {
                symptoms.add(null); // refused by the constraints, at its own index
                continue;
            }
            stated.add(report.code());
            ParsedSymptom said = read.get(report.code());
            boolean absent = report.status() == SymptomStatus.ABSENT;
            // A field's "not sure" is filled by the words' "I have it": it was unknown, and the words know.
            symptoms.add(said != null && !absent && said.status() == SymptomStatus.PRESENT ? fill(report, modifiers(said, lend)) : report);
        }
        for (ParsedSymptom said : parsed.symptoms()) {
            if (!stated.contains(said.code())) {
                symptoms.add(SymptomReport.of(said.code(), said.status(), modifiers(said, lend)));
            }
        }
        Set<String> present = new LinkedHashSet<>(orEmpty(fields.riskFactors()));
        Set<String> absent = new LinkedHashSet<>(orEmpty(fields.absentRiskFactors()));
        Set<String> statedRisks = new LinkedHashSet<>(present);
        statedRisks.addAll(absent);
        parsed.riskFactors().stream().filter(r -> !statedRisks.contains(r)).forEach(present::add);
        parsed.absentRiskFactors().stream().filter(r -> !statedRisks.contains(r) && !present.contains(r)).forEach(absent::add);
        return new TriageRequest(
                fields.age() != null ? fields.age() : parsed.age(),
                fields.sex() != null ? fields.sex() : parsed.sex(),
                symptoms,
                present.isEmpty() && fields.riskFactors() == null ? null : List.copyOf(present),
                absent.isEmpty() && fields.absentRiskFactors() == null ? null : List.copyOf(absent),
                fields.underTreatment() != null ? fields.underTreatment() : parsed.underTreatment(),
                fields.pregnancy() != null ? fields.pregnancy() : parsed.pregnancy(),
                fields.vitals(),
                fields.labs(),
                fields.answers(),
                fields.text(),
                fields.textLanguage());
    }

    private static Map<Modifier, Object> modifiers(ParsedSymptom said, boolean lend) {
        if (!lend || said.lent().isEmpty()) {
            return said.modifiers();
        }
        Map<Modifier, Object> all = new EnumMap<>(Modifier.class);
        all.putAll(said.lent());
        all.putAll(said.modifiers());
        return all;
    }

    /** The report with the modifiers it left unknown taken from the text, and present if it was unknown. */
    private static SymptomReport fill(SymptomReport report, Map<Modifier, Object> said) {
        Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
        for (Modifier m : Modifier.values()) {
            Object own = report.modifier(m);
            boolean unknown = own == null || (own instanceof List<?> list && list.isEmpty());
            Object fromText = said.get(m);
            if (!unknown) {
                answers.put(m, own);
            } else if (fromText != null) {
                answers.put(m, fromText);
            }
        }
        return SymptomReport.of(report.code(), report.status() == SymptomStatus.UNKNOWN ? SymptomStatus.PRESENT : report.status(),
                answers);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
