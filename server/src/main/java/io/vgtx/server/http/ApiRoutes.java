package io.vgtx.server.http;

import java.util.List;

/** A group of routes, e.g. everything about banks; one class per area of the API. */
@FunctionalInterface
public interface ApiRoutes {
    List<ApiRoute> routes();
}
