package io.redstream.mcp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.redstream.auth.Policy;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) at {@value #PATH} (and {@value #PATH}{@code /mcp}): what the
 * MCP endpoint is, that it takes bearer tokens in the {@code Authorization} header only, and the roles a token may
 * carry. Its URL is what {@code WWW-Authenticate: Bearer resource_metadata="..."} points to.
 */
final class ProtectedResource extends HttpServlet {

    static final String PATH = "/.well-known/oauth-protected-resource";

    private final String publicUrl;
    private final List<String> scopes;
    private final List<String> authorizationServers;
    private final transient ObjectMapper json = new ObjectMapper();

    /**
     * @param publicUrl the URL of {@code /mcp} as clients reach it, or null to derive it from each request
     * @param issuer the JWT issuer when it is a URL (an authorization server clients may ask for tokens), or null
     */
    ProtectedResource(String publicUrl, Policy policy, String issuer) {
        this.publicUrl = publicUrl;
        this.scopes = policy.roleNames().stream().sorted().toList();
        this.authorizationServers = issuer != null && issuer.matches("https?://\\S+") ? List.of(issuer) : List.of();
    }

    /** The MCP endpoint's URL: {@code --public-url}, or this request's scheme, host and {@code /mcp}. */
    String resource(HttpServletRequest request) {
        return publicUrl != null ? publicUrl : origin(request) + HttpServer.MCP_PATH;
    }

    /** The URL of this metadata document, for {@code WWW-Authenticate}. */
    String metadataUrl(HttpServletRequest request) {
        if (publicUrl != null) {
            java.net.URI u = java.net.URI.create(publicUrl);
            return u.getScheme() + "://" + u.getRawAuthority() + PATH;
        }
        return origin(request) + PATH;
    }

    private static String origin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host != null ? host : request.getServerName() + ":"
                + request.getServerPort());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", resource(request));
        doc.put("authorization_servers", authorizationServers);
        doc.put("bearer_methods_supported", List.of("header"));
        doc.put("scopes_supported", scopes);
        doc.put("resource_name", "RedStream MCP server");
        byte[] body = json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
