package dev.triageapi.catalog;

import dev.triageapi.vocabulary.Language;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/** The catalog in every language the service speaks, each read once at start: a missing translation stops the start. */
@Startup
@Singleton
public class Catalogs {

    private final Map<Language, Catalog> byLanguage = new EnumMap<>(Language.class);

    Catalogs(Catalog english) {
        for (Language language : Language.values()) {
            byLanguage.put(language, language == Language.EN ? english : Catalog.load(language));
        }
    }

    /** The catalog with its texts in this language. */
    public Catalog of(Language language) {
        return byLanguage.get(language);
    }
}
