package io.redstream.mcp.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Consumer;

import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.redstream.core.Redaction;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.server.CallObserver;
import io.redstream.mcp.server.Identity;
import io.redstream.mcp.server.McpServers;
import io.redstream.mcp.server.ServerCore;
import io.redstream.mcp.server.StartupException;
import io.redstream.mcp.server.ToolCallObservations;
import io.redstream.mcp.tool.ToolCatalog;
import io.redstream.mcp.tool.ToolInvoker;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import reactor.core.publisher.Mono;

/**
 * A running MCP server over HTTP on Jetty: Streamable HTTP on {@value #MCP_PATH} (the SDK's servlet transport, or
 * its stateless one with {@code --stateless}), WebSocket on {@value #WS_PATH} ({@link WebSocketTransport}, with
 * tickets from {@code POST /ws/ticket}), {@code /health}, {@code /metrics} and the RFC 9728 metadata. Every
 * request passes, in this order: the shutdown gate ({@link InFlight}), Host and Origin checks
 * ({@link OriginGuard}), then — except health and metadata — bearer authentication ({@link BearerAuth}), the
 * per-principal rate ({@link PrincipalRateLimit}) and, for sessions, the session's owner ({@link SessionOwners}).
 * Bodies over the request limit get 413 before they are read. Thread-safe; {@link #close()} is idempotent.
 */
public final class HttpServer implements AutoCloseable {

    public static final String MCP_PATH = "/mcp";
    public static final String WS_PATH = "/ws";

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final ServerCore core;
    private final HttpConfig http;
    private final Server jetty;
    private final ServerConnector connector;
    private final InFlight inFlight = new InFlight();
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private final Mono<Void> closeMcp;
    private final WebSocketTransport webSockets;
    private volatile boolean closed;

