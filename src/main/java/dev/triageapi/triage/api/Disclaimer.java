package dev.triageapi.triage.api;

/** The disclaimer every answer carries. */
public final class Disclaimer {

    private Disclaimer() {
    }

    public static String text(String emergencyNumber) {
        return "This answer comes from automated rules and is general information only. It is not medical advice "
                + "and not a diagnosis, and it does not replace a doctor, nurse or other health professional. "
                + "If you think this may be an emergency, call " + emergencyNumber
                + " (or your local emergency number) now.";
    }
}
