package dev.picloud.platform.boundary;

import dev.picloud.platform.control.ExpectedFailure;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Rolls the transaction back when an {@link ExpectedFailure} (a 404, a 409, a lost claim…) leaves a
 * transactional facade, as {@code @Transactional} does by default. The facade names ExpectedFailure
 * in {@code dontRollbackOn} only so that Liberty's transaction interceptor lets it pass quietly:
 * for any other runtime exception it writes an FFDC incident (object dumps under {@code
 * logs/ffdc}), which is for the platform's own failures. Runs inside that interceptor (whose
 * priority is PLATFORM_BEFORE + 200), so the transaction it marks is the facade's; Liberty then
 * rolls it back instead of committing.
 */
@ExpectedFailuresRollBack
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class ExpectedFailureRollback {
  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object rollBackOnExpectedFailure(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (RuntimeException failure) {
      if (failure instanceof ExpectedFailure && transactions.getTransactionKey() != null) {
        transactions.setRollbackOnly();
      }
      throw failure;
    }
  }
}
