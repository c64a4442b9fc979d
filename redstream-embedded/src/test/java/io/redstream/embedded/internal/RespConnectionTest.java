package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespConnectionTest {

    @Test
    void encode_isAnArrayOfBulkStrings_countingBytesNotChars() {
        assertThat(new String(RespConnection.encode("AUTH", "pé"), StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$4\r\nAUTH\r\n$3\r\npé\r\n");
    }

    @Test
    void read_everyReplyType() throws IOException {
        assertThat(read("+PONG\r\n")).isEqualTo("PONG");
        assertThat(read("-NOAUTH Authentication required.\r\n"))
                .isEqualTo(new RespConnection.Error("NOAUTH Authentication required."));
        assertThat(read(":42\r\n")).isEqualTo(42L);
        assertThat(read("$5\r\nhello\r\n")).isEqualTo("hello");
        assertThat(read("$-1\r\n")).isNull();
        assertThat(read("*2\r\n$4\r\nbind\r\n:1\r\n")).isEqualTo(List.of("bind", 1L));
    }

    @Test
    void read_oversizedOrMalformedReplies_failInsteadOfAllocatingOrHanging() {
        assertThatThrownBy(() -> read("$" + (RespConnection.MAX_BULK_BYTES + 1) + "\r\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("bound");
        assertThatThrownBy(() -> read("*" + (RespConnection.MAX_ARRAY_LENGTH + 1) + "\r\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("bound");
        char[] longLine = new char[10_000];
        Arrays.fill(longLine, 'x');
        assertThatThrownBy(() -> read("+" + new String(longLine) + "\r\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("reply line over");
        assertThatThrownBy(() -> read("HTTP/1.1 400\r\n")).isInstanceOf(IOException.class).hasMessageContaining("not a RESP2 reply");
        assertThatThrownBy(() -> read("$10\r\nshort\r\n")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read(":x\r\n")).isInstanceOf(IOException.class).hasMessageContaining("not a number");
    }

    private static Object read(String wire) throws IOException {
        return RespConnection.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }
}
