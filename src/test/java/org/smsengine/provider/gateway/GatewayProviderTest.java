package org.smsengine.provider.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.SubmitResult;
import org.smsengine.template.SmsEncoding;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** What a submission answers, with the queue's table played by a stand-in that queues, fills up or is down. */
class GatewayProviderTest {

    private static final ProviderSettings.Gateway SETTINGS = new ProviderSettings.Gateway(Duration.ofMinutes(2), 50, 1000,
            3, 2, Duration.ofHours(1));
    private static final OutgoingMessage TWO_PARTS = new OutgoingMessage(42, "SHOP", "+12015550123", "x".repeat(170),
            SmsEncoding.GSM7, 2, Set.of(), null);

    private final AtomicLong unsent = new AtomicLong();
    private boolean down;

    @Test
    void aQueuedMessageIsAcceptedWithOnePartPerSegmentNamedAfterItsRow() {
        SubmitResult result = provider().submit(TWO_PARTS).join();
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(result.acceptedParts()).containsExactly(new AcceptedPart(1, "7.1"), new AcceptedPart(2, "7.2"));
    }

    @Test
    void aPartAcceptedByAnEarlierAttemptIsNotThisSubmissions() {
        OutgoingMessage retry = new OutgoingMessage(42, null, "+12015550123", "x".repeat(170), SmsEncoding.GSM7, 2,
                Set.of(1), null);
        assertThat(provider().submit(retry).join().acceptedParts()).containsExactly(new AcceptedPart(2, "7.2"));
    }

    @Test
    void aFullQueueIsARetryLater() {
        unsent.set(2);
        SubmitResult result = provider().submit(TWO_PARTS).join();
        assertThat(result).isInstanceOfSatisfying(SubmitResult.RetryLater.class,
                later -> assertThat(later.code()).isEqualTo("gateway:queue_full"));
    }

    @Test
    void aDatabaseThatIsDownIsARetryLaterNeverAnException() {
        down = true;
        SubmitResult result = provider().submit(TWO_PARTS).join();
        assertThat(result).isInstanceOfSatisfying(SubmitResult.RetryLater.class,
                later -> assertThat(later.code()).isEqualTo("gateway:unavailable"));
    }

    private GatewayProvider provider() {
        GatewayMessageMapper messages = (GatewayMessageMapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GatewayMessageMapper.class}, (proxy, method, args) -> {
                    if (down) {
                        throw new DataAccessResourceFailureException("connection refused");
                    }
                    return switch (method.getName()) {
                        case "countUnsent" -> unsent.get();
                        case "enqueue" -> 7L;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        return new GatewayProvider("phones", SETTINGS, messages, new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        });
    }
}
