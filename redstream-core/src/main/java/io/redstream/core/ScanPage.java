package io.redstream.core;

import java.util.List;

/**
 * One page of a cursor-based listing ({@code SCAN}). Pass {@link #cursor()} back to continue; {@code "0"} means
 * the listing is complete. A page may be empty while the cursor is not {@code "0"}: keep going.
 *
 * @param names names on this page (already filtered to what the caller may see)
 * @param cursor where to continue; opaque, {@code "0"} when done
 */
public record ScanPage(List<String> names, String cursor) {
    /**
     * Copies {@code names}, so a page never changes after it is created.
     *
     * @throws NullPointerException if {@code names} or one of its elements is {@code null}
     * @param names names on this page (already filtered to what the caller may see)
     * @param cursor where to continue; opaque, {@code "0"} when done
     */
    public ScanPage {
        names = List.copyOf(names);
    }

    /**
     * Whether the listing is complete, i.e. the cursor is {@code "0"}.
     *
     * @return {@code true} when there is nothing more to fetch
     */
    public boolean isComplete() {
        return "0".equals(cursor);
    }
}
