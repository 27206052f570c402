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
 * Writes reminder, breach, escalation and deadline-change emails, and complaint milestone
 * emails, in plain English, following the charter's own promise to use plain English and
 * larger font sizes: the HTML version never sets text smaller than 18px. Emails carry the
 * contact or complaint id and facts only; the customer's details stay in intake-service
 * or complaints-service, one click away. Clocks of the {@code COMPLAINT_*} standards
 * follow a complaint, so their emails name and link to the complaint.
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

	/**
	 * sla-service's standards for complaints start with this; their clocks carry the
	 * complaint id where a contact's carry the contact id.
	 */
	public static final String COMPLAINT_STANDARD_PREFIX = "COMPLAINT_";

	private static final Map<String, String> STANDARDS_IN_WORDS = Map.of("EMAIL",
			"reply to an email within 2 working days", "ANSWERPHONE",
			"reply to an answerphone message within 1 working day", "LETTER", "reply to a letter within 5 working days",
			"COMPLAINT_ACKNOWLEDGEMENT", "acknowledge the complaint within 5 working days of receiving it",
			"COMPLAINT_RESPONSE",
			"respond to the complaint within the complaints procedure's timescale, or by the date agreed with the "
					+ "complainant",
			"COMPLAINT_ESCALATION",
			"send the escalation stage's response within that stage's timescale, or by the date agreed with the "
					+ "complainant",
			ANSWERPHONE_CHECK,
			"check the answerphone messages every working day and reply to each within 1 working day");

	/** What a complaint's clock is waiting for, as the object of "needs ...". */
	private static final Map<String, String> COMPLAINT_ANSWERS = Map.of("COMPLAINT_ACKNOWLEDGEMENT",
			"an acknowledgement", "COMPLAINT_RESPONSE", "a response", "COMPLAINT_ESCALATION",
			"the escalation stage's response");

	/** The charter's promise for every complaint, as sla-service is configured. */
	private static final int ACKNOWLEDGEMENT_WORKING_DAYS = 5;

	private static final String ANSWERPHONE_PROMISE = "Our charter promises to check the answerphone messages "
			+ "every working day and to reply to each message within 1 working day.";

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final String intakeBaseUrl;

	private final String complaintsBaseUrl;

	/**
	 * @param intakeBaseUrl where contacts are, e.g. {@code http://localhost:8081}
	 * @param complaintsBaseUrl where complaints are, e.g. {@code http://localhost:8083}
	 */
	public AlertMailComposer(URI intakeBaseUrl, URI complaintsBaseUrl) {
		this.intakeBaseUrl = withoutTrailingSlash(intakeBaseUrl);
		this.complaintsBaseUrl = withoutTrailingSlash(complaintsBaseUrl);
	}

	private static String withoutTrailingSlash(URI url) {
		String base = url.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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

	/**
	 * Whether a clock follows a complaint (its {@code contactId} is the complaint id)
	 * rather than a contact.
	 */
	public static boolean isComplaintStandard(String standard) {
		return standard != null && standard.startsWith(COMPLAINT_STANDARD_PREFIX);
	}

	/**
	 * The day of an instant as people in the office read it, e.g.
	 * {@code Wednesday 25 November 2026}.
	 */
	public static String londonDay(Instant instant) {
		return DAY.format(instant.atZone(LONDON));
	}

	public String subject(Alert alert) {
		if (alert.kind().isComplaintMilestone()) {
			return complaintMilestoneSubject(alert);
		}
		String due = londonTime(alert.dueAt());
		if (isAnswerphoneCheck(alert.standard())) {
			return answerphoneSubject(alert, due);
		}
		if (isComplaintStandard(alert.standard())) {
			return complaintClockSubject(alert, due);
		}
		return switch (alert.kind()) {
			case REMINDER -> "Reminder: contact " + alert.contactId() + " needs a reply by " + due;
			case BREACH -> "Charter breached: contact " + alert.contactId() + " was due " + due;
			case ESCALATION -> "Still unanswered: contact " + alert.contactId() + " was due " + due + " (reminder "
					+ alert.escalation() + ")";
			case DEADLINE_CHANGED -> "Deadline changed: contact " + alert.contactId() + " is now due " + due;
			case DIGEST, COMPLAINT_RECEIVED, COMPLAINT_ESCALATED, COMPLAINT_REASSIGNED ->
				throw new IllegalArgumentException(alert.kind() + " is not about a contact's clock");
		};
	}

	private static String complaintClockSubject(Alert alert, String due) {
		String complaint = "complaint " + alert.contactId();
		String answer = complaintAnswer(alert.standard());
		return switch (alert.kind()) {
			case REMINDER -> "Reminder: " + complaint + " needs " + answer + " by " + due;
			case BREACH -> "Charter breached: " + complaint + " needed " + answer + " by " + due;
			case ESCALATION -> "Still unanswered: " + complaint + " needed " + answer + " by " + due + " (reminder "
					+ alert.escalation() + ")";
			case DEADLINE_CHANGED -> "Deadline changed: " + complaint + " now needs " + answer + " by " + due;
			case DIGEST, COMPLAINT_RECEIVED, COMPLAINT_ESCALATED, COMPLAINT_REASSIGNED ->
				throw new IllegalArgumentException(alert.kind() + " is not about a complaint's clock");
		};
	}

	private static String complaintMilestoneSubject(Alert alert) {
		ComplaintMilestone facts = alert.complaint();
		String complaint = "complaint " + alert.contactId();
		return switch (alert.kind()) {
			case COMPLAINT_RECEIVED ->
				"New complaint for you: " + (facts.aboutAProvider() ? "signpost " : "acknowledge ") + complaint
						+ " within " + ACKNOWLEDGEMENT_WORKING_DAYS + " working days of " + londonDay(facts.at());
			case COMPLAINT_ESCALATED -> "Complaint escalated: " + complaint + " is at stage " + facts.stageNumber()
					+ " (" + facts.stage() + "), response due within " + facts.workingDays() + " working days";
			case COMPLAINT_REASSIGNED -> "Complaint passed to you: " + complaint;
			default -> throw new IllegalArgumentException(alert.kind() + " is not a complaint milestone");
		};
	}

	/** What a complaint's clock waits for, e.g. "an acknowledgement". */
	static String complaintAnswer(String standard) {
		return COMPLAINT_ANSWERS.getOrDefault(standard, "an answer");
	}

	private static String answerphoneSubject(Alert alert, String due) {
		return switch (alert.kind()) {
			case REMINDER -> "Reminder: answerphone messages need checking by " + due;
			case BREACH -> "Answerphone not checked: messages were due to be checked by " + due;
			case ESCALATION -> "Answerphone still not checked: messages were due to be checked by " + due
					+ " (reminder " + alert.escalation() + ")";
			case DEADLINE_CHANGED -> "Deadline changed: answerphone messages now need checking by " + due;
			case DIGEST, COMPLAINT_RECEIVED, COMPLAINT_ESCALATED, COMPLAINT_REASSIGNED ->
				throw new IllegalArgumentException(alert.kind() + " is not about the answerphone check");
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

	/** Where staff open the complaint, in complaints-service's API. */
	public String complaintLink(String complaintId) {
		return this.complaintsBaseUrl + "/complaints/" + encodePathSegment(complaintId);
	}

	/**
	 * The email to the assignee.
	 * @param assigneeName who the email greets
	 * @param copiedManagerName the manager in Cc, or {@code null} if nobody is copied in
	 */
	public MailContent compose(Alert alert, String assigneeName, String copiedManagerName) {
		if (alert.kind().isComplaintMilestone()) {
			return composeComplaintMilestone(alert, assigneeName, copiedManagerName);
		}
		if (isAnswerphoneCheck(alert.standard())) {
			return composeAnswerphoneCheck(alert, assigneeName, copiedManagerName);
		}
		if (isComplaintStandard(alert.standard())) {
			return composeComplaintClock(alert, assigneeName, copiedManagerName);
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

	private MailContent composeComplaintClock(Alert alert, String assigneeName, String copiedManagerName) {
		String due = londonTime(alert.dueAt());
		String complaint = "Complaint " + alert.contactId();
		String answer = complaintAnswer(alert.standard());
		String promise = "Our charter promise for this complaint: " + standardInWords(alert.standard()) + ".";
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Plain("Hello " + assigneeName + ","));
		switch (alert.kind()) {
			case REMINDER -> {
				blocks.add(new Strong(complaint + " needs " + answer + " by " + due + " (UK time)."));
				blocks.add(new Plain(promise));
				blocks.add(new Plain("Please send it before then. If the response will take longer, agree a new "
						+ "date with the complainant and record it on the complaint as an extension."));
				if (alert.needsSummary() != null && !alert.needsSummary().isBlank()) {
					blocks.add(new Strong("How to reply: the complainant's communication needs are "
							+ alert.needsSummary().strip() + "."));
				}
			}
			case BREACH -> {
				blocks.add(new Strong(complaint + " needed " + answer + " by " + due
						+ " (UK time), and the charter deadline has passed without it."));
				blocks.add(new Plain(promise));
				blocks.add(new Plain("Please send it as soon as you can, say sorry for the delay, and record it "
						+ "on the complaint."));
			}
			case ESCALATION -> {
				blocks.add(new Strong(complaint + " still has not had " + answer + ". It was due by " + due
						+ " (UK time), and the charter deadline has passed."));
				blocks.add(new Plain("This is reminder number " + alert.escalation()
						+ " since the deadline passed. You will get one each working morning until it is recorded "
						+ "on the complaint."));
				blocks.add(new Plain(promise));
				blocks.add(new Plain("Please send it today and say sorry for the delay."));
			}
			case DEADLINE_CHANGED -> {
				String before = (alert.previousDueAt() != null) ? londonTime(alert.previousDueAt()) : "unknown";
				blocks.add(new Strong("The deadline for complaint " + alert.contactId() + " has changed. It now needs "
						+ answer + " by " + due + " (UK time). It was " + before + "."));
				blocks.add(new Plain(
						"Why it changed: " + ((alert.reason() != null) ? alert.reason() : "not given") + "."));
				blocks.add(new Plain("The old deadline no longer counts: reminders and the charter deadline now "
						+ "follow the new one."));
				blocks.add(new Plain(promise));
			}
			case DIGEST, COMPLAINT_RECEIVED, COMPLAINT_ESCALATED, COMPLAINT_REASSIGNED ->
				throw new IllegalArgumentException(alert.kind() + " is not about a complaint's clock");
		}
		if (copiedManagerName != null) {
			blocks.add(new Plain(copiedManagerName + " is copied in as your manager."));
		}
		blocks.add(new Link("Open the complaint:", complaintLink(alert.contactId())));
		blocks.add(new Plain("This is an automatic message from the Charter service. Reference: complaint "
				+ alert.contactId() + ", clock " + alert.clockId() + "."));
		String subject = subject(alert);
		return new MailContent(subject, text(blocks), html(subject, blocks));
	}

	private MailContent composeComplaintMilestone(Alert alert, String assigneeName, String copiedManagerName) {
		ComplaintMilestone facts = alert.complaint();
		String complaint = "Complaint " + alert.contactId();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Plain("Hello " + assigneeName + ","));
		switch (alert.kind()) {
			case COMPLAINT_RECEIVED -> {
				String received = londonDay(facts.at());
				blocks.add(new Strong(
						complaint + " is yours to handle. It was received on " + londonTime(facts.at()) + " (UK time)"
								+ ((facts.channel() != null)
										? " by " + facts.channel().toLowerCase(Locale.ENGLISH).replace('_', ' ') : "")
								+ "."));
				if (facts.aboutAProvider()) {
					blocks.add(new Strong("It is about an NHS or social care provider, so it is to be signposted: "
							+ "Healthwatch Portsmouth does not investigate it. Please signpost the person within "
							+ ACKNOWLEDGEMENT_WORKING_DAYS + " working days of " + received
							+ ", for example to the provider's complaints team, PALS or independent NHS complaints "
							+ "advocacy, and record the signposting (to whom, and whether they agree to share "
							+ "their details). Recording it acknowledges the complaint."));
				}
				else {
					blocks.add(new Strong("Please acknowledge it within " + ACKNOWLEDGEMENT_WORKING_DAYS
							+ " working days of " + received + ". Our charter promises to acknowledge every "
							+ "complaint within " + ACKNOWLEDGEMENT_WORKING_DAYS + " working days."));
				}
				blocks.add(new Plain("The exact deadline is on the complaint's page, and you will get a reminder "
						+ "before it passes."));
				if (alert.needsSummary() != null && !alert.needsSummary().isBlank()) {
					blocks.add(new Strong("How to reply: the complainant's communication needs are "
							+ alert.needsSummary().strip() + "."));
				}
				if (facts.originContactId() != null) {
					blocks.add(new Link("It was escalated from contact " + facts.originContactId() + ":",
							contactLink(facts.originContactId())));
				}
			}
			case COMPLAINT_ESCALATED -> {
				blocks.add(new Strong(
						"The complainant was not satisfied with our response, and complaint " + alert.contactId()
								+ " has gone to stage " + facts.stageNumber() + " of the complaints procedure ("
								+ facts.stage() + ") on " + londonTime(facts.at()) + " (UK time)."));
				blocks.add(new Strong("The stage's response is due within " + facts.workingDays() + " working days of "
						+ londonDay(facts.at()) + "."));
				blocks.add(new Plain("The exact deadline is on the complaint's page, and you will get a reminder "
						+ "before it passes. Please make sure the stage has what it needs to respond in time."));
			}
			case COMPLAINT_REASSIGNED -> {
				blocks.add(new Strong(complaint + " has been passed to you"
						+ ((facts.previousHandlerId() != null) ? " from " + facts.previousHandlerId() : "") + " on "
						+ londonTime(facts.at()) + " (UK time). It is yours to handle from now on."));
				blocks.add(new Plain(
						"Its open deadlines are yours too: check on the complaint's page what is due " + "and when."));
			}
			default -> throw new IllegalArgumentException(alert.kind() + " is not a complaint milestone");
		}
		if (copiedManagerName != null) {
			blocks.add(new Plain(copiedManagerName + " is copied in as your manager."));
		}
		blocks.add(new Link("Open the complaint:", complaintLink(alert.contactId())));
		blocks.add(new Plain("This is an automatic message from the Charter service. Reference: complaint "
				+ alert.contactId() + "."));
		String subject = subject(alert);
		return new MailContent(subject, text(blocks), html(subject, blocks));
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
			case DIGEST, COMPLAINT_RECEIVED, COMPLAINT_ESCALATED, COMPLAINT_REASSIGNED ->
				throw new IllegalArgumentException(alert.kind() + " is not about the answerphone check");
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
		if (isComplaintStandard(line.standard())) {
			return new Link("Complaint " + line.contactId() + ", " + when + " " + londonTime(line.dueAt()) + " ("
					+ standardInWords(line.standard()) + "):", complaintLink(line.contactId()));
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
