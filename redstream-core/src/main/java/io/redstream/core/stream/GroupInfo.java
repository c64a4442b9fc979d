package io.redstream.core.stream;

/**
 * A consumer group as {@code XINFO GROUPS} reports it.
 *
 * @param name the group's name
 * @param consumers how many consumers the group has
 * @param pending entries delivered and not yet acknowledged
 * @param lastDeliveredId the id of the last entry delivered to the group
 * @param entriesRead how many entries the group has read, or {@code null} when Redis cannot tell
 * @param lag entries not yet delivered to the group, or {@code null} when Redis cannot tell (after deletions or
 *     trimming past the group's position)
 */
public record GroupInfo(String name, long consumers, long pending, String lastDeliveredId, Long entriesRead,
        Long lag) {
}
