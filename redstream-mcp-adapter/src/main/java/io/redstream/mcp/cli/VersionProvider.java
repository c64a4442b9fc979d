package io.redstream.mcp.cli;

import io.redstream.mcp.server.Version;
import picocli.CommandLine;

/** {@code --version}: the jar's version and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"redstream-mcp " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
