package io.vgtx.core.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanTextTest {
    /** NUL, ESC, DEL, C1 NEL, bidi overrides and isolates, zero-width space/joiners, word joiner, BOM, soft hyphen, a tag, separators. */
    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b", "gpj\u202E.exe", "a\u202Ab", "a\u2066b\u2069", "NL\u200BPolice",
            "a\u200Cb", "a\u200Db", "a\u2060b", "\uFEFFname", "a\u00ADb", "a\uDB40\uDC01b", "a\u2028b", "a\u2029b"})
    void refusesControlAndFormatCharactersAnywhere(String text) {
        assertThatThrownBy(() -> CleanText.line("label", text, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label must not hold");
        assertThatThrownBy(() -> CleanText.multiline("note", text, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("note must not hold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\r\nb", "a\tb"})
    void lineBreaksAndTabsOnlyInMultilineText(String text) {
        assertThatThrownBy(() -> CleanText.line("series", text, 100)).hasMessageContaining("this field is one line");
        assertThat(CleanText.multiline("reason", text, 100)).isEqualTo(text);
    }

    @Test
    void refusesALoneSurrogateButNotAPair() {
        assertThatThrownBy(() -> CleanText.line("name", "a\uD800b", 100)).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> CleanText.line("name", "a\uDC00", 100)).hasMessageContaining("lone surrogate");
        assertThat(CleanText.line("name", "a\uD83D\uDE00", 100)).isEqualTo("a😀");
    }

    @Test
    void theMessageNamesTheCodePointAndWhereButDoesNotEchoTheText() {
        assertThatThrownBy(() -> CleanText.line("label", "secret\u202Etext", 100))
                .hasMessage("label must not hold an invisible format character (bidi control, zero-width character) (U+202E at character 7)");
    }

    @Test
    void normalisesToNfc() {
        String decomposed = "Cafe\u0301 Police";
        String composed = "Caf\u00E9 Police";
        assertThat(CleanText.line("name", decomposed, 100)).isEqualTo(composed);
        assertThat(CleanText.name("name", "  " + decomposed + " ", 100)).isEqualTo(composed);
    }

    @Test
    void countsTheLengthInCodePointsAfterNormalisation() {
        assertThat(CleanText.line("label", "😀".repeat(10), 10)).hasSize(20);
        assertThat(CleanText.line("label", "e\u0301".repeat(10), 10)).isEqualTo("\u00E9".repeat(10));
        assertThatThrownBy(() -> CleanText.line("label", "x".repeat(11), 10)).hasMessage("label must be at most 10 characters, not 11");
    }

    @Test
    void keepsWhatPeopleWrite() {
        for (String text : new String[] {"Politie Nederland", "Bundeskriminalamt", "Полиция", "警察庁", "شرطة", "a & b <c>", "Hotline (DE) #1"}) {
            assertThat(CleanText.line("name", text, 100)).isEqualTo(text);
        }
    }

    @Test
    void aNameMustBeThere() {
        assertThatThrownBy(() -> CleanText.name("bank name", "  ", 100)).hasMessage("bank name must not be blank");
        assertThatThrownBy(() -> CleanText.name("bank name", null, 100)).hasMessage("bank name must not be blank");
        assertThatThrownBy(() -> CleanText.line("label", null, 100)).hasMessage("label is required");
    }
}
