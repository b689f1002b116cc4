package dev.triageapi.text;

import java.util.Optional;

/**
 * The hours an answer to "how long ago did it start?" stands for, by its code ({@code within_1_day}): the interview
 * plan's durations, so that "since yesterday" in a patient's words means what the button of the same name means.
 */
@FunctionalInterface
public interface DurationHours {

    /** The hours of a duration code; empty for a code the plan does not have. */
    Optional<Double> hours(String durationCode);
}
