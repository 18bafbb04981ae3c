package org.smsengine.console;

import org.smsengine.upload.UploadSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The opt-out list and the messages handsets sent: pages whose lists and forms work through the API. */
@Controller
class ConsentPages {

    private final UploadSettings uploads;

    ConsentPages(UploadSettings uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/opt-outs")
    String optOuts(Model model) {
        model.addAttribute("defaultRegion", uploads.defaultRegion());
        return "console/opt-outs";
    }

    @GetMapping("/inbound")
    String inbound() {
        return "console/inbound";
    }
}
