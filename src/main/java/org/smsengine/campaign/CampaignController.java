package org.smsengine.campaign;

import java.net.URI;
import java.time.Instant;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.quartz.SchedulerException;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchView;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final BatchQueries batches;
    private static final int SHOWN_FIRE_TIMES = 5;

    private final PageLimits pages;
    private final CampaignValidator validator;

    CampaignController(CampaignService campaigns, BatchQueries batches, PageLimits pages, CampaignValidator validator) {
        this.validator = validator;
        this.campaigns = campaigns;
        this.batches = batches;
        this.pages = pages;
    }

    @PostMapping
    ResponseEntity<CampaignView> create(@RequestBody CampaignRequest request, Principal user) throws SchedulerException {
        CampaignView created = campaigns.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created);
    }

    @GetMapping
    PageView<CampaignView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return campaigns.list(pages.of(page, size));
    }

    /** The next five times a schedule fires: {@code ?cron=0 0 9 ? * MON&timezone=Europe/Paris}; 400 naming what is wrong. */
    @GetMapping("/fire-times")
    List<Instant> fireTimes(@RequestParam(required = false) String cron, @RequestParam(required = false) String timezone) {
        return validator.nextFireTimes(cron, timezone, SHOWN_FIRE_TIMES);
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable long id) {
        return campaigns.view(campaigns.require(id));
    }

    @PutMapping("/{id}")
    CampaignView replace(@PathVariable long id, @RequestBody CampaignRequest request) throws SchedulerException {
        return campaigns.replace(id, request);
    }

    @PostMapping("/{id}/enable")
    CampaignView enable(@PathVariable long id) throws SchedulerException {
        return campaigns.setEnabled(id, true);
    }

    @PostMapping("/{id}/disable")
    CampaignView disable(@PathVariable long id) throws SchedulerException {
        return campaigns.setEnabled(id, false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) throws SchedulerException {
        campaigns.delete(id);
    }

    /** Fires the campaign once, now: 202 with what was decided (CREATED with the batch, QUEUED, or SKIPPED and why). */
    @PostMapping("/{id}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CampaignFiring run(@PathVariable long id, Principal user) {
        campaigns.require(id);
        return campaigns.fire(id, OffsetDateTime.now(ZoneOffset.UTC), "MANUAL", user.getName()).orElseThrow();
    }

    /** The batches its firings created, newest first. */
    @GetMapping("/{id}/batches")
    PageView<BatchView> batches(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageView<Long> ids = campaigns.batchIds(id, pages.of(page, size));
        return new PageView<>(ids.items().stream().map(batches::view).toList(), ids.page(), ids.size(), ids.total());
    }

    /** Its firings and their decisions, newest first (the last 100). */
    @GetMapping("/{id}/firings")
    List<CampaignFiring> firings(@PathVariable long id) {
        return campaigns.firings(id);
    }
}
