package io.redstream.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.Limits;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC);
    private final MessageEncoder encoder = new MessageEncoder("svc-a", clock, Limits.DEFAULTS);

    @Test
    void encode_addsTimestampSourceAndTraceId() {
        Map<String, String> out = encoder.encode("s", Map.of("title", "hello"), null).toMap();
        assertThat(out).containsEntry("title", "hello")
                .containsEntry(MessageFields.TIMESTAMP, "1700000000123")
                .containsEntry(MessageFields.SOURCE, "svc-a")
                .containsKey(MessageFields.TRACE_ID)
                .doesNotContainKey(MessageFields.JSON_FIELDS);
        assertThat(out.get(MessageFields.TRACE_ID)).hasSize(32);
    }

    @Test
    void encode_callerTraceId_isKept() {
        Map<String, String> out = encoder.encode("s", Map.of("a", "1", "_trace_id", "t-123"), null).toMap();
        assertThat(out).containsEntry(MessageFields.TRACE_ID, "t-123");
    }

    @Test
    void encode_nonStringValues_storedAsJsonAndReadBackTyped() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", 42);
        fields.put("ok", true);
        fields.put("tags", List.of("a", "b"));
        fields.put("meta", Map.of("k", "v"));
        fields.put("text", "42");
        Map<String, String> out = encoder.encode("s", fields, null).toMap();
        assertThat(out.get("count")).isEqualTo("42");
        assertThat(out.get(MessageFields.JSON_FIELDS)).isEqualTo("count,ok,tags,meta");

        StreamEntry entry = new StreamEntry("s", "1-0", out, null);
        assertThat(entry.values()).containsEntry("count", 42).containsEntry("ok", true)
                .containsEntry("tags", List.of("a", "b")).containsEntry("meta", Map.of("k", "v"))
                .containsEntry("text", "42")
                .doesNotContainKeys(MessageFields.TIMESTAMP, MessageFields.SOURCE, MessageFields.TRACE_ID);
        assertThat(entry.get("count", Integer.class)).isEqualTo(42);
        assertThat(entry.get("text", String.class)).isEqualTo("42");
        assertThat(entry.timestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(entry.source()).isEqualTo("svc-a");
    }

    @Test
    void encode_emptyFields_isRejected() {
        assertThatThrownBy(() -> encoder.encode("nova:task:a:b", Map.of(), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("fields must not be empty");
    }

    @Test
    void encode_nullValue_isRejectedNamingTheField() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("x", null);
        assertThatThrownBy(() -> encoder.encode("s", fields, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("field 'x' has a null value");
    }

    @Test
    void encode_reservedField_isRejected() {
        assertThatThrownBy(() -> encoder.encode("s", Map.of("_source", "forged"), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("field '_source' is reserved");
    }

    @Test
    void encode_tooManyFields_isLimitExceeded() {
        MessageEncoder small = new MessageEncoder("svc", clock, Limits.builder().maxFieldsPerMessage(2).build());
        assertThatThrownBy(() -> small.encode("s", Map.of("a", "1", "b", "2", "c", "3"), null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("at most 2 entries, but had 3");
    }

    @Test
    void encode_oversizedMessage_isLimitExceeded() {
        MessageEncoder small = new MessageEncoder("svc", clock, Limits.builder().maxMessageBytes(100).build());
        assertThatThrownBy(() -> small.encode("s", Map.of("a", "x".repeat(200)), null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("at most 100 bytes");
    }

    @Test
    void encode_multibyteCharacters_countedAsUtf8Bytes() {
        MessageEncoder small = new MessageEncoder("svc", clock, Limits.builder().maxMessageBytes(10).build());
        // 4 characters, 12 bytes in UTF-8
        assertThatThrownBy(() -> small.encode("s", Map.of("a", "日本語!"), null))
                .isInstanceOf(LimitExceededException.class);
    }
}
