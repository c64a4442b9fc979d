package io.redstream.core.access;

/**
 * The coarse level of an {@link Action}, which the built-in roles are made of: {@code {domain}_read} grants the
 * READ actions, {@code {domain}_write} the WRITE actions, {@code admin} everything.
 */
public enum AccessLevel {
    READ,
    WRITE,
    ADMIN
}
