package io.redstream.core.state;

/** When a {@code set} writes. */
public enum SetCondition {
    /** Always. */
    ALWAYS,
    /** Only when the key does not exist ({@code NX}). */
    IF_ABSENT,
    /** Only when the key exists ({@code XX}). */
    IF_PRESENT
}
