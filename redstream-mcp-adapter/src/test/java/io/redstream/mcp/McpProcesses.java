package io.redstream.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

/** Starts server processes for the integration tests and connects the MCP Java SDK client to them. */
final class McpProcesses {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private McpProcesses() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The shaded production jar. */
    static List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    static Path jar() {
        return Path.of(System.getProperty("redstream.mcp.jar", "target/redstream-mcp.jar")).toAbsolutePath();
    }

    /** A connected, initialized client; stderr lines of the server are collected into {@code stderr}. */
    static McpSyncClient client(List<String> command, Map<String, String> env, List<String> stderr) {
        ServerParameters params = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(stderr::add);
        return initialized(transport);
    }

    /** A connected, initialized client on {@code transport}, checking results against output schemas. */
    static McpSyncClient initialized(io.modelcontextprotocol.spec.McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                // the client checks structured content against each tool's output schema
                .jsonSchemaValidator(new DefaultJsonSchemaValidator())
                .enableCallToolSchemaCaching(true)
                .build();
        client.initialize();
        return client;
    }

    static List<String> newStderrSink() {
        return new CopyOnWriteArrayList<>();
    }
}
