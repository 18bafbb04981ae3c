package org.smsengine.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smsengine.batch.BatchRowBuilder.aBatch;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.system.ConflictException;
import org.smsengine.system.ForbiddenException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class TestSendRightsTest {

    @Test
    void anApproverTestSendsABatchUnderReviewAndNoOtherNamingItsState() {
        assertThatCode(() -> check(BatchState.AWAITING_APPROVAL, "APPROVER")).doesNotThrowAnyException();
        for (BatchState state : List.of(BatchState.READY, BatchState.SCHEDULED, BatchState.DELIVERING, BatchState.COMPLETED)) {
            assertThatThrownBy(() -> check(state, "APPROVER")).as(state.name()).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining(state.name()).hasMessageContaining("AWAITING_APPROVAL");
        }
    }

    @Test
    void anAdminTestSendsAPreparedBatchUntilItStarts() {
        for (BatchState state : TestSendRights.ADMIN_STATES) {
            assertThatCode(() -> check(state, "ADMIN")).as(state.name()).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> check(BatchState.DELIVERING, "ADMIN")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DELIVERING");
    }

    @Test
    void aMarketerOrAnOperatorNeverTestSends() {
        for (String role : List.of("MARKETER", "OPERATOR", "METRICS")) {
            assertThatThrownBy(() -> check(BatchState.AWAITING_APPROVAL, role)).as(role).isInstanceOf(ForbiddenException.class);
        }
    }

    private static void check(BatchState state, String role) {
        BatchRow batch = aBatch().id(7).in(state).build();
        Authentication user = new UsernamePasswordAuthenticationToken("someone", "", AuthorityUtils.createAuthorityList("ROLE_" + role));
        TestSendRights.check(batch, user, List::of);
    }
}
