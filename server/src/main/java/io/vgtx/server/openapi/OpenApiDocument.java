package io.vgtx.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.vgtx.server.http.Access;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.problem.ProblemDetails;
import io.vgtx.server.problem.ProblemType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 description of the API, built from the {@link ApiRoute}s themselves (swagger-core models;
 * request and response schemas from the records' components), so it lists exactly what the server routes.
 */
public final class OpenApiDocument {
    public static final String BEARER_SCHEME = "bearer";
    public static final String SESSION_SCHEME = "session";
    private static final String PROBLEM_SCHEMA = "ProblemDetails";

    private OpenApiDocument() {
    }

    public static OpenAPI build(String version, Collection<ApiRoute> routes) {
        ModelConverters converters = new ModelConverters(true);
        Map<String, Schema> schemas = new TreeMap<>();
        OpenAPI api = new OpenAPI(io.swagger.v3.oas.models.SpecVersion.V31)
                .openapi("3.1.0")
                .info(new Info().title("VGT Exchange API").version(version)
                        .description("Share hashes of known child sexual abuse material between law-enforcement agencies and partners. "
                                + "Errors are RFC 9457 problem details (application/problem+json).")
                        .license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token of your organisation: Authorization: Bearer TOKEN"))
                        .addSecuritySchemes(SESSION_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                                .name("__Host-vgtx-session")
                                .description("A console session (POST /console/login; vgtx-session over plain HTTP on localhost). POST, PUT, PATCH "
                                        + "and DELETE also need the session's CSRF token in the X-CSRF-Token header (GET /console/session).")));
        Schema<?> problem = schemaRef(converters, schemas, ProblemDetails.class);
        Paths paths = new Paths();
        TreeSet<String> tags = new TreeSet<>();
        for (ApiRoute route : routes) {
            tags.add(route.tag());
            PathItem item = paths.computeIfAbsent(route.path(), _ -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(route.method().name()), operation(route, converters, schemas, problem));
        }
        api.paths(paths);
        api.tags(tags.stream().map(name -> new Tag().name(name)).toList());
        schemas.forEach(api.getComponents()::addSchemas);
        return api;
    }

    public static String toJson(OpenAPI api) {
        try {
            return Json31.mapper().writeValueAsString(api);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the OpenAPI document", e);
        }
    }

    private static Operation operation(ApiRoute route, ModelConverters converters, Map<String, Schema> schemas, Schema<?> problem) {
        Operation op = new Operation()
                .operationId(operationId(route))
                .summary(route.summary())
                .description(route.description())
                .addTagsItem(route.tag());
        for (String name : route.pathParams()) {
            op.addParametersItem(new Parameter().in("path").name(name).required(true).schema(new Schema<String>().type("string")));
        }
        for (ApiRoute.QueryParam query : route.queryParams()) {
            op.addParametersItem(new Parameter().in("query").name(query.name()).description(query.description())
                    .required(query.required()).schema(new Schema<String>().type("string")));
        }
        if (route.requestBody() != null) {
            op.requestBody(new RequestBody().required(true).content(new Content()
                    .addMediaType("application/json", new MediaType().schema(schemaRef(converters, schemas, route.requestBody())))));
        }
        if (route.upload() != null) {
            Content content = new Content();
            for (String mediaType : route.upload().mediaTypes()) {
                content.addMediaType(mediaType, new MediaType().schema(new Schema<String>().type("string").format("binary")));
            }
            op.requestBody(new RequestBody().required(true).description(route.upload().description()).content(content));
        }
        ApiResponses responses = new ApiResponses();
        for (ApiRoute.ResponseDoc doc : route.responses()) {
            io.swagger.v3.oas.models.responses.ApiResponse response = new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description(doc.description());
            if (doc.status() != 204) {
                Schema<?> schema = doc.schema() != null ? schemaRef(converters, schemas, doc.schema()) : new Schema<String>().type("string");
                response.content(new Content().addMediaType(doc.contentType(), new MediaType().schema(schema)));
            }
            responses.addApiResponse(Integer.toString(doc.status()), response);
        }
        for (ProblemType type : problemsOf(route)) {
            responses.putIfAbsent(Integer.toString(type.status()), new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description(type.title() + " (" + type.uri() + ")")
                    .content(new Content().addMediaType(ProblemDetails.MEDIA_TYPE, new MediaType().schema(problem))));
        }
        op.responses(responses);
        if (route.access() == Access.AUTHENTICATED) {
            op.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            op.addSecurityItem(new SecurityRequirement().addList(SESSION_SCHEME));
        } else {
            op.security(List.of());
        }
        return op;
    }

    /** The problems the framework itself may answer for this route. */
    static List<ProblemType> problemsOf(ApiRoute route) {
        List<ProblemType> problems = new java.util.ArrayList<>();
        boolean body = route.requestBody() != null || route.upload() != null;
        if (body || !route.queryParams().isEmpty()) problems.add(ProblemType.VALIDATION);
        if (route.access() == Access.AUTHENTICATED) {
            problems.add(ProblemType.UNAUTHENTICATED);
            problems.add(ProblemType.FORBIDDEN);
        }
        if (!route.pathParams().isEmpty()) problems.add(ProblemType.NOT_FOUND);
        if (body) {
            problems.add(ProblemType.PAYLOAD_TOO_LARGE);
            problems.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        if (route.access() == Access.AUTHENTICATED) problems.add(ProblemType.RATE_LIMITED);
        problems.add(ProblemType.INTERNAL);
        return problems;
    }

    private static String operationId(ApiRoute route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String part : route.path().split("[/{}._~-]+")) {
            if (part.isEmpty()) continue;
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    private static Schema<?> schemaRef(ModelConverters converters, Map<String, Schema> schemas, Class<?> type) {
        ResolvedSchema resolved = converters.readAllAsResolvedSchema(type);
        if (resolved == null || resolved.schema == null) return new Schema<>().type("object");
        if (resolved.referencedSchemas != null) schemas.putAll(resolved.referencedSchemas);
        String name = resolved.schema.getName();
        if (name != null && schemas.containsKey(name)) return new Schema<>().$ref("#/components/schemas/" + name);
        return resolved.schema;
    }
}
