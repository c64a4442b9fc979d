package io.redstream.core.tx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of {@link Transaction#execute()}.
 *
 * @param committed false when a {@code WATCH}ed key changed and nothing was applied
 * @param results one result per operation, in order (empty when not committed): {@code get} → value or
 *     {@code null}; {@code set} → {@code Boolean} written; {@code delete} → {@code Long} removed; {@code expire} →
 *     {@code Boolean} applied; {@code increment} → {@code Long} new value
 */
public record TransactionResult(boolean committed, List<Object> results) {
    /**
     * Copies the results (which may hold {@code null}s).
     *
     * @param committed false when a {@code WATCH}ed key changed and nothing was applied
     * @param results one result per operation, in order (empty when not committed): {@code get} → value or
     *     {@code null}; {@code set} → {@code Boolean} written; {@code delete} → {@code Long} removed;
     *     {@code expire} → {@code Boolean} applied; {@code increment} → {@code Long} new value
     */
    public TransactionResult {
        results = Collections.unmodifiableList(new ArrayList<>(results));
    }
}
