package dev.triageapi.testing;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

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
        Long fixed = Long.getLong("properties.seed");
        long seed = fixed != null ? fixed : new SecureRandom().nextLong();
        int total = tries * Integer.getInteger("properties.tries-factor", 1);
        for (int i = 0; i < total; i++) {
            Random random = new Random(seed + i * 0x9E3779B97F4A7C15L);
            try {
                check.run(random);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("property failed on try " + (i + 1) + " of " + total + " with seed " + seed
                        + "; replay with -Dproperties.seed=" + seed + ": " + e.getMessage(), e);
            }
        }
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
