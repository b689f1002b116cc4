package dev.triageapi.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.cdshooks.CdsExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The files the README posts are the examples the OpenAPI document shows and the tests send: they cannot drift. */
class ExampleFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"questionnaire-response.json, QUESTIONNAIRE_RESPONSE", "observation-bundle.json, OBSERVATION_BUNDLE",
            "encounter-start.json, ENCOUNTER_START"})
    void shouldShipEveryDocumentedExampleAsAFile(String file, String constant) throws Exception {
        String expected = switch (constant) {
            case "QUESTIONNAIRE_RESPONSE" -> FhirExamples.QUESTIONNAIRE_RESPONSE;
            case "OBSERVATION_BUNDLE" -> FhirExamples.OBSERVATION_BUNDLE;
            default -> CdsExamples.ENCOUNTER_START;
        };
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(expected), json.readTree(Files.readString(Path.of("examples", file))),
                "examples/" + file + " differs from the documented example");
    }
}
