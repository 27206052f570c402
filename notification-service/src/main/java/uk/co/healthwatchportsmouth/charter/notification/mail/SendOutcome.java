package uk.co.healthwatchportsmouth.charter.notification.mail;

/** What happened when an email was handed to the SMTP server. */
public sealed interface SendOutcome {

	/** The server accepted the message for every recipient. */
	record Accepted() implements SendOutcome {

	}

	/**
	 * The server could not be reached or asked us to try later (4xx): sending again later
	 * may work.
	 */
	record TemporaryFailure(String reason) implements SendOutcome {

	}

	/**
	 * The server refused the message for good (5xx), or it could not be built: sending it
	 * again would fail the same way.
	 */
	record PermanentFailure(String reason) implements SendOutcome {

	}

	/**
	 * The email was not handed to the SMTP server because the circuit breaker is open
	 * after repeated temporary failures: it goes once the breaker lets mail through
	 * again.
	 */
	record NotAttempted(String reason) implements SendOutcome {

	}

}
