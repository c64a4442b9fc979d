/**
 * The naming convention every stream, key and channel name follows ({@code namespace:domain:entity:name...}).
 *
 * <p>Entry point: {@link io.redstream.core.naming.NamingPolicy}, which validates names into
 * {@link io.redstream.core.naming.ResourceName}s and glob patterns into
 * {@link io.redstream.core.naming.NamePattern}s; access decisions are made on those.
 */
package io.redstream.core.naming;
