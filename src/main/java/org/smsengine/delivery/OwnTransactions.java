package org.smsengine.delivery;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of their own, apart from the chunk's: claims, outcomes and waiting marks must commit
 * whatever the chunk does, and must never hold the batch row for the chunk's length.
 */
final class OwnTransactions {

    private OwnTransactions() {
    }

    static TransactionTemplate of(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
