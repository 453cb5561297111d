package io.vgtx.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.InstantSource;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code vgtx audit list}: audit events in order, as a table or JSON lines. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List audit events in order.")
public final class AuditListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    NodeOptions node;

    @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only events after this one (default: ${DEFAULT-VALUE}).")
    long after;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most this many, 1..1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per event.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<AuditEvent> events;
        try (Database database = node.open()) {
            events = new AuditLog(database, InstantSource.system()).list(after, limit);
        }
        for (AuditEvent event : events) System.out.println(json ? JSON.writeValueAsString(json(event)) : line(event));
        return 0;
    }

    private static String line(AuditEvent e) {
        String who = e.actor().role() + e.actor().user().map(u -> " " + u).orElse("");
        return String.format("%6d  %s  %-24s %-7s %-24s %-6s %s", e.seq(), e.at(), e.actor().organisation(), who,
                e.action(), e.outcome(), e.subject() + (e.details().isEmpty() ? "" : " " + new TreeMap<>(e.details())));
    }

    private static ObjectNode json(AuditEvent e) {
        ObjectNode node = JSON.createObjectNode().put("seq", e.seq()).put("at", e.at().toString())
                .put("organisation", e.actor().organisation()).put("role", e.actor().role());
        e.actor().tokenId().ifPresent(id -> node.put("token_id", id));
        e.actor().user().ifPresent(user -> node.put("user", user));
        node.put("action", e.action()).put("subject", e.subject()).put("outcome", e.outcome().name());
        node.set("details", JSON.valueToTree(new TreeMap<>(e.details())));
        return node.put("prev_hash", e.prevHash()).put("hash", e.hash());
    }
}
