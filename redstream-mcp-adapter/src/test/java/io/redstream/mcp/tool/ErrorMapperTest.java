package io.redstream.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamConnectionException;

class ErrorMapperTest {

    @Test
    void text_coreExceptions_keepTheirCodeAndMessage_withWhatToDo() {
        assertThat(ErrorMapper.text("t", null, new AccessDeniedException("principal 'x' may not key.set nova:a:b:c")))
                .isEqualTo("ACCESS_DENIED: principal 'x' may not key.set nova:a:b:c");
        assertThat(ErrorMapper.text("t", "create the group with stream_group_create",
                new NotFoundException("no group 'g'"))).isEqualTo("NOT_FOUND: no group 'g'; create the group with"
                        + " stream_group_create");
        assertThat(ErrorMapper.text("t", null, new CompletionException(new RedStreamConnectionException("down"))))
                .isEqualTo("UNAVAILABLE: down; the server keeps running: retry when Redis is reachable");
    }

    @Test
    void text_secretsAreRedacted_andLinesJoined() {
        assertThat(ErrorMapper.text("t", null, new IllegalArgumentException("cannot reach redis://u:hunter2@h:6379\n"
                + "token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")))
                .isEqualTo("INVALID_ARGUMENT: cannot reach redis://***@h:6379 token=***");
    }

    @Test
    void text_unexpectedFailure_showsNothingOfIt() {
        String text = ErrorMapper.text("t", null, new IllegalStateException("secret detail at com.example.Internal"));
        assertThat(text).isEqualTo("UNAVAILABLE: " + ErrorMapper.INTERNAL_ERROR);
    }

    @Test
    void text_longMessages_areBounded() {
        assertThat(ErrorMapper.text("t", null, new IllegalArgumentException("x".repeat(5000))))
                .hasSizeLessThan(ErrorMapper.MAX_MESSAGE_LENGTH + 40).endsWith("...");
    }
}
