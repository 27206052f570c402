package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/**
 * Sends through {@link SmtpMailer} under a Resilience4j retry (a couple of quick tries
 * for a blip) around a circuit breaker (stop knocking on a server that is down; the
 * notifications wait, pending, and go when it lets mail through again). Only temporary
 * failures count against the server: a 5xx refusal is the message's problem, not the
 * server's, and is neither retried nor counted.
 *
 * <p>
 * Instances {@value #INSTANCE} under {@code resilience4j.retry.instances} and
 * {@code resilience4j.circuitbreaker.instances}.
 */
public class GuardedMailer {

	public static final String INSTANCE = "smtp";

	private final SmtpMailer smtp;

	private final CircuitBreaker breaker;

	private final Retry retry;

	public GuardedMailer(SmtpMailer smtp, CircuitBreaker breaker, Retry retry) {
		this.smtp = smtp;
		this.breaker = breaker;
		this.retry = retry;
	}

	public SendOutcome send(OutgoingMail mail) {
		AtomicReference<SendOutcome.TemporaryFailure> lastFailure = new AtomicReference<>();
		Supplier<SendOutcome> guarded = Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.breaker,
				() -> failOnTemporary(this.smtp.send(mail), lastFailure)));
		try {
			return guarded.get();
		}
		catch (TemporarySmtpFailure ex) {
			return ex.outcome();
		}
		catch (CallNotPermittedException ex) {
			// the breaker may open between the retry's tries: then the server was tried
			SendOutcome.TemporaryFailure tried = lastFailure.get();
			return (tried != null) ? tried : new SendOutcome.NotAttempted(
					"The SMTP server failed repeatedly; waiting for the circuit breaker");
		}
	}

	/**
	 * Whether mail may be handed over now: {@code false} while the breaker is open, so
	 * the retry job leaves pending mail alone rather than claim it for nothing.
	 */
	public boolean acceptingMail() {
		return this.breaker.getState() != CircuitBreaker.State.OPEN
				&& this.breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
	}

	private static SendOutcome failOnTemporary(SendOutcome outcome,
			AtomicReference<SendOutcome.TemporaryFailure> lastFailure) {
		if (outcome instanceof SendOutcome.TemporaryFailure temporary) {
			lastFailure.set(temporary);
			throw new TemporarySmtpFailure(temporary);
		}
		return outcome;
	}

	/** A temporary failure as the exception Resilience4j retries and counts. */
	static final class TemporarySmtpFailure extends RuntimeException {

		private final transient SendOutcome.TemporaryFailure outcome;

		TemporarySmtpFailure(SendOutcome.TemporaryFailure outcome) {
			super(outcome.reason(), null, false, false);
			this.outcome = outcome;
		}

		SendOutcome.TemporaryFailure outcome() {
			return this.outcome;
		}

	}

}
