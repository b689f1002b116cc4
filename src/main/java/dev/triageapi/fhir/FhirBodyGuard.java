package dev.triageapi.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A first, streaming pass over a FHIR JSON body before HAPI sees it. HAPI expands a decimal such as {@code 1e999999}
 * digit by digit and accepts {@code "71"} where FHIR requires the number 71; this pass refuses such bodies in
 * microseconds. It bounds nesting, string and number length, number magnitude, array size and token count, refuses
 * duplicate keys, and holds FHIR's JSON types for the primitives the intake reads: numbers as JSON numbers, booleans
 * as JSON booleans, everything else as strings.
 */
final class FhirBodyGuard {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 16_384;
    static final int MAX_ARRAY = 500;
    static final int MAX_TOKENS = 50_000;
    /** Decimal exponents beyond this have no clinical meaning and cost HAPI time to expand. */
    static final int MAX_EXPONENT = 64;

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?([eE]([+-]?[0-9]{1,3}))?");
    private static final Pattern NUMERIC_FIELD = Pattern.compile("value(Integer|Decimal|UnsignedInt|PositiveInt|Integer64)|total|rank");
    private static final Pattern BOOLEAN_FIELD = Pattern.compile("valueBoolean|active|deceasedBoolean|multipleBirthBoolean");
    private static final Pattern STRING_FIELD = Pattern.compile("resourceType|id|status|linkId|reference|system|code|version"
            + "|display|valueString|valueCode|valueDate|valueDateTime|valueTime|valueInstant|valueUri|valueUrl"
            + "|valueCanonical|effectiveDateTime|effectiveInstant|issued|authored|birthDate|gender|questionnaire|url|unit");

    private static final String NONE = "";
    /** Stands on the stack of open containers for an object, whose members are counted by no array. */
    private static final int[] IN_OBJECT = new int[0];

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(40)
                    .maxNameLength(256)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FhirBodyGuard() {
    }

    /** Throws a 400 {@link InvalidRequestException} naming what the body breaks; returns when HAPI may parse it. */
    static void check(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Deque<int[]> arrays = new ArrayDeque<>();
            Deque<String> fields = new ArrayDeque<>();
            String field = null;
            int tokens = 0;
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw refuse("body", "must be a FHIR resource: a JSON object with a resourceType");
            }
            while (token != null) {
                if (++tokens > MAX_TOKENS) {
                    throw refuse("body", "has more than " + MAX_TOKENS + " JSON values");
                }
                switch (token) {
                    case FIELD_NAME -> field = parser.currentName();
                    case START_OBJECT -> {
                        countElement(arrays);
                        arrays.push(IN_OBJECT); // the object's own values are not elements of the array around it
                        fields.push(field == null ? NONE : field);
                        field = null;
                    }
                    case START_ARRAY -> {
                        countElement(arrays);
                        arrays.push(new int[] {0});
                        fields.push(field == null ? NONE : field);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        arrays.pop();
                        fields.pop();
                        field = null; // in an object the next value comes after its own field name; in an array none has one
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        countElement(arrays);
                        checkNumber(parser.getText(), field);
                        expect(field, fields, "number");
                    }
                    case VALUE_TRUE, VALUE_FALSE -> {
                        countElement(arrays);
                        expect(field, fields, "boolean");
                    }
                    case VALUE_STRING -> {
                        countElement(arrays);
                        expect(field, fields, "string");
                    }
                    case VALUE_NULL -> {
                        countElement(arrays);
                        if (field != null) { // null stands only in a primitive array whose extensions need the place
                            throw refuse(name(field), "is null; FHIR JSON leaves out what has no value");
                        }
                    }
                    default -> countElement(arrays);
                }
                token = parser.nextToken();
            }
        } catch (StreamConstraintsException e) {
            throw refuse("body", "exceeds a FHIR JSON limit (nesting depth " + MAX_DEPTH + ", string length " + MAX_STRING
                    + ", number length 40)");
        } catch (JsonProcessingException e) {
            throw refuse("body", "is not valid JSON (or repeats a key) near line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw refuse("body", "could not be read");
        }
    }

    private static void countElement(Deque<int[]> arrays) {
        int[] count = arrays.peek();
        if (count != null && count != IN_OBJECT && ++count[0] > MAX_ARRAY) {
            throw refuse("body", "has an array of more than " + MAX_ARRAY + " elements");
        }
    }

    private static void checkNumber(String text, String field) {
        var number = NUMBER.matcher(text);
        if (!number.matches() || number.group(4) != null && Math.abs(Integer.parseInt(number.group(4))) > MAX_EXPONENT) {
            throw refuse(name(field), "is a number outside the range this service reads (at most 18 digits before and "
                    + "after the point, exponent within ±" + MAX_EXPONENT + ")");
        }
    }

    /** FHIR's JSON types for the primitives the intake reads; other fields are left to HAPI's strict parser. */
    private static void expect(String field, Deque<String> fields, String actual) {
        if (field == null) {
            return; // an element of a primitive array: HAPI checks it against its element type
        }
        String parent = fields.isEmpty() ? "" : fields.peek();
        String wanted = NUMERIC_FIELD.matcher(field).matches() || "value".equals(field) && parent.startsWith("value")
                && parent.endsWith("Quantity") ? "number"
                : BOOLEAN_FIELD.matcher(field).matches() ? "boolean"
                : STRING_FIELD.matcher(field).matches() ? "string" : null;
        if (wanted != null && !wanted.equals(actual)) {
            throw refuse(name(field), "must be a JSON " + wanted + " in FHIR JSON, not a " + actual);
        }
    }

    /** Field names come from the client: named only when they look like a FHIR element name. */
    private static String name(String field) {
        return field != null && field.matches("[A-Za-z][A-Za-z0-9]{0,63}") ? field : "body";
    }

    private static InvalidRequestException refuse(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
