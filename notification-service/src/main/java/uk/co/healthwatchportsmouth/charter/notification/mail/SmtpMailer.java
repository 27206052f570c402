package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Hands emails to the SMTP server through Spring's {@link JavaMailSender} and says
 * whether a failure is worth retrying: an unreachable server or a 4xx reply is temporary;
 * a 5xx reply or an address that cannot be parsed is permanent.
 */
public class SmtpMailer {

	private static final int MAX_REASON_LENGTH = 500;

	private final JavaMailSender sender;

	private final Clock clock;

	public SmtpMailer(JavaMailSender sender, Clock clock) {
		this.sender = sender;
		this.clock = clock;
	}

	public SendOutcome send(OutgoingMail mail) {
		MimeMessage message;
		try {
			message = toMimeMessage(mail);
		}
		catch (MessagingException ex) {
			return new SendOutcome.PermanentFailure(reason("The email could not be built", ex));
		}
		try {
			this.sender.send(message);
			return new SendOutcome.Accepted();
		}
		catch (MailException ex) {
			return classify(ex);
		}
	}

	MimeMessage toMimeMessage(OutgoingMail mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		message.setFrom(new InternetAddress(mail.from(), true));
		for (String to : mail.to()) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
		}
		for (String cc : mail.cc()) {
			message.addRecipient(Message.RecipientType.CC, new InternetAddress(cc, true));
		}
		message.setSubject(mail.content().subject(), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		// JavaMailSenderImpl keeps an explicit Message-ID through saveChanges()
		message.setHeader("Message-ID", mail.messageId());
		// RFC 3834: tells out-of-office responders not to answer a machine
		message.setHeader("Auto-Submitted", "auto-generated");

		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.content().text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.content().html(), StandardCharsets.UTF_8.name(), "html");
		// least preferred first: clients that can show HTML pick the last part
		MimeMultipart alternative = new MimeMultipart("alternative", text, html);
		message.setContent(alternative);
		return message;
	}

	static SendOutcome classify(MailException failure) {
		if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
			return new SendOutcome.PermanentFailure(reason("The email could not be built", failure));
		}
		if (failure instanceof MailAuthenticationException) {
			// the account's fault, not the message's: once credentials are fixed it goes
			return new SendOutcome.TemporaryFailure(reason("The SMTP server refused our login", failure));
		}
		List<Throwable> causes = causesOf(failure);
		for (Throwable cause : causes) {
			int code = replyCode(cause);
			if (code >= 500) {
				return new SendOutcome.PermanentFailure(
						reason("The SMTP server refused the email (" + code + ")", cause));
			}
			if (code >= 400) {
				return new SendOutcome.TemporaryFailure(
						reason("The SMTP server asked us to try again later (" + code + ")", cause));
			}
		}
		for (Throwable cause : causes) {
			// refused, unreachable, reset, timed out, or a name that did not resolve
			if (cause instanceof SocketException || cause instanceof InterruptedIOException
					|| cause instanceof UnknownHostException) {
				return new SendOutcome.TemporaryFailure(reason("The SMTP server could not be reached", cause));
			}
		}
		for (Throwable cause : causes) {
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return new SendOutcome.PermanentFailure(reason("The SMTP server refused an address", cause));
			}
		}
		// unknown trouble: retrying costs little, dropping a breach email costs a lot
		return new SendOutcome.TemporaryFailure(reason("Sending failed", failure));
	}

	private static int replyCode(Throwable cause) {
		if (cause instanceof SMTPAddressFailedException addressFailed) {
			return addressFailed.getReturnCode();
		}
		if (cause instanceof SMTPSendFailedException sendFailed) {
			return sendFailed.getReturnCode();
		}
		return -1;
	}

	/**
	 * Every exception behind a failure: causes, JavaMail's chained "next" exceptions and
	 * the per-message exceptions of a {@link MailSendException}.
	 */
	private static List<Throwable> causesOf(Throwable failure) {
		List<Throwable> found = new ArrayList<>();
		Set<Throwable> seen = new HashSet<>();
		List<Throwable> queue = new ArrayList<>(List.of(failure));
		while (!queue.isEmpty()) {
			Throwable next = queue.removeFirst();
			if (next == null || !seen.add(next)) {
				continue;
			}
			found.add(next);
			queue.add(next.getCause());
			if (next instanceof MessagingException messaging) {
				queue.add(messaging.getNextException());
			}
			if (next instanceof MailSendException send) {
				queue.addAll(List.of(send.getMessageExceptions()));
			}
		}
		return found;
	}

	private static String reason(String summary, Throwable cause) {
		String detail = (cause.getMessage() != null) ? cause.getMessage().replaceAll("\\s+", " ").strip()
				: cause.getClass().getSimpleName();
		String reason = summary + ": " + detail;
		return (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH) : reason;
	}

}
