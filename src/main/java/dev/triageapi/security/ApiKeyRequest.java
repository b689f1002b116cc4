package dev.triageapi.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a client presented, on its way to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyRequest[key=***]"; // a key must never reach a log line
    }
}
