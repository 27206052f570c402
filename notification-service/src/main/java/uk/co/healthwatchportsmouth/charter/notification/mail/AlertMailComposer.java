package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes reminder, breach, escalation and deadline-change emails in plain English,
 * following the charter's own promise to use plain English and larger font sizes: the
 * HTML version never sets text smaller than 18px. Emails carry the contact id and facts
 * only; the customer's details stay in intake-service, one click away.
 */
public final class AlertMailComposer {

	/** Base font size of the HTML version; nothing in the email is smaller. */
	public static final int BASE_FONT_SIZE_PX = 20;

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	// Locale.ENGLISH, not Locale.UK: CLDR's en-GB abbreviates September as "Sept"
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	/**
	 * The standard of sla-service's daily answerphone check: its clock is about the
	 * office's answerphone, not a contact, so its emails and digest lines say so.
	 */
	public static final String ANSWERPHONE_CHECK = "ANSWERPHONE_CHECK";

	private static final Map<String, String> STANDARDS_IN_WORDS = Map.of("EMAIL",
			"reply to an email within 2 working days", "ANSWERPHONE",
			"reply to an answerphone message within 1 working day", "LETTER", "reply to a letter within 5 working days",
			"COMPLAINT_ACKNOWLEDGEMENT", "acknowledge a complaint within 5 working days", ANSWERPHONE_CHECK,
			"check the answerphone messages every working day and reply to each within 1 working day");

	private static final String ANSWERPHONE_PROMISE = "Our charter promises to check the answerphone messages "
			+ "every working day and to reply to each message within 1 working day.";

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final String intakeBaseUrl;

	public AlertMailComposer(URI intakeBaseUrl) {
		String base = intakeBaseUrl.toString();
		this.intakeBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * The deadline as people in the office read it, e.g. {@code Thu 26 Nov 2026, 17:00}.
	 */
	public static String londonTime(Instant instant) {
		return WHEN.format(instant.atZone(LONDON));
	}

	/** The charter standard as a promise in words, or its raw name if unknown. */
	public static String standardInWords(String standard) {
		return STANDARDS_IN_WORDS.getOrDefault(standard, standard);
	}

	/** Whether a clock is the daily answerphone check rather than a contact's. */
	public static boolean isAnswerphoneCheck(String standard) {
		return ANSWERPHONE_CHECK.equals(standard);
	}

	public String subject(Alert alert) {
		String due = londonTime(alert.dueAt());
		if (isAnswerphoneCheck(alert.standard())) {
			return answerphoneSubject(alert, due);
		}
		return switch (alert.kind()) {
			case REMINDER -> "Reminder: contact " + alert.contactId() + " needs a reply by " + due;
			case BREACH -> "Charter breached: contact " + alert.contactId() + " was due " + due;
			case ESCALATION -> "Still unanswered: contact " + alert.contactId() + " was due " + due + " (reminder "
					+ alert.escalation() + ")";
			case DEADLINE_CHANGED -> "Deadline changed: contact " + alert.contactId() + " is now due " + due;
			case DIGEST -> throw new IllegalArgumentException("A digest is not about one contact");
		};
	}

	private static String answerphoneSubject(Alert alert, String due) {
		return switch (alert.kind()) {
			case REMINDER -> "Reminder: answerphone messages need checking by " + due;
			case BREACH -> "Answerphone not checked: messages were due to be checked by " + due;
			case ESCALATION -> "Answerphone still not checked: messages were due to be checked by " + due
					+ " (reminder " + alert.escalation() + ")";
			case DEADLINE_CHANGED -> "Deadline changed: answerphone messages now need checking by " + due;
			case DIGEST -> throw new IllegalArgumentException("A digest is not about the answerphone check");
		};
	}

	/**
	 * Where staff record that the answerphone was checked: intake-service's
	 * {@code POST /answerphone/checks}.
	 */
	public String answerphoneCheckLink() {
		return this.intakeBaseUrl + "/answerphone/checks";
	}

	/** Where staff open the contact, in intake-service's API. */
	public String contactLink(String contactId) {
		return this.intakeBaseUrl + "/contacts/" + encodePathSegment(contactId);
	}

	/**
	 * The email to the assignee.
	 * @param assigneeName who the email greets
	 * @param copiedManagerName the manager in Cc, or {@code null} if nobody is copied in
	 */
	public MailContent compose(Alert alert, String assigneeName, String copiedManagerName) {
		if (isAnswerphoneCheck(alert.standard())) {
			return composeAnswerphoneCheck(alert, assigneeName, copiedManagerName);
		}
		String due = londonTime(alert.dueAt());
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Plain("Hello " + assigneeName + ","));
		switch (alert.kind()) {
			case REMINDER -> {
				blocks.add(new Strong("Contact " + alert.contactId() + " needs a reply by " + due + " (UK time)."));
				blocks
					.add(new Plain("Our charter promise for this contact: " + standardInWords(alert.standard()) + "."));
				blocks.add(new Plain("Please reply before then. If you cannot answer in full, tell the customer "
						+ "why and when they can expect to hear from us."));
				if (alert.needsSummary() != null && !alert.needsSummary().isBlank()) {
					blocks.add(new Strong("How to reply: the customer's communication needs are "
							+ alert.needsSummary().strip() + "."));
				}
			}
			case BREACH -> {
				blocks.add(new Strong("Contact " + alert.contactId()
						+ " has not had a reply, and the charter deadline has passed. It was due by " + due
						+ " (UK time)."));
				blocks
					.add(new Plain("Our charter promise for this contact: " + standardInWords(alert.standard()) + "."));
				blocks.add(new Plain("Please reply as soon as you can, say sorry for the delay, and tell the "
						+ "customer when they can expect a full answer."));
			}
			case ESCALATION -> {
				blocks.add(new Strong("Contact " + alert.contactId() + " is still unanswered. It was due by " + due
						+ " (UK time), and the charter deadline has passed."));
				blocks.add(new Plain("This is reminder number " + alert.escalation()
						+ " since the deadline passed. You will get one each working morning until the customer "
						+ "has a reply."));
				blocks
					.add(new Plain("Our charter promise for this contact: " + standardInWords(alert.standard()) + "."));
				blocks.add(new Plain("Please reply today, say sorry for the delay, and tell the customer when they "
						+ "can expect a full answer."));
			}
			case DEADLINE_CHANGED -> {
				String before = (alert.previousDueAt() != null) ? londonTime(alert.previousDueAt()) : "unknown";
				blocks.add(new Strong("The deadline for contact " + alert.contactId() + " has changed. It is now " + due
						+ " (UK time). It was " + before + "."));
				blocks.add(new Plain(
						"Why it changed: " + ((alert.reason() != null) ? alert.reason() : "not given") + "."));
				blocks
					.add(new Plain("Our charter promise for this contact: " + standardInWords(alert.standard()) + "."));
			}
		}
		if (copiedManagerName != null) {
			blocks.add(new Plain(copiedManagerName + " is copied in as your manager."));
		}
		blocks.add(new Link("Open the contact:", contactLink(alert.contactId())));
		blocks.add(new Plain("This is an automatic message from the Charter service. Reference: contact "
				+ alert.contactId() + ", clock " + alert.clockId() + "."));
		return new MailContent(subject(alert), text(blocks), html(subject(alert), blocks));
	}

