package dev.triageapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.parse.api.ParseExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/parse} and the {@code text} of a triage request, over HTTP. */
@QuarkusTest
class ParseResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadASuddenOneSidedWeaknessFromEnglishWords() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "My left arm went weak suddenly an hour ago and my speech is slurred. No headache."))
                .when().post("/api/v1/parse")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("language", equalTo("en"))
                .body("request.symptoms.find { it.code == 'muscle_weakness' }.onset", equalTo("sudden"))
                .body("request.symptoms.find { it.code == 'muscle_weakness' }.side", equalTo("left"))
                .body("request.symptoms.find { it.code == 'muscle_weakness' }.hoursSinceOnset", equalTo(1.0f))
                .body("request.symptoms.find { it.code == 'difficulty_speaking' }.status", equalTo("present"))
                .body("request.symptoms.find { it.code == 'headache' }.status", equalTo("absent"))
                .body("mentions.find { it.code == 'headache' }.cue.text", equalTo("No"))
                .body("mentions.find { it.code == 'headache' }.cue.kind", equalTo("negation"))
                .body("disclaimer", notNullValue());
    }

    @Test
    void shouldAnswerWithTheDocumentedExamples() throws Exception {
        for (String name : List.of("ENGLISH", "SPANISH")) {
            String request = constant(name + "_REQUEST");
            String live = given().contentType(ContentType.JSON).body(request).when().post("/api/v1/parse")
                    .then().statusCode(200).extract().asString();
            assertEquals(JSON.readTree(constant(name + "_RESPONSE")), JSON.readTree(live),
                    name + " example drifted from the live answer:\n" + live);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "es-MX, es;q=0.9, en;q=0.5 | es",
            "es | es",
            "fr-CA, es;q=0.3 | es",
            "es;q=0, en | en",
            "de, fr | en",
            "*;q=;; | en",
            "EN-gb | en"})
    void shouldReadTheTextInTheLanguageAcceptLanguageAsksFor(String acceptLanguage, String language) {
        given().contentType(ContentType.JSON).header("Accept-Language", acceptLanguage)
                .body(Map.of("text", "mareo"))
                .when().post("/api/v1/parse")
                .then().statusCode(200).header("Content-Language", language).body("language", equalTo(language));
    }

    @Test
    void shouldSayWhichFieldsOfTheBodyItDidNotKnow() {
        given().contentType(ContentType.JSON).body("{\"text\": \"mareo\", \"languge\": \"es\"}")
                .when().post("/api/v1/parse")
                .then().statusCode(200).body("unused.location", hasItem("languge"));
        // The note is worded in the language the answer speaks, the text's.
        given().contentType(ContentType.JSON).body("{\"text\": \"Tengo mareo\", \"language\": \"es\", \"languge\": \"es\"}")
                .when().post("/api/v1/parse")
                .then().statusCode(200).header("Content-Language", "es")
                .body("unused.find { it.location == 'languge' }.reason",
                        startsWith("no es un campo de la solicitud de análisis de texto"));
    }

    @Test
    void shouldPreferTheBodysLanguageToTheHeader() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("text", "tengo fiebre y mareos", "language", "es"))
                .when().post("/api/v1/parse")
                .then().statusCode(200).body("language", equalTo("es"))
                .body("request.symptoms.code", hasItem("fever"));
    }

    @Test
    void shouldRefuseATextLongerThanTwoThousandCharactersWith413() {
        for (int length : new int[] {2001, 2100, 10_000, 60_000}) {
            given().contentType(ContentType.JSON).body(Map.of("text", "a".repeat(length)))
                    .when().post("/api/v1/parse")
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:problem-type:triage:text-too-long"));
            given().contentType(ContentType.JSON).body(Map.of("text", "weak ".repeat(length / 5 + 1)))
                    .when().post("/api/v1/triage")
                    .then().statusCode(413).body("type", equalTo("urn:problem-type:triage:text-too-long"));
        }
        given().contentType(ContentType.JSON).body(Map.of("text", "a".repeat(2000)))
                .when().post("/api/v1/parse").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no text | {}",
            "text null | {\"text\": null}",
            "blank text | {\"text\": \"   \"}",
            "text as number | {\"text\": 42}",
            "text as array | {\"text\": [\"weak\"]}",
            "bell character | {\"text\": \"weak arm\\u0007\"}",
            "null character | {\"text\": \"weak\\u0000arm\"}",
            "C1 control | {\"text\": \"weak\\u0085arm\"}",
            "unknown language | {\"text\": \"weak\", \"language\": \"fr\"}",
            "markup as language | {\"text\": \"weak\", \"language\": \"<img src=x onerror=alert(1)>\"}"})
    void shouldRefuseBadBodiesWithAClearProblem(String name, String body) {
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/parse");
        assertEquals(400, response.statusCode(), name + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0]);
        assertFalse(response.asString().contains("<img"), name);
        assertFalse(response.asString().contains("Exception"), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a run of no | no ",
            "emoji | 😱🤮💀 ",
            "mixed scripts | 头痛 голова болит صداع weak ",
            "markup | <script>alert('weak')</script><img src=x onerror=alert(1)> ",
            "SQL | '; DROP TABLE symptoms; -- weakness ",
            "zero-width and RTL marks | w\u200Beak\u202E arm\u2066 ",
            "lone surrogates | \uD800 weak \uDFFF "})
    void shouldParseHostileTextCorrectlyAndQuickly(String name, String unit) throws Exception {
        String text = unit.repeat(Math.max(1, 2000 / unit.length()));
        text = text.substring(0, Math.min(text.length(), 2000));
        Response response = given().contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of("text", text)))
                .when().post("/api/v1/parse");
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400, name + " gave " + response.statusCode());
        assertTrue(response.time() < 2000, name + " took " + response.time() + " ms");
        if (response.statusCode() == 200) {
            JsonNode answer = JSON.readTree(response.asString());
            for (JsonNode mention : answer.get("mentions")) {
                int start = mention.get("start").asInt();
                int end = mention.get("end").asInt();
                assertEquals(text.substring(start, end), mention.get("text").asText(), name + ": offsets of " + mention);
            }
            for (JsonNode symptom : answer.path("request").path("symptoms")) {
                assertFalse(symptom.path("status").asText().equals("absent") && !name.equals("a run of no"),
                        name + ": nothing here denies " + symptom);
            }
        }
        given().contentType(ContentType.JSON).body(Map.of("text", "sudden weakness of my left arm"))
                .when().post("/api/v1/triage").then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldTriageFromTheTextAloneAndShowWhatWasUnderstood() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Tengo 67 años. De repente se me durmió el brazo izquierdo hace una hora.", "textLanguage", "es"))
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("fromText.language", equalTo("es"))
                .body("fromText.mentions.code", hasItem("numbness"))
                .body("disclaimer", notNullValue());
    }

    @Test
    void shouldKeepTheReadingThatKeepsTheAmbulanceCallAtBothDoors() {
        // "Not getting worse" said after both complaints, lent to the swallowing, would lower the call.
        String text = "I can't swallow and my arms are weak, it came on gradually. Not getting worse.";
        given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/parse")
                .then().statusCode(200)
                .body("request.symptoms.find { it.code == 'difficulty_swallowing' }.worsening", nullValue())
                .body("request.symptoms.find { it.code == 'muscle_weakness' }.worsening", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldJudgeTheReadingsWithTheAnswersTheInterviewPosts() {
        // Review of the lending: chosen before the answers, the lent "not getting worse" reached the swallowing once
        // the patient answered that it came on gradually, and the ambulance call was lost.
        given().contentType(ContentType.JSON)
                .body("""
                        {"text": "I have trouble swallowing and my eyelids are drooping. Not getting worse.",
                         "answers": [{"question": "modifier:difficulty_swallowing.onset", "answer": "gradual"}]}""")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldNeverLetTheTextTurnAStructuredSymptomAbsent() {
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"muscle_weakness\", \"onset\": \"sudden\", \"side\": \"left\"}],"
                        + " \"text\": \"no weakness at all, I'm fine\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"))
                .body("fromText.mentions.find { it.code == 'muscle_weakness' }.status", equalTo("absent"));
    }

    @Test
    void shouldFillWhatTheFieldsLeftUnknownFromTheText() {
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"muscle_weakness\"}], \"text\": \"my left arm went weak all of a sudden 20 minutes ago\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldLetTheWordsSayPresentWhereTheFieldSaidNotSure() {
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"muscle_weakness\", \"status\": \"unknown\"}],"
                        + " \"text\": \"my left arm went weak all of a sudden 20 minutes ago\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"blank | \"  \"", "a control character | \"weak\\u0007\"", "too long | TOO_LONG"})
    void shouldTriageTheFieldsWhateverIsWrongWithTheWords(String name, String text) {
        String value = text.equals("TOO_LONG") ? "\"" + "a".repeat(2001) + "\"" : text;
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"muscle_weakness\", \"onset\": \"sudden\", \"side\": \"left\"}], \"text\": " + value + "}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"))
                .body("unused.location", hasItem("text"));
    }

    @Test
    void shouldRefuseATextThatNamesNoSymptomWithoutSymptoms() {
        given().contentType(ContentType.JSON).body(Map.of("text", "hello, I need a refill please"))
                .when().post("/api/v1/triage")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    private static String constant(String name) throws ReflectiveOperationException {
        return (String) ParseExamples.class.getField(name).get(null);
    }
}
