package io.vgtx.server;

import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.problem.ApiProblem;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tiny route set that exercises the framework; nothing of the domain. */
final class TestRoutes implements ApiRoutes {
    enum Colour { RED, AMBER, GREEN }

    record Echo(String name, int count, Colour colour) {
        Echo {
            if (count < 0) throw new IllegalArgumentException("count must not be negative");
        }
    }

    record Who(String name) {
    }

    record TestPrincipal(String name) {
    }

    /** Counted down when the slow route has started; the slow route waits for {@link #release}. */
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/test/echo").summary("Echo a body").tag("test")
                        .accepts(Echo.class).returns(201, Echo.class)
                        .handle(call -> call.body(Echo.class)),
                ApiRoute.get("/api/v1/test/public").summary("Public").tag("test").publicAccess()
                        .returns(Who.class)
                        .handle(_ -> new Who("anyone")),
                ApiRoute.get("/api/v1/test/whoami").summary("Who am I").tag("test")
                        .returns(Who.class)
                        .handle(call -> new Who(call.principal(TestPrincipal.class).name())),
                ApiRoute.get("/api/v1/test/boom").summary("Fails").tag("test")
                        .returns(Who.class)
                        .handle(_ -> {
                            throw new IllegalStateException("secret-database-password leaked?");
                        }),
                ApiRoute.get("/api/v1/test/banks/{name}").summary("A missing bank").tag("test")
                        .returns(Who.class)
                        .handle(call -> {
                            throw new NotFoundException("no bank named " + call.pathParam("name"));
                        }),
                ApiRoute.post("/api/v1/test/banks").summary("A bank that exists").tag("test")
                        .returnsNothing()
                        .handle(_ -> {
                            throw new AlreadyExistsException("a bank named ncmec exists already");
                        }),
                ApiRoute.get("/api/v1/test/invalid").summary("Domain validation").tag("test")
                        .returnsNothing()
                        .handle(_ -> {
                            throw new IllegalArgumentException("PDQ quality must be 0..100");
                        }),
                ApiRoute.get("/api/v1/test/forbidden").summary("Forbidden").tag("test")
                        .returnsNothing()
                        .handle(_ -> {
                            throw ApiProblem.forbidden("Only ADMIN may do this.");
                        }),
                ApiRoute.get("/api/v1/test/slow").summary("Slow").tag("test").publicAccess()
                        .returns(Who.class)
                        .handle(_ -> {
                            slowStarted.countDown();
                            if (!release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                            return new Who("slow");
                        }));
    }
}
