package io.vgtx.server.api.org;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.CredentialRules;
import io.vgtx.core.auth.CredentialRules.Grant;
import io.vgtx.core.auth.IssuedToken;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.TokenInfo;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.JurisdictionRequest;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.org.Tally;
import io.vgtx.core.org.Vote;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.server.auth.AuthFailureLimiter;
import io.vgtx.server.auth.AuthFailurePolicy;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ClientAddress;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Membership: applications, board votes, agreements, suspension, jurisdictions, and API tokens. */
public final class OrganisationRoutes implements ApiRoutes {
    private static final int MAX_TOKEN_DAYS = 3650;

    private final Organisations organisations;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Notifications notifications;
    private final InstantSource clock;

    /**
     * Applying is the one write open to anyone: each address may apply {@code maxFailures} times an hour, then
     * waits an hour (the limiter counts applications as it counts rejected tokens elsewhere).
     */
    public static final AuthFailurePolicy APPLICATIONS = new AuthFailurePolicy(5, Duration.ofHours(1), Duration.ofHours(1), 100_000);

    private final AuthFailureLimiter applications;

    public OrganisationRoutes(NodeServices services) {
        this.organisations = services.organisations();
        this.tokens = services.tokens();
        this.audit = services.audit();
        this.notifications = services.notifications();
        this.clock = services.clock();
        this.applications = new AuthFailureLimiter(APPLICATIONS, services.clock().withZone(ZoneOffset.UTC));
    }

    public record Application(String name, OrganisationKind kind, String country, String contact) {}

    public record Applied(long id, MembershipState state) {}

    public record AgreementView(String version, String signatory, Instant signedAt, String recordedBy) {}

