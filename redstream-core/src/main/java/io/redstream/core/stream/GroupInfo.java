package io.redstream.core.stream;

/**
 * A consumer group as {@code XINFO GROUPS} reports it.
 *
 * @param lag entries not yet delivered to the group, or {@code null} when Redis cannot tell (after deletions or
 *     trimming past the group's position)
 */
public record GroupInfo(String name, long consumers, long pending, String lastDeliveredId, Long entriesRead,
        Long lag) {
}
