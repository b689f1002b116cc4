package dev.triageapi.catalog;

import dev.triageapi.fhir.QuestionnaireFactory;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One descriptor per modifier: the catalog words each one exactly, and the Questionnaire is built from them. */
class ModifierVocabularyTest {

    static final Catalog CATALOG = Catalog.load();

    @Test
    void shouldWordEveryModifierWithExactlyItsValues() {
        assertEquals(Modifier.values().length, CATALOG.modifiers().size());
        for (Modifier modifier : Modifier.values()) {
            ModifierDefinition words = CATALOG.modifier(modifier);
            assertEquals(modifier.kind(), words.kind(), modifier.code());
            assertEquals(modifier.choices(), words.values().stream().map(ModifierDefinition.Value::code).toList());
            assertTrue(!words.label().isBlank() && !words.question().isBlank(), modifier.code());
            modifier.choices().forEach(code -> assertTrue(modifier.choice(code).isPresent(), modifier.code() + " " + code));
        }
    }

    @Test
    void shouldRefuseACatalogWhoseModifiersDoNotMatch() {
        List<ModifierDefinition> missingOne = new ArrayList<>(CATALOG.modifiers());
        missingOne.remove(0);
        assertThrows(IllegalStateException.class, () -> catalogWith(missingOne));
        List<ModifierDefinition> wrongValues = new ArrayList<>(CATALOG.modifiers());
        ModifierDefinition onset = CATALOG.modifier(Modifier.ONSET);
        wrongValues.set(0, new ModifierDefinition(Modifier.ONSET, onset.kind(), onset.label(), onset.question(),
                List.of(new ModifierDefinition.Value("sudden", "Suddenly"))));
        assertThrows(IllegalStateException.class, () -> catalogWith(wrongValues));
    }

    @Test
    void shouldAskEveryModifierOfEverySymptomInTheQuestionnaireInTheCatalogsWords() {
        Questionnaire questionnaire = QuestionnaireFactory.build(CATALOG);
        QuestionnaireItemComponent symptoms = questionnaire.getItem().stream()
                .filter(i -> i.getLinkId().equals("symptoms")).findFirst().orElseThrow();
        int asked = 0;
        for (SymptomDefinition symptom : CATALOG.symptoms()) {
            QuestionnaireItemComponent item = symptoms.getItem().stream()
                    .filter(i -> i.getLinkId().equals(symptom.code())).findFirst().orElseThrow();
            for (String code : symptom.modifiers()) {
                ModifierDefinition words = CATALOG.modifier(Modifier.byCode(code).orElseThrow());
                QuestionnaireItemComponent child = item.getItem().stream()
                        .filter(i -> i.getLinkId().equals(symptom.code() + "." + code)).findFirst().orElse(null);
                assertNotNull(child, symptom.code() + "." + code);
                assertEquals(words.question(), child.getText());
                assertEquals(words.values().size(), child.getAnswerOption().size(), symptom.code() + "." + code);
                asked++;
            }
        }
        assertTrue(asked > 100, "modifier items: " + asked);
    }

    /** A self-care screen that names a code the catalog lacks, or a risk factor without a question, refuses to load. */
    @Test
    void shouldRefuseASelfCareScreenNamingAnUnknownCodeOrAnUnwordedRiskFactor() {
        SelfCarePathwayDefinition pathway = CATALOG.selfCarePathway("exercise_soreness").orElseThrow();
        for (SelfCarePathwayDefinition.Screen screen : List.of(
                new SelfCarePathwayDefinition.Screen(List.of("dark_urin"), List.of(), false),
                new SelfCarePathwayDefinition.Screen(List.of(), List.of("statins"), false),
                new SelfCarePathwayDefinition.Screen(List.of(), List.of("diabetes"), false))) {
            SelfCarePathwayDefinition broken = new SelfCarePathwayDefinition(pathway.code(), pathway.label(), pathway.source(),
                    screen, pathway.advice(), pathway.watchFor(), pathway.seeDoctorIf(), pathway.callEmergencyIf());
            // diabetes is worded in the catalog; here it is not, to check a screen cannot ask what has no question
            List<RiskFactorDefinition> riskFactors = CATALOG.riskFactors().stream().map(r -> r.code().equals("diabetes")
                    ? new RiskFactorDefinition(r.code(), r.label(), r.description(), null, r.snomedCode(), r.snomedSource()) : r).toList();
            assertThrows(IllegalStateException.class, () -> new Catalog(Language.EN, Map.of(), CATALOG.symptoms(),
                    riskFactors, CATALOG.causeGroups(), CATALOG.redFlags(), CATALOG.urgencyLevels(),
                    CATALOG.modifiers(), CATALOG.symptomGroups(), CATALOG.reasons(), List.of(broken)), screen.toString());
        }
    }

    private static Catalog catalogWith(List<ModifierDefinition> modifiers) {
        return new Catalog(Language.EN, Map.of(), CATALOG.symptoms(), CATALOG.riskFactors(), CATALOG.causeGroups(), CATALOG.redFlags(),
                CATALOG.urgencyLevels(), modifiers, CATALOG.symptomGroups(), CATALOG.reasons(),
                CATALOG.selfCarePathways());
    }
}
