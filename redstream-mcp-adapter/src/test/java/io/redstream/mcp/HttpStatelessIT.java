package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/**
 * {@code --stateless}: two instances on one Redis, as behind a load balancer. No session id is handed out, any
 * instance answers any request, and what one instance writes the other reads.
 */
@ExtendWith(RedisServerExtension.class)
class HttpStatelessIT {

    @Test
    void twoInstances_shareOneRedis_andAnswerAnyRequest(RedisServerProcess redis) throws Exception {
        redis.flushAll();
        List<String> flags = List.of("--insecure-no-auth", "--stateless");
        try (HttpProcess a = HttpProcess.start(redis.uri(), flags);
                HttpProcess b = HttpProcess.start(redis.uri(), flags)) {
            HttpResponse<String> init = new HttpWire(a).post(HttpWire.INITIALIZE);
            assertThat(init.statusCode()).isEqualTo(200);
            assertThat(init.headers().firstValue("Mcp-Session-Id")).isEmpty();
            // A request that never initialized on this instance is answered: there are no sessions to miss.
            HttpResponse<String> list = new HttpWire(b).post(HttpWire.TOOLS_LIST);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("stream_publish");

            McpSyncClient ca = a.client(null);
            McpSyncClient cb = b.client(null);
            try {
                Object id = ok(ca, "stream_publish", args("stream", "nova:task:lb:q", "fields",
                        java.util.Map.of("n", "1"))).get("id");
                assertThat(ok(cb, "stream_read", args("stream", "nova:task:lb:q")).get("entries").toString())
                        .contains(id.toString());
                ok(cb, "redis_set", args("key", "nova:agent:lb:k", "value", "from-b"));
                assertThat(ok(ca, "redis_get", args("key", "nova:agent:lb:k"))).containsEntry("value", "from-b");
            } finally {
                ca.closeGracefully();
                cb.closeGracefully();
            }
        }
    }
}
