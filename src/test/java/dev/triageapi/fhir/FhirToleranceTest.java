package dev.triageapi.fhir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triageapi.testing.Loopback;
import dev.triageapi.testing.Seeds;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Rules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One odd entry must not sink a real patient's record: entries the triage does not read are listed in the answer with
 * the reason, never a 400, and never lower the urgency. Checked over every vignette written as an EHR's Bundle, with
 * seeded noise of the kinds a real FHIR search returns.
 */
@QuarkusTest
class FhirToleranceTest {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, RequestMapper.CONTRACT_MAX_SYMPTOMS);

    /**
     * One patient's record as an EHR search returns it: sudden weakness 40 minutes ago (with a blood pressure component
     * of no use to the triage), a cough, an entry in error, a symptom in words only, an included Encounter and the
     * server's own OperationOutcome.
     */
    static final String REALISTIC_RECORD = """
                {"resourceType":"Bundle","type":"searchset","entry":[
                 {"fullUrl":"https://ehr.example.org/fhir/Patient/77","resource":{"resourceType":"Patient","id":"77","gender":"male","birthDate":"1950-02-03"}},
                 {"fullUrl":"https://ehr.example.org/fhir/Observation/1","resource":{"resourceType":"Observation","id":"1","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},"subject":{"reference":"Patient/77"},
                   "effectiveDateTime":"%s",
                   "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"26544005","display":"Muscle weakness"}]},
                   "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"99495-4"}]},
                                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"385315009"}]}},
                                {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":150,"unit":"mm[Hg]"}}]}},
                 {"fullUrl":"https://ehr.example.org/fhir/Observation/2","resource":{"resourceType":"Observation","id":"2","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},"subject":{"reference":"Patient/77"},
                   "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"49727002","display":"Cough"}]}}},
                 {"fullUrl":"https://ehr.example.org/fhir/Observation/3","resource":{"resourceType":"Observation","id":"3","status":"entered-in-error",
                   "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},"subject":{"reference":"Patient/77"},
                   "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"44077006"}]}}},
                 {"fullUrl":"https://ehr.example.org/fhir/Observation/4","resource":{"resourceType":"Observation","id":"4","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},"subject":{"reference":"Patient/77"},
                   "valueCodeableConcept":{"text":"Difficulty speaking"}}},
                 {"search":{"mode":"include"},"fullUrl":"https://ehr.example.org/fhir/Encounter/9","resource":{"resourceType":"Encounter","id":"9","status":"in-progress","class":{"code":"EMER"}}},
                 {"search":{"mode":"outcome"},"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"incomplete"}]}}]}"""
                .formatted(Instant.now().minusSeconds(40 * 60).toString());

    static JsonPath triage(String body) {
        return given().contentType("application/fhir+json").accept("application/json").body(body)
                .when().post("/api/v1/triage/fhir").then().statusCode(200).extract().jsonPath();
    }

    private static JsonNode triageInBulk(String bundle) {
        return Loopback.post("/api/v1/triage/fhir", bundle, 200, "Content-Type", "application/fhir+json", "Accept", "application/json");
    }

    /** Noise a real EHR's search holds: each a record the triage does not read, or an older or erroneous copy. */
    static List<ObjectNode> noise(Random random, JsonNode request) throws IOException {
        List<ObjectNode> noise = new ArrayList<>();
        noise.add(ObservationBundles.entry("Observation/cough", (ObjectNode) JSON.readTree("""
                {"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"49727002","display":"Cough"}]}}""")));
        // Vital signs an EHR holds that do not describe the patient now: from last week, in a unit not converted, in error.
        noise.add(ObservationBundles.entry("Observation/pulse", (ObjectNode) JSON.readTree("""
                {"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
                 "valueQuantity":{"value":150,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}}"""
                .formatted(Instant.now().minusSeconds(7 * 86400)))));
        noise.add(ObservationBundles.entry("Observation/temperature", (ObjectNode) JSON.readTree("""
                {"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"8310-5","display":"Body temperature"}]},
                 "valueQuantity":{"value":311.2,"unit":"K","system":"http://unitsofmeasure.org","code":"K"}}""")));
        noise.add(ObservationBundles.entry("Observation/glucose", (ObjectNode) JSON.readTree("""
                {"resourceType":"Observation","status":"entered-in-error",
                 "code":{"coding":[{"system":"http://loinc.org","code":"15074-8"}]},
                 "valueQuantity":{"value":1.1,"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"}}""")));
        ObjectNode outcome = (ObjectNode) JSON.readTree("""
                {"search":{"mode":"outcome"},"resource":{"resourceType":"OperationOutcome",
                 "issue":[{"severity":"information","code":"informational"}]}}""");
        noise.add(outcome);
        noise.add(ObservationBundles.entry("Encounter/e1", (ObjectNode) JSON.readTree("""
                {"resourceType":"Encounter","status":"finished","class":{"code":"AMB"}}""")));
        noise.add(ObservationBundles.entry(null, (ObjectNode) JSON.readTree("""
                {"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                 "valueCodeableConcept":{"text":"feels generally off"}}""")));
        // Copies of the case's own symptoms: entered in error, and recorded at a visit two years ago, both made as
        // alarming as they can be, so that reading them by mistake would show.
        List<ObjectNode> own = ObservationBundles.entries(request);
        for (ObjectNode entry : own) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if (!"Observation".equals(resource.get("resourceType").asText()) || !random.nextBoolean()) {
                continue;
            }
            ObjectNode alarming = resource.deepCopy();
            alarming.remove("id");
            alarming.set("code", ObservationBundles.concept("http://loinc.org", "75325-1"));
            alarming.putArray("component").add(JSON.readTree("""
                    {"code":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/modifier","code":"worsening"}]},"valueBoolean":true}"""));
            ObjectNode erroneous = alarming.deepCopy().put("status", "entered-in-error");
            noise.add(ObservationBundles.entry(null, erroneous));
            ObjectNode old = alarming.deepCopy().put("effectiveDateTime", Instant.now().minusSeconds(2L * 365 * 86400).toString());
            noise.add(ObservationBundles.entry(null, old));
        }
        Collections.shuffle(noise, random);
        return noise.subList(0, 1 + random.nextInt(noise.size()));
    }

    static Stream<JsonNode> vignetteRequests() throws IOException {
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/vignettes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ObjectNode request = (ObjectNode) JSON.readTree(file.toFile()).get("request");
                // What a Bundle of symptom Observations cannot say: risk factors present or denied, treatment, "asked but unknown".
                request.remove("riskFactors");
                request.remove("absentRiskFactors");
                request.remove("underTreatment");
                if (request.findValuesAsText("status").contains("unknown") || "postpartum".equals(request.path("pregnancy").asText())
                        || request.path("vitals").has("consciousness")) {
                    continue; // nor postpartum (in a code we confirmed) or ACVPU, which the Bundle reader does not take
                }
                requests.add(request);
            }
        }
        return requests.stream();
    }

    @Test
    void shouldGiveEveryVignetteTheSameUrgencyThroughAnEhrBundleWithNoiseInIt() throws IOException {
        List<JsonNode> requests = vignetteRequests().toList();
        assertTrue(requests.size() > 100, "vignettes found: " + requests.size());
        Seeds.forAll(1, random -> {
            for (JsonNode request : requests) {
                // What the JSON door answers (AnswersUnchangedTest holds it to the rules for every vignette), from the
                // rules directly: over HTTP it would run the interview for each of 400 vignettes, a third of this test.
                String expected = Rules.assess(REQUESTS.toCase(JSON.treeToValue(request, TriageRequest.class))).urgency().code();
                List<ObjectNode> entries = ObservationBundles.entries(request);
                assertEquals(expected, triageInBulk(ObservationBundles.bundle(entries).toString()).path("urgency").asText(),
                        "clean Bundle of " + request);
                List<ObjectNode> noise = noise(random, request);
                List<ObjectNode> noisy = new ArrayList<>(entries);
                noisy.addAll(noise);
                Collections.shuffle(noisy, random);
                JsonNode answer = triageInBulk(ObservationBundles.bundle(noisy).toString());
                assertEquals(expected, answer.path("urgency").asText(), "noisy Bundle of " + request + " with " + noise);
                assertTrue(answer.path("unused").size() >= noise.size(),
                        "every noise entry is listed: " + answer.path("unused") + " for " + noise);
            }
        });
    }

    @Test
    void shouldTriageARealisticRecordAndListWhatItDidNotUseWithTheReason() {
        String body = REALISTIC_RECORD;
        JsonPath answer = triage(body);
        assertEquals("emergency_ambulance", answer.getString("urgency"), "sudden weakness 40 minutes ago");
        assertEquals(List.of("entry[1].resource.component[1]", "entry[2].resource.value", "entry[3].resource",
                        "entry[4].resource.value", "entry[5].resource", "entry[6].resource"),
                answer.getList("unused.location"));
        assertThat(answer.getList("unused.reason", String.class).get(2), containsString("entered-in-error"));
        // The words name a catalog symptom, but the case already calls an ambulance: listed as not used, not asked.
        assertTrue(answer.getList("unused.reason", String.class).get(3).contains("only in words"), answer.prettify());
        assertTrue(!answer.getList("missingInformation.symptom").contains("difficulty_speaking"), answer.prettify());
    }

    static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }

    @Test
    void shouldAskAboutARedFlagRecordedOnlyInWordsAtTheLevelItCouldReach() {
        String body = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                   "valueCodeableConcept":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/symptom","code":"fatigue"}]}}},
                 {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                   "valueString":"numbness"}}]}""";
        JsonPath answer = triage(body);
        int i = answer.getList("missingInformation.symptom").indexOf("numbness");
        assertTrue(i >= 0, answer.prettify());
        assertEquals("emergency_ambulance", answer.getString("missingInformation[" + i + "].couldRaiseTo"));
        assertEquals("status", answer.getString("missingInformation[" + i + "].modifier"));
    }

    @Test
    void shouldNotAskAboutWordsThatCouldNotRaiseTheLevel() {
        String body = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                   "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"44077006"}]},
                   "component":[{"code":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/modifier","code":"onset"}]},
                                 "valueCodeableConcept":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/modifier-value","code":"sudden"}]}}]}},
                 {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                   "valueString":"Fatigue"}}]}""";
        JsonPath answer = triage(body);
        assertEquals("emergency_ambulance", answer.getString("urgency"));
        assertTrue(!answer.getList("missingInformation.symptom").contains("fatigue"), answer.prettify());
        assertEquals(List.of("entry[1].resource.value"), answer.getList("unused.location"));
    }

    @Test
    void shouldNotUseQuestionnaireItemsItDoesNotKnowAndReadLoincYesNoAndAgesInUnits() {
        String qr = """
                {"resourceType":"QuestionnaireResponse","status":"completed",
                 "questionnaire":"http://triageapi.dev/fhir/Questionnaire/muscle-weakness-intake|1.0.0",
                 "item":[{"linkId":"intro","text":"Please answer every question"},
                         {"linkId":"clinic-note","answer":[{"valueString":"came by bus"}]},
                         {"linkId":"age","answer":[{"valueQuantity":{"value":18,"unit":"mo","system":"http://unitsofmeasure.org","code":"mo"}}]},
                         {"linkId":"symptoms","item":[
                           {"linkId":"difficulty_swallowing","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA33-6","display":"Yes"}}]},
                           {"linkId":"muscle_weakness","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA32-8","display":"No"}}]},
                           {"linkId":"hiccups","answer":[{"valueBoolean":true}]}]},
                         {"linkId":"riskFactors","item":[{"linkId":"honey","answer":[{"valueBoolean":true}]}]}]}""";
        given().contentType("application/fhir+json").accept("application/json").body(qr)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200)
                .body("unused.location", hasItems("item[intro]", "item[clinic-note]", "item[symptoms].item[hiccups]",
                        "item[riskFactors].item[honey]"))
                .body("trace.matched.flatten()", hasItem("difficulty_swallowing"));
        given().contentType("application/fhir+json").accept("application/json")
                .body(qr.replace("{\"valueQuantity\":{\"value\":18,\"unit\":\"mo\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mo\"}}",
                        "{\"valueDecimal\":71.5}"))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200);
    }

    @Test
    void shouldListAnswersASymptomDoesNotTakeInsteadOfRefusingTheRecord() {
        String answers = "[{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"onset\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier-value\",\"code\":\"sudden\"}]}}%s]";
        String odd = ",{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"knownTrigger\"}]},\"valueBoolean\":true},"
                + "{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"colour\"}]},\"valueString\":\"blue\"}";
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44077006\"}]},\"component\":%s}}]}";
        JsonPath clean = triage(body.formatted(answers.formatted("")));
        JsonPath noisy = triage(body.formatted(answers.formatted(odd)));
        assertEquals(clean.getString("urgency"), noisy.getString("urgency"));
        assertEquals(List.of("entry[0].resource.knownTrigger", "entry[0].resource.colour"), noisy.getList("unused.location"));
    }

    @Test
    void shouldReadSnomedCodedAnswersAndCurrentConditionsAsRiskFactors() {
        // Burning, numb feet for months in a man with diabetes: the vignette's diabetic neuropathy, as an EHR records it.
        String sct = "http://snomed.info/sct";
        String modifier = "{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"%s\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + sct + "\",\"code\":\"%s\"}]}}";
        String symptom = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"effectiveDateTime\":\"" + Instant.now().minusSeconds(4000L * 3600).toString() + "\","
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"%s\",\"code\":\"%s\"}]},"
                + "\"component\":[" + modifier.formatted("onset", "61751001") + "," + modifier.formatted("side", "51440002") + ","
                + modifier.formatted("locations", "56459004") + "]}}";
        String patient = "{\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\",\"birthDate\":\""
                + java.time.LocalDate.now().minusYears(64).minusDays(1) + "\"}}";
        String diabetes = "{\"fullUrl\":\"https://ehr.example.org/fhir/Condition/9\",\"resource\":{\"resourceType\":\"Condition\","
                + "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"%s\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"" + sct + "\",\"code\":\"73211009\"}]},\"subject\":{\"reference\":\"Patient/1\"}}}";
        String entries = patient + "," + symptom.formatted(FhirCodes.SYMPTOM, "burning_sensation") + ","
                + symptom.formatted(sct, "44077006");
        JsonPath active = triage("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + ","
                + diabetes.formatted("active") + "]}");
        assertEquals(List.of(), active.getList("unused"), active.prettify());
        assertTrue(active.getList("causeGroups.conditions.flatten().code").contains("diabetes"), active.prettify());
        JsonPath resolved = triage("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + ","
                + diabetes.formatted("resolved") + "]}");
        assertEquals(List.of("entry[3].resource"), resolved.getList("unused.location"));
        assertTrue(!resolved.getList("causeGroups.conditions.flatten().code").contains("diabetes")
                || resolved.getList("causeGroups.evidence.flatten()").stream().noneMatch("diabetes"::equals), resolved.prettify());
    }

    @Test
    void shouldReadEverySnomedCodeOfTheCatalog() {
        for (dev.triageapi.catalog.SymptomDefinition symptom : dev.triageapi.catalog.Catalog.load().symptoms()) {
            if (symptom.snomedCode() == null) {
                continue;
            }
            String body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                    + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                    + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + symptom.snomedCode() + "\"}]}}}]}";
            JsonPath answer = triage(body);
            assertEquals(List.of(), answer.getList("unused"), symptom.code() + " as SNOMED CT " + symptom.snomedCode());
        }
    }

    @Test
    void shouldRefuseAQuestionnaireResponseToAnotherQuestionnaire() {
        given().contentType("application/fhir+json")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE.replace("http://triageapi.dev/fhir/Questionnaire/muscle-weakness-intake",
                        "http://loinc.org/q/44249-1"))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("QuestionnaireResponse.questionnaire"));
    }
}
