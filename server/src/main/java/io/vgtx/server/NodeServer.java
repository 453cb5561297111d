package io.vgtx.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.vgtx.core.net.AddressRange;
import io.vgtx.core.store.Database;
import io.vgtx.server.auth.AuthFailureLimiter;
import io.vgtx.server.auth.BearerAuthFilter;
import io.vgtx.server.auth.BearerAuthenticator;
import io.vgtx.server.auth.SessionAuthenticator;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.http.ClientAddress;
import io.vgtx.server.http.HttpMethod;
import io.vgtx.server.http.Json;
import io.vgtx.server.http.MethodOverrideHeaders;
import io.vgtx.server.http.ProblemErrorHandler;
import io.vgtx.server.http.ProblemResponses;
import io.vgtx.server.http.RequestAttributes;
import io.vgtx.server.observe.AccessLog;
import io.vgtx.server.observe.InfrastructureRoutes;
import io.vgtx.server.observe.ServerMetrics;
import io.vgtx.server.openapi.OpenApiDocument;
import io.vgtx.server.problem.ApiProblem;
import io.vgtx.server.problem.ProblemDetails;
import io.vgtx.server.problem.ProblemType;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node's HTTP server: Javalin on virtual threads, serving the {@link ApiRoute}s it is given plus
 * {@code /health}, {@code /metrics} and {@code /openapi.json}. Every route is routed and documented from the same
 * declaration; errors are RFC 9457 problems; routes need a bearer token unless public. It owns the
 * {@link Database}: {@link #close()} stops accepting connections, lets requests in flight finish (up to the
 * configured timeout), then closes the database.
 * <pre>{@code
 * try (NodeServer server = NodeServer.builder(database)
 *         .config(ServerConfig.defaults().withPort(0))
 *         .authenticator(services.authenticator())
 *         .routes(NodeApi.routes(services))
 *         .start()) {
 *     System.out.println(server.uri());
 *     server.awaitStopped();
 * }
 * }</pre>
 */
