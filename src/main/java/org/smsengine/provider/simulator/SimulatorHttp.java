package org.smsengine.provider.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulator's HTTP side, the same standalone ({@link SimulatorMain}) and in the engine (when
 * {@code sms.simulator.http-port} is set): {@code GET /accounting} and {@code POST /mo}. A few
 * threads, so a {@code POST /mo} waiting for the engine's answer does not hold up the accounting.
 */
public final class SimulatorHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private SimulatorHttp(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static SimulatorHttp start(SmscSimulator simulator, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/accounting", new AccountingEndpoint(simulator.accounting(), simulator::boundSessions));
        server.createContext("/mo", new MoEndpoint(simulator::injectMo));
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "smsc-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        return new SimulatorHttp(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
