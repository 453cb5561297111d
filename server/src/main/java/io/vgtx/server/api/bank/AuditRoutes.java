package io.vgtx.server.api.bank;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.audit.VerifyReport;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The node's audit trail, for the node's administrators only. */
public final class AuditRoutes implements ApiRoutes {
    private final AuditLog audit;

    public AuditRoutes(NodeServices services) {
        this.audit = services.audit();
    }

    public record AuditEventView(long seq, Instant at, String organisation, Long tokenId, String role, String action, String subject,
                                 String outcome, Map<String, String> details, String prevHash, String hash, String user) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.seq(), e.at(), e.actor().organisation(), e.actor().tokenId().orElse(null), e.actor().role(),
                    e.action(), e.subject(), e.outcome().name(), e.details(), e.prevHash(), e.hash(), e.actor().user().orElse(null));
        }
    }

    public record AuditPage(List<AuditEventView> events, Long next) {}

    /** @param brokenAt the first event at fault, when not intact; {@code problem} is edited, deleted or reordered */
    public record AuditVerification(boolean intact, long events, String lastHash, Long brokenAt, String problem, String reason) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/audit").summary("Audit events in order (node administrators)").tag("audit")
                        .query("after", "Event sequence number to continue after (default 0).")
                        .query("limit", "Events per page, 1.." + AuditLog.MAX_PAGE + " (default 100).")
                        .returns(AuditPage.class)
                        .handle(this::list),
                ApiRoute.get("/api/v1/audit/verify").summary("Check the audit trail's hash chain (node administrators)").tag("audit")
                        .returns(AuditVerification.class)
                        .handle(this::verify));
    }

    private AuditPage list(ApiCall call) {
        AccessDeniedException.require(BankRoutes.principal(call), Permission.NODE_ADMIN);
        int limit = Params.limit(call, 100, AuditLog.MAX_PAGE);
        List<AuditEvent> events = audit.list(Params.query(call, "after", 0, 0), limit);
        return new AuditPage(events.stream().map(AuditEventView::of).toList(), events.size() == limit ? events.getLast().seq() : null);
    }

    private AuditVerification verify(ApiCall call) {
        AccessDeniedException.require(BankRoutes.principal(call), Permission.NODE_ADMIN);
        return switch (audit.verify()) {
            case VerifyReport.Intact(long events, String lastHash) -> new AuditVerification(true, events, lastHash, null, null, null);
            case VerifyReport.Broken(long seq, VerifyReport.Problem problem, String reason) ->
                    new AuditVerification(false, 0, null, seq, problem.name().toLowerCase(Locale.ROOT), reason);
        };
    }
}
