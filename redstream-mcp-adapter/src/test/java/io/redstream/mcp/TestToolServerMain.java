package io.redstream.mcp;

/**
 * The production launch path ({@link Main#launch}) with the {@link TestTools}: used by the stdio
 * integration tests and to try external clients (MCP Inspector) against real tools.
 */
public final class TestToolServerMain {

    private TestToolServerMain() {
    }

    public static void main(String[] args) {
        Main.launch(args, TestTools::all);
    }
}
