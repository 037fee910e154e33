package dev.cartera.spring.api.support;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.dedupe.DuplicateException;
import dev.cartera.core.document.DocumentRejectedException;
import dev.cartera.core.imports.ImportFileException;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.spring.api.CarteraApiAutoConfiguration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem with a machine-readable {@code code}: Cartera's own
 * exceptions by their code, Spring MVC's by their status. Scoped to the API's controllers, so the
 * host's own error handling is left alone.
 */
@RestControllerAdvice(basePackageClasses = CarteraApiAutoConfiguration.class)
public class ApiProblems extends ResponseEntityExceptionHandler {
    public static final String CODE = "code";
    static final String VERSION_CONFLICT = "record.version.conflict";
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final Map<Integer, String> CODES_BY_STATUS = Map.of(
            400, "request.invalid",
            404, "route.not-found",
            405, "method.not-allowed",
            406, "media-type.not-acceptable",
            413, "document.too-large",
            415, "media-type.unsupported",
            422, "validation.failed",
            500, "internal.error");

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.code(), "The record does not exist or is not visible to you.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        if ("access.unauthenticated".equals(e.code())) {
            return problem(HttpStatus.UNAUTHORIZED, e.code(), "Authentication is required.");
        }
        return problem(HttpStatus.FORBIDDEN, e.code(), "You are not allowed to do this.");
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        if (VERSION_CONFLICT.equals(e.code())) {
            return problem(HttpStatus.PRECONDITION_FAILED, e.code(), "The record has changed since you read it (If-Match).");
        }
        return problem(HttpStatus.CONFLICT, e.code(), "The change clashes with the record's current state.");
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> invalid(ValidationException e) {
        return ResponseEntity.unprocessableContent().body(validationProblem(e.errors()));
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> documentRejected(DocumentRejectedException e) {
        return switch (e.code()) {
            case "document.too-large" -> problem(HttpStatus.CONTENT_TOO_LARGE, e.code(), "The file is larger than allowed.");
            case "document.type-not-allowed" -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.code(), "This kind of file is not accepted.");
            default -> problem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), "The file cannot be accepted.");
        };
    }

    @ExceptionHandler(DuplicateException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Likely duplicates exist; repeat with allowDuplicates=true to create it anyway.");
        problem.setProperty(CODE, e.code());
        problem.setProperty("candidates", e.candidates());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<ProblemDetail> unreadableFile(ImportFileException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), "The file cannot be imported.");
        response.getBody().setProperty("arguments", e.arguments());
        return response;
    }

    /** Any other Cartera error is a client-visible rule, never an internal failure. */
    @ExceptionHandler(CrmException.class)
    ResponseEntity<ProblemDetail> otherCrmError(CrmException e) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), "The request breaks a rule of the CRM.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e.getClass().getName().startsWith("org.springframework.security.")) {
            throw e; // the host's security filters turn these into its own 401 or 403
        }
        log.error("Unexpected error in the Cartera API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", "An unexpected error occurred.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // The same field names and codes as the core's own validation, so clients see one format.
        List<FieldError> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldError(error instanceof org.springframework.validation.FieldError f ? f.getField() : "",
                        "validation." + error.getCode()))
                .toList();
        return ResponseEntity.unprocessableContent().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "The request body is missing or is not valid JSON of the expected shape.");
        body.setProperty(CODE, "request.body.unreadable");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "A parameter has a value of the wrong type.");
        body.setProperty(CODE, "request.parameter.invalid");
        body.setProperty("parameter", e.getPropertyName());
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** Gives Spring MVC's own problems (405, 415, missing parameter…) a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(CODE))) {
            problem.setProperty(CODE, CODES_BY_STATUS.getOrDefault(statusCode.value(), "http." + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Some fields are not valid.");
        problem.setProperty(CODE, "validation.failed");
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        return problem;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return ResponseEntity.status(status).body(problem);
    }
}