	private MailContent composeAnswerphoneCheck(Alert alert, String assigneeName, String copiedManagerName) {
		String due = londonTime(alert.dueAt());
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Plain("Hello " + assigneeName + ","));
		switch (alert.kind()) {
			case REMINDER -> {
				blocks.add(new Strong("The answerphone messages need checking by " + due + " (UK time)."));
				blocks.add(new Plain(ANSWERPHONE_PROMISE));
				blocks
					.add(new Plain("Please listen to the messages, log each one as a contact, and record the check."));
			}
			case BREACH -> {
				blocks.add(new Strong("Nobody has recorded checking the answerphone today. The messages were due to be "
						+ "checked by " + due + " (UK time)."));
				blocks.add(new Plain(ANSWERPHONE_PROMISE));
				blocks.add(new Plain("Please check the answerphone now, log each message as a contact so it gets a "
						+ "reply within 1 working day, and record the check."));
			}
			case ESCALATION -> {
				blocks.add(new Strong("The answerphone has still not been checked. The messages were due to be "
						+ "checked by " + due + " (UK time)."));
				blocks.add(new Plain("This is reminder number " + alert.escalation() + " since then."));
				blocks.add(new Plain(ANSWERPHONE_PROMISE));
				blocks.add(new Plain("Please check the answerphone today and record the check."));
			}
			case DEADLINE_CHANGED -> {
				String before = (alert.previousDueAt() != null) ? londonTime(alert.previousDueAt()) : "unknown";
				blocks.add(new Strong(
						"The answerphone messages now need checking by " + due + " (UK time). It was " + before + "."));
				blocks.add(new Plain(
						"Why it changed: " + ((alert.reason() != null) ? alert.reason() : "not given") + "."));
				blocks.add(new Plain(ANSWERPHONE_PROMISE));
			}
			case DIGEST -> throw new IllegalArgumentException("A digest is not about the answerphone check");
		}
		if (copiedManagerName != null) {
			blocks.add(new Plain(copiedManagerName + " is copied in as your manager."));
		}
		blocks.add(new Link("Record the check (a POST to intake-service's answerphone check endpoint):",
				answerphoneCheckLink()));
		blocks
			.add(new Plain("This is an automatic message from the Charter service. Reference: answerphone check, clock "
					+ alert.clockId() + "."));
		String subject = subject(alert);
		return new MailContent(subject, text(blocks), html(subject, blocks));
	}

	public static String digestSubject(LocalDate day) {
		return "Your Charter contacts for " + DAY.format(day);
	}

	/**
	 * The morning digest: what one person has due today and what is already overdue,
	 * soonest first, by contact id.
	 */
	public MailContent composeDigest(LocalDate day, List<DigestLine> lines, String name) {
		List<DigestLine> overdue = lines.stream()
			.filter(DigestLine::overdue)
			.sorted(Comparator.comparing(DigestLine::dueAt))
			.toList();
		List<DigestLine> dueToday = lines.stream()
			.filter((line) -> !line.overdue())
			.sorted(Comparator.comparing(DigestLine::dueAt))
			.toList();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Plain("Good morning " + name + ","));
		blocks.add(new Strong("Overdue: " + overdue.size() + ". Due today: " + dueToday.size() + "."));
		if (!overdue.isEmpty()) {
			blocks.add(new Strong("Overdue, please reply first:"));
			overdue.forEach((line) -> blocks.add(digestLine(line, "was due")));
		}
		if (!dueToday.isEmpty()) {
			blocks.add(new Strong("Due today:"));
			dueToday.forEach((line) -> blocks.add(digestLine(line, "due by")));
		}
		blocks.add(new Plain("This is an automatic message from the Charter service, sent on working days."));
		String subject = digestSubject(day);
		return new MailContent(subject, text(blocks), html(subject, blocks));
	}

	private Block digestLine(DigestLine line, String when) {
		if (isAnswerphoneCheck(line.standard())) {
			String label = line.overdue()
					? "Answerphone messages not checked, were due to be checked by " + londonTime(line.dueAt())
					: "Answerphone messages to check by " + CLOCK_TIME.format(line.dueAt().atZone(LONDON));
			return new Link(label + " (record the check):", answerphoneCheckLink());
		}
		return new Link("Contact " + line.contactId() + ", " + when + " " + londonTime(line.dueAt()) + " ("
				+ standardInWords(line.standard()) + "):", contactLink(line.contactId()));
	}

	private static String text(List<Block> blocks) {
		StringBuilder text = new StringBuilder();
		for (Block block : blocks) {
			switch (block) {
				case Plain plain -> text.append(plain.text());
				case Strong strong -> text.append(strong.text());
				case Link link -> text.append(link.label()).append('\n').append(link.url());
			}
			text.append("\n\n");
		}
		return text.toString().stripTrailing() + "\n";
	}

	private static String html(String title, List<Block> blocks) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
			.append(escape(title))
			.append("</title>\n</head>\n")
			.append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: ")
			.append(BASE_FONT_SIZE_PX)
			.append("px; line-height: 1.5; color: #1a1a1a; background: #ffffff; margin: 0; padding: 24px;\">\n");
		for (Block block : blocks) {
			html.append("<p style=\"font-size: ").append(BASE_FONT_SIZE_PX).append("px; margin: 0 0 1em 0;\">");
			switch (block) {
				case Plain plain -> html.append(escape(plain.text()));
				case Strong strong -> html.append("<strong>").append(escape(strong.text())).append("</strong>");
				case Link link -> html.append(escape(link.label()))
					.append("<br>\n<a href=\"")
					.append(escape(link.url()))
					.append("\" style=\"font-size: ")
					.append(BASE_FONT_SIZE_PX)
					.append("px; color: #0b4f9c;\">")
					.append(escape(link.url()))
					.append("</a>");
			}
			html.append("</p>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** Percent-encodes everything but RFC 3986 unreserved characters. */
	private static String encodePathSegment(String segment) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	private sealed interface Block permits Plain, Strong, Link {

	}

	private record Plain(String text) implements Block {

	}

	private record Strong(String text) implements Block {

	}

	private record Link(String label, String url) implements Block {

	}

}
