package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsengine.support.TestServices;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The simulator asks nobody who they are on its HTTP side ({@code POST /mo} opts any number out), and
 * its SMPP bind is a development password: both listen on loopback unless told otherwise, in the
 * engine and standalone alike (the same settings).
 */
class SimulatorBindAddressTest {

    private final Optional<InetAddress> anotherAddress = anotherAddressOfThisMachine();

    @Test
    void bothSidesListenOnLoopbackOnlyByDefault() throws Exception {
        assumeTrue(anotherAddress.isPresent(), "this machine has no address but loopback to try");
        int smpp = TestServices.freePort();
        int http = TestServices.freePort();
        try (SmscSimulator simulator = new SmscSimulator(settings(smpp, Map.of())).start();
                SimulatorHttp side = SimulatorHttp.start(simulator, http)) {

            assertThat(reachable(InetAddress.getLoopbackAddress(), smpp)).isTrue();
            assertThat(reachable(InetAddress.getLoopbackAddress(), http)).isTrue();
            assertThatThrownBy(() -> reachable(anotherAddress.get(), smpp)).as("SMPP on " + anotherAddress.get())
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> reachable(anotherAddress.get(), http)).as("HTTP on " + anotherAddress.get())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void toldSoTheyListenOnEveryInterface() throws Exception {
        assumeTrue(anotherAddress.isPresent(), "this machine has no address but loopback to try");
        int smpp = TestServices.freePort();
        int http = TestServices.freePort();
        try (SmscSimulator simulator = new SmscSimulator(settings(smpp, Map.of("bind-address", "0.0.0.0"))).start();
                SimulatorHttp side = SimulatorHttp.start(simulator, http)) {

            assertThat(reachable(anotherAddress.get(), smpp)).isTrue();
            assertThat(reachable(anotherAddress.get(), http)).isTrue();
        }
    }

    /** As the engine and {@link SimulatorMain} bind them: the record's defaults, and what is given. */
    private static SimulatorSettings settings(int port, Map<String, String> given) {
        Map<String, String> properties = new HashMap<>();
        properties.put("sms.simulator.port", String.valueOf(port));
        given.forEach((key, value) -> properties.put("sms.simulator." + key, value));
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("sms.simulator", SimulatorSettings.class);
    }

    private static boolean reachable(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        }
    }

    private static Optional<InetAddress> anotherAddressOfThisMachine() {
        try {
            return NetworkInterface.networkInterfaces().filter(SimulatorBindAddressTest::isUpQuietly)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUpQuietly(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
