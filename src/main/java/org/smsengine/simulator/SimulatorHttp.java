package org.smsengine.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP side, the same standalone ({@link SimulatorMain}) and in the engine (when
 * {@code sms.simulator.http-port} is set): {@code GET /accounting}, {@code POST /mo}, and the
 * simulator as an HTTP provider, {@code POST /http/messages} ({@link HttpSubmissionEndpoint}), whose
 * receipts it posts to {@code http-receipt-url}. Threads of its own ({@code http-threads}), so a
 * {@code POST /mo} waiting for the engine's answer does not hold up the accounting. It asks nobody who
 * they are (anyone who reaches {@code /mo} can opt any number out): it listens on {@code bind-address}.
 */
public final class SimulatorHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpReceipts receipts;

    private SimulatorHttp(HttpServer server, ExecutorService threads, HttpReceipts receipts) {
        this.server = server;
        this.threads = threads;
        this.receipts = receipts;
    }

    public static SimulatorHttp start(SmscSimulator simulator, int port) throws IOException {
        SimulatorSettings settings = simulator.settings();
        HttpReceipts receipts = settings.httpReceiptUrl() == null || settings.httpReceiptUrl().isBlank() ? null
                : new HttpReceipts(settings, simulator::outcome, simulator.accounting());
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), port), 0);
        server.createContext("/accounting", new AccountingEndpoint(simulator.accounting(), simulator::boundSessions));
        server.createContext("/mo", new MoEndpoint(simulator::injectMo));
        server.createContext("/http/messages", new HttpSubmissionEndpoint(simulator, receipts));
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(4, settings.httpThreads()), runnable -> {
            Thread thread = new Thread(runnable, "smsc-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        return new SimulatorHttp(server, threads, receipts);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        if (receipts != null) {
            receipts.close();
        }
    }
}
