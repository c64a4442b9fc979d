package io.redstream.testkit;

/**
 * Main class of a throwaway JVM for {@link JvmDeathIT}: starts a server, prints its pid, and never
 * closes it, so only the testkit's safety nets can clean up when this JVM dies.
 */
public final class LeakyJvmMain {

    private LeakyJvmMain() {}

    public static void main(String[] args) throws InterruptedException {
        RedisServerProcess server = RedisServerProcess.start();
        System.out.println("DATA_DIR " + server.dataDirectory());
        System.out.println("REDIS_PID " + server.pid());
        System.out.flush();
        Thread.sleep(60_000); // bounded: the test kills us long before; never leak this JVM either
    }
}
