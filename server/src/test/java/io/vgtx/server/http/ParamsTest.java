package io.vgtx.server.http;

import io.vgtx.server.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {
    @Test
    void plainAsciiNumbersAreRead() {
        assertThat(Params.parse("id", "8", 1)).isEqualTo(8);
        assertThat(Params.parse("after", "0", 0)).isZero();
        assertThat(Params.parse("id", "999999999999999999", 1)).isEqualTo(999_999_999_999_999_999L);
    }

    /** Each of these is 8 (or near it) to {@code Long.parseLong} or {@code strip()}, so would name entry 8 under another path. */
    @ParameterizedTest
    @ValueSource(strings = {"+8", "\u0668", "\uFF18", "08", "00", " 8", "8 ", "-8", "8\n", "0x8", "8.0", "", "1e3", "9999999999999999999",
            "\u200B8", "8\u0000"})
    void anythingElseIsA400NamingTheParameter(String text) {
        assertThatThrownBy(() -> Params.parse("id", text, 1))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("'id'")
                .hasMessageContaining("ASCII digits");
    }

    @Test
    void theDetailShowsWhatWasSentWithoutControlOrBidiCharacters() {
        assertThatThrownBy(() -> Params.parse("id", "\u202E8\u0000", 1)).hasMessageContaining("\\u202E8\\u0000");
    }

    @Test
    void belowTheMinimumIsA400Too() {
        assertThatThrownBy(() -> Params.parse("id", "0", 1)).isInstanceOf(ApiProblem.class).hasMessageContaining("at least 1");
    }
}
