package dev.triageapi.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An EHR on loopback for the CDS Hooks tests: HAPI FHIR's {@code RestfulServer} on Jetty with in-memory Patients and
 * symptom Observations (pages of two, so paging is real), a second FHIR server that misbehaves on purpose, and the JWK Sets of two CDS clients (one served at a URL,
 * one in a file) whose private keys the tests sign with. What a test needs from it crosses class loaders through
 * system properties: {@link #FHIR_BASE}, {@link #EC_PRIVATE_JWK}, {@link #RSA_PRIVATE_JWK}.
 */
public class RealEhr implements QuarkusTestProfile {

    public static final String FHIR_BASE = "test.ehr.fhir-base";
    /** The base of a second allowed FHIR server that misbehaves on purpose ({@link HostileFhirServer}). */
    public static final String HOSTILE_BASE = "test.ehr.hostile-base";
    public static final String EC_PRIVATE_JWK = "test.ehr.ec-private-jwk";
    public static final String RSA_PRIVATE_JWK = "test.ehr.rsa-private-jwk";
    public static final String EC_ISSUER = "https://ehr.example.test/";
    public static final String RSA_ISSUER = "https://other-ehr.example.test/";
    /** The bearer token the FHIR server accepts. */
    public static final String TOKEN = "token-4f9a2c";
    /** Authorization headers the FHIR server received, in order. */
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** The misbehaving FHIR server, while the profile runs. */
    public static volatile HostileFhirServer hostile;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Servers.class));
    }

    /** Starts Jetty for the application under test and stops it afterwards. */
    public static class Servers implements QuarkusTestResourceLifecycleManager {

        private Server jetty;
        private HostileFhirServer misbehaving;

        @Override
        public Map<String, String> start() {
            try {
                JsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P384);
                ec.setKeyId("ec-1");
                ec.setAlgorithm("ES384");
                JsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
                rsa.setKeyId("rsa-1");
                rsa.setAlgorithm("RS384");
                System.setProperty(EC_PRIVATE_JWK, ec.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                System.setProperty(RSA_PRIVATE_JWK, rsa.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                String ecSet = new JsonWebKeySet(ec).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
                Path rsaSet = Files.createTempFile("cds-client-jwks", ".json");
                Files.writeString(rsaSet, new JsonWebKeySet(rsa).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                rsaSet.toFile().deleteOnExit();

                RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
                fhir.setResourceProviders(new Observations(), new Patients());
                fhir.registerInterceptor(new TokenCheck());
                fhir.setPagingProvider(new FifoMemoryPagingProvider(50).setDefaultPageSize(2).setMaximumPageSize(2));
                ServletContextHandler context = new ServletContextHandler();
                context.setContextPath("/");
                context.addServlet(new ServletHolder(fhir), "/fhir/*");
                context.addServlet(new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("application/json");
                        response.getWriter().write(ecSet);
                    }
                }), "/jwks.json");
                jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
                jetty.setHandler(context);
                jetty.start();
                String root = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
                System.setProperty(FHIR_BASE, root + "/fhir");
                misbehaving = new HostileFhirServer();
                hostile = misbehaving;
                System.setProperty(HOSTILE_BASE, misbehaving.base());
                return Map.of(
                        "triage.cds.fhir-servers", root + "/fhir," + misbehaving.base(),
                        "triage.cds.fetch-timeout", "2s",
                        // Shorter than a slow FHIR server takes: a request whose body arrived is never a 408.
                        "triage.api.body-timeout", "1s",
                        "triage.cds.clients.ehr.issuer", EC_ISSUER,
                        "triage.cds.clients.ehr.jwks-url", root + "/jwks.json",
                        "triage.cds.clients.ehr.fhir-servers", root + "/fhir," + misbehaving.base(),
                        "triage.cds.clients.other.issuer", RSA_ISSUER,
                        "triage.cds.clients.other.jwks-file", rsaSet.toString(),
                        // The RSA client's EHR is the real one: it may not aim the service at the other server.
                        "triage.cds.clients.other.fhir-servers", root + "/fhir");
            } catch (Exception e) {
                throw new IllegalStateException("the loopback EHR did not start", e);
            }
        }

        @Override
        public void stop() {
            try {
                if (jetty != null) {
                    jetty.stop();
                }
                if (misbehaving != null) {
                    misbehaving.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every request to the FHIR server, searches, reads and pages alike, must carry the bearer token. */
    public static class TokenCheck {
        @ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean check(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String authorization = request.getHeader("Authorization");
            AUTHORIZATIONS.add(String.valueOf(authorization) + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            if (!("Bearer " + TOKEN).equals(authorization)) {
                response.setStatus(401);
                return false;
            }
            return true;
        }
    }

    /**
     * The patients: "weak" has sudden weakness now and five older records (three pages); "many" has twenty records
     * (more pages than the service reads); "slow" answers after 20 s; "broken" fails; "none" has no records.
     */
    public static class Observations implements IResourceProvider {

        @Override
        public Class<Observation> getResourceType() {
            return Observation.class;
        }

        @Search
        public List<Observation> search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                                        @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
                                        @Sort SortSpec sort, @Count Integer count, HttpServletRequest request)
                throws InterruptedException {
            String id = patient.getIdPart();
            List<Observation> found = new ArrayList<>();
            switch (id) {
                case "slow" -> Thread.sleep(20_000);
                case "broken" -> throw new InternalErrorException("database down");
                case "weak" -> {
                    // Older, gradual records first: the current sudden one is on the last page, so it is only seen
                    // when the pages are followed.
                    for (int i = 1; i <= 5; i++) {
                        found.add(symptom(id, String.valueOf(i), "gradual", new Date(System.currentTimeMillis() - i * 86_400_000L * 30)));
                    }
                    found.add(symptom(id, "6", "sudden", new Date()));
                }
                case "many" -> {
                    for (int i = 1; i <= 20; i++) {
                        found.add(symptom(id, String.valueOf(i), "gradual", new Date()));
                    }
                }
                default -> {
                }
            }
            return found;
        }

        /** Muscle weakness (SNOMED CT 26544005) with its onset. */
        private static Observation symptom(String patient, String id, String onset, Date when) {
            Observation observation = new Observation();
            observation.setId(new IdType("Observation", patient + "-" + id));
            observation.setStatus(Observation.ObservationStatus.FINAL);
            observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "75325-1", "Symptom")));
            observation.setSubject(new Reference("Patient/" + patient));
            observation.setEffective(new DateTimeType(when));
            observation.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", "26544005", "Muscle weakness")));
            observation.addComponent()
                    .setCode(new CodeableConcept(new Coding("http://triageapi.dev/fhir/CodeSystem/modifier", "onset", null)))
                    .setValue(new CodeableConcept(new Coding("http://triageapi.dev/fhir/CodeSystem/modifier-value", onset, null)));
            return observation;
        }
    }

    /** Every patient is a woman born in 1950, except those the server has not heard of. */
    public static class Patients implements IResourceProvider {

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Read
        public Patient read(@IdParam IdType id, HttpServletRequest request) {
            if (id.getIdPart().equals("unknown")) {
                throw new ResourceNotFoundException(id);
            }
            Patient patient = new Patient();
            patient.setId(id.getIdPart());
            patient.setGender(Enumerations.AdministrativeGender.FEMALE);
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-06-01"));
            return patient;
        }
    }

    /** A CDS client's private key, as the loopback EHR made it. */
    public static org.jose4j.jwk.PublicJsonWebKey privateKey(String property) throws JoseException {
        return org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(System.getProperty(property));
    }
}
