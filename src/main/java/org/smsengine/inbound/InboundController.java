package org.smsengine.inbound;

import org.smsengine.optout.PhoneLookups;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.smsengine.download.CsvDownload;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.Role;
import org.smsengine.system.UserText;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages handsets sent, newest first; every role may read them, phones whole for ADMIN only. */
@RestController
class InboundController {

    private static final int EXPORT_WINDOW = 5000;

    private final InboundMapper inbound;
    private final PageLimits pages;
    private final PhoneLookups lookups;

    InboundController(InboundMapper inbound, PageLimits pages, PhoneLookups lookups) {
        this.inbound = inbound;
        this.pages = pages;
        this.lookups = lookups;
    }

    @GetMapping("/api/v1/inbound")
    PageView<InboundView> list(@RequestParam(required = false) String phone, @RequestParam(required = false) String keyword,
            @RequestParam(required = false) Long batchId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Authentication user) {
        InboundFilter filter = InboundFilter.of(phone, keyword, batchId);
        if (filter.phone() != null) {
            lookups.lookUp(user, "GET /api/v1/inbound?phone=", filter.phone());
        }
        PageRequest request = pages.of(page, size);
        boolean fullPhone = Role.seesFullPhones(user);
        var items = inbound.page(filter.phone(), filter.keyword(), filter.batchId(), request.offset(), request.size())
                .stream().map(row -> InboundView.of(row, fullPhone)).toList();
        return new PageView<>(items, page, size, inbound.count(filter.phone(), filter.keyword(), filter.batchId()));
    }

    /**
     * The same messages as CSV, newest first, a window at a time as they are read (constant memory
     * however many). Every role may download them, phones whole for ADMIN only; the texts are what
     * handsets sent, so a cell a spreadsheet would run as a formula is neutralised (CsvDownload).
     */
    @GetMapping("/api/v1/inbound/export")
    void export(@RequestParam(required = false) String phone, @RequestParam(required = false) String keyword,
            @RequestParam(required = false) Long batchId, Authentication user, HttpServletResponse response)
            throws IOException {
        InboundFilter filter = InboundFilter.of(phone, keyword, batchId);
        if (filter.phone() != null) {
            lookups.lookUp(user, "GET /api/v1/inbound/export?phone=", filter.phone());
        }
        boolean full = Role.seesFullPhones(user);
        try (CsvDownload csv = CsvDownload.start(response, "inbound.csv", "id", "from", "to", "text", "keyword", "action",
                "provider", "batchId", "receivedAt", "replyText", "replyStatus", "repliedAt")) {
            Long before = null;
            List<InboundRow> window;
            do {
                window = inbound.window(filter.phone(), filter.keyword(), filter.batchId(), before, EXPORT_WINDOW);
                for (InboundRow row : window) {
                    csv.row(row.id(), PhoneMask.shown(row.fromPhone(), full), row.toAddress(), row.text(),
                            row.keyword() == null ? null : row.keyword().name(), row.action(), row.provider(), row.batchId(),
                            row.receivedAt(), row.replyText(), row.replyStatus(), row.repliedAt());
                    before = row.id();
                }
            } while (window.size() == EXPORT_WINDOW);
        }
    }

    /**
     * The listing's filters, checked. A phone is matched as stored: E.164 with its {@code +} (a
     * {@code +} left unencoded in a query string arrives as a space, so digits alone get it back),
     * or an alphanumeric sender as it is.
     */
    record InboundFilter(String phone, Keyword keyword, Long batchId) {

        static InboundFilter of(String phone, String keyword, Long batchId) {
            List<InputError> errors = new ArrayList<>();
            String number = phone == null || phone.isBlank() ? null : phone.strip();
            if (number != null && number.chars().allMatch(Character::isDigit)) {
                number = "+" + number;
            }
            if (number != null && UserText.check("phone", number, UserText.Kind.LINE, errors)
                    && number.length() > ReceivedText.ADDRESS) {
                errors.add(InputError.field("phone", "phone is longer than any sender (" + ReceivedText.ADDRESS + " characters)"));
            }
            Keyword wanted = null;
            if (keyword != null && !keyword.isBlank()) {
                wanted = Keyword.named(keyword).orElse(null);
                if (wanted == null) {
                    errors.add(InputError.field("keyword", "keyword must be STOP, START or HELP"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("Bad inbound filter: " + errors.get(0).message(), errors);
            }
            return new InboundFilter(number, wanted, batchId);
        }
    }
}
