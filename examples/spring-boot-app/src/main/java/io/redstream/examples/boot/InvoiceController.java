package io.redstream.examples.boot;

import io.redstream.core.RedStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /invoices {"customer": "acme", "amount": "120.00"}} publishes one invoice and returns its entry id. */
@RestController
class InvoiceController {
    private final RedStream redStream;

    InvoiceController(RedStream redStream) {
        this.redStream = redStream;
    }

    record Invoice(String customer, String amount) {
    }

    @PostMapping("/invoices")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> publish(@RequestBody Invoice invoice) {
        String id = redStream.publish(InvoiceWorker.STREAM, Map.of("customer", invoice.customer(), "amount",
                invoice.amount()));
        return Map.of("id", id);
    }
}
