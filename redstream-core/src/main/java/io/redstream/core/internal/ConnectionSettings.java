package io.redstream.core.internal;

import java.time.Duration;
import java.util.List;

/**
 * Everything needed to open connections, resolved and validated by the builder. The password is kept out of
 * {@link #toString()} so the settings can be logged.
 *
 * @param nodes one "host:port" for standalone, one or more seeds for a cluster
 * @param cluster whether {@code nodes} are cluster seeds
 * @param user the ACL user, or {@code null} for the default user
 * @param password the password, or {@code null} for none
 * @param database the database index of a standalone server
 * @param ssl whether connections use TLS
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for the reply of a non-blocking command
 * @param blockingSocketTimeout socket timeout for blocking commands: the longest allowed block plus a margin, so a
 *     stalled server is detected instead of hanging forever
 * @param poolMaxTotal the most pooled connections (per node on a cluster)
 * @param poolMaxIdle the most idle pooled connections kept
 * @param poolMinIdle the least idle pooled connections kept
 * @param clientName the name set with {@code CLIENT SETNAME}, {@code redstream-<identity>}
 * @param sslContext the TLS context (trust and key material) when set, else the JVM default
 * @param validateAfterIdle a pooled connection unused for this long is checked with {@code PING} before it is lent
 */
public record ConnectionSettings(
        List<String> nodes,
        boolean cluster,
        String user,
        String password,
        int database,
        boolean ssl,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration blockingSocketTimeout,
        int poolMaxTotal,
        int poolMaxIdle,
        int poolMinIdle,
        String clientName,
        javax.net.ssl.SSLContext sslContext,
        Duration validateAfterIdle) {

    /**
     * Copies the node list.
     *
     * @param nodes one "host:port" for standalone, one or more seeds for a cluster
     * @param cluster whether {@code nodes} are cluster seeds
     * @param blockingSocketTimeout socket timeout for blocking commands: the longest allowed block plus a margin, so a
     *     stalled server is detected instead of hanging forever
     * @param sslContext the TLS context (trust and key material) when set, else the JVM default
     * @param validateAfterIdle a pooled connection unused for this long is checked with {@code PING} before it is lent
     * @param user the ACL user, or {@code null} for the default user
     * @param password the password, or {@code null} for none
     * @param database the database index of a standalone server
     * @param ssl whether connections use TLS
     * @param connectTimeout how long to wait for a connection
     * @param socketTimeout how long to wait for the reply of a non-blocking command
     * @param poolMaxTotal the most pooled connections (per node on a cluster)
     * @param poolMaxIdle the most idle pooled connections kept
     * @param poolMinIdle the least idle pooled connections kept
     * @param clientName the name set with {@code CLIENT SETNAME}, {@code redstream-<identity>}
     */
    public ConnectionSettings {
        nodes = List.copyOf(nodes);
    }

    /**
     * Describes the target without credentials.
     *
     * @return the URI or the cluster nodes, the user, database and TLS, never the password
     */
    public String describe() {
        return (cluster ? "cluster " : (ssl ? "rediss://" : "redis://")) + String.join(",", nodes)
                + (cluster || database == 0 ? "" : "/" + database);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + ", user=" + (user == null ? "-" : user) + ", password="
                + (password == null ? "-" : "***") + ", connectTimeout=" + connectTimeout + ", socketTimeout="
                + socketTimeout + ", pool=" + poolMaxTotal + "]";
    }
}
