package org.smsengine.provider.smpp;

import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.smsengine.simulator.SimulatorSettings.IdFormat;
import org.smsengine.simulator.SimulatorSettings.ReceiptPdu;
import org.smsengine.simulator.SimulatorSettings.ReceiptStyle;

/**
 * A test SMSC on Cloudhopper's ch-smpp, an SMPP library other than the jSMPP the engine and its
 * simulator are built on, so the two cannot share a blind spot. It binds each system id it was given
 * a {@link Behaviour} for (password {@code secret}), answers {@code submit_sm} with ids in the
 * behaviour's format, and sends each accepted part's receipt in its style and PDU. Its hexadecimal ids
 * are upper case and zero-padded to twelve digits, unlike the simulator's. The outcome is the
 * destination's: last digit 7 UNDELIV (error 001), 8 REJECTD (002), 9 EXPIRED (003), else DELIVRD.
 * A behaviour with {@code malformedToo} sends a malformed receipt before each good one.
 */
final class CloudhopperSmsc implements AutoCloseable {

    static final String PASSWORD = "secret";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    record Behaviour(ReceiptStyle style, ReceiptPdu pdu, IdFormat ids, boolean malformedToo) {
    }

    private final Map<String, Behaviour> behaviours;
    private final Map<String, List<Integer>> receiptAnswers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));
    private final ExecutorService netty = Executors.newCachedThreadPool(daemon());
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(daemon());
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(2, daemon());
    private final DefaultSmppServer server;

    CloudhopperSmsc(int port, Map<String, Behaviour> behaviours) {
        this.behaviours = Map.copyOf(behaviours);
        SmppServerConfiguration configuration = new SmppServerConfiguration();
        configuration.setPort(port);
        configuration.setSystemId("CHSMSC");
        configuration.setMaxConnectionSize(100);
        configuration.setNonBlockingSocketsEnabled(true);
        configuration.setDefaultWindowSize(100);
        configuration.setDefaultRequestExpiryTimeout(10_000);
        configuration.setDefaultWindowWaitTimeout(10_000);
        configuration.setDefaultWindowMonitorInterval(5_000);
        configuration.setDefaultSessionCountersEnabled(false);
        configuration.setJmxEnabled(false);
        this.server = new DefaultSmppServer(configuration, new Binds(), netty, monitor);
    }

    CloudhopperSmsc start() throws Exception {
        server.start();
        return this;
    }

    /** The command status of the engine's answer to each receipt sent on this system id's sessions, good or malformed. */
    List<Integer> receiptAnswers(String systemId) {
        return List.copyOf(receiptAnswers.getOrDefault(systemId, List.of()));
    }

    /** What the engine should make of a message to this destination. */
    static String outcome(String destination) {
        return switch (destination.charAt(destination.length() - 1)) {
            case '7' -> "UNDELIV";
            case '8' -> "REJECTD";
            case '9' -> "EXPIRED";
            default -> "DELIVRD";
        };
    }

    private final class Binds implements SmppServerHandler {

        @Override
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration configuration, BaseBind bindRequest)
                throws SmppProcessingException {
            if (!behaviours.containsKey(bindRequest.getSystemId())) {
                throw new SmppProcessingException(SmppConstants.STATUS_INVSYSID);
            }
            if (!PASSWORD.equals(bindRequest.getPassword())) {
                throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
            }
            configuration.setName("chsmsc." + bindRequest.getSystemId() + "." + sessionId);
            configuration.getLoggingOptions().setLogPdu(false);     // every PDU at INFO otherwise
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp preparedBindResponse) {
            session.serverReady(new Session(session, session.getConfiguration().getSystemId()));
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            session.destroy();
        }
    }

    private final class Session extends DefaultSmppSessionHandler {

        private final SmppServerSession session;
        private final String systemId;
        private final Behaviour behaviour;
        private final AtomicInteger malformed = new AtomicInteger();

        Session(SmppServerSession session, String systemId) {
            this.session = session;
            this.systemId = systemId;
            this.behaviour = behaviours.get(systemId);
        }

        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            PduResponse response = request.createResponse();
            if (request instanceof SubmitSm submit) {
                long number = ids.incrementAndGet();
                String answered = switch (behaviour.ids()) {
                    case HEX, HEX_WITH_DECIMAL_RECEIPTS -> String.format("%012X", number);
                    case DECIMAL -> Long.toString(number);
                    case UUID -> UUID.randomUUID().toString();
                };
                ((SubmitSmResp) response).setMessageId(answered);
                String receiptId = behaviour.ids() == IdFormat.HEX_WITH_DECIMAL_RECEIPTS ? Long.toString(number) : answered;
                if ((submit.getRegisteredDelivery() & 0x03) != 0) {
                    // after the response is on the wire, which happens once this method returns
                    receipts.schedule(() -> sendReceipts(submit, receiptId), 30, TimeUnit.MILLISECONDS);
                }
            }
            return response;
        }

        private void sendReceipts(SubmitSm submit, String id) {
            String destination = submit.getDestAddress().getAddress();
            String source = submit.getSourceAddress().getAddress();
            try {
                if (behaviour.malformedToo()) {
                    send(malformed(malformed.getAndIncrement(), destination, source));
                }
                send(receipt(id, outcome(destination), destination, source));
            } catch (Exception e) {
                receiptAnswers.computeIfAbsent(systemId, s -> new CopyOnWriteArrayList<>()).add(-1);
            }
        }

        private void send(BaseSm<?> pdu) throws Exception {
            WindowFuture<Integer, PduRequest, PduResponse> future = session.sendRequestPdu(pdu, 10_000, true);
            int status = future.await() && future.isSuccess() ? future.getResponse().getCommandStatus() : -1;
            receiptAnswers.computeIfAbsent(systemId, s -> new CopyOnWriteArrayList<>()).add(status);
        }

        private BaseSm<?> receipt(String id, String state, String destination, String source) throws Exception {
            String error = switch (state) {
                case "UNDELIV" -> "001";
                case "REJECTD" -> "002";
                case "EXPIRED" -> "003";
                default -> "000";
            };
            String now = ZonedDateTime.now(ZoneOffset.UTC).format(DATE);
            byte[] text = ("id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(state) ? "001" : "000") + " submit date:" + now
                    + " done date:" + now + " stat:" + state + " err:" + error + " text:").getBytes(StandardCharsets.US_ASCII);
            BaseSm<?> pdu = pdu(destination, source);
            ReceiptStyle style = behaviour.style();
            boolean textAsIs = pdu instanceof DeliverSm && (style == ReceiptStyle.TEXT || style == ReceiptStyle.BOTH);
            if (textAsIs) {
                pdu.setShortMessage(text);
            } else if (style != ReceiptStyle.TLV) {
                pdu.addOptionalParameter(new Tlv(SmppConstants.TAG_MESSAGE_PAYLOAD, text));
            }
            if (style == ReceiptStyle.TLV || style == ReceiptStyle.BOTH) {
                pdu.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, cString(id)));
                pdu.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {messageState(state)}));
                if (!"DELIVRD".equals(state)) {
                    pdu.addOptionalParameter(new Tlv(SmppConstants.TAG_NETWORK_ERROR_CODE,
                            new byte[] {3, 0, (byte) Integer.parseInt(error)}));
                }
            }
            return pdu;
        }

        /** In turn: a NUL in id:, a NUL in err:, an id of 65 characters, no id anywhere, a NUL in a data_sm's TLV id. */
        private BaseSm<?> malformed(int turn, String destination, String source) throws Exception {
            String now = ZonedDateTime.now(ZoneOffset.UTC).format(DATE);
            String dates = " sub:001 dlvrd:001 submit date:" + now + " done date:" + now;
            return switch (turn % 5) {
                case 0 -> text(destination, source, "id:BAD\0ID" + dates + " stat:DELIVRD err:000 text:");
                case 1 -> text(destination, source, "id:FEED01" + dates + " stat:UNDELIV err:0\u00001 text:");
                case 2 -> text(destination, source, "id:" + "F".repeat(65) + dates + " stat:DELIVRD err:000 text:");
                case 3 -> text(destination, source, "your message was delivered");
                default -> {
                    DataSm dataSm = new DataSm();
                    address(dataSm, destination, source);
                    dataSm.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, cString("BAD\0ID")));
                    dataSm.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {2}));
                    yield dataSm;
                }
            };
        }

        private BaseSm<?> text(String destination, String source, String text) throws Exception {
            DeliverSm deliverSm = new DeliverSm();
            address(deliverSm, destination, source);
            deliverSm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
            return deliverSm;
        }

        private BaseSm<?> pdu(String destination, String source) {
            BaseSm<?> pdu = behaviour.pdu() == ReceiptPdu.DATA_SM ? new DataSm() : new DeliverSm();
            address(pdu, destination, source);
            return pdu;
        }

        private static void address(BaseSm<?> pdu, String destination, String source) {
            pdu.setSourceAddress(new Address((byte) 1, (byte) 1, destination));
            pdu.setDestAddress(new Address((byte) 0, (byte) 0, source));
            pdu.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        }

        private static byte[] cString(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            byte[] terminated = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, terminated, 0, bytes.length);
            return terminated;
        }

        private static byte messageState(String state) {
            return switch (state) {
                case "DELIVRD" -> 2;
                case "EXPIRED" -> 3;
                case "UNDELIV" -> 5;
                case "REJECTD" -> 8;
                default -> throw new IllegalArgumentException(state);
            };
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chsmsc-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        receipts.shutdownNow();
        server.stop();
        server.destroy();
        netty.shutdownNow();
        monitor.shutdownNow();
    }
}
