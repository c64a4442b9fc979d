package io.redstream.core.stream;

import java.util.List;

/**
 * A stream's size, ends and groups.
 *
 * @param firstId id of the oldest entry, or {@code null} when empty
 * @param lastId id of the newest entry, or {@code null} when empty
 * @param lastGeneratedId the highest id ever added (stays after trimming)
 */
public record StreamInfo(String stream, long length, String firstId, String lastId, String lastGeneratedId,
        List<GroupInfo> groups) {
    public StreamInfo {
        groups = List.copyOf(groups);
    }
}
