package io.vgtx.cli.admin;

import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.IssuedToken;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vgtx admin init}: the node's operating organisation, ACTIVE law enforcement, with an ADMIN token
 * (printed alone on stdout, so {@code TOKEN=$(vgtx admin init …)} captures it) and a BOARD token (on stderr):
 * the operator holds both roles, and a token carries one.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the node's operating organisation (law enforcement, ACTIVE, administers the node and sits on the board).",
                "Prints its ADMIN token on stdout, once; its BOARD token (for membership votes) goes to stderr. Only on an empty node."})
public final class AdminInitCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Option(names = "--country", paramLabel = "CC", required = true, description = "Its country, ISO 3166-1 alpha-2 (e.g. NL).")
    String country;

    @Option(names = "--contact", paramLabel = "TEXT",
            description = "How other organisations reach it (an e-mail address): the contact a hit/no-hit answer on its entries gives.")
    String contact;

    @Override
    public Integer call() {
        // --org comes from the node options every command shares; here it must be given, not defaulted.
        String name = node.organisation().orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Missing required option: '--org=NAME' (the operating organisation's name)"));
        try (Database database = node.open()) {
            InstantSource clock = InstantSource.system();
            Tokens tokens = new Tokens(database, clock);
            AuditLog audit = new AuditLog(database, clock);
            // One transaction: a node is never left with an operator but no token to administer it by.
            IssuedToken[] issued = new IssuedToken[2];
            Organisation operator = new Organisations(database, clock).initOperator(name, country, contact, (handle, created) -> {
                issued[0] = tokens.issue(handle, created.id(), Role.ADMIN, Optional.empty(), "admin (vgtx admin init)");
                issued[1] = tokens.issue(handle, created.id(), Role.BOARD, Optional.empty(), "board (vgtx admin init)");
                audit.append(handle, Actor.cli(created.name()), AuditActions.NODE_INIT, "organisation:" + created.id(), Outcome.OK,
                        Map.of("country", created.country(), "tokens", issued[0].id() + "," + issued[1].id()));
            });
            IssuedToken admin = issued[0];
            IssuedToken board = issued[1];
            System.err.printf("initialised the node: operating organisation '%s' (%s, id %d), ACTIVE%n", operator.name(), operator.country(), operator.id());
            System.err.printf("BOARD token (membership votes; shown once): %s%n", board.secret());
            System.err.println("ADMIN token (shown once) on stdout:");
            System.out.println(admin.secret());
        }
        return 0;
    }
}
