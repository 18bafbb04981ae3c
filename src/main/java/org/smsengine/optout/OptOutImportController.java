package org.smsengine.optout;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports of CSV files of numbers to opt out: read and staged in the request (202), merged onto the list after it. */
@RestController
@RequestMapping("/api/v1/opt-outs")
class OptOutImportController {

    private final OptOutImports imports;
    private final ImportMerger merger;

    OptOutImportController(OptOutImports imports, ImportMerger merger) {
        this.imports = imports;
        this.merger = merger;
    }

    /** Any role, as for a single number. The merge starts once the staging has committed. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStarted> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String region, @RequestParam(required = false) String phoneColumn,
            @RequestParam(required = false) String reason, Principal user) throws IOException {
        long id;
        try (InputStream csv = file.getInputStream()) {
            id = imports.stage(csv, region, phoneColumn, reason, user.getName());
        }
        merger.submit(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ImportStarted(id, "RUNNING"));
    }

    @GetMapping("/imports/{id}")
    ImportView get(@PathVariable long id) {
        return imports.view(id);
    }
}
