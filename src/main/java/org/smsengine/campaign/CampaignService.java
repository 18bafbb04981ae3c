package org.smsengine.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.audience.AudienceInUse;
import org.smsengine.audience.AudienceRow;
import org.smsengine.audience.AudienceService;
import org.smsengine.audience.AudienceState;
import org.smsengine.batch.BatchCreator;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchParameters;
import org.smsengine.batch.BatchState;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.smsengine.batch.SendWindow;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.lifecycle.BatchStateChanged;
import org.smsengine.system.ConflictException;
import org.smsengine.system.LogText;
import org.smsengine.system.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: checked (cron, time zone, audience, template against the audience's columns, send
 * window), stored with their Quartz trigger in one transaction, and fired: each firing creates a
 * batch from the audience (whose rows, opt-outs included, are checked then, as any batch's are),
 * which starts as soon as it is prepared, unless the overlap policy says otherwise. Firings of one
 * campaign are decided one at a time (its row is locked), and every decision is recorded.
 */
@Service
public class CampaignService implements AudienceInUse {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    private static final int NEXT_FIRE_TIMES = 5;

    private final CampaignMapper campaigns;
    private final CampaignSchedule schedule;
    private final CampaignValidator validator;
    private final AudienceService audiences;
    private final BatchCreator batchCreator;
    private final BatchMapper batches;
    private final BatchLifecycle lifecycle;
    private final ObjectMapper json;
    private final Clock clock;

    CampaignService(CampaignMapper campaigns, CampaignSchedule schedule, CampaignValidator validator,
            AudienceService audiences, BatchCreator batchCreator, BatchMapper batches, BatchLifecycle lifecycle,
            ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.schedule = schedule;
        this.validator = validator;
        this.audiences = audiences;
        this.batchCreator = batchCreator;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(CampaignRequest request, String user) throws SchedulerException {
        CampaignRow checked = validator.check(request, 0, user);
        long id = campaigns.insert(checked);
        CampaignRow stored = require(id);
        schedule.apply(stored);     // in this transaction: Quartz's job store shares the data source
        return view(stored);
    }

    @Transactional
    public CampaignView replace(long id, CampaignRequest request) throws SchedulerException {
        CampaignRow existing = require(id);
        CampaignRow checked = validator.check(request, id, existing.createdBy());
        campaigns.update(checked);
        CampaignRow stored = require(id);
        schedule.apply(stored);
        return view(stored);
    }

    @Transactional
    public CampaignView setEnabled(long id, boolean enabled) throws SchedulerException {
        require(id);
        campaigns.setEnabled(id, enabled);
        CampaignRow stored = require(id);
        schedule.apply(stored);
        return view(stored);
    }

    @Transactional
    public void delete(long id) throws SchedulerException {
        if (campaigns.markDeleted(id) == 0) {
            throw new NotFoundException("Campaign", id);
        }
        schedule.remove(id);
    }

    public CampaignRow require(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    public PageView<CampaignView> list(PageRequest page) {
        return new PageView<>(campaigns.list(page.offset(), page.size()).stream().map(this::view).toList(),
                page.page(), page.size(), campaigns.count());
    }

    public CampaignView view(CampaignRow row) {
        List<Instant> next = row.enabled()
                ? CampaignSchedule.nextFireTimes(row.cron(), row.timezone(), clock.instant(), NEXT_FIRE_TIMES) : List.of();
        return new CampaignView(row.id(), row.name(), row.cron(), row.timezone(), row.audienceId(), row.template(),
                row.region(), row.senderId(), row.tps(), row.enabled(), row.overlap(), window(row.sendWindow()), row.validFor(),
                row.transactional(), next,
                row.createdBy(), row.createdAt(), row.updatedAt());
    }

    public PageView<Long> batchIds(long id, PageRequest page) {
        require(id);
        return new PageView<>(campaigns.batchIds(id, page.offset(), page.size()), page.page(), page.size(),
                campaigns.countBatches(id));
    }

    public List<CampaignFiring> firings(long id) {
        require(id);
        return campaigns.firings(id, 100);
    }

    /**
     * One firing: by the cron trigger ({@code CRON}) or by hand ({@code MANUAL}). Returns what was
     * decided; empty when the campaign is gone (or, for a cron firing, disabled meanwhile).
     */
    @Transactional
    public Optional<CampaignFiring> fire(long campaignId, OffsetDateTime scheduledFor, String trigger, String actor) {
        Optional<CampaignRow> locked = campaigns.lock(campaignId);
        if (locked.isEmpty() || trigger.equals("CRON") && !locked.get().enabled()) {
            log.info("Campaign {} is gone or disabled: its firing for {} does nothing", campaignId, scheduledFor);
            return Optional.empty();
        }
        if (trigger.equals("CRON")) {
            Optional<CampaignFiring> already = campaigns.cronFiring(campaignId, scheduledFor);
            if (already.isPresent()) {
                log.info("Campaign {} has fired for {} already: nothing more", campaignId, scheduledFor);
                return already;
            }
        }
        CampaignRow campaign = locked.get();
        Optional<Long> running = campaigns.runningBatch(campaignId);
        String decision;
        Long batchId = null;
        String reason = null;
        Optional<AudienceRow> audience = audienceOf(campaign);
        if (audience.isEmpty() || audience.get().state() != AudienceState.READY) {
            decision = "SKIPPED";
            reason = audience.isEmpty() ? "audience " + campaign.audienceId() + " was deleted"
                    : "audience " + campaign.audienceId() + " is " + audience.get().state();
        } else if (running.isPresent() && campaign.overlap() == Overlap.SKIP) {
            decision = "SKIPPED";
            reason = "batch " + running.get() + " of this campaign has not finished";
        } else {
            boolean queued = running.isPresent() && campaign.overlap() == Overlap.QUEUE;
            batchId = createBatch(campaign, audience.get(), scheduledFor, actor, queued);
            decision = queued ? "QUEUED" : "CREATED";
            reason = running.map(r -> (queued ? "starts after batch " : "alongside batch ") + r).orElse(null);
        }
        campaigns.recordFiring(campaignId, scheduledFor, trigger, actor, decision, batchId, reason);
        log.info("Campaign {} fired ({} by {}, for {}): {}{}{}", campaignId, trigger, LogText.escape(actor), scheduledFor,
                decision, batchId == null ? "" : " batch " + batchId, reason == null ? "" : " (" + LogText.escape(reason) + ")");
        return campaigns.firings(campaignId, 1).stream().findFirst();
    }

    /** A batch of the campaign reached a state that may free the way for a queued one. */
    @EventListener
    void onBatchStateChanged(BatchStateChanged changed) {
        Long campaignId = changed.batch().campaignId();
        BatchState to = BatchState.valueOf(changed.to());
        if (campaignId == null || !(to.isFinal() || to == BatchState.READY)) {
            return;
        }
        Optional<Long> queued = campaigns.nextQueued(campaignId);
        if (queued.isPresent() && !campaigns.sending(campaignId)) {
            try {
                lifecycle.act(queued.get(), "start", "campaign", "queued: the campaign's previous batch has finished");
            } catch (ConflictException e) {
                log.info("Queued batch {} of campaign {} was not started: {}", queued.get(), campaignId, e.getMessage());
            }
        }
    }

    @Override
    public List<String> usersOf(long audienceId) {
        return campaigns.enabledNamesUsing(audienceId);
    }

    private long createBatch(CampaignRow campaign, AudienceRow audience, OffsetDateTime scheduledFor, String actor,
            boolean queued) {
        BatchParameters parameters = new BatchParameters(CampaignValidator.batchName(campaign.name(), scheduledFor),
                campaign.template(), campaign.region(), audience.phoneColumn(), campaign.senderId(), null, campaign.tps(),
                campaign.validFor() == null ? null : OffsetDateTime.now(clock).plus(java.time.Duration.parse(campaign.validFor())),
                campaign.transactional());
        return batchCreator.createFromStoredCsv(parameters, actor,
                batchId -> audiences.copyToBatch(audience.id(), batchId),
                batchId -> {
                    batches.setCampaign(batchId, campaign.id(), campaign.sendWindow());
                    if (!queued) {
                        // prepared, it becomes SCHEDULED for this (past) instant and Quartz starts it at once
                        batches.setSendAt(batchId, scheduledFor);
                    }
                });
    }

    private Optional<AudienceRow> audienceOf(CampaignRow campaign) {
        try {
            return Optional.of(audiences.require(campaign.audienceId()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private SendWindow window(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, SendWindow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored send window cannot be read: " + stored, e);
        }
    }
}
