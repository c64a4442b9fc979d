package io.redstream.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range of Redis Cluster hash slots, and the split of all 16384 slots among masters.
 *
 * <p>Immutable.
 */
record SlotRange(int start, int end) {

    static final int SLOTS = 16384;

    SlotRange {
        if (start < 0 || end >= SLOTS || start > end) {
            throw new IllegalArgumentException(
                    "slot range must satisfy 0 <= start <= end < " + SLOTS + ", but was " + start + "-" + end);
        }
    }

    /**
     * Splits all slots into {@code masters} contiguous ranges the way {@code redis-cli --cluster create}
     * does, so a 3-master cluster gets the familiar 0-5460, 5461-10922, 10923-16383.
     */
    static List<SlotRange> split(int masters) {
        if (masters < 1 || masters > SLOTS) {
            throw new IllegalArgumentException("masters must be between 1 and " + SLOTS + ", but was " + masters);
        }
        double perNode = (double) SLOTS / masters;
        List<SlotRange> ranges = new ArrayList<>(masters);
        int first = 0;
        double cursor = 0;
        for (int i = 0; i < masters; i++) {
            int last = (int) Math.round(cursor + perNode - 1);
            if (last > SLOTS - 1 || i == masters - 1) {
                last = SLOTS - 1;
            }
            if (last < first) {
                last = first;
            }
            ranges.add(new SlotRange(first, last));
            first = last + 1;
            cursor += perNode;
        }
        return List.copyOf(ranges);
    }

    boolean contains(int slot) {
        return slot >= start && slot <= end;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
