package io.vgtx.cli.audit;

import picocli.CommandLine.Command;

/** {@code vgtx audit}: the node's hash-chained audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The node's audit trail: every write and every read of AMBER or RED data, hash-chained.",
        subcommands = {AuditVerifyCommand.class, AuditListCommand.class})
public final class AuditCommand {
}
