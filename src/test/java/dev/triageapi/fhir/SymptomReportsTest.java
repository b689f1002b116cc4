package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.FieldError;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.SymptomStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The hours a record states are hours before it was made: both clocks of a symptom move on with the record's age. */
class SymptomReportsTest {

    private static final Catalog CATALOG = Catalog.load(Language.EN);
    private final SymptomReports reports = new SymptomReports(CATALOG, new FhirValues(CATALOG));

    private SymptomReport read(Map<String, Type> modifiers, Double recordAge) {
        List<FieldError> errors = new ArrayList<>();
        List<UnusedInput> unused = new ArrayList<>();
        SymptomReport report = reports.report("difficulty_speaking", SymptomStatus.PRESENT, modifiers, List.of(), recordAge,
                "entry[0]", errors, unused);
        assertEquals(List.of(), errors);
        return report;
    }

    @Test
    void shouldAgeTheHoursSinceLastKnownWellByTheRecordsAge() {
        SymptomReport report = read(Map.of("hoursSinceLastKnownWell", new DecimalType(10), "noticedOnWaking", new BooleanType(true)), 20.0);
        // Last known well 10 hours before a record made 20 hours ago is 30 hours ago: past the 24-hour window.
        assertEquals(30.0, report.hoursSinceLastKnownWell());
        assertEquals(Boolean.TRUE, report.noticedOnWaking());
    }

    @Test
    void shouldLeaveAnUnknownLastKnownWellUnknown() {
        assertNull(read(Map.of(), 20.0).hoursSinceLastKnownWell());
        assertEquals(10.0, read(Map.of("hoursSinceLastKnownWell", new DecimalType(10)), null).hoursSinceLastKnownWell());
    }
}
