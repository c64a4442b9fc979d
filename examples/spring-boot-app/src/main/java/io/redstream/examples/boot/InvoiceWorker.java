package io.redstream.examples.boot;

import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.RedStreamListener;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Bills invoices; a negative amount throws, so the entry is retried and, after three deliveries, dead-lettered. */
@Component
public class InvoiceWorker {
    static final String STREAM = "nova:task:billing:invoices";
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceWorker.class);

    final List<String> billed = new CopyOnWriteArrayList<>();

    @RedStreamListener(stream = STREAM, group = "invoicing", concurrency = "${invoices.workers:2}",
            maxDeliveries = "3", retryDelay = "100ms")
    void bill(StreamEntry entry) {
        BigDecimal amount = new BigDecimal(entry.get("amount"));
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative amount " + amount);
        }
        LOG.info("billed {} {}", entry.get("customer"), amount);
        billed.add(entry.get("customer"));
    }
}
