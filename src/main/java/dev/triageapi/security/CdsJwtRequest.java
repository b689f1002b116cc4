package dev.triageapi.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

import java.util.List;

/** A CDS client's JWT and the audiences it must name (the URL it was sent to), on its way to {@link CdsClientIdentityProvider}. */
public final class CdsJwtRequest extends BaseAuthenticationRequest {

    private final String token;
    private final List<String> audiences;

    CdsJwtRequest(String token, List<String> audiences) {
        this.token = token;
        this.audiences = audiences;
    }

    String token() {
        return token;
    }

    List<String> audiences() {
        return audiences;
    }

    @Override
    public String toString() {
        return "CdsJwtRequest[token=***]";
    }
}
