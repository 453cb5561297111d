package io.vgtx.cli.admin;

import picocli.CommandLine.Command;

/** {@code vgtx admin}: setting up and recovering a node from its own machine. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Set up a node (its operating organisation and first tokens) from the machine it runs on.",
        subcommands = {AdminInitCommand.class, AdminTokenCommand.class, AdminUserCommand.class})
public final class AdminCommand {
}
