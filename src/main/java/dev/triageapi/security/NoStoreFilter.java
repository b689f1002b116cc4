package dev.triageapi.security;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks every answer of the API (triage, FHIR, CDS Hooks, catalogs, errors) {@code Cache-Control: no-store}: answers
 * about a patient must not sit in a browser or proxy cache. Bound to what the REST layer served, not to path prefixes.
 */
public class NoStoreFilter {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
