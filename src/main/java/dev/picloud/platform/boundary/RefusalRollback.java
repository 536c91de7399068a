package dev.picloud.platform.boundary;

import dev.picloud.platform.control.ApiException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Rolls the transaction back when a refusal ({@link ApiException}: a 404, a 409, a 422) leaves a
 * transactional facade, as {@code @Transactional} does by default. The facade names ApiException in
 * {@code dontRollbackOn} only so that Liberty's transaction interceptor lets it pass quietly: for
 * any other runtime exception it writes an FFDC incident (object dumps under {@code logs/ffdc}),
 * which is for the platform's own failures, not for a client's mistake. Runs inside that
 * interceptor (whose priority is PLATFORM_BEFORE + 200), so the transaction it marks is the
 * facade's; Liberty then rolls it back instead of committing.
 */
@RefusalsRollBack
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class RefusalRollback {
  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object rollBackOnRefusal(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (ApiException refusal) {
      if (transactions.getTransactionKey() != null) {
        transactions.setRollbackOnly();
      }
      throw refusal;
    }
  }
}
