package dev.picloud.platform.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link ExpectedFailureRollback}: goes beside {@code @Transactional(dontRollbackOn =
 * ExpectedFailure.class)} on a facade whose expected failures must still roll its transaction back.
 */
@InterceptorBinding
@Target({TYPE, METHOD})
@Retention(RUNTIME)
public @interface ExpectedFailuresRollBack {}
