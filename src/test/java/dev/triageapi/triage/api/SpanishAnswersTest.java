package dev.triageapi.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Urgency;
import dev.triageapi.testing.Loopback;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The JSON door and the catalog answer in the language Accept-Language asks for; only the words change. */
@QuarkusTest
class SpanishAnswersTest {

    private static final Catalog ES = Catalog.load(Language.ES);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCallAnAmbulanceInSpanishWhenTheClientAsksForSpanish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "es-MX, es;q=0.9, en;q=0.5")
                .body(Examples.STROKE_REQUEST)
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .header("Content-Language", "es")
                .header("Vary", containsString("Accept-Language"))
                .body("urgency", equalTo("emergency_ambulance"))
                .body("advice", equalTo(ES.urgencyLevel(Urgency.EMERGENCY_AMBULANCE).advice().replace("{emergencyNumber}", "911")))
                .body("redFlags.find { it.code == 'stroke_sudden_one_sided_weakness' }.label",
                        equalTo(ES.redFlag("stroke_sudden_one_sided_weakness").orElseThrow().label()))
                .body("disclaimer", equalTo(Disclaimer.text(ES, "911")));
    }

    @Test
    void shouldAnswerInEnglishForALanguageItDoesNotSpeak() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr-CA, fr;q=0.9")
                .body(Examples.STROKE_REQUEST)
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("disclaimer", equalTo(Disclaimer.text(Catalog.load(), "911")));
    }

    @Test
    void shouldAskTheInterviewsQuestionsInSpanish() {
        JsonPath answer = given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"age\": 45, \"sex\": \"male\", \"symptoms\": [{\"code\": \"muscle_weakness\", \"locations\": [\"leg\"]}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).header("Content-Language", "es").extract().jsonPath();
        List<Map<String, Object>> symptomQuestions = answer.getList("interview.questions.findAll { it.subject == 'symptom' }");
        assertFalse(symptomQuestions.isEmpty(), answer.prettify());
        for (Map<String, Object> q : symptomQuestions) {
            assertEquals(ES.symptom((String) q.get("symptom")).orElseThrow().question(), q.get("text"));
        }
        assertEquals("No lo sé", answer.getString("interview.questions[0].options.find { it.answer == 'unknown' }.label"));
    }

    @Test
    void shouldListTheCatalogInSpanish() {
        given().header("Accept-Language", "es")
                .when().get("/api/v1/symptoms")
                .then().statusCode(200)
                .header("Content-Language", "es")
                .header("Vary", containsString("Accept-Language"))
                .body("find { it.code == 'muscle_weakness' }.label", equalTo(ES.symptom("muscle_weakness").orElseThrow().label()));
        given().when().get("/api/v1/urgency-levels").then().statusCode(200).header("Content-Language", "en");
    }

    /** Every vignette gets the same level, red flags, causes and questions in Spanish as in English, in other words. */
    @Test
    void shouldGiveEveryVignetteTheSameCodesInSpanishAsInEnglish() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/vignettes"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> differ = new ArrayList<>();
        for (Path file : files) {
            String request = JSON.readTree(Files.readString(file)).get("request").toString();
            JsonNode en = post(request, "en");
            JsonNode es = post(request, "es");
            for (String field : List.of("urgency", "redFlags", "causeGroups", "interview", "screenQuestions", "selfCare", "missingInformation")) {
                if (!codes(en.get(field)).equals(codes(es.get(field)))) {
                    differ.add(file.getFileName() + " " + field);
                }
            }
            assertNotEquals(en.get("advice"), es.get("advice"), file.toString());
        }
        assertEquals(List.of(), differ);
    }

    private static JsonNode post(String body, String language) {
        return Loopback.post("/api/v1/triage", body, 200, "Content-Type", "application/json", "Accept-Language", language,
                "Prefer", "return=minimal");
    }

    /** The node with every text a person reads taken out: what must not depend on the language. */
    private static JsonNode codes(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("label", "text", "question", "name",
                    "advice", "watchFor", "seeDoctorIf", "callEmergencyIf", "description"));
            node.forEach(SpanishAnswersTest::strip);
        } else if (node.isArray()) {
            node.forEach(SpanishAnswersTest::strip);
        }
    }
}
