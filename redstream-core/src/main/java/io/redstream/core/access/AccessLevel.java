package io.redstream.core.access;

/**
 * The coarse level of an {@link Action}, which the built-in roles are made of: {@code {domain}_read} grants the
 * READ actions, {@code {domain}_write} the WRITE actions, {@code admin} everything.
 */
public enum AccessLevel {
    /**
     * Reading: stream reads, listings and infos, group reads, acknowledgements and claims, key reads and
     * subscriptions.
     */
    READ,
    /** Writing: publishing, creating groups, writing, expiring and deleting keys. */
    WRITE,
    /** Administration: destroying consumer groups and moving their last-delivered ids. */
    ADMIN
}
