package io.redstream.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The arguments of a command core builds itself, made so that both Jedis lines route them. Jedis 8 computes a
 * key's hash slot in {@link CommandArguments}; Jedis 7 (the line Spring Boot 4.1 manages) does it in a subclass,
 * {@code ClusterCommandArguments}, which its cluster client casts every command's arguments to. When that class
 * is on the class path it is used for every command: its only addition is the slot of each key, which a
 * standalone connection ignores.
 */
final class CommandArgs {
    private static final MethodHandle JEDIS7_CLUSTER_ARGUMENTS = jedis7ClusterArguments();

    private CommandArgs() {
    }

    static CommandArguments of(ProtocolCommand command) {
        if (JEDIS7_CLUSTER_ARGUMENTS == null) {
            return new CommandArguments(command);
        }
        try {
            return (CommandArguments) JEDIS7_CLUSTER_ARGUMENTS.invokeExact(command);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build the arguments of " + command, e);
        }
    }

    private static MethodHandle jedis7ClusterArguments() {
        try {
            Class<?> type = Class.forName("redis.clients.jedis.ClusterCommandArguments", false,
                    CommandArguments.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class, ProtocolCommand.class))
                    .asType(MethodType.methodType(CommandArguments.class, ProtocolCommand.class));
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
