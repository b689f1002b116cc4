package dev.triageapi.fhir;

import dev.triageapi.http.FieldError;
import dev.triageapi.http.MediaTypeRefused;
import dev.triageapi.http.Problem;
import dev.triageapi.http.ProblemWords;
import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors of a {@link FhirEndpoint} as a FHIR client can parse them: the same problem the rest of the API answers, as an
 * {@code OperationOutcome} ({@code application/fhir+json}) with an issue per field error, its FHIRPath expression
 * where the field has one. Written here from the Problem, word for word: a FHIR door's refusals name FHIR's media types
 * themselves ({@link MediaTypeRefused}), so nothing is reworded here.
 */
public class OperationOutcomes {

    private static final Pattern ITEM = Pattern.compile("item\\[([A-Za-z0-9_.-]{1,64})]");

    private final FhirSupport fhir;

    OperationOutcomes(FhirSupport fhir) {
        this.fhir = fhir;
    }

    @ServerResponseFilter
    public void asOperationOutcome(ContainerResponseContext response, SimpleResourceInfo resource) {
        if (!(response.getEntity() instanceof Problem problem) || resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(FhirEndpoint.class)) {
            return;
        }
        response.setEntity(fhir.write(of(problem)));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FhirCodes.MEDIA_TYPE);
    }

    /** A FHIR media type of another version than R4: 415 for a body, 406 for an Accept header, naming 4.0. */
    @ServerExceptionMapper
    public Response otherVersion(FhirMedia.OtherFhirVersion e, HttpHeaders headers) {
        Language language = ProblemWords.languageOf(headers);
        return e.status == 406 ? Problem.response(language, 406, "not-acceptable", "fhir-version", FhirMedia.VERSION)
                : Problem.response(language, 415, "unsupported-media-type", "fhir-version", FhirMedia.VERSION);
    }

    static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = type(problem.status());
        String detail = problem.detail();
        List<FieldError> errors = problem.errors() == null ? List.of() : problem.errors();
        if (errors.isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(detail);
        }
        for (FieldError error : errors) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR).setCode(type)
                    .setDiagnostics(error.field() + " " + error.message());
            String expression = expression(error.field());
            if (expression != null) {
                issue.addExpression(expression);
            }
        }
        return outcome;
    }

    /** The FHIR issue type of an HTTP status (R4 value set issue-type). */
    static IssueType type(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 406, 415 -> IssueType.NOTSUPPORTED;
            case 408 -> IssueType.TIMEOUT;
            case 412 -> IssueType.INCOMPLETE;
            case 413 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }

    /**
     * A field path of the FHIR mapping as FHIRPath: {@code entry[2].resource.value} in a Bundle,
     * {@code item[symptoms].item[numbness]} as {@code item.where(linkId='…')} in a QuestionnaireResponse.
     */
    static String expression(String field) {
        if (field.startsWith("entry[")) {
            return "Bundle." + field;
        }
        if (field.startsWith("item[")) {
            Matcher m = ITEM.matcher(field);
            return "QuestionnaireResponse." + m.replaceAll("item.where(linkId='$1')");
        }
        if (field.equals("status") || field.equals("questionnaire")) {
            return "QuestionnaireResponse." + field;
        }
        return null;
    }
}
