/**
 * The implementation behind the public interfaces; not an API, and it may change in any release.
 *
 * <p>{@link io.redstream.core.internal.RedisGateway} is the one place Redis is called (with
 * {@link io.redstream.core.internal.ErrorTranslator} turning Jedis failures into RedStream exceptions and
 * {@link io.redstream.core.internal.OperationMetrics} timing each {@link io.redstream.core.internal.Operation});
 * {@link io.redstream.core.internal.ClientContext} carries what every operation needs; the {@code Default*} classes
 * implement the operation interfaces on top of them.
 */
package io.redstream.core.internal;
