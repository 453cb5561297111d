package io.vgtx.core.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {
    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        // Made with the reference argon2 command-line tool (Debian package argon2):
        //   echo -n "correct horse battery staple" | argon2 somesaltsomesalt -id -t 2 -m 10 -p 1 -l 32 -e
        assertThat(PasswordHasher.verify("correct horse battery staple",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jl9aMRiFdmA52uqiivDqYVot6fVz3erNUlWPoxyg46A")).isTrue();
        //   echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 4 -l 24 -e
        assertThat(PasswordHasher.verify("password", "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU")).isTrue();
        assertThat(PasswordHasher.verify("Password", "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU")).isFalse();
    }

    @Test
    void theDefaultIsArgon2idWithTheDocumentedParametersAndARandomSalt() {
        String hash = PasswordHasher.DEFAULT.hash("a long enough password");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.verify("a long enough password", hash)).isTrue();
        assertThat(PasswordHasher.verify("a long enough passworD", hash)).isFalse();
        assertThat(PasswordHasher.DEFAULT.hash("a long enough password")).as("fresh salt").isNotEqualTo(hash);
    }

    @Test
    void parametersTravelWithTheHashAndOutdatedOnesAreRecognised() {
        String cheap = PasswordHasher.FOR_TESTS.hash("another password!");
        assertThat(PasswordHasher.verify("another password!", cheap)).isTrue();
        assertThat(PasswordHasher.DEFAULT.needsRehash(cheap)).isTrue();
        assertThat(PasswordHasher.FOR_TESTS.needsRehash(cheap)).isFalse();
    }

    @Test
    void anythingButAnArgon2idStringNeverVerifies() {
        String hash = PasswordHasher.FOR_TESTS.hash("pw");
        assertThat(PasswordHasher.verify("pw", hash.replace("argon2id", "argon2i"))).isFalse();
        assertThat(PasswordHasher.verify("pw", "")).isFalse();
        assertThat(PasswordHasher.verify("pw", null)).isFalse();
        assertThat(PasswordHasher.verify(null, hash)).isFalse();
        assertThat(PasswordHasher.verify("pw", "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jl9aMRiFdmA52uqiivDqYVot6fVz3erNUlWPoxyg46A"))
                .as("absurd memory cost is refused, not attempted").isFalse();
        assertThatThrownBy(() -> new PasswordHasher(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
