package io.redstream.core.stream;

import java.util.List;

/**
 * The result of auto-claiming.
 *
 * @param entries entries now owned by the claiming consumer
 * @param deletedIds ids that were pending but no longer exist in the stream (trimmed or deleted); Redis removed
 *     them from the pending list
 * @param nextCursor where to continue; {@code 0-0} when the scan of the pending list is complete
 */
public record AutoClaimResult(List<StreamEntry> entries, List<String> deletedIds, String nextCursor) {
    /**
     * Copies the lists.
     *
     * @param entries entries now owned by the claiming consumer
     * @param deletedIds ids that were pending but no longer exist in the stream (trimmed or deleted); Redis removed
     *     them from the pending list
     * @param nextCursor where to continue; {@code 0-0} when the scan of the pending list is complete
     */
    public AutoClaimResult {
        entries = List.copyOf(entries);
        deletedIds = List.copyOf(deletedIds);
    }

    /**
     * Whether the scan of the pending list has finished.
     *
     * @return {@code true} when the next cursor is {@code 0-0}
     */
    public boolean isComplete() {
        return "0-0".equals(nextCursor);
    }
}
