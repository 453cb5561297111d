package io.vgtx.formats.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =SUM(A1:A9)     | '=SUM(A1:A9)
            +31 20 555      | '+31 20 555
            -rotated.jpg    | '-rotated.jpg
            @import         | '@import
            '=x             | ''=x
            ''-x            | '''-x
            'quoted'        | 'quoted'
            '               | '
            plain           | plain
            a=b             | a=b
            """)
    void aCellThatWouldBeAFormulaGetsAnApostropheAndIsReadBackAsItWas(String text, String cell) {
        assertThat(CsvCells.neutralise(text)).isEqualTo(cell);
        assertThat(CsvCells.restore(cell)).isEqualTo(text);
    }

    @Test
    void tabAndCarriageReturnAreTriggersToo() {
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.neutralise("")).isEmpty();
    }

    /** Over every short string of the characters that matter: restore undoes neutralise, and no cell starts a formula. */
    @Test
    void restoreUndoesNeutraliseForAnyText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "'=+-@\tax";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String cell = CsvCells.neutralise(text.toString());
            assertThat(CsvCells.restore(cell)).as("'%s'", text).isEqualTo(text.toString());
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as("'%s'", cell).isTrue();
        }
    }
}
