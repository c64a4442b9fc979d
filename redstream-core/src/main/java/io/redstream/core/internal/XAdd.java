package io.redstream.core.internal;

import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.XAddParams;

/**
 * Builds the {@code XADD} of an {@link EncodedMessage}: the fields go out as the bytes the encoder made, and the
 * reply is read as the id string the API returns, with no intermediate map or {@code StreamEntryID}.
 */
public final class XAdd {
    private XAdd() {
    }

    /**
     * The command; its reply is the new entry id, or null when {@code NOMKSTREAM} found no stream.
     *
     * @param key the stream's Redis name
     * @param params the {@code XADD} options: id, trimming, {@code NOMKSTREAM}
     * @param message the encoded fields
     * @return the command object to run or pipeline
     */
    public static CommandObject<String> command(String key, XAddParams params, EncodedMessage message) {
        CommandArguments args = CommandArgs.of(Protocol.Command.XADD).key(key).addParams(params);
        message.appendTo(args);
        return new CommandObject<>(args, BuilderFactory.STRING);
    }
}
