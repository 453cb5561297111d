package io.vgtx.cli.admin;

import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.user.User;
import io.vgtx.core.user.Users;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vgtx admin user}: a console user created on the node's own machine (the first ADMIN user of an
 * organisation, say), or one disabled, enabled (and unlocked) or deleted.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Create a console user of an organisation from the node's machine, or disable, enable (unlock) or delete one.",
                "The password is read from the first line of stdin with --password-stdin; otherwise one is generated and printed once on stdout."})
public final class AdminUserCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Option(names = "--login", paramLabel = "LOGIN", required = true, description = "The user's login (unique on the node).")
    String login;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "ANALYST", description = "ADMIN, ANALYST, VIEWER or BOARD (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin instead of generating one.")
    boolean passwordFromStdin;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--disable", description = "Disable the existing user LOGIN; its sessions end.")
        boolean disable;
        @Option(names = "--enable", description = "Enable the existing user LOGIN again and lift a lock-out.")
        boolean enable;
        @Option(names = "--delete", description = "Delete the existing user LOGIN.")
        boolean delete;
    }

    @Override
    public Integer call() throws IOException {
        try (Database database = node.open()) {
            InstantSource clock = InstantSource.system();
            Users users = new Users(database, clock);
            AuditLog audit = new AuditLog(database, clock);
            if (action != null) return change(users, audit);
            String orgName = node.organisation().orElseThrow(() -> new IllegalArgumentException("--org NAME is required to create a user"));
            Organisation org = new Organisations(database, clock).findByName(orgName)
                    .orElseThrow(() -> new NotFoundException("no organisation named '" + orgName + "'"));
            Role userRole = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
            String password = passwordFromStdin ? readPassword() : users.generatePassword();
            User user = users.create(org.id(), login, userRole, password, (handle, created) ->
                    audit.append(handle, Actor.cli(org.name()), AuditActions.USER_CREATE, "user:" + created.id(), Outcome.OK,
                            Map.of("organisation", org.name(), "login", created.login(), "role", created.role().name())));
            System.err.println("vgtx: user '" + user.login() + "' (" + user.role() + ") of " + org.name() + " created");
            if (!passwordFromStdin) System.out.println(password);
        }
        return 0;
    }

    private int change(Users users, AuditLog audit) {
        User user = users.findByLogin(login).orElseThrow(() -> new NotFoundException("no user with login '" + login + "'"));
        String verb = action.disable ? "disable" : action.enable ? "enable" : "delete";
        String event = action.disable ? AuditActions.USER_DISABLE : action.enable ? AuditActions.USER_ENABLE : AuditActions.USER_DELETE;
        io.vgtx.core.store.AlsoInTransaction<User> also = (handle, u) -> audit.append(handle, Actor.cli(u.organisationName()),
                event, "user:" + u.id(), Outcome.OK, Map.of("organisation", u.organisationName(), "login", u.login()));
        if (action.disable) users.disable(user.id(), also);
        else if (action.enable) users.enable(user.id(), also);
        else users.delete(user.id(), also);
        System.err.println("vgtx: user '" + user.login() + "' " + verb + "d");
        return 0;
    }

    private static String readPassword() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new IllegalArgumentException("--password-stdin: stdin is empty");
        return line;
    }
}
