package io.vgtx.formats.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {
    @ParameterizedTest
    @CsvSource({"true, true", "Yes, true", "Y, true", "t, true", "1, true", "FALSE, false", "no, false", "N, false", "f, false", "0, false"})
    void readsTheBooleansExportersWrite(String text, boolean expected) {
        assertThat(Values.bool(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z", "2024-05-01T14:00:00.5+02:00, 2024-05-01T12:00:00.5Z", "2024-05-01, 2024-05-01T00:00:00Z"})
    void readsIso8601TimesWithOffsetsAndPlainDates(String text, Instant expected) {
        assertThat(Values.instant(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00", "01/05/2024", "yesterday"})
    void refusesTimesWithoutAZoneOrNotIso8601(String text) {
        assertThatThrownBy(() -> Values.instant(text)).hasMessageStartingWith("expected an ISO 8601 time");
    }

    @Test
    void skipsAUtf8ByteOrderMarkOnlyWhenThereIsOne() throws Exception {
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        byte[] almostBom = {(byte) 0xEF, (byte) 0xBB, 'a'};

        assertThat(Streams.open(new ByteArrayInputStream(withBom)).readAllBytes()).containsExactly('a');
        assertThat(Streams.open(new ByteArrayInputStream(almostBom)).readAllBytes()).containsExactly(almostBom);
    }
}