    public record OrganisationView(long id, String name, OrganisationKind kind, String country, String contact, List<String> jurisdictions,
                                   MembershipState state, boolean operator, AgreementView agreement, Instant createdAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.kind(), o.country(), o.contact().orElse(null), o.jurisdictions(), o.state(),
                    o.operator(), o.agreement().map(a -> new AgreementView(a.version(), a.signatory(), a.signedAt(), a.recordedBy())).orElse(null),
                    o.createdAt());
        }
    }

    public record OrganisationList(List<OrganisationView> organisations) {}

    public record VoteBody(Boolean approve) {}

    public record TallyView(int approvals, int rejections, int voters, int required, MembershipState state) {
        static TallyView of(Tally t) {
            return new TallyView(t.approvals(), t.rejections(), t.voters(), t.required(), t.state());
        }
    }

    public record VoteView(long voterId, String voter, boolean approve, Instant castAt) {}

    public record VoteList(List<VoteView> votes, TallyView tally) {}

    public record AgreementBody(String version, String signatory) {}

    public record Jurisdictions(List<String> countries) {}

    /** @param requested the request waiting for the node administrator, or null */
    public record JurisdictionsView(long organisationId, List<String> countries, JurisdictionRequestView requested) {}

    public record JurisdictionRequestView(long organisationId, String organisation, List<String> countries, Instant requestedAt, String requestedBy) {
        static JurisdictionRequestView of(JurisdictionRequest r) {
            return new JurisdictionRequestView(r.organisationId(), r.organisationName(), r.countries(), r.requestedAt(), r.requestedBy());
        }
    }

    public record JurisdictionRequestList(List<JurisdictionRequestView> requests) {}

    public record NewToken(Role role, String label, Integer expiresInDays) {}

    /** @param token the secret: shown this once, never again */
    public record IssuedTokenView(long id, String token, Role role, Instant expiresAt) {}

    public record TokenView(long id, long organisationId, Role role, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        static TokenView of(TokenInfo t) {
            return new TokenView(t.id(), t.organisationId(), t.role(), t.label(), t.createdAt(), t.expiresAt().orElse(null), t.revokedAt().orElse(null));
        }
    }

    public record TokenList(List<TokenView> tokens) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/organisations").summary("Apply to join the taskforce").tag("organisations").publicAccess()
                        .description("No token needed: an applicant has none yet. The board votes on it; once approved and the "
                                + "agreement is signed it becomes ACTIVE and a node administrator issues its first token.")
                        .accepts(Application.class).returns(201, Applied.class)
                        .handle(this::apply),
                ApiRoute.get("/api/v1/organisations").summary("List the organisations of the node").tag("organisations")
                        .returns(OrganisationList.class)
                        .handle(call -> {
                            require(call, Permission.READ_MEMBERSHIP);
                            return new OrganisationList(organisations.list().stream().map(OrganisationView::of).toList());
                        }),
                ApiRoute.get("/api/v1/organisations/{id}").summary("One organisation").tag("organisations")
                        .returns(OrganisationView.class)
                        .handle(call -> {
                            require(call, Permission.READ_MEMBERSHIP);
                            return OrganisationView.of(organisation(call));
                        }),
                ApiRoute.get("/api/v1/organisations/{id}/votes").summary("The board's votes on an application").tag("organisations")
                        .returns(VoteList.class)
                        .handle(this::votes),
                ApiRoute.post("/api/v1/organisations/{id}/votes").summary("Vote on an application (BOARD)").tag("organisations")
                        .accepts(VoteBody.class).returns(TallyView.class)
                        .handle(this::vote),
                ApiRoute.post("/api/v1/organisations/{id}/agreement").summary("Record the signed agreement (node administrator)").tag("organisations")
                        .description("An APPROVED organisation becomes ACTIVE.")
                        .accepts(AgreementBody.class).returns(OrganisationView.class)
                        .handle(this::agreement),
                ApiRoute.post("/api/v1/organisations/{id}/suspend").summary("Suspend an organisation (node administrator)").tag("organisations")
                        .description("Takes effect on its next request: its tokens read and write nothing until it is reinstated.")
                        .returns(OrganisationView.class)
                        .handle(call -> transition(call, "suspend", false, organisations::suspend)),
                ApiRoute.post("/api/v1/organisations/{id}/reinstate").summary("Reinstate a suspended organisation (node administrator)").tag("organisations")
                        .returns(OrganisationView.class)
                        .handle(call -> transition(call, "reinstate", false, organisations::reinstate)),
                ApiRoute.post("/api/v1/organisations/{id}/withdraw").summary("Withdraw an organisation (node administrator, or its own ADMIN)").tag("organisations")
                        .returns(OrganisationView.class)
                        .handle(call -> transition(call, "withdraw", true, organisations::withdraw)),
                ApiRoute.put("/api/v1/organisations/{id}/jurisdictions").summary("Ask for (the organisation's ADMIN) or set (node administrator) the countries an organisation handles").tag("organisations")
                        .description("Jurisdictions are the node's decision: reports are routed by the granted ones only. From the "
                                + "organisation's own ADMIN this records a request (`requested`), replacing one still pending, and the node's "
                                + "operator is notified (`JURISDICTIONS_REQUESTED`); from a node administrator it sets them at once, settling "
                                + "any request, and the organisation is notified (`JURISDICTIONS_DECIDED`). Codes: assigned ISO 3166-1 alpha-2 only.")
                        .accepts(Jurisdictions.class).returns(JurisdictionsView.class)
                        .handle(this::jurisdictions),
                ApiRoute.get("/api/v1/organisations/{id}/jurisdictions").summary("An organisation's granted jurisdictions and its pending request").tag("organisations")
                        .returns(JurisdictionsView.class)
                        .handle(call -> {
                            Organisation org = organisation(call);
                            requireAdminOf(call, org, false);
                            return jurisdictionsView(org);
                        }),
                ApiRoute.post("/api/v1/organisations/{id}/jurisdictions/grant").summary("Grant an organisation's pending jurisdiction request (node administrator)").tag("organisations")
                        .description("The requested countries become its jurisdictions; it is notified (`JURISDICTIONS_DECIDED`). 404 when none is pending.")
                        .returns(JurisdictionsView.class)
                        .handle(call -> decideJurisdictions(call, true)),
                ApiRoute.post("/api/v1/organisations/{id}/jurisdictions/refuse").summary("Refuse an organisation's pending jurisdiction request (node administrator)").tag("organisations")
                        .description("Its jurisdictions stay as they are; it is notified (`JURISDICTIONS_DECIDED`). 404 when none is pending.")
                        .returns(JurisdictionsView.class)
                        .handle(call -> decideJurisdictions(call, false)),
                ApiRoute.get("/api/v1/jurisdiction-requests").summary("Every pending jurisdiction request, oldest first (node administrator)").tag("organisations")
                        .returns(JurisdictionRequestList.class)
                        .handle(call -> {
                            require(call, Permission.NODE_ADMIN);
                            return new JurisdictionRequestList(organisations.jurisdictionRequests().stream().map(JurisdictionRequestView::of).toList());
                        }),
                ApiRoute.post("/api/v1/organisations/{id}/tokens").summary("Issue an API token (the organisation's ADMIN; the node administrator only a BOARD token, or a first or recovery ADMIN token)").tag("tokens")
                        .description("The secret is in this response only; only its SHA-256 is kept. BOARD tokens only by a node administrator. "
                                + "The node administrator issues another organisation no ANALYST or VIEWER token, and an ADMIN token only when it has "
                                + "no active ADMIN (its first, or after it lost them all); the organisation is notified (`CREDENTIAL_ISSUED_BY_NODE`).")
                        .accepts(NewToken.class).returns(201, IssuedTokenView.class)
                        .handle(this::issue),
                ApiRoute.get("/api/v1/organisations/{id}/tokens").summary("An organisation's tokens, without secrets").tag("tokens")
                        .returns(TokenList.class)
                        .handle(call -> {
                            Organisation org = organisation(call);
                            requireAdminOf(call, org, false);
                            return new TokenList(tokens.list(org.id()).stream().map(TokenView::of).toList());
                        }),
                ApiRoute.delete("/api/v1/tokens/{id}").summary("Revoke a token (its organisation's ADMIN; the node administrator another organisation's BOARD token only)").tag("tokens")
                        .returns(TokenView.class)
                        .handle(this::revoke));
    }

    private ApiResponse apply(ApiCall call) throws IOException {
        String address = ClientAddress.of(call.context()).address();
        Optional<Duration> wait = applications.blockedFor(address);
        if (wait.isPresent()) throw ApiProblem.rateLimited("Too many applications from this address; try again later.", wait.get());
        applications.recordFailure(address);
        Application body = call.body(Application.class);
        if (body.name() == null || body.kind() == null || body.country() == null)
            throw ApiProblem.validation("Fields 'name', 'kind' and 'country' are required.");
        Organisation org = organisations.apply(body.name(), body.kind(), body.country(), body.contact(), (handle, applied) ->
                audit.append(handle, new Actor(applied.name(), Optional.empty(), "APPLICANT"), "organisation.apply",
                        "organisation:" + applied.id(), Outcome.OK, Map.of("kind", applied.kind().name(), "country", applied.country())));
        return ApiResponse.json(201, new Applied(org.id(), org.state()));
    }

    private VoteList votes(ApiCall call) {
        Principal principal = principal(call);
        if (!principal.may(Permission.VOTE) && !principal.may(Permission.NODE_ADMIN))
            throw new AccessDeniedException("only the board and node administrators see votes");
        Organisation org = organisation(call);
        List<VoteView> votes = organisations.votes(org.id()).stream()
                .map((Vote v) -> new VoteView(v.voterId(), v.voterName(), v.approve(), v.castAt())).toList();
        return new VoteList(votes, TallyView.of(organisations.tally(org.id())));
    }

    private TallyView vote(ApiCall call) throws IOException {
        Principal principal = require(call, Permission.VOTE);
        VoteBody body = call.body(VoteBody.class);
        if (body.approve() == null) throw ApiProblem.validation("Field 'approve' (true or false) is required.");
        Organisation org = organisation(call);
        Tally tally = organisations.vote(org.id(), principal.organisationId(), principal.reference(), body.approve(),
                (handle, counted) -> audit.append(handle, Actor.of(principal), "organisation.vote", "organisation:" + org.id(), Outcome.OK,
                        Map.of("approve", body.approve().toString(), "state", counted.state().name())));
        return TallyView.of(tally);
    }

    private OrganisationView agreement(ApiCall call) throws IOException {
        Principal principal = require(call, Permission.NODE_ADMIN);
        AgreementBody body = call.body(AgreementBody.class);
        if (body.version() == null || body.signatory() == null) throw ApiProblem.validation("Fields 'version' and 'signatory' are required.");
        Organisation org = organisations.recordAgreement(organisation(call).id(), body.version(), body.signatory(),
                principal.organisationName() + " (" + principal.reference() + ")", (handle, signed) ->
                        audit.append(handle, Actor.of(principal), "organisation.agreement", "organisation:" + signed.id(), Outcome.OK,
                                Map.of("version", body.version(), "signatory", body.signatory())));
        return OrganisationView.of(org);
    }

    /** A membership change, audited in its own transaction. */
    private interface Transition {
        Organisation apply(long orgId, AlsoInTransaction<Organisation> also);
    }

    private OrganisationView transition(ApiCall call, String action, boolean ownAdminToo, Transition change) {
        Organisation org = organisation(call);
        Principal principal = requireAdminOf(call, org, !ownAdminToo);
        return OrganisationView.of(change.apply(org.id(), (handle, changed) -> audit.append(handle, Actor.of(principal),
                "organisation." + action, "organisation:" + org.id(), Outcome.OK, Map.of("state", changed.state().name()))));
    }

    /**
     * The node administrator sets an organisation's jurisdictions directly (its own included); an organisation's own ADMIN
     * only asks. Either way the body is checked first, so a bad code is a 400 whoever sends it.
     */
    private JurisdictionsView jurisdictions(ApiCall call) throws IOException {
        Organisation org = organisation(call);
        Principal principal = requireAdminOf(call, org, false);
        Jurisdictions body = call.body(Jurisdictions.class);
        if (body == null || body.countries() == null) throw ApiProblem.validation("Field 'countries' is required.");
        if (body.countries().contains(null)) throw ApiProblem.validation("Field 'countries' must list country codes, not null.");
        if (principal.may(Permission.NODE_ADMIN)) {
            Organisation set = organisations.setJurisdictions(org.id(), body.countries(), (handle, changed) -> {
                audit.append(handle, Actor.of(principal), "organisation.jurisdictions", "organisation:" + org.id(), Outcome.OK,
                        Map.of("countries", String.join(",", changed.jurisdictions())));
                if (changed.id() != principal.organisationId()) notifications.notify(handle, changed.name(), NotificationKind.JURISDICTIONS_DECIDED,
                        "organisation:" + changed.id(), Map.of("decision", "SET", "countries", String.join(",", changed.jurisdictions())));
            });
            return jurisdictionsView(set);
        }
        Optional<Organisation> operator = organisations.operator(); // read before the write: no read inside it
        organisations.requestJurisdictions(org.id(), body.countries(), principal.reference(), (handle, request) -> {
            audit.append(handle, Actor.of(principal), "organisation.jurisdictions_request", "organisation:" + org.id(), Outcome.OK,
                    Map.of("countries", String.join(",", request.countries())));
            operator.ifPresent(node -> notifications.notify(handle, node.name(), NotificationKind.JURISDICTIONS_REQUESTED,
                    "organisation:" + org.id(), Map.of("organisation", org.name(), "countries", String.join(",", request.countries()))));
        });
        return jurisdictionsView(org);
    }

    private JurisdictionsView decideJurisdictions(ApiCall call, boolean grant) {
        Principal principal = require(call, Permission.NODE_ADMIN);
        Organisation org = organisation(call);
        String decision = grant ? "GRANTED" : "REFUSED";
        AlsoInTransaction<List<String>> told = (handle, countries) -> {
            audit.append(handle, Actor.of(principal), "organisation.jurisdictions_" + decision.toLowerCase(java.util.Locale.ROOT),
                    "organisation:" + org.id(), Outcome.OK, Map.of("countries", String.join(",", countries)));
            notifications.notify(handle, org.name(), NotificationKind.JURISDICTIONS_DECIDED, "organisation:" + org.id(),
                    Map.of("decision", decision, "countries", String.join(",", countries)));
        };
        if (grant) organisations.grantJurisdictions(org.id(), (handle, granted) -> told.run(handle, granted.jurisdictions()));
        else organisations.refuseJurisdictions(org.id(), (handle, refused) -> told.run(handle, refused.countries()));
        return jurisdictionsView(organisations.find(org.id()).orElseThrow());
    }

    private JurisdictionsView jurisdictionsView(Organisation org) {
        return new JurisdictionsView(org.id(), org.jurisdictions(), organisations.jurisdictionRequest(org.id()).map(JurisdictionRequestView::of).orElse(null));
    }

    /** The rules are {@link CredentialRules}': checked in the issuing transaction, so a refusal leaves no token behind. */
    private ApiResponse issue(ApiCall call) throws IOException {
        Organisation org = organisation(call);
        Principal principal = requireAdminOf(call, org, false);
        NewToken body = call.body(NewToken.class);
        if (body.role() == null) throw ApiProblem.validation("Field 'role' is required: ADMIN, ANALYST, VIEWER or BOARD.");
        if (body.expiresInDays() != null && (body.expiresInDays() < 1 || body.expiresInDays() > MAX_TOKEN_DAYS))
            throw ApiProblem.validation("Field 'expiresInDays' must be 1.." + MAX_TOKEN_DAYS + ".");
        IssuedToken issued = tokens.issue(org.id(), body.role(), Optional.ofNullable(body.expiresInDays()).map(Duration::ofDays),
                body.label() == null || body.label().isBlank() ? body.role().name().toLowerCase(java.util.Locale.ROOT) : body.label(),
                (handle, token) -> {
                    Grant grant = CredentialRules.mayIssue(handle, principal, org.id(), org.name(), token.role(),
                            new CredentialRules.Issued(CredentialRules.Issued.Kind.TOKEN, token.id()), clock.instant());
                    audit.append(handle, Actor.of(principal), AuditActions.TOKEN_ISSUE, "token:" + token.id(), Outcome.OK,
                            Map.of("organisation", org.name(), "role", token.role().name(), "grant", grant.name()));
                    if (grant.byNodeForAnother()) notifications.notify(handle, org.name(), NotificationKind.CREDENTIAL_ISSUED_BY_NODE,
                            "token:" + token.id(), Map.of("role", token.role().name(), "grant", grant.name(), "by", principal.organisationName()));
                });
        return ApiResponse.json(201, new IssuedTokenView(issued.id(), issued.secret(), issued.role(), issued.expiresAt().orElse(null)));
    }

    /**
     * Another organisation's token is "not found" to an organisation's ADMIN: token ids are no one else's business. The
     * node administrator sees them, and may revoke another organisation's BOARD token only ({@link CredentialRules#mayChange}).
     */
    private TokenView revoke(ApiCall call) {
        Principal principal = principal(call);
        boolean nodeAdmin = principal.may(Permission.NODE_ADMIN);
        if (!nodeAdmin) AccessDeniedException.require(principal, Permission.MANAGE_ORGANISATION);
        long id = Params.id(call, "id");
        TokenInfo token = tokens.find(id).filter(t -> nodeAdmin || t.organisationId() == principal.organisationId())
                .orElseThrow(() -> new NotFoundException("no token with id " + id));
        Organisation org = organisations.find(token.organisationId()).orElseThrow();
        CredentialRules.mayChange(principal, org.id(), org.name(), token.role(), CredentialRules.Change.TAKE_AWAY, "revoke a " + token.role() + " token");
        return TokenView.of(tokens.revoke(id, (handle, revoked) ->
                audit.append(handle, Actor.of(principal), AuditActions.TOKEN_REVOKE, "token:" + id, Outcome.OK, Map.of("organisation", org.name()))));
    }

    /** A node administrator, or (unless {@code nodeAdminOnly}) an ADMIN of {@code org} itself. */
    private static Principal requireAdminOf(ApiCall call, Organisation org, boolean nodeAdminOnly) {
        Principal principal = principal(call);
        if (principal.may(Permission.NODE_ADMIN)) return principal;
        if (!nodeAdminOnly && principal.organisationId() == org.id() && principal.may(Permission.MANAGE_ORGANISATION)) return principal;
        AccessDeniedException.require(principal, nodeAdminOnly ? Permission.NODE_ADMIN : Permission.MANAGE_ORGANISATION);
        throw new AccessDeniedException(nodeAdminOnly ? "only a node administrator may do this"
                : "only a node administrator or an ADMIN of organisation '" + org.name() + "' may do this");
    }

    private Organisation organisation(ApiCall call) {
        long id = Params.id(call, "id");
        return organisations.find(id).orElseThrow(() -> new NotFoundException("no organisation " + id));
    }


    private static Principal require(ApiCall call, Permission permission) {
        Principal principal = principal(call);
        AccessDeniedException.require(principal, permission);
        return principal;
    }

    private static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }
}
