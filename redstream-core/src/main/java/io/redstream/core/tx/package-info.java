/**
 * Atomic multi-key operations ({@code MULTI}/{@code EXEC}, optionally guarded by {@code WATCH}).
 *
 * <p>Entry point: {@link io.redstream.core.tx.Transaction}, from {@code RedStream.transaction()}; executing gives a
 * {@link io.redstream.core.tx.TransactionResult}.
 */
package io.redstream.core.tx;
