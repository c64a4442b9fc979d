package io.redstream.core.internal.consumer;

/** Orders stream ids {@code ms-seq} numerically (string order is wrong for ids of different lengths). */
final class IdOrder {
    private IdOrder() {
    }

    static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        long msA = Long.parseUnsignedLong(da < 0 ? a : a.substring(0, da));
        long msB = Long.parseUnsignedLong(db < 0 ? b : b.substring(0, db));
        if (msA != msB) {
            return Long.compareUnsigned(msA, msB);
        }
        long seqA = da < 0 ? 0 : Long.parseUnsignedLong(a.substring(da + 1));
        long seqB = db < 0 ? 0 : Long.parseUnsignedLong(b.substring(db + 1));
        return Long.compareUnsigned(seqA, seqB);
    }

    static String min(String a, String b) {
        return compare(a, b) <= 0 ? a : b;
    }

    static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }
}
