package io.vgtx.server.http;

import io.javalin.router.EndpointMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API operation: what the web server routes and what the OpenAPI document describes, from one
 * declaration, so the two cannot drift apart. Build one with {@link #get}, {@link #post} … :
 * <pre>{@code
 * ApiRoute.post("/api/v1/banks")
 *         .summary("Create a bank").tag("banks")
 *         .accepts(NewBank.class)
 *         .returns(201, BankView.class)
 *         .handle(call -> banks.create(call.body(NewBank.class), call.principal(Member.class)));
 * }</pre>
 * Paths use {@code {name}} for path parameters (the OpenAPI syntax, which Javalin shares). Routes need a
 * bearer token unless marked {@link Builder#publicAccess()}.
 *
 * @param requestBody the JSON type {@link ApiCall#body} reads, or {@code null} when the route takes no body
 * @param upload      a file as the body, read with {@link ApiCall#upload} (and limited by the server's upload limit, not its
 *                    request limit), or {@code null}
 * @param responses   the first is the success response; problem responses are documented by the framework
 */
public record ApiRoute(HttpMethod method, String path, String summary, String description, String tag, Access access,
                       Class<?> requestBody, Upload upload, List<QueryParam> queryParams, List<ResponseDoc> responses, ApiHandler handler)
        implements EndpointMetadata {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._~-]+|\\{[A-Za-z][A-Za-z0-9_]*}))+|/");

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path must be /segments with {name} parameters only: " + path);
        }
        if (summary == null || summary.isBlank()) throw new IllegalArgumentException(method + " " + path + ": a summary is required");
        if (tag == null || tag.isBlank()) throw new IllegalArgumentException(method + " " + path + ": a tag is required");
        Objects.requireNonNull(access, "access");
        if (requestBody != null && upload != null) throw new IllegalArgumentException(method + " " + path + ": a JSON body or a file, not both");
        queryParams = List.copyOf(queryParams);
        responses = List.copyOf(responses);
        if (responses.isEmpty()) throw new IllegalArgumentException(method + " " + path + ": declare what it returns");
        Objects.requireNonNull(handler, "handler");
    }

    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(HttpMethod.PUT, path);
    }

    public static Builder patch(String path) {
        return new Builder(HttpMethod.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(HttpMethod.DELETE, path);
    }

    /** The names in {@code {…}} in the path, in order. */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    public ResponseDoc success() {
        return responses.getFirst();
    }

    /** {@code GET /api/v1/banks/{name}}: how logs, metrics and tests name the route. */
    public String key() {
        return method + " " + path;
    }

    /** A file sent as the whole request body, of one of {@code mediaTypes} (documented; the file's format is the route's business). */
    public record Upload(String description, List<String> mediaTypes) {
        public Upload {
            Objects.requireNonNull(description, "description");
            mediaTypes = List.copyOf(mediaTypes);
            if (mediaTypes.isEmpty()) throw new IllegalArgumentException("name the media types an upload may have");
        }
    }

    /** A query parameter, documented in the OpenAPI document; read it with {@link ApiCall#queryParam}. */
    public record QueryParam(String name, String description, boolean required) {
        public QueryParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A documented response.
     *
     * @param schema the JSON type of the body, or {@code null} for none (204) or a non-JSON body
     */
    public record ResponseDoc(int status, String description, String contentType, Class<?> schema) {
        public ResponseDoc {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private String summary;
        private String description;
        private String tag;
        private Access access = Access.AUTHENTICATED;
        private Class<?> requestBody;
        private Upload upload;
        private final List<QueryParam> queryParams = new ArrayList<>();
        private final List<ResponseDoc> responses = new ArrayList<>();

        private Builder(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        /** One line: what the operation does. Required. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Longer text for the OpenAPI document (CommonMark). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The group in the OpenAPI document, e.g. {@code banks}. Required. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** No bearer token needed. Keep these few: health, metrics, the API description. */
        public Builder publicAccess() {
            this.access = Access.PUBLIC;
            return this;
        }

        /** The route reads a JSON body of this type with {@link ApiCall#body}. */
        public Builder accepts(Class<?> requestBody) {
            this.requestBody = Objects.requireNonNull(requestBody, "requestBody");
            return this;
        }

        /** The route reads a file as the request body with {@link ApiCall#upload}, streamed, up to the server's upload limit. */
        public Builder acceptsFile(String description, String... mediaTypes) {
            this.upload = new Upload(description, List.of(mediaTypes));
            return this;
        }

        public Builder query(String name, String description) {
            queryParams.add(new QueryParam(name, description, false));
            return this;
        }

        public Builder requiredQuery(String name, String description) {
            queryParams.add(new QueryParam(name, description, true));
            return this;
        }

        /** Success is {@code 200} with a JSON body of this type. */
        public Builder returns(Class<?> schema) {
            return returns(200, schema);
        }

        /** Success is {@code status} with a JSON body of this type. */
        public Builder returns(int status, Class<?> schema) {
            return response(status, status == 201 ? "Created" : "OK", ApiResponse.JSON, Objects.requireNonNull(schema, "schema"));
        }

        /** Success is {@code 204 No Content}. */
        public Builder returnsNothing() {
            return response(204, "No content", ApiResponse.JSON, null);
        }

        /** Success is {@code 200} with a body that is not JSON, e.g. Prometheus text. */
        public Builder returnsText(String contentType, String description) {
            return response(200, description, contentType, null);
        }

        /** Documents a further non-problem response, e.g. {@code 503} from the health check. */
        public Builder alsoReturns(int status, String description, Class<?> schema) {
            if (responses.isEmpty()) throw new IllegalStateException("declare the success response first");
            return response(status, description, ApiResponse.JSON, schema);
        }

        private Builder response(int status, String description, String contentType, Class<?> schema) {
            responses.add(new ResponseDoc(status, description, contentType, schema));
            return this;
        }

        public ApiRoute handle(ApiHandler handler) {
            return new ApiRoute(method, path, summary, description, tag, access, requestBody, upload, queryParams, responses, handler);
        }
    }
}
