package org.smsengine.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/batches")
class BatchController {

    private final BatchCreator creator;
    private final BatchQueries queries;
    private final PageLimits pages;

    BatchController(BatchCreator creator, BatchQueries queries, PageLimits pages) {
        this.creator = creator;
        this.queries = queries;
        this.pages = pages;
    }

    /** Creates a batch from a CSV upload; validation and preparation start at once, asynchronously. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchView> upload(@RequestPart("file") MultipartFile file, @ModelAttribute BatchParameters parameters,
            Principal user) throws IOException {
        try (InputStream csv = file.getInputStream()) {
            return created(creator.createFromCsv(parameters, csv, user.getName()));
        }
    }

    /** Creates a batch from recipients given in the request (the JSON form). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchView> create(@RequestBody JsonBatchRequest request, Principal user) {
        return created(creator.createFromJson(request, user.getName()));
    }

    @GetMapping
    PageView<BatchView> list(@RequestParam(required = false) BatchState state, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.list(state, name, pages.of(page, size));
    }

    @GetMapping("/{id}")
    BatchView get(@PathVariable long id) {
        return queries.view(id);
    }

    private ResponseEntity<BatchView> created(long id) {
        return ResponseEntity.created(URI.create("/api/v1/batches/" + id)).body(queries.view(id));
    }
}
