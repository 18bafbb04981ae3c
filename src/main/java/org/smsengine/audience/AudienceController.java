package org.smsengine.audience;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageView;
import org.smsengine.system.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/audiences")
class AudienceController {

    private final AudienceService audiences;
    private final List<AudienceInUse> usage;
    private final PageLimits pages;

    AudienceController(AudienceService audiences, List<AudienceInUse> usage, PageLimits pages) {
        this.audiences = audiences;
        this.usage = usage;
        this.pages = pages;
    }

    /** Stores a recipient list: 201, VALIDATING; its counts follow once its rows are checked (READY). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AudienceRow> create(@RequestPart("file") MultipartFile file, @RequestParam String name,
            @RequestParam(required = false) String region, @RequestParam(required = false) String phoneColumn,
            Principal user) throws IOException {
        try (InputStream csv = file.getInputStream()) {
            long id = audiences.create(name, region, phoneColumn, csv, user.getName());
            return ResponseEntity.created(URI.create("/api/v1/audiences/" + id)).body(audiences.require(id));
        }
    }

    @GetMapping
    PageView<AudienceRow> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return audiences.list(pages.of(page, size));
    }

    @GetMapping("/{id}")
    AudienceRow get(@PathVariable long id) {
        return audiences.require(id);
    }

    /** 204; 409 while an enabled campaign sends to it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        AudienceRow audience = audiences.require(id);
        List<String> users = usage.stream().flatMap(u -> u.usersOf(id).stream()).toList();
        if (!users.isEmpty()) {
            throw new ConflictException("Audience " + id + " is used by the enabled campaigns " + users
                    + "; disable them or change their audience first", audience.state().name(), List.of());
        }
        audiences.delete(id);
    }
}
