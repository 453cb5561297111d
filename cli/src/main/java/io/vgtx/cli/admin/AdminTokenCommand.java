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
import io.vgtx.core.store.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vgtx admin token}: a token issued on the node's own machine, e.g. when every ADMIN token is lost. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issue an API token for an organisation from the node's machine; printed once on stdout.")
public final class AdminTokenCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    private static final int MAX_DAYS = 3650;

    @Spec
    CommandSpec spec;

    /** The organisation is --org (of {@link NodeOptions}, or $VGTX_ORG); --for is the older spelling. */
    @Option(names = "--for", paramLabel = "NAME", description = "The organisation's name, as --org.")
    String forOrganisation;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "ADMIN", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Role tokenRole;

    @Option(names = "--days", paramLabel = "N", description = "Expire after N days, 1.." + MAX_DAYS + " (default: never).")
    Integer days;

    @Override
    public Integer call() {
        if (days != null && (days < 1 || days > MAX_DAYS))
            throw new ParameterException(spec.commandLine(), "--days must be 1.." + MAX_DAYS + ", not " + days);
        String organisation = Optional.ofNullable(forOrganisation).or(node::organisation).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "name the organisation: --org NAME"));
        try (Database database = node.open()) {
            InstantSource clock = InstantSource.system();
            Organisation org = new Organisations(database, clock).findByName(organisation)
                    .orElseThrow(() -> new NotFoundException("no organisation named '" + organisation + "'"));
            AuditLog audit = new AuditLog(database, clock);
            IssuedToken token = new Tokens(database, clock).issue(org.id(), tokenRole, Optional.ofNullable(days).map(Duration::ofDays),
                    tokenRole.name().toLowerCase(Locale.ROOT) + " (vgtx admin token)", (handle, issued) ->
                            audit.append(handle, Actor.cli(org.name()), AuditActions.TOKEN_ISSUE, "token:" + issued.id(), Outcome.OK,
                                    Map.of("organisation", org.name(), "role", tokenRole.name())));
            System.out.println(token.secret());
        }
        return 0;
    }
}
