/**
 * The RedStream client: Redis Streams, consumer groups, key-value state, pub/sub, transactions and agent
 * coordination (task boards, locks, presence) under one naming convention, on a standalone Redis or a Redis Cluster.
 *
 * <p>Entry point: {@link io.redstream.core.RedStream}, built with {@link io.redstream.core.RedStream#builder()}; it
 * hands out the operation interfaces of the subpackages. {@link io.redstream.core.Limits} bounds every call. Every
 * failure is a {@link io.redstream.core.RedStreamException} whose subclass and
 * {@link io.redstream.core.ErrorCode} say what went wrong; {@link io.redstream.core.Redaction} keeps credentials out
 * of messages and logs.
 */
package io.redstream.core;
