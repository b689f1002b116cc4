package dev.triageapi.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SNOMED CT codes in the catalog are checked when it loads: each names one symptom and says where it is confirmed. */
class SnomedCodesTest {

    static SymptomDefinition symptom(String code, String snomed, String source) {
        return new SymptomDefinition(code, code, code, code + "?", snomed, source, List.of());
    }

    @Test
    void shouldGiveEveryCodedSymptomItsSource() {
        Catalog catalog = Catalog.load();
        List<SymptomDefinition> coded = catalog.symptoms().stream().filter(s -> s.snomedCode() != null).toList();
        assertTrue(coded.size() >= 19, "coded symptoms: " + coded.size());
        coded.forEach(s -> assertTrue(s.snomedSource() != null && !s.snomedSource().isBlank(), s.code()));
        assertEquals(coded.size(), coded.stream().map(SymptomDefinition::snomedCode).distinct().count());
    }

    @Test
    void shouldRefuseACodeWithoutASourceOrNamingTwoSymptoms() {
        assertThrows(IllegalStateException.class, () -> Catalog.checkSnomedCodes(List.of(symptom("a", "26544005", null))));
        assertThrows(IllegalStateException.class, () -> Catalog.checkSnomedCodes(List.of(
                symptom("a", "26544005", "x"), symptom("b", "26544005", "y"))));
        assertThrows(IllegalStateException.class, () -> Catalog.checkSnomedCodes(List.of(symptom("a", "fatigue", "x"))));
        Catalog.checkSnomedCodes(List.of(symptom("a", "26544005", "x"), symptom("b", null, null)));
    }
}
