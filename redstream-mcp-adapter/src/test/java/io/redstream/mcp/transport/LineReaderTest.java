package io.redstream.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String s, int max) {
        return new LineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void next_splitsOnNewlines_dropsCarriageReturns_keepsALastLineWithoutNewline() throws Exception {
        LineReader r = reader("a\r\nbb\n\nccc", 10);
        assertThat(text(r.next())).isEqualTo("a");
        assertThat(text(r.next())).isEqualTo("bb");
        assertThat(text(r.next())).isEmpty();
        assertThat(text(r.next())).isEqualTo("ccc");
        assertThat(r.next()).isNull();
    }

    @Test
    void next_tooLongLine_isSkippedToItsEnd_andTheNextLineIsRead() throws Exception {
        StringBuilder s = new StringBuilder();
        s.append("x".repeat(200_000)).append('\n').append("ok\n").append("y".repeat(11));
        LineReader r = reader(s.toString(), 10);
        assertThat(r.next()).isSameAs(LineReader.TOO_LONG);
        assertThat(text(r.next())).isEqualTo("ok");
        assertThat(r.next()).isSameAs(LineReader.TOO_LONG);
        assertThat(r.next()).isNull();
    }

    @Test
    void next_lineOfExactlyTheLimit_isAccepted() throws Exception {
        assertThat(text(reader("x".repeat(10) + "\n", 10).next())).hasSize(10);
    }
}
