package org.warrantykit.testkit;

import org.warrantykit.memory.InMemoryCodeAttemptLog;
import org.warrantykit.spi.CodeAttemptLog;

/** The in-memory attempt log (the service's default) keeps the contract. */
class InMemoryCodeAttemptLogContractTest extends CodeAttemptLogContract {
    @Override
    protected CodeAttemptLog log() {
        return new InMemoryCodeAttemptLog();
    }
}
