package io.vgtx.cli.audit;

import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.audit.VerifyReport;
import io.vgtx.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vgtx audit verify}: exit 0 when the chain is intact, 1 naming the first broken event. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the audit trail's hash chain: an edited, deleted or reordered event is found and named.",
                "Exit status: 0 intact, 1 broken."})
public final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Override
    public Integer call() {
        try (Database database = node.open()) {
            return switch (new AuditLog(database, InstantSource.system()).verify()) {
                case VerifyReport.Intact(long events, String lastHash) -> {
                    System.out.printf("audit log intact: %,d events, last hash %s%n", events, lastHash);
                    yield 0;
                }
                case VerifyReport.Broken(long seq, VerifyReport.Problem problem, String reason) -> {
                    System.out.printf("audit log BROKEN at event %d: %s — %s%n", seq, problem.name().toLowerCase(Locale.ROOT), reason);
                    yield 1;
                }
            };
        }
    }
}
