package io.vgtx.server.api.casework;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.casework.Case;
import io.vgtx.core.casework.Cases;
import io.vgtx.core.casework.HashRef;
import io.vgtx.server.api.casework.CaseViews.CaseDetailView;
import io.vgtx.server.api.casework.CaseViews.CaseHashItem;
import io.vgtx.server.api.casework.CaseViews.CaseList;
import io.vgtx.server.api.casework.CaseViews.CaseView;
import io.vgtx.server.api.casework.CaseViews.LinkHashes;
import io.vgtx.server.api.casework.CaseViews.LinkResultView;
import io.vgtx.server.api.casework.CaseViews.LinkSeries;
import io.vgtx.server.api.casework.CaseViews.NewCase;
import io.vgtx.server.api.casework.CaseViews.StateChange;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Law-enforcement cases: open, list, read, link hashes and series (deconfliction), close and reopen. */
public final class CaseRoutes implements ApiRoutes {
    private static final String WHO = "ACTIVE law-enforcement members only; a case is its organisation's own, and is not found by anyone else. ";

    private final Cases cases;

    public CaseRoutes(NodeServices services) {
        this.cases = services.casework().cases();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/cases").summary("Open a case owned by your organisation").tag("cases")
                        .description(WHO + "ANALYST or ADMIN. `title` (required) and `reference` (your own), at most 200 characters each.")
                        .accepts(NewCase.class).returns(201, CaseView.class)
                        .handle(this::open),
                ApiRoute.get("/api/v1/cases").summary("List your organisation's cases").tag("cases")
                        .description(WHO + "Every read is audited.")
                        .returns(CaseList.class)
                        .handle(call -> new CaseList(cases.list(principal(call)).stream().map(CaseView::of).toList())),
                ApiRoute.get("/api/v1/cases/{id}").summary("One of your organisation's cases with its hashes and series").tag("cases")
                        .description(WHO + "Linked series show whether their victim is identified.")
                        .returns(CaseDetailView.class)
                        .handle(call -> CaseDetailView.of(cases.get(principal(call), Params.id(call, "id")))),
                ApiRoute.post("/api/v1/cases/{id}/hashes").summary("Link hashes to an OPEN case (deconfliction)").tag("cases")
                        .description(WHO + "ANALYST or ADMIN. `{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"…\"}]}`, up to " + Cases.MAX_LINKS
                                + ". Each is checked against the other organisations' OPEN cases (PDQ within 31 bits): both sides of an overlap "
                                + "get a DECONFLICTION notification naming each other, once per overlap.")
                        .accepts(LinkHashes.class).returns(LinkResultView.class)
                        .handle(this::linkHashes),
                ApiRoute.post("/api/v1/cases/{id}/series").summary("Link series to an OPEN case (deconfliction)").tag("cases")
                        .description(WHO + "ANALYST or ADMIN. `{\"series\":[\"name\"]}`: a series you may see an entry of; any other is not found.")
                        .accepts(LinkSeries.class).returns(LinkResultView.class)
                        .handle(this::linkSeries),
                ApiRoute.post("/api/v1/cases/{id}/state").summary("Close or reopen a case").tag("cases")
                        .description(WHO + "ANALYST or ADMIN. `{\"state\":\"CLOSED\"}` or `OPEN`. A CLOSED case links nothing more and takes "
                                + "no part in deconfliction; reopening it checks it again.")
                        .accepts(StateChange.class).returns(CaseView.class)
                        .handle(this::state));
    }

    private ApiResponse open(ApiCall call) throws IOException {
        NewCase body = call.body(NewCase.class);
        if (body.title() == null || body.title().isBlank()) throw ApiProblem.validation("Field 'title' is required.");
        Case opened = cases.open(principal(call), body.title(), Optional.ofNullable(body.reference()));
        return ApiResponse.json(201, CaseView.of(opened));
    }

    private LinkResultView linkHashes(ApiCall call) throws IOException {
        LinkHashes body = call.body(LinkHashes.class);
        if (body.hashes() == null || body.hashes().isEmpty()) throw ApiProblem.validation("Field 'hashes' needs at least one hash.");
        if (body.hashes().size() > Cases.MAX_LINKS)
            throw ApiProblem.validation("At most " + Cases.MAX_LINKS + " hashes per request, not " + body.hashes().size() + ".");
        List<HashRef> hashes = new ArrayList<>(body.hashes().size());
        for (int i = 0; i < body.hashes().size(); i++) {
            CaseHashItem item = body.hashes().get(i);
            if (item == null || item.type() == null || item.value() == null) throw ApiProblem.validation("hashes[" + i + "] needs a type and a value.");
            try {
                hashes.add(HashRef.of(item.type(), item.value()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("hashes[" + i + "]: " + e.getMessage());
            }
        }
        return LinkResultView.of(cases.linkHashes(principal(call), Params.id(call, "id"), hashes));
    }

    private LinkResultView linkSeries(ApiCall call) throws IOException {
        LinkSeries body = call.body(LinkSeries.class);
        if (body.series() == null || body.series().isEmpty()) throw ApiProblem.validation("Field 'series' needs at least one name.");
        for (int i = 0; i < body.series().size(); i++) {
            if (body.series().get(i) == null || body.series().get(i).isBlank()) throw ApiProblem.validation("series[" + i + "] is blank.");
        }
        return LinkResultView.of(cases.linkSeries(principal(call), Params.id(call, "id"), body.series()));
    }

    private CaseView state(ApiCall call) throws IOException {
        StateChange body = call.body(StateChange.class);
        if (body.state() == null) throw ApiProblem.validation("Field 'state' is required (OPEN or CLOSED).");
        return CaseView.of(cases.setState(principal(call), Params.id(call, "id"), body.state()));
    }

    static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }

}
