package dev.triageapi.triage.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triageapi.triage.engine.Rules;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interview plan refuses to load with a code, an answer or a duration range the rules and catalog do not have. */
class InterviewPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static InterviewPlan plan(Consumer<ObjectNode> edit) throws Exception {
        try (InputStream in = InterviewPlan.class.getClassLoader().getResourceAsStream(InterviewPlan.RESOURCE)) {
            ObjectNode tree = (ObjectNode) JSON.readTree(in);
            edit.accept(tree);
            return new InterviewPlan(JSON.treeToValue(tree, InterviewPlan.File.class), Rules.CATALOG);
        }
    }

    @Test
    void shouldLoadTheBundledPlan() {
        assertDoesNotThrow(() -> plan(tree -> { }));
    }

    @Test
    void shouldRefuseATypoInTheAnswersItBoundsWith() {
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ObjectNode) t.get("raising").get("answers")).put("onset", "suden")));
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ObjectNode) t.get("lowering").get("answers")).put("hoursSinceOnse", "1_to_3_days")));
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("lowering").get("tryEach")).add("sidee")));
    }

    @Test
    void shouldRefuseADurationRangeThatHidesARuleBoundary() {
        // Dropping the 3-day bound puts 72 hours (Hours.THREE_DAYS) inside one range.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("durations")).remove(1)));
        assertTrue(e.getMessage().contains("THREE_DAYS"), e.getMessage());
    }

    @Test
    void shouldRefuseAComplaintThatAsksAboutAnUnknownCode() {
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("complaints").get(0).get("symptoms")).add("weak_legs")));
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("complaints").get(0).get("riskFactors")).add("smoking")));
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("complaints").get(0).get("selfCare")).add("rest")));
    }

    @Test
    void shouldRefuseASymptomsOwnWorstFormOfADetailItDoesNotTakeOrOfNoSymptom() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(t -> ((ObjectNode) t.get("raising").get("bySymptom")
                .get(0)).put("symptom", "palpitations")));
        assertTrue(e.getMessage().contains("palpitations a trigger"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ObjectNode) t.get("raising").get("bySymptom").get(0)).put("symptom", "weak_legs")));
        assertThrows(IllegalStateException.class, () -> plan(t -> ((ArrayNode) t.get("raising").get("exposures")).add("sunshine")));
    }
}
