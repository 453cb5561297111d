package io.vgtx.cli.bank;

import picocli.CommandLine.Command;

/** {@code vgtx bank}: the hash banks of this node. */
@Command(name = "bank", mixinStandardHelpOptions = true,
        description = "Create, fill, list, export and retract from hash banks.",
        subcommands = {BankCreateCommand.class, BankAddCommand.class, BankImportCommand.class,
                BankExportCommand.class, BankListCommand.class, BankRetractCommand.class})
public final class BankCommand {
}
