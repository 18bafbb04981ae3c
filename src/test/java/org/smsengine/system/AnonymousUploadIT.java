package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.context.WebApplicationContext;

/**
 * A caller nobody knows costs the engine nothing for its body: a 200 MB multipart POST without an
 * account is answered before most of it has been sent, its parts are never parsed (nothing is written
 * to the servlet container's temporary directory, where parts are spooled), and the connection is
 * closed instead of the rest being read, whatever session cookie, token or door (the API, the login
 * form, a console page) it tries.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class AnonymousUploadIT extends EngineIntegrationTest {

    private static final long BODY = 200L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final String PART_HEAD = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";

    private final Path tempDir;
    private WatchService watcher;

    AnonymousUploadIT(WebApplicationContext context) {
        ServletContext servlet = context.getServletContext();
        this.tempDir = ((File) servlet.getAttribute(ServletContext.TEMPDIR)).toPath();
    }

    @BeforeEach
    void watchTheTemporaryDirectory() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        tempDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    @AfterEach
    void stopWatching() throws IOException {
        watcher.close();
    }

    @Test
    void anAnonymousUploadToTheApiIsAnswered401WithoutItsBodyBeingRead() throws Exception {
        refusedUnread("/api/v1/batches", List.of(), true, 401);
    }

    @Test
    void aMadeUpSessionCookieChangesNothing() throws Exception {
        refusedUnread("/api/v1/batches", List.of("Cookie: JSESSIONID=0123456789ABCDEF0123456789ABCDEF"), false, 401);
    }

    @Test
    void anAnonymousSessionAndItsOwnTokenChangeNothing() throws Exception {
        List<String> anonymousSession = anonymousSessionWithItsToken();
        refusedUnread("/api/v1/batches", anonymousSession, true, 401);
        // the login form reads no field of a multipart body: its user is not known yet
        refusedUnread("/login", anonymousSession, true, 302);
    }

    @Test
    void aConsolePageRefusesItUnreadToo() throws Exception {
        refusedUnread("/batches/new", List.of(), true, 403);
    }

    private void refusedUnread(String path, List<String> headers, boolean chunked, int expected) throws Exception {
        Exchange exchange = upload(path, headers, chunked);

        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(expected);
        assertThat(exchange.sentWhenAnswered()).as("sent when answered: " + exchange).isLessThan(BODY / 10);
        assertThat(exchange.sent()).as("the engine closed the connection instead of reading on: " + exchange).isLessThan(BODY / 4);
        assertThat(createdInTempDir()).as("files written to " + tempDir).isEmpty();
    }

    private Exchange upload(String path, List<String> headers, boolean chunked) throws Exception {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSendBufferSize(CHUNK);
            socket.setSoTimeout(60_000);
            watchdog.schedule(() -> closeQuietly(socket), 60, TimeUnit.SECONDS);     // a write never blocks for ever
            AtomicLong sent = new AtomicLong();
            CompletableFuture<long[]> answer = CompletableFuture.supplyAsync(() -> readStatus(socket, sent));
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BODY + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] rest = new byte[CHUNK];
            Arrays.fill(rest, (byte) 'a');
            byte[] first = rest.clone();
            byte[] partHead = PART_HEAD.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(partHead, 0, first, 0, partHead.length);
            try {
                while (sent.get() < BODY) {
                    if (chunked) {
                        out.write((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(sent.get() == 0 ? first : rest);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent.addAndGet(CHUNK);
                }
            } catch (IOException closedByTheEngine) {
                // what the test hopes for: the engine stopped reading and closed the connection
            }
            long[] status = answer.get(60, TimeUnit.SECONDS);
            return new Exchange((int) status[0], status[1], sent.get());
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** The status of the answer and how much had been sent when it came; {-1, -1} when none came. */
    private static long[] readStatus(Socket socket, AtomicLong sent) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = reader.readLine();
            long when = sent.get();
            return line == null ? new long[] {-1, when} : new long[] {Integer.parseInt(line.split(" ")[1]), when};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    private List<String> createdInTempDir() {
        List<String> created = new ArrayList<>();
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                created.add(event.kind().name() + " " + event.context());
            }
            key.reset();
        }
        return created;
    }

    /** The cookie of a session made by opening the login page, and the token that page carries, as headers. */
    private List<String> anonymousSessionWithItsToken() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return List.of("Cookie: " + cookie, "X-CSRF-TOKEN: " + token);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private record Exchange(int status, long sentWhenAnswered, long sent) {
    }
}
