package dev.triageapi.triage.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.Seeds;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.triage.vignette.VignetteSuite;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain check in front of Bean Validation never passes a request the validator would refuse (checked against
 * Hibernate Validator itself, on seeded requests built around every bound), and does pass the real requests, so the
 * validator stays off their path.
 */
@AlongsideQuarkusTests
class RequestConstraintsTest {

    static ValidatorFactory factory;
    static Validator validator;
    static RequestConstraints constraints;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
        constraints = new RequestConstraints(validator);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void shouldPassEveryVignetteWithoutTheValidator() throws Exception {
        VignetteSuite suite = VignetteSuite.bundled();
        ObjectMapper json = new ObjectMapper();
        List<String> refused = new ArrayList<>();
        for (String body : suite.requestBodies()) {
            TriageRequest request = json.readValue(body, TriageRequest.class);
            assertTrue(validator.validate(request).isEmpty(), body);
            if (!constraints.plainlyValid(request)) {
                refused.add(body);
            }
        }
        assertTrue(suite.size() >= 250);
        assertEquals(List.of(), refused, "valid vignette requests the plain check sends to the validator");
    }

    @Test
    void shouldNeverPassWhatTheValidatorRefuses() {
        int[] outcomes = new int[3]; // plainly valid, valid but sent to the validator, refused
        Seeds.forAll(4_000, random -> {
            TriageRequest request = request(random);
            Set<ConstraintViolation<TriageRequest>> violations = validator.validate(request);
            boolean plain = constraints.plainlyValid(request);
            if (plain) {
                assertEquals(Set.of(), violations, "passed plainly but the validator refuses: " + request);
            }
            outcomes[plain ? 0 : violations.isEmpty() ? 1 : 2]++;
        });
        // The generator must reach both sides of every bound, or the property says nothing.
        System.out.println("plainly valid, sent to the validator and valid, refused: " + Arrays.toString(outcomes));
        assertTrue(outcomes[0] > 400 && outcomes[1] > 40 && outcomes[2] > 400, Arrays.toString(outcomes));
    }

