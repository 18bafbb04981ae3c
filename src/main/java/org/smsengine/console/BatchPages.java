package org.smsengine.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.batch.BatchView;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageView;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.message.MessageMapper;
import org.smsengine.message.MessageRow;
import org.smsengine.progress.BatchProgress;
import org.smsengine.progress.ProgressService;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SmsProvider;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.recipient.RejectMapper;
import org.smsengine.review.TestSendRights;
import org.smsengine.system.Role;
import org.smsengine.upload.UploadSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The batches: the list, a new batch, one batch. Every read here is bounded (a page of batches, the
 * first rejects, a page of messages): the page of a batch of a million messages costs what the page
 * of a batch of ten does. The one read of all its messages, the outcomes, is loaded after the page.
 */
@Controller
class BatchPages {

    static final int PAGE_SIZE = 20;
    static final int SHOWN_ROWS = 50;
    private static final int OUTCOMES = 30;
    /** The first window of rows searched for rejects; each next one is four times larger. */
    private static final int FIRST_REJECT_WINDOW = 5_000;

    private final BatchQueries batches;
    private final PageLimits pages;
    private final ProgressService progress;
    private final BatchLifecycle lifecycle;
    private final MessageMapper messages;
    private final RejectMapper rejects;
    private final Providers providers;
    private final UploadSettings uploads;
    private final WebInvocationPrivilegeEvaluator privileges;
    private final ObjectMapper json;

    BatchPages(BatchQueries batches, PageLimits pages, ProgressService progress, BatchLifecycle lifecycle,
            MessageMapper messages, RejectMapper rejects, Providers providers, UploadSettings uploads,
            WebInvocationPrivilegeEvaluator privileges, ObjectMapper json) {
        this.privileges = privileges;
        this.json = json;
        this.batches = batches;
        this.pages = pages;
        this.progress = progress;
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.rejects = rejects;
        this.providers = providers;
        this.uploads = uploads;
    }

