package io.vgtx.cli.admin;

import io.vgtx.cli.CliRun;
import io.vgtx.core.auth.Role;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.user.SignInResult;
import io.vgtx.core.user.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUserCommandTest {
    @TempDir
    Path work;

    private CliRun vgtx(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = work.resolve("data").toString();
        return CliRun.of(all);
    }

    private SignInResult signIn(String login, String password) {
        try (Database db = Database.open(DatabaseConfig.dataDirectory(work.resolve("data")))) {
            return new Users(db, InstantSource.system()).signIn(login, password);
        }
    }

    @Test
    void aGeneratedPasswordIsPrintedOnceAndSignsIn() {
        vgtx("admin", "init", "--org", "NL Police", "--country", "NL");
        CliRun created = vgtx("admin", "user", "--org", "NL Police", "--login", "Alice", "--role", "ADMIN");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String password = created.out().strip();
        assertThat(password).hasSize(20);
        assertThat(signIn("alice", password)).isInstanceOfSatisfying(SignInResult.SignedIn.class,
                s -> assertThat(s.user().role()).isEqualTo(Role.ADMIN));
        assertThat(vgtx("admin", "user", "--org", "NL Police", "--login", "alice").exitCode()).as("login taken").isEqualTo(1);
    }

    @Test
    void aPasswordFromStdinIsNotPrinted() {
        vgtx("admin", "init", "--org", "NL Police", "--country", "NL");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a password from stdin\n".getBytes(StandardCharsets.UTF_8)));
            CliRun created = vgtx("admin", "user", "--org", "NL Police", "--login", "bob", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).isEmpty();
        } finally {
            System.setIn(stdin);
        }
        assertThat(signIn("bob", "a password from stdin")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(vgtx("admin", "user", "--login", "bob", "--disable").exitCode()).isZero();
        assertThat(signIn("bob", "a password from stdin")).isInstanceOf(SignInResult.Refused.class);
        assertThat(vgtx("admin", "user", "--login", "bob", "--enable").exitCode()).isZero();
        assertThat(signIn("bob", "a password from stdin")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(vgtx("admin", "user", "--login", "bob", "--delete").exitCode()).isZero();
        assertThat(vgtx("admin", "user", "--login", "bob", "--delete").exitCode()).isEqualTo(1);
    }

    @Test
    void anUnknownOrganisationOrAShortPasswordIsRefused() {
        vgtx("admin", "init", "--org", "NL Police", "--country", "NL");
        assertThat(vgtx("admin", "user", "--org", "Nobody", "--login", "carol").exitCode()).isEqualTo(1);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            CliRun run = vgtx("admin", "user", "--org", "NL Police", "--login", "carol", "--password-stdin");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("12");
        } finally {
            System.setIn(stdin);
        }
    }
}
