package io.redstream.mcp.server;

/** The server's version, from the jar's manifest. */
public final class Version {

    private Version() {
    }

    /** The jar's {@code Implementation-Version}, or {@code dev} when run from classes. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