    private HttpServer(ServerConfig config, HttpConfig http, Consumer<String> warn) {
        this.http = http;
        Identity identity = Identity.of(config);
        if (identity.authenticator() == null) {
            warn.accept("--insecure-no-auth: HTTP callers are not authenticated and act as local admin of the"
                    + " namespace '" + identity.policy().naming().namespace() + "'; only for local testing");
        }
        this.core = ServerCore.of(config, identity, null);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        Gauge.builder("redstream.mcp.http.requests.active", inFlight, InFlight::running)
                .description("HTTP requests being answered").register(metrics);

        McpJsonMapper json = McpServers.jsonMapper();
        ToolInvoker invoker = core.invoker(HttpCallers.resolver());
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(metrics));
        CallObserver observer = new ToolCallObservations(observations);
        jakarta.servlet.http.HttpServlet transport;
        Mono<Void> closeHttp;
        if (http.stateless()) {
            HttpServletStatelessServerTransport t = HttpServletStatelessServerTransport.builder().jsonMapper(json)
                    .messageEndpoint(MCP_PATH).contextExtractor(HttpCallers.extractor())
                    .maxRequestSize(core.maxRequestBytes()).build();
            closeHttp = McpServers.build(t, invoker, json, observer).closeGracefully();
            transport = t;
        } else {
            HttpServletStreamableServerTransportProvider t = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(json).mcpEndpoint(MCP_PATH).contextExtractor(HttpCallers.extractor())
                    .maxRequestSize(core.maxRequestBytes()).sessionSweepInterval(http.sessionIdleTimeout()).build();
            closeHttp = McpServers.build(t, invoker, json, observer).closeGracefully();
            transport = t;
        }
        this.webSockets = new WebSocketTransport(json);
        this.closeMcp = Mono.when(closeHttp, McpServers.build(webSockets, invoker, json, observer).closeGracefully());

        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("redstream-http");
        this.jetty = new Server(threads);
        HttpConfiguration hc = new HttpConfiguration();
        hc.setSendServerVersion(false);
        hc.setSendXPoweredBy(false);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(hc));
        connector.setHost(http.bind());
        connector.setPort(http.port());
        connector.setIdleTimeout(Duration.ofSeconds(60).toMillis());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(http.maxConnections(), connector));
        jetty.setErrorHandler(new ShortErrors.Core());
        jetty.setStopTimeout(5_000);

        ProtectedResource resource = new ProtectedResource(http.publicUrl(), identity.policy(),
                config.jwtIssuer().orElse(null));
        ServletContextHandler context = new ServletContextHandler("/");
        context.setErrorHandler(new ShortErrors.Servlet());
        filter(context, inFlight, "/*");
        filter(context, new OriginGuard(http), "/*");
        Tickets tickets = new Tickets();
        BearerAuth auth = new BearerAuth(identity.authenticator(), identity.policy().roleNames(), resource, tickets);
        filter(context, auth, MCP_PATH + "/*", WS_PATH + "/*", "/metrics");
        filter(context, new PrincipalRateLimit(http.ratePerSecond()), MCP_PATH + "/*", WS_PATH + "/*");
        if (!http.stateless()) {
            filter(context, new SessionOwners(http.maxSessions(), http.sessionIdleTimeout()), MCP_PATH + "/*");
            filter(context, new Cancellations(), MCP_PATH + "/*");
        }
        filter(context, new SdkErrorBodies(), MCP_PATH + "/*");
        ServletHolder mcp = new ServletHolder("mcp", transport);
        mcp.setAsyncSupported(true);
        context.addServlet(mcp, MCP_PATH);
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder("ws", new WebSocketServlet(webSockets, core.maxRequestBytes(),
                http.sessionIdleTimeout().toMillis())), WS_PATH);
        context.addServlet(new ServletHolder("ws-ticket", new TicketServlet(tickets)), WS_PATH + "/ticket");
        context.addServlet(new ServletHolder("health", new HealthServlet(core.redis())), "/health/*");
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");
        ServletHolder metadata = new ServletHolder("resource-metadata", resource);
        context.addServlet(metadata, ProtectedResource.PATH);
        context.addServlet(metadata, ProtectedResource.PATH + MCP_PATH);
        jetty.setHandler(new SizeLimitHandler(core.maxRequestBytes(), -1) {
            {
                setHandler(context);
            }
        });
    }

    private static void filter(ServletContextHandler context, Filter filter, String... paths) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        for (String path : paths) {
            context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
        }
    }

    /**
     * Starts listening and connects to Redis in the background.
     *
     * @param warn where start-up warnings a person should read go (stderr)
     * @throws StartupException when the configuration cannot work or the port cannot be bound
     */
    public static HttpServer start(ServerConfig config, HttpConfig http, Consumer<String> warn) {
        requireNonNull(config, "config");
        requireNonNull(http, "http");
        HttpServer s = new HttpServer(config, http, requireNonNull(warn, "warn"));
        try {
            s.jetty.start();
        } catch (Exception e) {
            s.core.close();
            throw new StartupException("--http " + http.port() + " on " + http.bind() + ": cannot listen ("
                    + Redaction.redact(String.valueOf(e.getMessage())) + ")");
        }
        s.core.start("http");
        return s;
    }

    /** The port listened on (the one the system chose for {@code --http 0}). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The MCP endpoint's URL on this machine. */
    public String url() {
        String host = http.bind().contains(":") ? "[" + http.bind() + "]" : http.bind();
        return "http://" + host + ":" + port() + MCP_PATH;
    }

    public ToolCatalog catalog() {
        return core.catalog();
    }

    /** Blocks until {@link #close()} has finished. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops accepting connections, answers new requests on open ones with 503, lets the requests in flight finish
     * (at most the longest wait a call may ask for, plus a margin), then closes sessions, Jetty and Redis.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connector.setAccepting(false);
        int left = inFlight.drain(core.drainTimeout());
        if (left > 0) {
            log.warn("{} request(s) still running after {} ms; stopping without their replies", left,
                    core.drainTimeout().toMillis());
        }
        webSockets.drain(core.drainTimeout());
        try {
            closeMcp.block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.debug("closing MCP sessions: {}", Redaction.describe(e));
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("stopping Jetty: {}", Redaction.describe(e));
        }
        core.close();
        stopped.countDown();
    }
}
