package dev.triageapi.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.fhir.FhirSupport;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.outbound.BoundedGet;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Queries the EHR's FHIR server for what a hook call did not prefetch, as CDS Hooks 2.0 lets a service do: with the
 * call's {@code fhirAuthorization} bearer token, only on a server named in {@code triage.cds.fhir-servers} (a hook call
 * chooses its {@code fhirServer}, so any other would let a caller aim this service at any address), following
 * {@code Bundle.link[next]} on that server up to {@code triage.cds.max-pages}, all within {@code triage.cds.fetch-timeout}:
 * one deadline for connecting, the headers and every byte of every page.
 */
@ApplicationScoped
public class FhirServerFetcher {

    /** A FHIR answer larger than this is not read: it could not be a sensible page of one patient's symptoms. */
    static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;
    /** RFC 6750's token68 characters: anything else cannot go into an Authorization header unchanged. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,8192}=*");

    private final List<URI> servers;
    private final Map<String, List<URI>> serversByClient = new HashMap<>();
    private final Duration timeout;
    private final int maxPages;
    private final FhirSupport fhir;
    private final BoundedGet http;

    FhirServerFetcher(TriageConfig config, FhirSupport fhir) {
        this.servers = config.cds().fhirServers().orElse(List.of()).stream().map(TriageConfig.Cds::base).toList();
        config.cds().clients().forEach((name, client) -> serversByClient.put(name,
                client.fhirServers().filter(own -> !own.isEmpty()).map(own -> own.stream().map(TriageConfig.Cds::base).toList())
                        .orElse(servers)));
        this.timeout = config.cds().fetchTimeout();
        this.maxPages = config.cds().maxPages();
        this.fhir = fhir;
        this.http = new BoundedGet(timeout, MAX_ANSWER_BYTES);
    }

    /** Why a query could not give the data: said to the caller in a 412, never with anything the server sent. */
    public static final class FetchFailed extends Exception {
        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Where and how one hook call may be fetched for, when it may. */
    public record Target(URI base, String bearer) {
    }

