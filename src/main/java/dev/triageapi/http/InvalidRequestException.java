package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A well-formed request that breaks a rule of the contract; answered with 400 and the field errors. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    public InvalidRequestException(List<? extends FieldProblem> errors) {
        super("invalid request", null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The validator's violations as field errors, each named by its JSON path, in a stable order. */
    public static InvalidRequestException of(Collection<? extends ConstraintViolation<?>> violations) {
        return new InvalidRequestException(violations.stream()
                .map(v -> new FieldError(path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList());
    }

    /** The field errors in English. */
    public List<FieldError> errors() {
        return errors(Language.EN);
    }

    /** The field errors in {@code language}. */
    public List<FieldError> errors(Language language) {
        return errors.stream().map(e -> e.in(language)).toList();
    }

    /**
     * The JSON path of a violation: {@code triage.request.symptoms[0].code} becomes {@code symptoms[0].code} (the
     * method and parameter are not the client's); "body" for the whole body.
     */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
