package org.smsengine.optout;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The opt-out list: numbers added over the API, looked up, listed newest first, and removed by an administrator. */
@RestController
@RequestMapping("/api/v1/opt-outs")
class OptOutController {

    private static final List<String> SOURCES = Arrays.stream(OptOutSource.values()).map(OptOutSource::value).toList();

    private final OptOutAdditions additions;
    private final OptOutQueryMapper entries;
    private final PageLimits pages;
    private final PhoneLookups lookups;

    OptOutController(OptOutAdditions additions, OptOutQueryMapper entries, PageLimits pages, PhoneLookups lookups) {
        this.additions = additions;
        this.entries = entries;
        this.pages = pages;
        this.lookups = lookups;
    }

    /** Opts out the numbers given (any role: whoever hears a customer say stop may record it). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    OptOutAdded add(@RequestBody OptOutRequest request, Principal user) {
        return additions.add(request, user.getName());
    }

    /** Newest first; {@code phone} finds one number (E.164), {@code source} keeps one source. */
    @GetMapping
    PageView<OptOutEntry> list(@RequestParam(required = false) String phone, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Authentication user) {
        PageRequest request = pages.of(page, size);
        String kept = source(source);
        boolean full = Role.seesFullPhones(user);
        if (phone != null && !phone.isBlank()) {
            String key = PhoneKey.of("phone", phone);
            lookups.lookUp(user, "GET /api/v1/opt-outs?phone=", key);
            OptOutEntry entry = entries.find(key);
            List<OptOutEntry> found = entry == null || (kept != null && !kept.equals(entry.source())) ? List.of()
                    : List.of(entry.shown(full));
            return new PageView<>(request.offset() == 0 ? found : List.of(), page, size, found.size());
        }
        List<OptOutEntry> items = entries.page(kept, SOURCES, request.offset(), request.size()).stream()
                .map(entry -> entry.shown(full)).toList();
        return new PageView<>(items, page, size, entries.count(kept));
    }

    @GetMapping("/{phone}")
    OptOutEntry get(@PathVariable String phone, Authentication user) {
        String key = PhoneKey.of("phone", phone);
        lookups.lookUp(user, "GET /api/v1/opt-outs/{phone}", key);
        boolean full = Role.seesFullPhones(user);
        OptOutEntry entry = entries.find(key);
        if (entry == null) {
            throw new OptOutNotFoundException(PhoneMask.shown(key, full));
        }
        return entry.shown(full);
    }

    /** Takes the number off the list (ADMIN), audited with the reason given; 204, or 404 when it was not on it. */
    @DeleteMapping("/{phone}")
    ResponseEntity<Void> remove(@PathVariable String phone, @RequestBody(required = false) RemovalRequest request,
            Principal user) {
        additions.remove(PhoneKey.of("phone", phone), request, user.getName());
        return ResponseEntity.noContent().build();
    }

    private static String source(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String source = value.strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new InvalidInputException(InputError.field("source", "source is one of " + SOURCES));
        }
        return source;
    }
}