    /**
     * The FHIR server this call names and may be queried, with its bearer token; empty when it may not be. Only a CDS
     * client whose signed JWT was verified ({@code client}, null for any other caller) may make this service query an
     * EHR: an API key, which an intake app may ship in a browser, never can. A client limited to its own servers
     * ({@code triage.cds.clients.<name>.fhir-servers}) may name only those.
     */
    public Optional<Target> target(CdsModels.HookRequest call, String client) {
        if (call.fhirServer() == null || servers.isEmpty() || client == null) {
            return Optional.empty();
        }
        URI named;
        try {
            named = TriageConfig.Cds.base(URI.create(call.fhirServer()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("fhirServer", "must be an absolute URL")));
        }
        if (!servers.contains(named) || !allowedFor(client, named)) {
            return Optional.empty();
        }
        JsonNode authorization = call.fhirAuthorization();
        String token = authorization == null || !authorization.path("access_token").isTextual()
                ? null : authorization.get("access_token").asText();
        if (token != null && !BEARER_TOKEN.matcher(token).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("fhirAuthorization.access_token",
                    "must be a bearer token (RFC 6750 characters)")));
        }
        return Optional.of(new Target(named, token));
    }

    /**
     * True when this configured client may name this server: one of its own servers, or, for a client given none (only
     * allowed when it is the one client), any server this service may query. An unknown client may name none.
     */
    boolean allowedFor(String client, URI server) {
        List<URI> own = serversByClient.get(client);
        return own != null && own.contains(server);
    }

    /** True when this FHIR server is one this service is configured to query. */
    public boolean allows(String fhirServer) {
        try {
            return fhirServer != null && servers.contains(TriageConfig.Cds.base(URI.create(fhirServer)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** When the queries of a hook call that starts now must all have ended: one deadline for all of them. */
    public Instant deadline() {
        return Instant.now().plus(timeout);
    }

    /**
     * Runs one relative FHIR query (a read or a search) on the target by the call's deadline. A search's pages are
     * gathered into one Bundle; a read that finds nothing is empty.
     */
    public Optional<IBaseResource> fetch(Target target, String relative, Instant deadline) throws FetchFailed {
        URI query = target.base().resolve(relative);
        if (!under(target.base(), query)) {
            throw new FetchFailed("the query would leave the FHIR server's base path");
        }
        IBaseResource first = get(target, query, deadline);
        if (!(first instanceof Bundle bundle)) {
            return Optional.ofNullable(first);
        }
        int pages = 1;
        Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
        while (next != null && next.hasUrl()) {
            if (pages >= maxPages) {
                throw new FetchFailed("the FHIR server's answer has more than " + maxPages + " pages; only complete records are triaged");
            }
            URI url;
            try {
                url = URI.create(next.getUrl());
            } catch (IllegalArgumentException e) {
                throw new FetchFailed("the FHIR server gave a next page that is not a URL");
            }
            if (!url.isAbsolute()) {
                url = target.base().resolve(next.getUrl());
            }
            if (!under(target.base(), url)) {
                throw new FetchFailed("the FHIR server gave a next page outside its base URL, which is not followed");
            }
            IBaseResource page = get(target, url, deadline);
            if (!(page instanceof Bundle more)) {
                throw new FetchFailed("a next page from the FHIR server is not a Bundle");
            }
            more.getEntry().forEach(bundle::addEntry);
            next = more.getLink(Bundle.LINK_NEXT);
            pages++;
        }
        bundle.getLink().clear();
        return Optional.of(bundle);
    }

    private IBaseResource get(Target target, URI url, Instant deadline) throws FetchFailed {
        Map<String, String> headers = target.bearer() == null ? Map.of("Accept", "application/fhir+json")
                : Map.of("Accept", "application/fhir+json", "Authorization", "Bearer " + target.bearer());
        BoundedGet.Answer answer;
        try {
            answer = http.get(url, headers, deadline);
        } catch (BoundedGet.Failed e) {
            throw switch (e.kind()) {
                case TIMEOUT -> new FetchFailed("the FHIR server did not answer within " + timeout.toMillis() + " ms");
                case TOO_LARGE -> new FetchFailed("the FHIR server's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
                case INTERRUPTED -> new FetchFailed("the query to the FHIR server was interrupted");
                case UNREACHABLE -> new FetchFailed("the FHIR server could not be reached");
            };
        }
        int status = answer.status();
        if (status == 404 || status == 410) {
            return null;
        }
        if (status == 401 || status == 403) {
            throw new FetchFailed("the FHIR server refused the fhirAuthorization token (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new FetchFailed("the FHIR server answered HTTP " + status);
        }
        IBaseResource resource;
        try {
            resource = fhir.parse(new String(answer.body(), StandardCharsets.UTF_8));
        } catch (InvalidRequestException e) {
            throw new FetchFailed("the FHIR server's answer is not valid FHIR R4 JSON");
        }
        if (resource instanceof OperationOutcome) {
            throw new FetchFailed("the FHIR server answered with an OperationOutcome instead of the records");
        }
        return resource;
    }

    /**
     * True when the URL is on the base's server and under its path (HAPI links pages as {@code base?_getpages=…}). A path
     * a server could resolve elsewhere is never under the base: one with a dot segment ({@code /base/../admin}, also
     * percent-encoded), a path parameter ({@code /base/..;/admin} is {@code ..} to some servers), a percent sign left
     * after decoding (double encoding) or a backslash. No FHIR server links a page that way.
     */
    static boolean under(URI base, URI url) {
        String path = base.getPath().substring(0, base.getPath().length() - 1);
        String other = url.getPath() == null ? "" : url.getPath();
        return base.getScheme().equalsIgnoreCase(String.valueOf(url.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
                && base.getPort() == url.getPort()
                && url.getRawUserInfo() == null
                && other.chars().noneMatch(c -> c == '\\' || c == ';' || c == '%')
                && Arrays.stream(other.split("/", -1)).noneMatch(segment -> segment.equals(".") || segment.equals(".."))
                && (other.equals(path) || other.startsWith(path + "/"));
    }
}
