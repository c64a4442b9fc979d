package io.redstream.core.fault;

/** Names and bounds shared by the fault tests and the consumer process they kill. */
final class FaultStreams {
    static final String WORK = "nova:task:fault:work";
    static final String PROCESSED = "nova:task:fault:processed";
    static final String GROUP = "fault-workers";
    static final int MAX_IN_FLIGHT = 64;
    static final int ACK_BATCH = 64;

    private FaultStreams() {
    }
}
