package dev.triageapi.catalog;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the bundled catalog injectable. */
public class CatalogProducer {

    @Produces
    @Singleton
    Catalog catalog() {
        return Catalog.bundled();
    }
}
