package io.redstream.examples.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redstream.core.stream.DeadLetterFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.RedStreamListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads the dead-letter stream of the invoices and counts what arrives there ({@code invoices.dead.letters}). */
@Component
public class DeadLetterAlerter {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAlerter.class);

    final List<String> reasons = new CopyOnWriteArrayList<>();
    private final Counter counter;

    DeadLetterAlerter(MeterRegistry meters) {
        this.counter = Counter.builder("invoices.dead.letters").description("Invoices that could not be billed")
                .register(meters);
    }

    @RedStreamListener(stream = InvoiceWorker.STREAM + ":dlq", group = "alerts")
    void alert(StreamEntry entry) {
        LOG.warn("DEAD LETTER {} after {} deliveries: {}", entry.get(DeadLetterFields.ORIGINAL_ID),
                entry.get(DeadLetterFields.DELIVERIES), entry.get(DeadLetterFields.REASON));
        reasons.add(entry.get(DeadLetterFields.REASON));
        counter.increment();
    }
}
