package io.redstream.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolException;

class ErrorMapperTest {

    private final ErrorMapper mapper = ErrorMapper.defaults();

    @Test
    void map_toolException_keepsCodeAndMessage() {
        ToolError e = mapper.map("t", ToolException.notFound("no group 'g' on stream 's'"));

        assertThat(e.text()).isEqualTo("NOT_FOUND: no group 'g' on stream 's'");
    }

    @Test
    void map_everyCode_rendersCodeColonMessage() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(mapper.map("t", new ToolException(code, "m")).text()).isEqualTo(code.name() + ": m");
        }
    }

    @Test
    void map_illegalArgument_isInvalidArgumentWithItsMessage() {
        ToolError e = mapper.map("t", new IllegalArgumentException("count must be between 1 and 1000, but was 0"));

        assertThat(e.text()).isEqualTo("INVALID_ARGUMENT: count must be between 1 and 1000, but was 0");
    }

    @Test
    void map_unexpectedException_isInternalErrorWithoutDetails() {
        ToolError e = mapper.map("t", new IllegalStateException("secret detail at redis://u:pw@h"));

        assertThat(e.text()).isEqualTo("UNAVAILABLE: internal error (see server log)");
    }

    @Test
    void map_wrappedExceptions_areUnwrapped() {
        ToolError e = mapper.map("t", new CompletionException(new ExecutionException(ToolException.conflict("exists"))));

        assertThat(e.text()).isEqualTo("CONFLICT: exists");
    }

    @Test
    void with_registeredRule_mapsSubclasses_andLaterRulesWin() {
        ErrorMapper m = mapper.with(RuntimeException.class, ErrorCode.UNAVAILABLE)
                .with(UncheckedIOException.class, ErrorCode.NOT_FOUND);

        assertThat(m.map("t", new UncheckedIOException("gone", new java.io.IOException())).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(m.map("t", new IllegalStateException("redis down")).text()).isEqualTo("UNAVAILABLE: redis down");
    }

    @Test
    void map_exposedMessage_isRedactedAndOneLineAndBounded() {
        ToolError e = mapper.map("t", new IllegalArgumentException("bad uri redis://user:pw@h:1\nsecond line " + "x".repeat(900)));

        assertThat(e.message()).startsWith("bad uri redis://***@h:1 second line").doesNotContain("pw").doesNotContain("\n");
        assertThat(e.message()).hasSize(ErrorMapper.MAX_MESSAGE_LENGTH + 3);
    }

    @Test
    void map_blankMessage_getsTheCodeAsText() {
        assertThat(mapper.map("t", new IllegalArgumentException()).text()).isEqualTo("INVALID_ARGUMENT: invalid argument");
    }

    @Test
    void map_interrupted_isUnavailable_andRestoresTheFlag() {
        ToolError e = mapper.map("t", new InterruptedException());

        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void map_exceptionCarryingItsCode_usesThatCode() {
        class Coded extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final ErrorCode code;

            Coded(ErrorCode code, String message) {
                super(message);
                this.code = code;
            }
        }
        ErrorMapper coded = ErrorMapper.defaults().with(Coded.class, c -> c.code);

        assertThat(coded.map("t", new Coded(ErrorCode.NOT_FOUND, "no group")).text()).isEqualTo("NOT_FOUND: no group");
        assertThat(coded.map("t", new CompletionException(new Coded(ErrorCode.CONFLICT, "watched key changed"))).text())
                .isEqualTo("CONFLICT: watched key changed");
    }
}
