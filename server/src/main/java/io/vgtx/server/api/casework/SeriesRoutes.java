package io.vgtx.server.api.casework;

import io.vgtx.core.casework.SeriesCatalog;
import io.vgtx.server.api.casework.CaseViews.MarkVictimIdentified;
import io.vgtx.server.api.casework.CaseViews.SeriesDetailView;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.node.NodeServices;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Series: read one, mark its victim identified, remove the mark. */
public final class SeriesRoutes implements ApiRoutes {
    private static final String SHOWS = "A series shows to an organisation that may see one of its entries, whose case links it, or that "
            + "marked it; to anyone else it is not found. ";

    private final SeriesCatalog series;

    public SeriesRoutes(NodeServices services) {
        this.series = services.casework().series();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/series/{name}").summary("A series: whether its victim is identified, your visible entries and cases").tag("series")
                        .description(SHOWS + "Every read is audited.")
                        .returns(SeriesDetailView.class)
                        .handle(call -> SeriesDetailView.of(series.view(CaseRoutes.principal(call), name(call)))),
                ApiRoute.post("/api/v1/series/{name}/victim-identified").summary("Mark a series' victim identified").tag("series")
                        .description("ACTIVE law-enforcement members' ANALYST or ADMIN, who may see an entry of the series. Body `{\"on\":\"2026-11-20\"}` "
                                + "(the day, default today; `{}` or no body). Your organisation is the identifying agency: every match and every "
                                + "hit/no-hit answer on the series' entries says so from now on (hits never name the series). Another agency's mark "
                                + "is a 409.")
                        .accepts(MarkVictimIdentified.class).returns(SeriesDetailView.class)
                        .handle(this::mark),
                ApiRoute.delete("/api/v1/series/{name}/victim-identified").summary("Remove your agency's victim-identified mark").tag("series")
                        .description("Only the agency that marked the series; audited.")
                        .returnsNothing()
                        .handle(call -> {
                            series.unmark(CaseRoutes.principal(call), name(call));
                            return ApiResponse.noContent();
                        }));
    }

    private SeriesDetailView mark(ApiCall call) throws IOException {
        boolean empty = call.context().req().getContentLengthLong() == 0;
        MarkVictimIdentified body = empty ? new MarkVictimIdentified(null) : call.body(MarkVictimIdentified.class);
        return SeriesDetailView.of(series.markVictimIdentified(CaseRoutes.principal(call), name(call), Optional.ofNullable(body.on())));
    }

    private static String name(ApiCall call) {
        return call.pathParam("name");
    }
}
