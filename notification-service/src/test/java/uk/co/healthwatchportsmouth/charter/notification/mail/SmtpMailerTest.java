package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailerTest {

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void tellsTemporaryFromPermanentFailures(String situation, MailException failure,
			Class<? extends SendOutcome> expected, String reasonStart) {
		SendOutcome outcome = SmtpMailer.classify(failure);

		assertThat(outcome).isInstanceOf(expected);
		String reason = (outcome instanceof SendOutcome.TemporaryFailure temporary) ? temporary.reason()
				: ((SendOutcome.PermanentFailure) outcome).reason();
		assertThat(reason).startsWith(reasonStart);
	}

	static Stream<Arguments> failures() throws Exception {
		InternetAddress jo = new InternetAddress("jo@charter.local");
		return Stream.of(
				Arguments.of("connection refused",
						new MailSendException("Mail server connection failed",
								new MessagingException("Couldn't connect to host", new ConnectException("refused"))),
						SendOutcome.TemporaryFailure.class, "The SMTP server could not be reached"),
				Arguments.of("read timeout",
						new MailSendException("Failed messages",
								new MessagingException("Exception reading response", new SocketTimeoutException())),
						SendOutcome.TemporaryFailure.class, "The SMTP server could not be reached"),
				Arguments.of("mailbox unavailable (550)",
						perMessage(invalidAddresses(jo,
								new SMTPAddressFailedException(jo, "RCPT TO", 550, "550 5.1.1 No such user"))),
						SendOutcome.PermanentFailure.class, "The SMTP server refused the email (550)"),
				Arguments.of("mailbox busy (451)",
						perMessage(invalidAddresses(jo,
								new SMTPAddressFailedException(jo, "RCPT TO", 451, "451 4.3.0 Try again later"))),
						SendOutcome.TemporaryFailure.class, "The SMTP server asked us to try again later (451)"),
				Arguments.of("transaction failed (554)",
						perMessage(new SMTPSendFailedException("DATA", 554, "554 Transaction failed", null, null, null,
								null)),
						SendOutcome.PermanentFailure.class, "The SMTP server refused the email (554)"),
				Arguments.of("address refused without a reply code", perMessage(invalidAddresses(jo, null)),
						SendOutcome.PermanentFailure.class, "The SMTP server refused an address"),
				Arguments.of("login refused", new MailAuthenticationException("535 Authentication failed"),
						SendOutcome.TemporaryFailure.class, "The SMTP server refused our login"),
				Arguments.of("unparseable message", new MailParseException("Illegal address"),
						SendOutcome.PermanentFailure.class, "The email could not be built"),
				Arguments.of("anything else", new MailSendException("Something odd"),
						SendOutcome.TemporaryFailure.class, "Sending failed"));
	}

	@Test
	void buildsAPlainTextAndHtmlAlternativeWithTheStableMessageId() throws Exception {
		Instant now = Instant.parse("2026-11-26T09:15:00Z");
		SmtpMailer mailer = new SmtpMailer(new JavaMailSenderImpl(), Clock.fixed(now, ZoneOffset.UTC));
		MimeMessage message = mailer.toMimeMessage(new OutgoingMail("<event-1@charter.healthwatchportsmouth>",
				"charter@healthwatchportsmouth.local", List.of("jo@charter.local"), List.of("sam@charter.local"),
				new MailContent("Subject", "Hello Jo", "<p>Hello Jo</p>")));

		// checked before saveChanges(), which would replace it: JavaMailSenderImpl puts
		// it back
		assertThat(message.getHeader("Message-ID", null)).isEqualTo("<event-1@charter.healthwatchportsmouth>");
		message.saveChanges();
		assertThat(message.getSentDate().toInstant()).isEqualTo(now);
		assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Address::toString)
			.containsExactly("jo@charter.local");
		assertThat(message.getRecipients(Message.RecipientType.CC)).extracting(Address::toString)
			.containsExactly("sam@charter.local");
		assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
	}

	private static SendFailedException invalidAddresses(InternetAddress address, Exception next) {
		return new SendFailedException("Invalid Addresses", next, new Address[0], new Address[0],
				new Address[] { address });
	}

	private static MailSendException perMessage(Exception exception) {
		return new MailSendException(Map.of(new Object(), exception));
	}

}
