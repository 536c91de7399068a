package dev.picloud.platform.control;

/**
 * Marks a runtime exception that is an outcome the code expects and answers (a client's refusal, a
 * lost race, a changed KV entry), not a fault of the platform. A transactional facade lists it in
 * {@code dontRollbackOn} and carries {@code @ExpectedFailuresRollBack}: the transaction it leaves
 * is rolled back all the same, and Liberty writes no FFDC incident for it.
 */
public interface ExpectedFailure {}
