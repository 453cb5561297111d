package io.vgtx.core.names;

import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.TestClock;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.user.LockoutPolicy;
import io.vgtx.core.user.PasswordHasher;
import io.vgtx.core.user.Users;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vgtx.core.org.OrganisationKind.HOTLINE;
import static io.vgtx.core.org.OrganisationKind.LAW_ENFORCEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An impostor cannot take a name that looks like one the node has: organisations, banks of one owner, logins. */
@ParameterizedClass
@EnumSource(Backend.class)
class LookAlikeNamesTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    Organisations orgs;
    BankStore banks;
    Users users;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
        orgs = new Organisations(db, clock);
        banks = new BankStore(db, clock);
        users = new Users(db, clock, PasswordHasher.FOR_TESTS, LockoutPolicy.DEFAULT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anApplicationThatLooksLikeAnOrganisationIsRefused() {
        orgs.initOperator("Op Police", "NL");
        orgs.apply("NLPolice", LAW_ENFORCEMENT, "NL", null);
        for (String impostor : List.of("Οp Police", "op police ", "OP  POLICE", "ＮＬPolice", "NLPo1ice")) {
            assertThatThrownBy(() -> orgs.apply(impostor, HOTLINE, "NL", null), impostor)
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("looks like the name of an organisation on this node");
        }
        // An invisible character is refused before any comparison: a name holds no format characters at all.
        assertThatThrownBy(() -> orgs.apply("NL\u200bPolice", HOTLINE, "NL", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+200B");
        assertThat(orgs.list()).extracting(Organisation::name).containsExactlyInAnyOrder("Op Police", "NLPolice");
        assertThat(orgs.apply("Op Polite", HOTLINE, "NL", null).name()).isEqualTo("Op Polite");
    }

    @Test
    void aBankThatLooksLikeOneOfItsOwnersBanksIsRefused() {
        banks.createBank("Series A", "Op Police", Optional.empty(), Distribution.AMBER);
        assertThatThrownBy(() -> banks.createBank("series  а", "Op Police", Optional.empty(), Distribution.AMBER)) // Cyrillic а
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("looks like Op Police's bank 'Series A'");
        // Another owner's bank of a look-alike name is its own business: names are exact-unique node-wide already.
        assertThat(banks.createBank("series а", "Hotline", Optional.empty(), Distribution.AMBER).owner()).isEqualTo("Hotline");
    }

    @Test
    void aLoginThatLooksLikeAnotherIsRefusedNodeWide() {
        long police = orgs.initOperator("Op Police", "NL").id();
        long hotline = orgs.apply("Hotline", HOTLINE, "DE", null).id();
        users.create(police, "alice", Role.ADMIN, "correct horse battery", AlsoInTransaction.nothing());
        assertThatThrownBy(() -> users.create(hotline, "a1ice", Role.ADMIN, "correct horse battery", AlsoInTransaction.nothing()))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("looks like a login taken on this node");
        users.create(police, "modern", Role.VIEWER, "correct horse battery", AlsoInTransaction.nothing());
        assertThatThrownBy(() -> users.create(police, "rnodern", Role.VIEWER, "correct horse battery", AlsoInTransaction.nothing()))
                .isInstanceOf(AlreadyExistsException.class);
    }

    /** The unique index, not only the check before it: two concurrent look-alikes cannot both commit. */
    @Test
    void theDatabaseRefusesASecondRowOfOneSkeletonEvenPastTheCheck() {
        orgs.initOperator("Op Police", "NL");
        assertThatThrownBy(() -> db.write(handle -> handle.createUpdate("""
                        INSERT INTO organisations (name, kind, country, state, operator, created_at, name_skeleton)
                        VALUES ('Οp Police', 'HOTLINE', 'NL', 'APPLIED', FALSE, 0, :skeleton)""")
                .bind("skeleton", Skeleton.of("Οp Police")).execute()))
                .isInstanceOf(JdbiException.class);
    }
}