public final class NodeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);

    private final Javalin app;
    private final Database database;
    private final ServerMetrics metrics;
    private final List<ApiRoute> routes;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private final List<AutoCloseable> background;

    private NodeServer(Javalin app, Database database, ServerMetrics metrics, List<ApiRoute> routes, String host,
                       List<AutoCloseable> background) {
        this.background = background;
        this.app = app;
        this.database = database;
        this.metrics = metrics;
        this.routes = routes;
        this.host = host;
        this.port = app.port();
    }

    public static Builder builder(Database database) {
        return new Builder(database);
    }

    /** The port bound, useful when the configuration asked for 0 (still answered after {@link #close()}). */
    public int port() {
        return port;
    }

    public URI uri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port());
    }

    /** Where the domain registers its own gauges and counters. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** Every route served, infrastructure included, in registration order. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * What the web server itself has registered ({@code GET /health}, …), read from Javalin's router rather than
     * from {@link #routes()}: a test compares it with the OpenAPI document to catch undocumented routes.
     */
    public List<String> registeredEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.endpoint;
            if (endpoint.method.isHttpMethod()) endpoints.add(endpoint.method.name() + " " + endpoint.path);
        }
        return endpoints;
    }

    /** Blocks until {@link #close()} has finished (from a shutdown hook, say). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Graceful stop: no new connections, requests in flight finish (up to the shutdown timeout), then the database closes. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            app.stop();
        } finally {
            try {
                closeBackground(background);
                metrics.close();
                database.close();
            } finally {
                LOG.info("server stopped");
                stopped.countDown();
            }
        }
    }

    /** Closes each, last registered first; one that fails does not keep the others (or the database) open. */
    private static void closeBackground(List<AutoCloseable> background) {
        for (AutoCloseable service : background.reversed()) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.atWarn().setCause(e).log("a background service failed to stop");
            }
        }
    }

    /** On every response: a browser never guesses a type other than the one the node declares (a JSON body run as HTML). */
    static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of("X-Content-Type-Options", "nosniff");
    /** On every response to a request that came over HTTPS (directly or through a trusted proxy): a year of HTTPS only. */
    static final String HSTS = "Strict-Transport-Security";
    static final String HSTS_VALUE = "max-age=31536000";

    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.DELETE);

    /** Headers of every static file: its own origin only, never framed, never sniffed, never cached (a new release shows at once). */
    static final java.util.Map<String, String> STATIC_HEADERS = java.util.Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache",
            "Cross-Origin-Opener-Policy", "same-origin");

    public static final class Builder {
        private final Database database;
        private ServerConfig config = ServerConfig.defaults();
        private BearerAuthenticator<?> authenticator = BearerAuthenticator.rejectAll();
        private SessionAuthenticator<?> sessions = SessionAuthenticator.none();
        private String staticSite;
        private final List<ApiRoutes> groups = new ArrayList<>();
        private final List<AutoCloseable> background = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String version = Objects.requireNonNullElse(NodeServer.class.getPackage().getImplementationVersion(), "dev");

        private Builder(Database database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        public Builder config(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder authenticator(BearerAuthenticator<?> authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /** Console sessions: a request without a bearer token may authenticate with a session cookie (see {@code BearerAuthFilter}). */
        public Builder sessions(SessionAuthenticator<?> sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            return this;
        }

        /**
         * Serves the files under this classpath directory (e.g. {@code /console}) at {@code /}, with a strict
         * Content-Security-Policy (only this node's own scripts, styles and API), no framing, no sniffing and no
         * caching; {@code index.html} for {@code /}.
         */
        public Builder staticSite(String classpathDirectory) {
            this.staticSite = Objects.requireNonNull(classpathDirectory, "classpathDirectory");
            return this;
        }

        public Builder routes(ApiRoutes... groups) {
            return routes(List.of(groups));
        }

        public Builder routes(Collection<? extends ApiRoutes> groups) {
            this.groups.addAll(groups);
            return this;
        }

        /**
         * Something that runs beside the HTTP server on the same database (e.g. webhook delivery): closed when the server
         * stops, after requests in flight have finished and before the database closes (and if the start fails).
         */
        public Builder background(AutoCloseable service) {
            background.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /** The clock the failed-authentication limiter measures with; tests move it instead of sleeping. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The API version shown in the OpenAPI document. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Binds the port and starts serving; on failure the database is closed too. */
        public NodeServer start() {
            ServerMetrics metrics = new ServerMetrics();
            try {
                return startWith(metrics);
            } catch (RuntimeException e) {
                closeBackground(background);
                metrics.close();
                database.close();
                throw e;
            }
        }

        private NodeServer startWith(ServerMetrics metrics) {
            String[] openApiJson = new String[1];
            List<ApiRoute> routes = new ArrayList<>(new InfrastructureRoutes(database, metrics, () -> openApiJson[0]).routes());
            for (ApiRoutes group : groups) routes.addAll(group.routes());
            Set<String> keys = new HashSet<>();
            for (ApiRoute route : routes) {
                if (!keys.add(route.key())) throw new IllegalArgumentException("route declared twice: " + route.key());
            }
            openApiJson[0] = OpenApiDocument.toJson(OpenApiDocument.build(version, routes));

            BearerAuthFilter auth = new BearerAuthFilter(authenticator, sessions, new AuthFailureLimiter(config.authFailures(), clock));
            List<AddressRange> trustedProxies = config.trustedProxies();
            long maxBytes = config.maxRequestBytes();
            long maxUploadBytes = config.maxUploadBytes();
            Javalin app = Javalin.create(cfg -> {
                cfg.concurrency.useVirtualThreads = true;
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.maxRequestSize = maxBytes;
                cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
                if (staticSite != null) {
                    cfg.staticFiles.add(files -> {
                        files.hostedPath = "/";
                        files.directory = staticSite;
                        files.location = Location.CLASSPATH;
                        files.headers = STATIC_HEADERS;
                    });
                }
                cfg.jetty.modifyServer(server -> {
                    // With a stop timeout, Jetty's stop is graceful: connectors stop accepting and the
                    // GracefulHandler waits for requests in flight.
                    server.setStopTimeout(config.shutdownTimeout().toMillis());
                    server.setStopAtShutdown(false);
                    // Javalin puts its own handler inside the innermost wrapper: under the override stripping.
                    GracefulHandler graceful = new GracefulHandler();
                    graceful.setHandler(new MethodOverrideHeaders());
                    server.setHandler(graceful);
                    // What Jetty refuses itself (414, 431, a %00 in a path) is a problem too, not its HTML page.
                    server.setErrorHandler(new ProblemErrorHandler());
                });
                cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
                cfg.requestLogger.http((ctx, ms) -> {
                    metrics.recordRequest(ctx.method().name(), RequestAttributes.routeTemplate(ctx), ctx.statusCode(), (long) (ms * 1_000_000));
                    AccessLog.log(ctx, ms);
                });
                cfg.router.javaLangErrorHandler((response, error) -> {
                    LOG.error("fatal error in a request", error);
                    try {
                        response.setStatus(500);
                        response.setContentType(ProblemDetails.MEDIA_TYPE);
                        response.getOutputStream().write(Json.mapper().writeValueAsString(ProblemDetails.of(ProblemType.INTERNAL,
                                "An unexpected error occurred.", null)).getBytes(StandardCharsets.UTF_8));
                    } catch (Exception ignored) {
                        // the connection is likely gone; nothing more to tell the client
                    }
                });
                cfg.routes.before(ctx -> {
                    String id = UUID.randomUUID().toString();
                    ctx.attribute(RequestAttributes.REQUEST_ID, id);
                    ctx.header(RequestAttributes.REQUEST_ID_HEADER, id);
                    // The one client address and scheme every later rule uses (limits, cookies, HSTS).
                    ClientAddress client = ClientAddress.resolve(ctx, trustedProxies);
                    SECURITY_HEADERS.forEach(ctx::header);
                    if (client.https()) ctx.header(HSTS, HSTS_VALUE);
                });
                cfg.routes.beforeMatched(ctx -> {
                    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                    ApiRoute route = matched == null ? null : matched.metadata(ApiRoute.class);
                    ctx.attribute(RequestAttributes.ROUTE, route);
                    long limit = bodyLimit(route, maxBytes, maxUploadBytes);
                    if (ctx.req().getContentLengthLong() > limit) throw ApiProblem.payloadTooLarge(limit);
                    // A body sent with a GET, HEAD or DELETE (which mean nothing by one) is read and dropped: left unread,
                    // Jetty resets the connection after the answer, and the client can lose the end of it. (Other methods'
                    // bodies are their routes' to read, the console's sign-in form among them.)
                    if (route != null && route.requestBody() == null && route.upload() == null
                            && BODILESS.contains(route.method())) ApiCall.discardBody(ctx, limit);
                    // No HTTP endpoint matched: a file of the static site (the console's sign-in page must load unauthenticated).
                    if (matched == null) return;
                    auth.handle(ctx);
                });
                for (ApiRoute route : routes) {
                    cfg.routes.addEndpoint(Endpoint.create(HandlerType.findOrCreate(route.method().name()), route.path())
                            .addMetadata(route)
                            .handler(ctx -> respond(ctx, route, route.handler().handle(new ApiCall(ctx, route,
                                    bodyLimit(route, maxBytes, maxUploadBytes))))));
                }
                cfg.routes.exception(HttpResponseException.class, ProblemResponses::handle);
                cfg.routes.exception(Exception.class, ProblemResponses::handle);
            });
            app.start(config.host(), config.port());
            NodeServer server = new NodeServer(app, database, metrics, List.copyOf(routes), config.host(), List.copyOf(background));
            LOG.atInfo().addKeyValue("port", server.port()).addKeyValue("routes", routes.size()).log("server started");
            return server;
        }

        /** A file upload (a bank import) may be larger than a JSON body: it is streamed, never held in memory. */
        private static long bodyLimit(ApiRoute route, long maxRequestBytes, long maxUploadBytes) {
            return route != null && route.upload() != null ? maxUploadBytes : maxRequestBytes;
        }

        private static void respond(Context ctx, ApiRoute route, Object result) throws Exception {
            switch (result) {
                case null -> ctx.status(204);
                case ApiResponse response -> {
                    response.headers().forEach(ctx::header);
                    ctx.status(response.status());
                    switch (response.body()) {
                        case null -> { }
                        case String text -> ctx.contentType(response.contentType()).result(text);
                        case byte[] bytes -> ctx.contentType(response.contentType()).result(bytes);
                        case ApiResponse.StreamingBody streaming -> {
                            ctx.contentType(response.contentType());
                            try (var out = ctx.outputStream()) {
                                streaming.writeTo(out);
                            }
                        }
                        case Object body -> ctx.contentType(response.contentType()).result(Json.mapper().writeValueAsBytes(body));
                    }
                }
                default -> ctx.status(route.success().status()).contentType(ApiResponse.JSON).result(Json.mapper().writeValueAsBytes(result));
            }
        }
    }
}
