package io.vgtx.cli.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCommandsTest {
    @TempDir
    Path work;

    private CliRun vgtx(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = work.resolve("data").toString();
        return CliRun.of(all);
    }

    private Optional<Principal> authenticate(String token) {
        try (Database db = Database.open(DatabaseConfig.dataDirectory(work.resolve("data")))) {
            return new Tokens(db, InstantSource.system()).authenticate(token);
        }
    }

    @Test
    void initPrintsOnlyTheAdminTokenOnStdoutAndRefusesASecondTime() {
        CliRun init = vgtx("admin", "init", "--org", "NL Police", "--country", "nl", "--contact", "desk@police.example");

        assertThat(init.exitCode()).isZero();
        assertThat(init.out().strip()).startsWith("vgtx_").doesNotContain("\n");
        assertThat(authenticate(init.out().strip())).get().satisfies(p -> {
            assertThat(p.role()).isEqualTo(Role.ADMIN);
            assertThat(p.operator()).isTrue();
            assertThat(p.organisationName()).isEqualTo("NL Police");
        });
        assertThat(init.err()).contains("BOARD token");
        CliRun again = vgtx("admin", "init", "--org", "Other", "--country", "NL");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("initialised already");
    }

    @Test
    void initWithoutAnOrganisationIsAUsageError() {
        assertThat(vgtx("admin", "init", "--country", "NL").exitCode()).isEqualTo(2);
    }

    @Test
    void whatTheOperatorAddsFromItsMachineIsItsOwnAndTokensCanBeRecovered() throws Exception {
        vgtx("admin", "init", "--org", "NL Police", "--country", "NL");
        vgtx("bank", "create", "known");
        vgtx("bank", "create", "theirs", "--org", "Hotline");

        var banks = new ObjectMapper().readTree(vgtx("bank", "list", "--json").out());
        assertThat(banks.findValuesAsText("owner")).containsExactlyInAnyOrder("NL Police", "Hotline");

        CliRun token = vgtx("admin", "token", "--for", "NL Police", "--role", "VIEWER");
        assertThat(token.exitCode()).isZero();
        assertThat(authenticate(token.out().strip())).get().extracting(Principal::role).isEqualTo(Role.VIEWER);
        assertThat(vgtx("admin", "token", "--for", "Nobody").exitCode()).isEqualTo(1);
    }

    @Test
    void tokenTakesTheOrganisationAsOrgAndRefusesABadRoleOrLifetimeAsUsageErrors() throws Exception {
        vgtx("admin", "init", "--org", "NL Police", "--country", "NL");
        CliRun board = vgtx("admin", "token", "--org", "NL Police", "--role", "board", "--days", "30");
        assertThat(board.exitCode()).isZero();
        assertThat(authenticate(board.out().strip())).get().extracting(Principal::role).isEqualTo(Role.BOARD);

        CliRun badRole = vgtx("admin", "token", "--org", "NL Police", "--role", "KING");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role").contains("ANALYST");
        assertThat(badRole.out()).isEmpty();
        CliRun badDays = vgtx("admin", "token", "--org", "NL Police", "--days", "0");
        assertThat(badDays.exitCode()).isEqualTo(2);
        assertThat(badDays.err()).contains("--days must be 1..3650");
        assertThat(vgtx("admin", "token").err()).contains("--org NAME");
    }
}
