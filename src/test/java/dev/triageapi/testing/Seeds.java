package dev.triageapi.testing;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Property checks on seeded generators in plain JUnit 5. One seed per run (new each run, so runs explore different
 * cases) gives every try its own {@link Random}; a failure names the seed and the try, and
 * {@code -Dproperties.seed=<seed>} replays the run exactly. {@code -Dproperties.tries-factor=<n>} runs n times as many tries,
 * for a long hunt before a release rather than in every build. (Not under {@code triage.}: Quarkus would refuse to
 * start a {@code @QuarkusTest} on a key its configuration does not map.)
 */
public final class Seeds {

    /** A check of one generated case. */
    @FunctionalInterface
    public interface Check {
        void run(Random random) throws Exception;
    }

    private Seeds() {
    }

    public static void forAll(int tries, Check check) {
        long seed = seed();
        int total = total(tries);
        for (int i = 0; i < total; i++) {
            Throwable failure = run(check, seed, i);
            if (failure != null) {
                throw failed(failure, i, total, seed);
            }
        }
    }

    /**
     * As {@link #forAll}, the tries spread over the machine's cores: for checks of code that serves requests
     * concurrently anyway (the engine, the interviewer, a running service) whose tries share nothing. Each try keeps
     * its own seeded {@link Random}, so a failure is the same try with the same case as in a run one at a time; the
     * first failing try is reported.
     */
    public static void forAllConcurrently(int tries, Check check) {
        long seed = seed();
        int total = total(tries);
        Throwable[] failures = new Throwable[total];
        IntStream.range(0, total).parallel().forEach(i -> failures[i] = run(check, seed, i));
        for (int i = 0; i < total; i++) {
            if (failures[i] != null) {
                throw failed(failures[i], i, total, seed);
            }
        }
    }

    private static long seed() {
        Long fixed = Long.getLong("properties.seed");
        return fixed != null ? fixed : new SecureRandom().nextLong();
    }

    private static int total(int tries) {
        return tries * Integer.getInteger("properties.tries-factor", 1);
    }

    private static Throwable run(Check check, long seed, int i) {
        try {
            check.run(new Random(seed + i * 0x9E3779B97F4A7C15L));
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private static AssertionError failed(Throwable e, int i, int total, long seed) {
        return new AssertionError("property failed on try " + (i + 1) + " of " + total + " with seed " + seed
                + "; replay with -Dproperties.seed=" + seed + ": " + e.getMessage(), e);
    }

    /** One of the values, or null with the given chance. */
    public static <T> T orNull(Random random, double nullChance, List<T> values) {
        return random.nextDouble() < nullChance ? null : values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public static <T> T orNull(Random random, double nullChance, T... values) {
        return orNull(random, nullChance, List.of(values));
    }
}
