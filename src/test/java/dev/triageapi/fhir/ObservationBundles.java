package dev.triageapi.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON triage request as the Bundle of symptom Observations an EHR would send (our modifier codes, hours
 * as UCUM {@code h}, age as a Patient's birth date), for tests that compare the two doors.
 */
final class ObservationBundles {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ObservationBundles() {
    }

    /** The request's symptoms and patient as Bundle entries (risk factors have no place in such a Bundle). */
    static List<ObjectNode> entries(JsonNode request) {
        List<ObjectNode> entries = new ArrayList<>();
        if (request.has("age") || request.has("sex")) {
            ObjectNode patient = JSON.objectNode().put("resourceType", "Patient").put("id", "p1");
            if (request.has("age")) {
                // A birthday yesterday, so the age in completed years is exactly the one sent.
                patient.put("birthDate", LocalDate.now(ZoneOffset.UTC).minusYears(request.get("age").asInt()).minusDays(1).toString());
            }
            if (request.has("sex")) {
                patient.put("gender", request.get("sex").asText());
            }
            entries.add(entry("Patient/p1", patient));
        }
        if (request.has("pregnancy")) {
            // As the International Patient Summary records it: LOINC 82810-3 with SNOMED CT pregnant / not pregnant.
            String status = switch (request.get("pregnancy").asText()) {
                case "pregnant" -> "77386006";
                case "not_pregnant" -> "60001007";
                default -> throw new IllegalArgumentException("no FHIR code for " + request.get("pregnancy"));
            };
            ObjectNode observation = JSON.objectNode().put("resourceType", "Observation").put("status", "final");
            observation.set("code", concept("http://loinc.org", "82810-3"));
            observation.set("valueCodeableConcept", concept("http://snomed.info/sct", status));
            entries.add(entry("Observation/pregnancy", observation));
        }
        // Vital signs as the FHIR R4 vital signs profile has them: LOINC codes, UCUM units, measured just now.
        JsonNode vitals = request.path("vitals");
        vitals.properties().forEach(field -> {
            String[] loinc = switch (field.getKey()) {
                case "respiratoryRate" -> new String[]{"9279-1", "/min"};
                case "oxygenSaturation" -> new String[]{"59408-5", "%"};
                case "systolicBloodPressure" -> new String[]{"8480-6", "mm[Hg]"};
                case "heartRate" -> new String[]{"8867-4", "/min"};
                case "temperature" -> new String[]{"8310-5", "Cel"};
                case "bloodGlucose" -> new String[]{"15074-8", "mmol/L"};
                case "onSupplementalOxygen" -> new String[]{"3151-8", "L/min"};
                default -> throw new IllegalArgumentException("no FHIR code for vitals." + field.getKey());
            };
            double value = field.getValue().isBoolean() ? (field.getValue().asBoolean() ? 2 : 0) : field.getValue().asDouble();
            ObjectNode observation = JSON.objectNode().put("resourceType", "Observation").put("status", "final")
                    .put("effectiveDateTime", java.time.Instant.now().minusSeconds(600).toString());
            observation.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "vital-signs");
            observation.set("code", concept("http://loinc.org", loinc[0]));
            observation.set("valueQuantity", JSON.objectNode().put("value", value).put("unit", loinc[1])
                    .put("system", "http://unitsofmeasure.org").put("code", loinc[1]));
            entries.add(entry(null, observation));
        });
        // Laboratory results as a laboratory reports them: LOINC codes, UCUM units, taken this morning.
        request.path("labs").properties().forEach(field -> {
            String[] loinc = switch (field.getKey()) {
                case "potassium" -> new String[]{"2823-3", "mmol/L"};
                case "sodium" -> new String[]{"2951-2", "mmol/L"};
                case "calcium" -> new String[]{"29265-6", "mmol/L"};
                case "creatineKinase" -> new String[]{"2157-6", "U/L"};
                default -> throw new IllegalArgumentException("no FHIR code for labs." + field.getKey());
            };
            ObjectNode observation = JSON.objectNode().put("resourceType", "Observation").put("status", "final")
                    .put("effectiveDateTime", java.time.Instant.now().minusSeconds(5 * 3600).toString());
            observation.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
            observation.set("code", concept("http://loinc.org", loinc[0]));
            observation.set("valueQuantity", JSON.objectNode().put("value", field.getValue().decimalValue()).put("unit", loinc[1])
                    .put("system", "http://unitsofmeasure.org").put("code", loinc[1]));
            entries.add(entry(null, observation));
        });
        int n = 0;
        for (JsonNode symptom : request.path("symptoms")) {
            String status = symptom.path("status").asText("present");
            ObjectNode observation = JSON.objectNode().put("resourceType", "Observation").put("id", "o" + n).put("status", "final");
            observation.set("code", concept("http://loinc.org", "absent".equals(status) ? "111551-8" : "75325-1"));
            observation.set("valueCodeableConcept", concept(FhirCodes.SYMPTOM, symptom.get("code").asText()));
            ArrayNode components = observation.putArray("component");
            for (Iterator<Map.Entry<String, JsonNode>> it = symptom.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.equals("code") || name.equals("status")) {
                    continue;
                }
                if (value.isArray()) {
                    value.forEach(v -> components.add(component(name, coded(v.asText()))));
                } else if (value.isBoolean()) {
                    components.add(component(name, JSON.objectNode().put("valueBoolean", value.asBoolean())));
                } else if (value.isNumber()) {
                    ObjectNode quantity = JSON.objectNode().put("value", value.decimalValue()).put("unit", "h")
                            .put("system", "http://unitsofmeasure.org").put("code", "h");
                    components.add(component(name, JSON.objectNode().set("valueQuantity", quantity)));
                } else {
                    components.add(component(name, coded(value.asText())));
                }
            }
            entries.add(entry("Observation/o" + n++, observation));
        }
        return entries;
    }

    static ObjectNode bundle(List<ObjectNode> entries) {
        ObjectNode bundle = JSON.objectNode().put("resourceType", "Bundle").put("type", "searchset");
        entries.forEach(bundle.putArray("entry")::add);
        return bundle;
    }

    static ObjectNode entry(String fullUrl, ObjectNode resource) {
        ObjectNode entry = JSON.objectNode();
        if (fullUrl != null) {
            entry.put("fullUrl", "https://ehr.example.org/fhir/" + fullUrl);
        }
        entry.set("resource", resource);
        return entry;
    }

    static ObjectNode concept(String system, String code) {
        ObjectNode concept = JSON.objectNode();
        concept.putArray("coding").addObject().put("system", system).put("code", code);
        return concept;
    }

    private static ObjectNode coded(String code) {
        return JSON.objectNode().set("valueCodeableConcept", concept(FhirCodes.MODIFIER_VALUE, code));
    }

    private static ObjectNode component(String modifier, ObjectNode value) {
        ObjectNode component = JSON.objectNode();
        component.set("code", concept(FhirCodes.MODIFIER, modifier));
        value.properties().forEach(f -> component.set(f.getKey(), f.getValue()));
        return component;
    }
}