    /** The batch's forecast as the page shows it (null before it is prepared, or unreadable). */
    private JsonNode forecast(String stored) {
        try {
            return stored == null ? null : json.readTree(stored);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @GetMapping("/")
    String list(@RequestParam(required = false) BatchState state, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        rows(state, q, page, model);
        model.addAttribute("states", Arrays.asList(BatchState.values()));
        return "console/batches";
    }

    /** The table's rows alone, which the list page fetches again every few seconds. */
    @GetMapping("/batches/rows")
    String rows(@RequestParam(required = false) BatchState state, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        PageView<BatchView> shown = batches.list(state, q, pages.of(Math.max(0, page), PAGE_SIZE));
        Map<Long, BatchProgress> progressOf = new LinkedHashMap<>();
        shown.items().forEach(batch -> progressOf.put(batch.id(), progress.progress(batch.id())));
        model.addAttribute("page", shown);
        model.addAttribute("progress", progressOf);
        model.addAttribute("state", state);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pages", Math.max(1, (shown.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "console/batches :: rows";
    }

    @GetMapping("/batches/new")
    String newBatch(Model model) {
        model.addAttribute("defaultRegion", uploads.defaultRegion());
        return "console/new-batch";
    }

    @GetMapping("/batches/{id}")
    String batch(@PathVariable long id, Authentication user, Model model) {
        BatchRow row = batches.require(id);
        BatchView view = batches.view(row);
        model.addAttribute("batch", view);
        model.addAttribute("progress", progress.progress(id));
        List<String> allowed = lifecycle.of(row);
        model.addAttribute("allowedActions", allowed);
        // the buttons this user's role may ever press on it, as the security table says (API.md's roles)
        List<String> roleActions = lifecycle.actions().stream()
                .filter(action -> mayPost(user, "/api/v1/batches/" + id + "/" + action)).toList();
        boolean own = user.getName().equals(row.createdBy());
        model.addAttribute("roleActions", roleActions);
        // the buttons shown now: allowed in its state, and never a review of one's own batch
        model.addAttribute("shownActions", roleActions.stream().filter(allowed::contains)
                .filter(action -> !(own && lifecycle.isReview(action))).toList());
        // the test-send form: for the roles that may, shown in the states their role may test-send in
        List<String> testSendStates = TestSendRights.states(user).stream().map(BatchState::name).sorted().toList();
        model.addAttribute("mayTestSend", !testSendStates.isEmpty() && mayPost(user, "/api/v1/batches/" + id + "/test-send"));
        model.addAttribute("testSendStates", testSendStates);
        model.addAttribute("ownBatch", user.getName().equals(row.createdBy()));
        // messages are routed each to a provider: the page names them all, and their rates together bound the batch's
        List<String> names = providers.all().stream().map(SmsProvider::name).toList();
        model.addAttribute("provider", names.isEmpty() ? null : String.join(", ", names));
        model.addAttribute("tpsLimit", row.tps() != null ? Integer.valueOf(row.tps())
                : names.isEmpty() ? null : Integer.valueOf(names.stream().mapToInt(providers::tps).sum()));
        model.addAttribute("forecast", forecast(row.forecast()));
        model.addAttribute("events", lifecycle.events(id));
        model.addAttribute("rejects", firstRejects(id, Role.seesFullPhones(user)));
        messagePage(id, -1, 0, user, model);
        return "console/batch";
    }

    /** The audit trail alone: reloaded when the batch's state changes. */
    @GetMapping("/batches/{id}/audit")
    String audit(@PathVariable long id, Model model) {
        model.addAttribute("events", lifecycle.events(id));
        return "console/batch :: audit";
    }

    /**
     * A page of messages in CSV order, after the last one shown (keyset: as fast at the millionth as at
     * the first). No filter by status: no index has it (DESIGN: delivery writes no index on messages),
     * so "the next 50 FAILED" could read a whole batch; the report CSV has every message.
     */
    @GetMapping("/batches/{id}/messages")
    String messages(@PathVariable long id, @RequestParam(defaultValue = "-1") int afterPartition,
            @RequestParam(defaultValue = "0") long afterId, Authentication user, Model model) {
        batches.require(id);
        messagePage(id, afterPartition, afterId, user, model);
        return "console/batch :: messages";
    }

    /** The first rejects alone: reloaded when the batch's state changes (validation has found them all). */
    @GetMapping("/batches/{id}/rejected")
    String rejected(@PathVariable long id, Authentication user, Model model) {
        batches.require(id);
        model.addAttribute("rejects", firstRejects(id, Role.seesFullPhones(user)));
        return "console/batch :: rejects";
    }

    @GetMapping("/batches/{id}/outcomes")
    String outcomes(@PathVariable long id, Model model) {
        batches.require(id);
        model.addAttribute("outcomes", messages.outcomes(id, OUTCOMES));
        return "console/batch :: outcomes";
    }

    private boolean mayPost(Authentication user, String path) {
        return privileges.isAllowed("", path, "POST", user);
    }

    private void messagePage(long id, int afterPartition, long afterId, Authentication user, Model model) {
        boolean full = Role.seesFullPhones(user);
        List<MessageRow> page = messages.pageAfter(id, afterPartition, afterId, SHOWN_ROWS);
        model.addAttribute("messages", page.stream().map(m -> new ShownMessage(m, PhoneMask.shown(m.phone(), full))).toList());
        MessageRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        model.addAttribute("nextMessages", page.size() < SHOWN_ROWS || last == null ? null
                : "/batches/" + id + "/messages?afterPartition=" + last.partitionNo() + "&afterId=" + last.id());
    }

    /**
     * The first rejects in row order, found by windows of rows (each four times the last), never by
     * "ORDER BY row LIMIT", which a table without statistics planned as a sort of every reject.
     */
    private List<ShownReject> firstRejects(long id, boolean full) {
        Integer last = rejects.lastRow(id);
        List<ShownReject> shown = new ArrayList<>();
        long window = FIRST_REJECT_WINDOW;
        for (long after = 0; last != null && after < last && shown.size() < SHOWN_ROWS; after += window, window *= 4) {
            int through = (int) Math.min(last, after + window);
            for (RejectMapper.StoredReject reject : rejects.window(id, (int) after, through)) {
                if (shown.size() == SHOWN_ROWS) {
                    break;
                }
                shown.add(new ShownReject(reject.rowNo(), PhoneMask.shown(reject.phone(), full), reject.reason()));
            }
        }
        return shown;
    }

    /** A message as the page lists it: its phone as the role may see it. */
    record ShownMessage(MessageRow message, String phone) {
    }

    record ShownReject(int row, String phone, String reason) {
    }
}
