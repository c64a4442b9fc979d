package io.redstream.mcp;

/**
 * The production launch path ({@link Main#launch}) with the {@link TestTools} instead of the Redis tools:
 * used by the framework's stdio integration tests (no Redis needed).
 */
public final class TestToolServerMain {

    private TestToolServerMain() {
    }

    public static void main(String[] args) {
        Main.launch(args, config -> server -> server.tools(TestTools.all(config)));
    }
}
