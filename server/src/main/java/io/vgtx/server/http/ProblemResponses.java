package io.vgtx.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.casework.CaseConflictException;
import io.vgtx.core.org.IllegalTransitionException;
import io.vgtx.core.org.IneligibleVoterException;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.ImportFailedException;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.webhook.WebhookConflictException;
import io.vgtx.server.problem.ApiProblem;
import io.vgtx.server.problem.ProblemDetails;
import io.vgtx.server.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns whatever a request threw into an RFC 9457 problem response. Client mistakes become 4xx with a detail
 * that names the field or position; anything unexpected becomes a 500 whose detail names only the request id
 * (the exception, with its stack trace, goes to the log under that id, never to the client).
 */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /** Maps and writes {@code failure} as the response of {@code ctx}. */
    public static void handle(Throwable failure, Context ctx) {
        ApiProblem problem = toProblem(failure, ctx);
        if (problem.type() == ProblemType.INTERNAL) {
            LOG.atError().setCause(failure)
                    .addKeyValue("requestId", RequestAttributes.requestId(ctx))
                    .addKeyValue("route", RequestAttributes.routeTemplate(ctx))
                    .log("unhandled exception");
        }
        write(ctx, problem);
    }

    public static void write(Context ctx, ApiProblem problem) {
        String instance = "urn:uuid:" + RequestAttributes.requestId(ctx);
        ProblemDetails body = ProblemDetails.of(problem.type(), problem.detail(), instance);
        problem.headers().forEach(ctx::header);
        ctx.status(problem.type().status());
        ctx.contentType(ProblemDetails.MEDIA_TYPE);
        try {
            ctx.result(Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }

    static ApiProblem toProblem(Throwable failure, Context ctx) {
        return switch (failure) {
            case ApiProblem problem -> problem;
            case EndpointNotFound _ -> ApiProblem.notFound("No such route: " + ctx.method() + " " + ctx.path());
            case HttpResponseException http -> fromHttpStatus(http.getStatus());
            case NotFoundException notFound -> ApiProblem.notFound(notFound.getMessage());
            case AlreadyExistsException exists -> ApiProblem.conflict(exists.getMessage());
            case AccessDeniedException denied -> ApiProblem.forbidden(denied.getMessage());
            case IneligibleVoterException ineligible -> ApiProblem.forbidden(ineligible.getMessage());
            case IllegalTransitionException transition -> ApiProblem.conflict(transition.getMessage());
            case CaseConflictException conflict -> ApiProblem.conflict(conflict.getMessage());
            case WebhookConflictException conflict -> ApiProblem.conflict(conflict.getMessage());
            case IllegalArgumentException invalid when invalid.getMessage() != null -> ApiProblem.validation(invalid.getMessage());
            case ImportFailedException failed when failed.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null ->
                    ApiProblem.validation("Nothing was added: " + invalid.getMessage());
            case JacksonException json -> fromJson(json);
            default -> internal(ctx);
        };
    }

    private static ApiProblem internal(Context ctx) {
        return new ApiProblem(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote request id " + RequestAttributes.requestId(ctx) + " when reporting it.");
    }

    private static ApiProblem fromHttpStatus(int status) {
        ProblemType type = ProblemType.forStatus(status);
        return new ApiProblem(type, switch (type) {
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body's media type is not supported.";
            case NOT_FOUND -> "Not found.";
            case METHOD_NOT_ALLOWED -> "This route does not answer that method.";
            default -> type.title() + ".";
        });
    }

    /** Parse errors name the line and column; mapping errors name the field path ({@code entries[2].value}). */
    static ApiProblem fromJson(JacksonException e) {
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            return ApiProblem.malformedJson("The request body is not valid JSON" + at(e.getLocation()) + ".");
        }
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        return switch (e) {
            case InvalidNullException _ -> ApiProblem.validation("Field '" + fieldOrRoot(field) + "' must not be null.");
            case UnrecognizedPropertyException unknown -> ApiProblem.validation("Unknown field '" + fieldOrRoot(field) + "'"
                    + known(unknown.getKnownPropertyIds()) + ".");
            case InvalidFormatException invalid when invalid.getTargetType() != null && invalid.getTargetType().isEnum() ->
                    ApiProblem.validation("Field '" + fieldOrRoot(field) + "' must be one of "
                            + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ".");
            case ValueInstantiationException instantiation when instantiation.getCause() instanceof IllegalArgumentException invalid
                    && invalid.getMessage() != null -> ApiProblem.validation(invalid.getMessage());
            case MismatchedInputException mismatch when mismatch.getTargetType() != null && field.isEmpty() && mismatch.getLocation() != null
                    && mismatch.getMessage() != null && mismatch.getMessage().startsWith("No content") ->
                    ApiProblem.validation("A JSON request body is required.");
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    ApiProblem.validation((field.isEmpty() ? "The request body" : "Field '" + field + "'")
                            + " must be " + describe(mismatch.getTargetType()) + ".");
            case DatabindException other -> ApiProblem.validation((field.isEmpty() ? "The request body" : "Field '" + field + "'")
                    + " is not valid" + at(other.getLocation()) + ".");
            default -> ApiProblem.malformedJson("The request body is not valid JSON" + at(e.getLocation()) + ".");
        };
    }

    private static String fieldOrRoot(String field) {
        return field.isEmpty() ? "(root)" : field;
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 20) return "";
        return "; expected one of " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) return "";
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) return "a string";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) return "an integer";
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) return "a number";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        if (Temporal.class.isAssignableFrom(type)) return "an ISO-8601 time (a string)";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
        return "a " + type.getSimpleName();
    }
}
