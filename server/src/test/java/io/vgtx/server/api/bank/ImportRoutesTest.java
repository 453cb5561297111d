package io.vgtx.server.api.bank;

import io.vgtx.server.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportRoutesTest {

    @Test
    void theSpoolNeverReceivesAChunkHoldingANulByte() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        byte[] textThenBinary = "0123456789abcdef,100\n\u0000\u0001".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportRoutes.copy(new ByteArrayInputStream(textThenBinary), written))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("binary content");
        assertThat(written.size()).isZero();
    }

    @Test
    void textIsCopiedWhole() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        byte[] text = "md5,label\nd41d8cd98f00b204e9800998ecf8427e,empty\n".getBytes(StandardCharsets.UTF_8);

        ImportRoutes.copy(new ByteArrayInputStream(text), written);

        assertThat(written.toByteArray()).isEqualTo(text);
    }
}
