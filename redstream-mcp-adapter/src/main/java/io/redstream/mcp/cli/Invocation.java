package io.redstream.mcp.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.redstream.mcp.ServerConfig;

/**
 * A parsed command line: the command, the server configuration (for {@link Command#SERVE}) and the raw
 * arguments of a subcommand (for {@link Command#KEYGEN} and {@link Command#TOKEN}, parsed by the
 * subcommand itself). Immutable.
 */
public record Invocation(Command command, ServerConfig config, List<String> subcommandArguments) {

    public Invocation {
        requireNonNull(command, "command");
        subcommandArguments = List.copyOf(subcommandArguments);
        if (command == Command.SERVE && config == null) {
            throw new IllegalArgumentException("SERVE needs a config");
        }
    }

    public Optional<ServerConfig> serverConfig() {
        return Optional.ofNullable(config);
    }
}
