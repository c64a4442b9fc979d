package io.redstream.core.internal.task;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.internal.CoordinationArguments;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;

/** The names of one board: its tasks, events and dead-letter streams and its tasks' hashes. Immutable. */
final class BoardNames {
    private final NamingPolicy naming;
    final String board;
    final ResourceName tasks;
    final ResourceName events;
    final ResourceName deadLetters;
    /** Every task hash of the board, for checks made before a task id is known. */
    final NamePattern records;
    private final String recordPrefix;

    BoardNames(NamingPolicy naming, String board) {
        this.naming = naming;
        this.board = CoordinationArguments.board(board);
        String base = naming.namespace() + ":task:" + board;
        this.tasks = naming.stream(base + ":tasks");
        this.events = naming.stream(base + ":events");
        this.deadLetters = naming.deadLetterStream(tasks);
        this.recordPrefix = base + ":task:";
        this.records = naming.pattern(NameKind.KEY, recordPrefix + "*");
    }

    /** The hash of {@code taskId}, which must already be checked by {@link #taskId}. */
    ResourceName record(String taskId) {
        return naming.key(recordPrefix + taskId);
    }

    String recordKey(String taskId) {
        return recordPrefix + taskId;
    }

    /** A task id is the id of its stream entry: {@code <ms>-<seq>}. */
    static String taskId(String value) {
        if (value == null || !isEntryId(value)) {
            throw new InvalidArgumentException("taskId must be a task id as returned by create (<ms>-<seq>, digits),"
                    + " but was " + (value == null ? "null" : "'" + (value.length() > 64 ? value.substring(0, 64)
                    + "..." : value) + "'"));
        }
        return value;
    }

    private static boolean isEntryId(String v) {
        int dash = v.indexOf('-');
        return dash > 0 && dash < 20 && v.length() - dash - 1 > 0 && v.length() - dash - 1 < 20
                && digits(v, 0, dash) && digits(v, dash + 1, v.length());
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
