package io.redstream.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.redstream.auth.Principal;

class TicketsTest {

    private final AtomicLong now = new AtomicLong();
    private final Tickets tickets = new Tickets(now::get);
    private final Principal alice = Principal.localAdmin();

    @Test
    void aTicket_isRedeemedOnce() {
        String t = tickets.issue(alice);

        assertThat(t).startsWith("rst_").hasSizeGreaterThan(40);
        assertThat(tickets.redeem(t)).isSameAs(alice);
        assertThat(tickets.redeem(t)).isNull();
    }

    @Test
    void aTicket_expiresAfterThirtySeconds() {
        String fresh = tickets.issue(alice);
        String stale = tickets.issue(alice);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(tickets.redeem(fresh)).isSameAs(alice);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(tickets.redeem(stale)).isNull();
    }

    @Test
    void unknownTickets_openNothing() {
        tickets.issue(alice);
        assertThat(tickets.redeem("rst_guess")).isNull();
        assertThat(tickets.redeem(null)).isNull();
    }
}
