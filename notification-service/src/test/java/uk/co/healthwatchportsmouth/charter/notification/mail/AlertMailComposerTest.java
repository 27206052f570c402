package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMailComposerTest {

	// 17:00 UTC in November is 17:00 in London (GMT)
	private static final Instant WINTER_DUE = Instant.parse("2026-11-26T17:00:00Z");

	// 16:00 UTC in June is 17:00 in London (BST)
	private static final Instant SUMMER_DUE = Instant.parse("2026-06-25T16:00:00Z");

	private final AlertMailComposer composer = new AlertMailComposer(URI.create("http://localhost:8081"),
			URI.create("http://localhost:8083"));

	@Test
	void aReminderSubjectSaysWhichContactNeedsAReplyByWhenInLondonTime() {
		assertThat(this.composer.subject(alert(Alert.Kind.REMINDER, "C-42", "EMAIL", WINTER_DUE)))
			.isEqualTo("Reminder: contact C-42 needs a reply by Thu 26 Nov 2026, 17:00");
		assertThat(this.composer.subject(alert(Alert.Kind.REMINDER, "C-42", "EMAIL", SUMMER_DUE)))
			.isEqualTo("Reminder: contact C-42 needs a reply by Thu 25 Jun 2026, 17:00");
	}

	@Test
	void aBreachSubjectSaysWhenTheContactWasDue() {
		assertThat(this.composer.subject(alert(Alert.Kind.BREACH, "C-42", "LETTER", WINTER_DUE)))
			.isEqualTo("Charter breached: contact C-42 was due Thu 26 Nov 2026, 17:00");
	}

	@Test
	void anAnswerphoneCheckBreachIsAboutTheAnswerphoneAndLinksToTheCheckNotAContact() {
		// 10:00 on Wednesday 25 November 2026 in London (GMT)
		Alert breach = new Alert(Alert.Kind.BREACH, "answerphone-check", "answerphone-check-2026-11-25",
				"ANSWERPHONE_CHECK", Instant.parse("2026-11-25T10:00:00Z"));

		MailContent mail = this.composer.compose(breach, "Jo", "Sam");

		assertThat(mail.subject())
			.isEqualTo("Answerphone not checked: messages were due to be checked by Wed 25 Nov 2026, 10:00");
		assertThat(mail.text())
			.contains("Our charter promises to check the answerphone messages every working day and to reply to "
					+ "each message within 1 working day.")
			.contains("http://localhost:8081/answerphone/checks")
			.contains("Sam is copied in as your manager.")
			.doesNotContainIgnoringCase("contact answerphone-check")
			.doesNotContain("/contacts/");
		assertThat(mail.html()).contains("href=\"http://localhost:8081/answerphone/checks\"")
			.doesNotContainIgnoringCase("contact answerphone-check");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					REMINDER         | Reminder: answerphone messages need checking by Wed 25 Nov 2026, 10:00
					ESCALATION       | Answerphone still not checked: messages were due to be checked by Wed 25 Nov 2026, 10:00 (reminder 1)
					DEADLINE_CHANGED | Deadline changed: answerphone messages now need checking by Wed 25 Nov 2026, 10:00
					""")
	void everyAnswerphoneCheckEmailIsWordedForTheAnswerphone(Alert.Kind kind, String subject) {
		Alert alert = new Alert(kind, "answerphone-check", "answerphone-check-2026-11-25", "ANSWERPHONE_CHECK",
				Instant.parse("2026-11-25T10:00:00Z"), null, 1, "Office closure added", null);

		MailContent mail = this.composer.compose(alert, "Jo", null);

		assertThat(mail.subject()).isEqualTo(subject);
		assertThat(mail.text()).contains("answerphone")
			.contains("/answerphone/checks")
			.doesNotContainIgnoringCase("contact answerphone-check")
			.doesNotContain("/contacts/");
	}

	@Test
	void theDigestListsTheAnswerphoneCheckAsMessagesToCheckNotAsAContact() {
		Instant tenOClock = Instant.parse("2026-11-25T10:00:00Z");
		MailContent digest = this.composer.composeDigest(java.time.LocalDate.parse("2026-11-25"),
				java.util.List.of(new DigestLine("answerphone-check", "ANSWERPHONE_CHECK", tenOClock, false),
						new DigestLine("C-42", "EMAIL", WINTER_DUE, false)),
				"Jo");

		assertThat(digest.text()).contains("Answerphone messages to check by 10:00")
			.contains("http://localhost:8081/answerphone/checks")
			.contains("Contact C-42, due by Thu 26 Nov 2026, 17:00")
			.doesNotContainIgnoringCase("contact answerphone-check");
	}

	@Test
	void anEscalationSaysTheContactIsStillUnansweredAndWhichReminderThisIs() {
		Alert escalation = new Alert(Alert.Kind.ESCALATION, "C-42", "clock-1", "EMAIL", WINTER_DUE, null, 2, null,
				null);

		MailContent mail = this.composer.compose(escalation, "Jo", "Sam");

		assertThat(mail.subject())
			.isEqualTo("Still unanswered: contact C-42 was due Thu 26 Nov 2026, 17:00 (reminder 2)");
		assertThat(mail.text()).contains("Contact C-42 is still unanswered. It was due by Thu 26 Nov 2026, 17:00")
			.contains("reminder number 2")
			.contains("Sam is copied in as your manager.");
		assertThat(mail.html()).contains("still unanswered");
	}

	@Test
	void aDeadlineChangeGivesTheOldAndNewDeadlineAndTheReason() {
		Alert changed = new Alert(Alert.Kind.DEADLINE_CHANGED, "C-42", "clock-1", "EMAIL", SUMMER_DUE, WINTER_DUE, null,
				"Bank holiday added: 2026-06-08 (One-off bank holiday)", null);

		MailContent mail = this.composer.compose(changed, "Jo", null);

		assertThat(mail.subject()).isEqualTo("Deadline changed: contact C-42 is now due Thu 25 Jun 2026, 17:00");
		assertThat(mail.text()).contains("It is now Thu 25 Jun 2026, 17:00 (UK time). It was Thu 26 Nov 2026, 17:00.")
			.contains("Why it changed: Bank holiday added: 2026-06-08 (One-off bank holiday).");
		assertThat(mail.html()).contains("Bank holiday added");
	}

	@Test
	void aReminderGivesTheCommunicationNeedsWhenKnownAndSaysNothingOtherwise() {
		Alert reminder = alert(Alert.Kind.REMINDER, "C-42", "EMAIL", WINTER_DUE);

		assertThat(
				this.composer.compose(reminder.withNeedsSummary("large print; interpreter: Polish"), "Jo", null).text())
			.contains("the customer's communication needs are large print; interpreter: Polish.");
		assertThat(this.composer.compose(reminder, "Jo", null).text()).doesNotContain("communication needs");
	}

	@Test
	void aDigestListsTheOverdueFirstThenWhatIsDueTodayInLargeType() {
		MailContent mail = this.composer.composeDigest(java.time.LocalDate.parse("2026-11-26"),
				java.util.List.of(new DigestLine("C-2", "LETTER", WINTER_DUE, false),
						new DigestLine("C-1", "EMAIL", WINTER_DUE.minusSeconds(86400), true)),
				"Jo");

		assertThat(mail.subject()).isEqualTo("Your Charter contacts for Thursday 26 November 2026");
		assertThat(mail.text()).contains("Good morning Jo,")
			.contains("Overdue: 1. Due today: 1.")
			.contains("Contact C-1, was due Wed 25 Nov 2026, 17:00 (reply to an email within 2 working days):")
			.contains("Contact C-2, due by Thu 26 Nov 2026, 17:00 (reply to a letter within 5 working days):")
			.contains("http://localhost:8081/contacts/C-2");
		assertThat(mail.text().indexOf("C-1")).isLessThan(mail.text().indexOf("C-2"));
		assertThat(mail.html()).contains("font-size: 20px").doesNotContainPattern("font-size: 1[0-9]px");
	}

	@Test
	void septemberIsAbbreviatedTheUsualWay() {
		assertThat(AlertMailComposer.londonTime(Instant.parse("2026-09-03T08:30:00Z")))
			.isEqualTo("Thu 3 Sep 2026, 09:30");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			EMAIL                     | reply to an email within 2 working days
			ANSWERPHONE               | reply to an answerphone message within 1 working day
			LETTER                    | reply to a letter within 5 working days
			SOMETHING_NEW             | SOMETHING_NEW
			""")
	void namesTheCharterStandardInWords(String standard, String words) {
		assertThat(AlertMailComposer.standardInWords(standard)).isEqualTo(words);
		MailContent content = this.composer.compose(alert(Alert.Kind.REMINDER, "C-1", standard, WINTER_DUE), "Jo",
				null);
		assertThat(content.text()).contains("Our charter promise for this contact: " + words + ".");
		assertThat(content.html()).contains(words);
	}

	@Test
	void aReminderSaysWhatIsDueWhenAndWhereToOpenTheContact() {
		MailContent content = this.composer.compose(alert(Alert.Kind.REMINDER, "C-42", "EMAIL", WINTER_DUE), "Jo",
				null);

		assertThat(content.subject()).isEqualTo("Reminder: contact C-42 needs a reply by Thu 26 Nov 2026, 17:00");
		assertThat(content.text()).startsWith("Hello Jo,\n\n")
			.contains("Contact C-42 needs a reply by Thu 26 Nov 2026, 17:00 (UK time).")
			.contains("reply to an email within 2 working days")
			.contains("http://localhost:8081/contacts/C-42")
			.contains("clock clock-1")
			.doesNotContain("copied in");
		assertThat(content.html()).contains("<a href=\"http://localhost:8081/contacts/C-42\"")
			.contains("Thu 26 Nov 2026, 17:00");
	}

	@Test
	void aBreachAsksForAnApologyAndSaysTheManagerIsCopiedIn() {
		MailContent content = this.composer.compose(alert(Alert.Kind.BREACH, "C-42", "ANSWERPHONE", WINTER_DUE), "Jo",
				"Sam");

		assertThat(content.text()).contains("the charter deadline has passed")
			.contains("It was due by Thu 26 Nov 2026, 17:00 (UK time).")
			.contains("say sorry for the delay")
			.contains("Sam is copied in as your manager.");
	}

	@Test
	void theHtmlVersionIsReadableAtLargeFontSizes() {
		MailContent content = this.composer.compose(alert(Alert.Kind.BREACH, "C-42", "EMAIL", WINTER_DUE), "Jo", "Sam");

		assertThat(content.html()).contains("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 20px;")
			.doesNotContain("<small")
			.doesNotContainIgnoringCase("font-size: smaller");
		Matcher sizes = Pattern.compile("font-size:\\s*([^;\"]+)").matcher(content.html());
		int found = 0;
		while (sizes.find()) {
			found++;
			assertThat(sizes.group(1).strip()).as("every font size is in px and at least 18px")
				.matches("\\d+px")
				.satisfies((size) -> assertThat(Integer.parseInt(size.replace("px", ""))).isGreaterThanOrEqualTo(18));
		}
		assertThat(found).isGreaterThan(1);
	}

	@Test
	void linksToTheContactInIntakesApiWithTheIdEncoded() {
		AlertMailComposer composer = new AlertMailComposer(URI.create("https://intake.example/api/"),
				URI.create("https://complaints.example/"));

		assertThat(composer.contactLink("C 1/2")).isEqualTo("https://intake.example/api/contacts/C%201%2F2");
		assertThat(composer.complaintLink("K 1/2")).isEqualTo("https://complaints.example/complaints/K%201%2F2");
	}

	@Test
	void escapesWhateverTheIdsContainInTheHtmlVersion() {
		MailContent content = this.composer.compose(alert(Alert.Kind.REMINDER, "<b>C-1</b>", "EMAIL", WINTER_DUE),
				"Jo & Co", null);

		assertThat(content.html()).contains("&lt;b&gt;C-1&lt;/b&gt;").contains("Hello Jo &amp; Co,");
		assertThat(content.html()).doesNotContain("<b>C-1</b>");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					REMINDER         | COMPLAINT_ACKNOWLEDGEMENT | Reminder: complaint K-7 needs an acknowledgement by Thu 26 Nov 2026, 17:00                     | acknowledge the complaint within 5 working days of receiving it
					BREACH           | COMPLAINT_ACKNOWLEDGEMENT | Charter breached: complaint K-7 needed an acknowledgement by Thu 26 Nov 2026, 17:00           | acknowledge the complaint within 5 working days of receiving it
					ESCALATION       | COMPLAINT_RESPONSE        | Still unanswered: complaint K-7 needed a response by Thu 26 Nov 2026, 17:00 (reminder 1)      | respond to the complaint within the complaints procedure's timescale
					DEADLINE_CHANGED | COMPLAINT_RESPONSE        | Deadline changed: complaint K-7 now needs a response by Thu 26 Nov 2026, 17:00                | respond to the complaint within the complaints procedure's timescale
					REMINDER         | COMPLAINT_ESCALATION      | Reminder: complaint K-7 needs the escalation stage's response by Thu 26 Nov 2026, 17:00      | send the escalation stage's response within that stage's timescale
					BREACH           | COMPLAINT_ESCALATION      | Charter breached: complaint K-7 needed the escalation stage's response by Thu 26 Nov 2026, 17:00 | send the escalation stage's response within that stage's timescale
					""")
	void aComplaintsClockEmailNamesTheComplaintTheStandardInWordsAndLinksToComplaintsService(Alert.Kind kind,
			String standard, String subject, String promise) {
		Alert alert = new Alert(kind, "K-7", "clock-K-7", standard, WINTER_DUE, SUMMER_DUE, 1,
				"Extension agreed with the complainant: response now due 2026-11-26", null);

		MailContent mail = this.composer.compose(alert, "Jo", null);

		assertThat(mail.subject()).isEqualTo(subject);
		assertThat(mail.text()).contains("Our charter promise for this complaint: " + promise);
		assertThat(mail.html()).contains("Our charter promise for this complaint: " + promise.replace("'", "&#39;"));
		for (String part : java.util.List.of(mail.text(), mail.html())) {
			assertThat(part).contains("http://localhost:8083/complaints/K-7")
				.doesNotContainIgnoringCase("contact")
				.doesNotContain("http://localhost:8081");
		}
	}

	@Test
	void aComplaintsDeadlineChangeSaysTheAgreedDateReplacesTheOldOne() {
		Alert changed = new Alert(Alert.Kind.DEADLINE_CHANGED, "K-7", "clock-K-7", "COMPLAINT_RESPONSE", WINTER_DUE,
				Instant.parse("2026-11-20T17:00:00Z"), null,
				"Extension agreed with the complainant: response now due 2026-11-26", null);

		MailContent mail = this.composer.compose(changed, "Jo", null);

		assertThat(mail.text())
			.contains("The deadline for complaint K-7 has changed. It now needs a response by Thu 26 Nov 2026, 17:00 "
					+ "(UK time). It was Fri 20 Nov 2026, 17:00.")
			.contains("Why it changed: Extension agreed with the complainant: response now due 2026-11-26.")
			.contains("The old deadline no longer counts");
	}

	@Test
	void theDigestListsAComplaintAsAComplaintWithItsLink() {
		MailContent digest = this.composer.composeDigest(java.time.LocalDate.parse("2026-11-26"),
				java.util.List.of(new DigestLine("K-7", "COMPLAINT_ACKNOWLEDGEMENT", WINTER_DUE, false)), "Jo");

		assertThat(digest.text())
			.contains("Complaint K-7, due by Thu 26 Nov 2026, 17:00 (acknowledge the complaint within 5 working days "
					+ "of receiving it):")
			.contains("http://localhost:8083/complaints/K-7")
			.doesNotContain("Contact K-7");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ABOUT_US       | New complaint for you: acknowledge complaint K-7 within 5 working days of Wednesday 25 November 2026 | Please acknowledge it within 5 working days of Wednesday 25 November 2026.
					ABOUT_PROVIDER | New complaint for you: signpost complaint K-7 within 5 working days of Wednesday 25 November 2026    | It is about an NHS or social care provider, so it is to be signposted
					""")
	void aNewComplaintTellsTheHandlerToAcknowledgeOrSignpostItWithinFiveWorkingDays(String kind, String subject,
			String what) {
		Alert received = Alert.complaintMilestone(Alert.Kind.COMPLAINT_RECEIVED, "K-7",
				ComplaintMilestone.received(kind, "EMAIL", Instant.parse("2026-11-25T10:15:00Z"), "C-42"),
				"large print");

		MailContent mail = this.composer.compose(received, "Jo", null);

		assertThat(mail.subject()).isEqualTo(subject);
		assertThat(mail.text()).startsWith("Hello Jo,\n\n")
			.contains("Complaint K-7 is yours to handle. It was received on Wed 25 Nov 2026, 10:15 (UK time) by email.")
			.contains(what)
			.contains("the complainant's communication needs are large print.")
			.contains("It was escalated from contact C-42:\nhttp://localhost:8081/contacts/C-42")
			.contains("Open the complaint:\nhttp://localhost:8083/complaints/K-7")
			.doesNotContain("copied in");
		assertThat(mail.html()).contains("<a href=\"http://localhost:8083/complaints/K-7\"").contains(what);
	}

	@Test
	void anEscalatedComplaintGivesTheStageAndItsTimescaleAndSaysTheManagerIsCopiedIn() {
		Alert escalated = Alert.complaintMilestone(Alert.Kind.COMPLAINT_ESCALATED, "K-7",
				ComplaintMilestone.escalated(Instant.parse("2026-11-25T10:15:00Z"), "BOARD", 1, 20), null);

		MailContent mail = this.composer.compose(escalated, "Jo", "Sam");

		assertThat(mail.subject())
			.isEqualTo("Complaint escalated: complaint K-7 is at stage 1 (BOARD), response due within 20 working days");
		assertThat(mail.text()).contains("complaint K-7 has gone to stage 1 of the complaints procedure (BOARD)")
			.contains("The stage's response is due within 20 working days of Wednesday 25 November 2026.")
			.contains("Sam is copied in as your manager.")
			.contains("http://localhost:8083/complaints/K-7");
	}

	@Test
	void aReassignedComplaintTellsTheNewHandlerItIsTheirsNow() {
		Alert reassigned = Alert.complaintMilestone(Alert.Kind.COMPLAINT_REASSIGNED, "K-7",
				ComplaintMilestone.reassigned(Instant.parse("2026-11-25T10:15:00Z"), "jo"), null);

		MailContent mail = this.composer.compose(reassigned, "Sam", null);

		assertThat(mail.subject()).isEqualTo("Complaint passed to you: complaint K-7");
		assertThat(mail.text()).startsWith("Hello Sam,")
			.contains("Complaint K-7 has been passed to you from jo on Wed 25 Nov 2026, 10:15 (UK time).")
			.contains("http://localhost:8083/complaints/K-7");
	}

	private static Alert alert(Alert.Kind kind, String contactId, String standard, Instant dueAt) {
		return new Alert(kind, contactId, "clock-1", standard, dueAt);
	}

}
