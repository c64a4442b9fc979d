package io.redstream.embedded;

/**
 * Main class of a throwaway JVM for {@link JvmDeathIT}: starts a server, prints what the test needs to
 * know about it (the password only so the test can check that no log line carries it), and never closes
 * it, so only the runtime's safety nets can stop it when this JVM dies.
 */
public final class LeakyJvmMain {

    private LeakyJvmMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRedis server = EmbeddedRedis.start();
        System.out.println("DATA_DIR " + server.dataDirectory());
        System.out.println("PASSWORD " + server.password().orElseThrow());
        System.out.println("REDIS_PID " + server.pid());
        System.out.flush();
        Thread.sleep(60_000); // bounded: the test kills us long before; never leak this JVM either
    }
}
