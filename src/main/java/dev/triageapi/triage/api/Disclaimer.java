package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;

/** The disclaimer every answer carries, in the catalog's language, with the local emergency number. */
public final class Disclaimer {

    private Disclaimer() {
    }

    public static String text(Catalog catalog, String emergencyNumber) {
        return catalog.message("disclaimer").replace("{emergencyNumber}", emergencyNumber);
    }
}
