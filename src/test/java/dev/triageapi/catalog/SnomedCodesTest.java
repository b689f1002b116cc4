package dev.triageapi.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SNOMED CT codes in the catalog are checked when it loads: each names one entry and says where it is confirmed. */
class SnomedCodesTest {

    static CatalogChecks.Coded symptom(String code, String snomed, String source) {
        return new CatalogChecks.Coded(code, snomed, source);
    }

    @Test
    void shouldGiveEveryCodedSymptomItsSource() {
        Catalog catalog = Catalog.load();
        List<SymptomDefinition> coded = catalog.symptoms().stream().filter(s -> s.snomedCode() != null).toList();
        assertTrue(coded.size() >= 19, "coded symptoms: " + coded.size());
        coded.forEach(s -> assertTrue(s.snomedSource() != null && !s.snomedSource().isBlank(), s.code()));
        assertEquals(coded.size(), coded.stream().map(SymptomDefinition::snomedCode).distinct().count());
        catalog.riskFactors().stream().filter(r -> r.snomedCode() != null)
                .forEach(r -> assertTrue(r.snomedSource() != null, r.code()));
        catalog.modifiers().forEach(m -> m.values().stream().filter(v -> v.snomedCode() != null)
                .forEach(v -> assertTrue(v.snomedSource() != null, m.code() + " " + v.code())));
        assertTrue(catalog.modifiers().stream().mapToLong(m -> m.values().stream().filter(v -> v.snomedCode() != null).count()).sum() >= 16);
    }

    @Test
    void shouldRefuseACodeWithoutASourceOrNamingTwoSymptoms() {
        assertThrows(IllegalStateException.class, () -> CatalogChecks.snomedCodes("symptom", List.of(symptom("a", "26544005", null))));
        assertThrows(IllegalStateException.class, () -> CatalogChecks.snomedCodes("symptom", List.of(
                symptom("a", "26544005", "x"), symptom("b", "26544005", "y"))));
        assertThrows(IllegalStateException.class, () -> CatalogChecks.snomedCodes("symptom", List.of(symptom("a", "fatigue", "x"))));
        CatalogChecks.snomedCodes("symptom", List.of(symptom("a", "26544005", "x"), symptom("b", null, null)));
    }
}
