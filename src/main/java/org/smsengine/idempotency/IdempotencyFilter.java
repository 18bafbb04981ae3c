package org.smsengine.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code Idempotency-Key} on POST and PATCH under {@code /api/v1}, after authentication (the key is the
 * caller's). Without the header nothing changes. With it, the key is claimed in PostgreSQL: the request
 * that claims it runs, digested on its way, and its answer is kept (unless a 5xx, see {@link
 * RecordedResponse#keepable}); any other finds the key and gets the kept answer again (the same request),
 * 422 (another request), or 409 (the first still runs, or was interrupted: see the package's description).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    /** Provider callbacks authenticate themselves, with no user to scope a key to. */
    private static final Pattern CALLBACKS = Pattern.compile("/api/v1/(providers/[^/]+/receipts|gateway(/.*)?)");
    private static final int CLAIM_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(IdempotencyKeys keys, HandlerExceptionResolver problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(method) || "PATCH".equals(method)) || !path.startsWith("/api/v1/")
                || CALLBACKS.matcher(path).matches() || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(HEADER));
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            chain.doFilter(request, response);      // a request the security rules let through anonymously
            return;
        }
        if (given.size() != 1 || !VALID_KEY.matcher(given.get(0)).matches()) {
            refuse(request, response, new InvalidInputException(InputError.field(HEADER, "The " + HEADER + " header must "
                    + "be given once, as 1 to 255 printable ASCII characters")));
            return;
        }
        String query = request.getQueryString();
        KeyedRequest keyed = new KeyedRequest(caller.getName(), given.get(0), request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<Claim> claim = keys.claim(keyed);
            if (claim.isPresent()) {
                runFirst(claim.get(), keyed, request, response, chain);
                return;
            }
            Optional<KeyRow> held = keys.find(keyed);
            if (held.isPresent()) {
                answerAgain(held.get(), keyed, request, response);
                return;
            }
            // released (a 5xx) between the claim and the look: claim it again
        }
        refuse(request, response, IdempotencyProblems.inProgress(keyed.key()));
    }

    private void runFirst(Claim claim, KeyedRequest keyed, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        DigestingRequest digesting = new DigestingRequest(request);
        RecordedResponse recorded = new RecordedResponse(response, () -> release(claim));
        boolean kept = false;
        try {
            CommittedWork.during(claim, () -> chain.doFilter(digesting, recorded));
            kept = recorded.keepable() && keep(claim, keyed, digesting, recorded);
        } finally {
            if (!kept) {
                recorded.freeKey();
            }
            recorded.copyBodyToResponse();
        }
    }

    private boolean keep(Claim claim, KeyedRequest keyed, DigestingRequest request, RecordedResponse response) {
        try {
            return keys.complete(claim, request.finish(keyed.path()), response.toStored());
        } catch (IOException | ServletException | RuntimeException e) {
            // a body that could not be read to its end, or a database that failed: a retry runs again
            log.warn("The answer to {} {} with {} '{}' is not kept: {}", keyed.method(), keyed.path(), HEADER,
                    keyed.key(), e.toString());
            return false;
        }
    }

    private void release(Claim claim) {
        try {
            keys.release(claim);
        } catch (RuntimeException e) {
            log.warn("Could not release the {} '{}' of {}: {}", HEADER, claim.key(), claim.scope(), e.toString());
        }
    }

    private void answerAgain(KeyRow held, KeyedRequest keyed, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!keyed.sameTarget(held.method(), held.path())) {
            refuse(request, response, IdempotencyProblems.reused(keyed.key()));
        } else if (!held.answered()) {
            refuse(request, response, held.interrupted() ? IdempotencyProblems.interrupted(keyed.key(), held.nodeId())
                    : IdempotencyProblems.inProgress(keyed.key()));
        } else {
            byte[] digest;
            try {
                digest = RetriedRequest.digest(request, keyed.path());
            } catch (IOException | ServletException | IllegalStateException e) {
                log.debug("The body of a retry with {} '{}' could not be read: {}", HEADER, keyed.key(), e.toString());
                refuse(request, response, new InvalidInputException(InputError.field("body",
                        "The request body could not be read to its end")));
                return;
            }
            if (MessageDigest.isEqual(held.requestDigest(), digest)) {
                held.response().replayTo(response);
            } else {
                refuse(request, response, IdempotencyProblems.reused(keyed.key()));
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Exception problem) {
        problems.resolveException(request, response, null, problem);
    }
}
