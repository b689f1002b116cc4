package dev.triageapi.fhir;

import dev.triageapi.http.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming guard's array bound counts the elements of each array, never the members of the objects in it. */
class FhirBodyGuardTest {

    static String bundle(int entries) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"fullUrl":"Observation/o%d","resource":{"resourceType":"Observation","id":"o%d","status":"final",
                     "code":{"coding":[{"system":"http://loinc.org","code":"75325-1","display":"Symptom"}]},
                     "effectiveDateTime":"2026-12-06T10:00:00Z",
                     "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"26544005"}]}}}"""
                    .formatted(i, i));
        }
        return json.append("]}").toString();
    }

    @Test
    void shouldAcceptABundleWhoseEntriesHoldManyValuesEach() {
        // 120 entries of about ten values each: a real EHR search, well under the bound of 500 entries.
        assertDoesNotThrow(() -> FhirBodyGuard.check(bundle(120)));
        assertDoesNotThrow(() -> FhirBodyGuard.check(bundle(500)));
    }

    @Test
    void shouldRefuseAnArrayOfMoreThan500Elements() {
        assertThrows(InvalidRequestException.class, () -> FhirBodyGuard.check(bundle(501)));
        String many = "{\"resourceType\":\"Basic\",\"extension\":[" + "{},".repeat(500) + "{}]}";
        assertThrows(InvalidRequestException.class, () -> FhirBodyGuard.check(many));
        String enough = "{\"resourceType\":\"Basic\",\"extension\":[" + "{},".repeat(499) + "{}]}";
        assertDoesNotThrow(() -> FhirBodyGuard.check(enough));
    }
}
