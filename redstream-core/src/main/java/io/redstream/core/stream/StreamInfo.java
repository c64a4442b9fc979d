package io.redstream.core.stream;

import java.util.List;

/**
 * A stream's size, ends and groups.
 *
 * @param stream the stream name
 * @param length the number of entries
 * @param firstId id of the oldest entry, or {@code null} when empty
 * @param lastId id of the newest entry, or {@code null} when empty
 * @param lastGeneratedId the highest id ever added (stays after trimming)
 * @param groups the stream's consumer groups
 */
public record StreamInfo(String stream, long length, String firstId, String lastId, String lastGeneratedId,
        List<GroupInfo> groups) {
    /**
     * Copies the group list.
     *
     * @param stream the stream name
     * @param length the number of entries
     * @param firstId id of the oldest entry, or {@code null} when empty
     * @param lastId id of the newest entry, or {@code null} when empty
     * @param lastGeneratedId the highest id ever added (stays after trimming)
     * @param groups the stream's consumer groups
     */
    public StreamInfo {
        groups = List.copyOf(groups);
    }
}
