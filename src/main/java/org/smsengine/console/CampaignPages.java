package org.smsengine.console;

import org.smsengine.upload.UploadSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Campaigns and audiences: pages whose lists and forms work through the API. */
@Controller
class CampaignPages {

    private final UploadSettings uploads;

    CampaignPages(UploadSettings uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/campaigns")
    String campaigns() {
        return "console/campaigns";
    }

    @GetMapping("/campaigns/new")
    String newCampaign(Model model) {
        model.addAttribute("campaignId", null);
        model.addAttribute("title", "New campaign");
        model.addAttribute("defaultRegion", uploads.defaultRegion());
        return "console/campaign";
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("title", "Campaign #" + id);
        model.addAttribute("defaultRegion", uploads.defaultRegion());
        return "console/campaign";
    }

    @GetMapping("/audiences")
    String audiences(Model model) {
        model.addAttribute("defaultRegion", uploads.defaultRegion());
        return "console/audiences";
    }
}
