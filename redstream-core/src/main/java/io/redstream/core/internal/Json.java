package io.redstream.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redstream.core.InvalidArgumentException;

/** The one shared Jackson mapper for field values (thread-safe once configured). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private Json() {
    }

    /**
     * The shared Jackson mapper, with every module on the class path registered.
     *
     * @return the mapper; thread-safe, do not reconfigure it
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes {@code value} as JSON.
     *
     * @param what what the value is, for the error message
     * @param value the value to write
     * @return the JSON text
     * @throws io.redstream.core.InvalidArgumentException the value cannot be written as JSON
     */
    public static String write(String what, Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException(what + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code json} as {@code type}.
     *
     * @param <T> the type to read
     * @param what what the value is, for the error message
     * @param json the JSON text
     * @param type the class to read into
     * @return the value read
     * @throws io.redstream.core.InvalidArgumentException the text is not JSON of that type
     */
    public static <T> T read(String what, String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException(what + " cannot be read as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
