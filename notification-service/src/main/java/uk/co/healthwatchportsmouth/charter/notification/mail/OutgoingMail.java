package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.util.List;
import java.util.Objects;

/**
 * An email ready to hand to the SMTP server.
 *
 * @param messageId the RFC 5322 Message-ID, angle brackets included; stable across
 * retries so a mail client can recognise a resent copy
 * @param from the sender address
 * @param to the addresses in To
 * @param cc the addresses in Cc (may be empty)
 * @param content subject and bodies
 */
public record OutgoingMail(String messageId, String from, List<String> to, List<String> cc, MailContent content) {

	public OutgoingMail {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(content, "content");
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		if (to.isEmpty()) {
			throw new IllegalArgumentException("An email needs at least one To address");
		}
	}

}
