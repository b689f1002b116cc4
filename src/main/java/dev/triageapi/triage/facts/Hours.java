package dev.triageapi.triage.facts;

/**
 * The durations the rules compare times since onset with, named once. Rules write {@code lastedOver(Hours.TWO_WEEKS)},
 * never a bare {@code 336}.
 */
public final class Hours {

    private Hours() {
    }

    /** One day: the window of clot retrieval after a stroke, and the line between "sudden and recent" and older. */
    public static final double ONE_DAY = 24;
    /** Three days: the side effects of a vaccine are over by then (NHS). */
    public static final double THREE_DAYS = 72;
    /** Five days: a fever or a viral illness lasting longer needs a doctor (NHS); muscle soreness after exercise is fading by then. */
    public static final double FIVE_DAYS = 120;
    /** One week: confusion that came on within it came on over hours to days (delirium), not over months. */
    public static final double ONE_WEEK = 168;
    /** Two weeks: past this a stroke sign is no longer "recent" (early recurrence risk is highest in the first days). */
    public static final double TWO_WEEKS = 336;
    /** Four weeks: a complaint this old is chronic rather than new. */
    public static final double FOUR_WEEKS = 672;
    /** Six weeks: most non-specific back pain has settled by then (NICE NG59). */
    public static final double SIX_WEEKS = 1008;
    /** Six months. */
    public static final double SIX_MONTHS = 4380;
}