    @Test
    void shouldRefuseWithTheValidatorsOwnViolations() {
        TriageRequest request = new TriageRequest(121, null, List.of(symptom(" ", null, 2_000_000.0)), List.of(), false);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> constraints.check(request));
        assertEquals(validator.validate(request).size(), e.errors().size());
        assertEquals(3, e.errors().size());
    }

    @Test
    void shouldRoundEveryDecimalBoundInwardSoThatNoValueTheValidatorRefusesPasses() {
        // 0.3 is below the exact bound 0.30000000000000001, although the nearest double of both is the same.
        assertTrue(ValidatorBounds.inward(new BigDecimal("0.30000000000000001"), true, true) > 0.3);
        assertTrue(ValidatorBounds.inward(new BigDecimal("0.29999999999999999"), true, false) < 0.3);
        assertEquals(0.5, ValidatorBounds.inward(new BigDecimal("0.5"), true, true));
        assertTrue(ValidatorBounds.inward(new BigDecimal("0.5"), false, true) > 0.5, "an exclusive bound moves inside");
        assertTrue(ValidatorBounds.inward(new BigDecimal("60"), false, false) < 60);
    }

    @Test
    void shouldRefuseEachBoundOnItsOwn() {
        TriageRequest plain = new TriageRequest(40, Sex.FEMALE, List.of(symptom("muscle_weakness", null, 2.0)),
                List.of("diabetes"), false);
        assertTrue(constraints.plainlyValid(plain));
        for (TriageRequest broken : List.of(
                new TriageRequest(-1, null, plain.symptoms(), null, null),
                new TriageRequest(121, null, plain.symptoms(), null, null),
                new TriageRequest(40, null, List.of(), null, null),
                new TriageRequest(40, null, null, null, null),
                new TriageRequest(40, null, List.of(symptom("\u2003", null, null)), null, null),
                new TriageRequest(40, null, List.of(symptom("x".repeat(65), null, null)), null, null),
                new TriageRequest(40, null, List.of(symptom("x", null, -0.001)), null, null),
                new TriageRequest(40, null, List.of(symptom("x", null, Double.NaN)), null, null),
                new TriageRequest(40, null, List.of(symptom("x", Arrays.asList(BodyLocation.ARM, null), null)), null, null),
                new TriageRequest(40, null, plain.symptoms(), Arrays.asList("diabetes", " "), null),
                new TriageRequest(40, null, plain.symptoms(), null, List.of("a".repeat(65)), null, null, null),
                new TriageRequest(40, null, plain.symptoms(), null, null, null, null,
                        new VitalSigns(null, 49, null, null, null, null, null, null)),
                new TriageRequest(40, null, plain.symptoms(), null, null, null, null,
                        new VitalSigns(null, null, null, null, null, null, null, 0.49)))) {
            assertFalse(constraints.plainlyValid(broken), broken::toString);
            assertFalse(validator.validate(broken).isEmpty(), broken::toString);
        }
    }

    /** A request with every field drawn around its bounds, or left out. */
    private static TriageRequest request(Random random) {
        List<SymptomReport> symptoms = random.nextInt(20) == 0 ? (random.nextBoolean() ? null : List.<SymptomReport>of())
                : symptoms(random);
        return new TriageRequest(around(random, 71, null, -1, 0, 1, 119, 120, 121, Integer.MIN_VALUE),
                Seeds.orNull(random, 0.5, Sex.values()), symptoms, codes(random), codes(random),
                Seeds.orNull(random, 0.5, true, false), Seeds.orNull(random, 0.5, Pregnancy.values()),
                random.nextBoolean() ? null : vitals(random));
    }

    /** Usually the typical value; else one of the edges (values on both sides of a bound, null). */
    @SafeVarargs
    private static <T> T around(Random random, T typical, T... edges) {
        return random.nextInt(8) > 0 ? typical : edges[random.nextInt(edges.length)];
    }

    private static List<SymptomReport> symptoms(Random random) {
        List<SymptomReport> out = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.add(random.nextInt(60) == 0 ? null : symptom(code(random), locations(random), hours(random)));
        }
        return out;
    }

    private static SymptomReport symptom(String code, List<BodyLocation> locations, Double hours) {
        return new SymptomReport(code, SymptomStatus.PRESENT, Onset.SUDDEN, Side.LEFT, Severity.MILD, locations, hours,
                null, null, null, null);
    }

    private static String code(Random random) {
        if (random.nextInt(8) > 0) {
            return "muscle_weakness";
        }
        return switch (random.nextInt(13)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " ";
            case 3 -> "\t";
            case 4 -> "\u0001";
            case 5 -> " weakness";
            case 6 -> "weakness ";
            case 7 -> random.nextBoolean() ? "\u2003x" : "\u2003"; // an em space: whitespace to Java, kept by trim()
            case 8 -> "x".repeat(64);
            case 9 -> "x".repeat(65);
            case 10 -> "y".repeat(63) + " ";
            case 11 -> random.nextBoolean() ? "\u00a0" : "\u3000"; // a no-break space (not whitespace to Java), an ideographic one
            default -> "muscle_weakness";
        };
    }

    private static List<String> codes(Random random) {
        return random.nextInt(3) == 0 ? null
                : list(random, 50, r -> r.nextInt(10) < 9 ? "diabetes" : code(r));
    }

    private static List<BodyLocation> locations(Random random) {
        return random.nextBoolean() ? null : list(random, 10,
                r -> r.nextInt(30) == 0 ? null : BodyLocation.values()[r.nextInt(BodyLocation.values().length)]);
    }

    /** A short list, or one of exactly {@code limit} items or one more. */
    private static <T> List<T> list(Random random, int limit, Function<Random, T> item) {
        int n = switch (random.nextInt(7)) {
            case 0 -> limit;
            case 1 -> limit + 1;
            default -> random.nextInt(4);
        };
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.apply(random));
        }
        return out;
    }

    private static Double hours(Random random) {
        return around(random, 2.5, null, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1.5, 1_051_200.0,
                Math.nextUp(1_051_200.0), -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    private static VitalSigns vitals(Random random) {
        return new VitalSigns(around(random, 18, null, 0, 1, 80, 81), around(random, 97, null, 49, 50, 100, 101),
                Seeds.orNull(random, 0.5, true, false), around(random, 128, null, 39, 40, 300, 301),
                around(random, 76, null, 19, 20, 250, 251),
                around(random, 37.1, null, 24.999, 25.0, 45.0, 45.001, Double.NaN, Math.nextDown(25.0)),
                Seeds.orNull(random, 0.5, Consciousness.values()),
                around(random, 5.6, null, 0.499, 0.5, 60.0, 60.0001, Double.NaN, Double.POSITIVE_INFINITY));
    }
}
