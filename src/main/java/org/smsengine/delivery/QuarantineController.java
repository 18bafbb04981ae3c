package org.smsengine.delivery;

import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/receipts/quarantine}: the receipts set aside, newest first (ADMIN: they hold carriers' raw data). */
@RestController
class QuarantineController {

    private final QuarantineMapper quarantine;
    private final PageLimits pages;

    QuarantineController(QuarantineMapper quarantine, PageLimits pages) {
        this.quarantine = quarantine;
        this.pages = pages;
    }

    @GetMapping("/api/v1/receipts/quarantine")
    PageView<QuarantinedReceipt> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = pages.of(page, size);
        return new PageView<>(quarantine.page(request.offset(), request.size()), page, size, quarantine.count());
    }
}
