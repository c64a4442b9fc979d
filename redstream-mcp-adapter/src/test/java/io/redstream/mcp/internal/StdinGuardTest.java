package io.redstream.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;

class StdinGuardTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicInteger ends = new AtomicInteger();

    private String passThrough(String input, int maxLine) throws IOException {
        InputStream guard = new StdinGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new JacksonMcpJsonMapper(mapper), mapper, maxLine, ends::incrementAndGet);
        return new String(guard.readAllBytes(), StandardCharsets.UTF_8);
    }

    private String replies() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validMessages_passUnchanged_andEndOfInputIsReportedOnce() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String note = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

        assertThat(passThrough(ping + "\r\n" + note + "\n", 1024)).isEqualTo(ping + "\n" + note + "\n");
        assertThat(replies()).isEmpty();
        assertThat(ends).hasValue(1);
    }

    @Test
    void invalidJson_isAnsweredWithParseError_andReadingContinues() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

        assertThat(passThrough("this is not json\n" + ping + "\n", 1024)).isEqualTo(ping + "\n");
        assertThat(replies()).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the line is not valid JSON\"}}\n");
    }

    @Test
    void jsonThatIsNotJsonRpc_isAnsweredWithInvalidRequest_keepingItsId() throws IOException {
        assertThat(passThrough("{\"id\":7,\"foo\":1}\n[1,2]\n", 1024)).isEmpty();
        assertThat(replies()).contains("\"id\":7,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: not a JSON-RPC 2.0 message\"}")
                .contains("batches are not supported");
    }

    @Test
    void tooLongLine_isSkippedAndAnswered_nextLinePasses() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";

        assertThat(passThrough("x".repeat(5000) + "\n" + ping + "\n", 100)).isEqualTo(ping + "\n");
        assertThat(replies()).contains("-32600").contains("larger than 100 bytes");
    }

    @Test
    void blankLines_areIgnored_andLastLineWithoutNewlineStillPasses() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}";

        assertThat(passThrough("\n  \n" + ping, 1024)).isEqualTo(ping + "\n");
        assertThat(replies()).isEmpty();
    }
}
