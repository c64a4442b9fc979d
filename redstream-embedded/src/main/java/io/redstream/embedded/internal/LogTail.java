package io.redstream.embedded.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines a server wrote since a given offset of its log, for error messages: when redis
 * refuses to start, the reason (bad directive, port in use, unreadable AOF) is only in its log.
 */
public final class LogTail {

    /** How many lines error messages quote. */
    public static final int DEFAULT_LINES = 25;
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    /** Current size of the log, to pass later as {@code fromOffset}; 0 if it does not exist yet. */
    public static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last {@code maxLines} lines written since {@code fromOffset} (at most the last 16 KB). */
    public static String read(Path log, long fromOffset, int maxLines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long start = Math.max(Math.max(0, fromOffset), end - MAX_BYTES);
            if (start >= end) {
                return "(log is empty)";
            }
            byte[] bytes = new byte[(int) (end - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Whether a line containing {@code marker} was written since {@code fromOffset}. Reads the first 64 KB
     * after the offset only: the lines a starting server writes are a few hundred bytes.
     */
    public static boolean containsSince(Path log, long fromOffset, String marker) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, fromOffset);
            long length = Math.min(file.length() - start, 64 * 1024);
            if (length <= 0) {
                return false;
            }
            byte[] bytes = new byte[(int) length];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }
}
