package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintClosed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintExtensionAgreed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintSignposted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolved;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolvedAtFirstContact;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffDirectory;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffRoster;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification service end to end: SLA events in through Kafka, notifications in
 * MongoDB, emails out to a GreenMail SMTP server on a free port. Written once, run on
 * embedded infrastructure and (where Docker exists) on containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "charter.clock.mode=system",
		// a retry must wait for the test's clock, which only the test moves
		"charter.notification.retry.initial=PT20S", "charter.notification.retry.max=PT40S",
		"charter.notification.retry.poll-interval=PT0.2S",
		// the breaker's open wait is real time: keep it short so tests do not wait for it
		"resilience4j.retry.instances.smtp.wait-duration=10ms",
		"resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=200ms",
		"charter.notification.digest.check-interval=PT0.2S" })
@ActiveProfiles("local")
@Import(NotificationScenarios.MovableClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NotificationScenarios {

	static final String SLA_EVENTS = "charter.sla-events";

	static final String DEAD_LETTERS = "charter.sla-events.dlq.notification-service";

	static final String CONTACT_EVENTS = "charter.contact-events";

	static final String CONTACT_DEAD_LETTERS = "charter.contact-events.dlq.notification-service";

	static final String COMPLAINT_EVENTS = "charter.complaint-events";

	static final String COMPLAINT_DEAD_LETTERS = "charter.complaint-events.dlq.notification-service";

	/** 09:30 on Wednesday 25 November 2026 in London (GMT). */
	static final Instant COMPLAINT_RECEIVED_AT = Instant.parse("2026-11-25T09:30:00Z");

	static final String JO = "jo@charter.local";

	static final String SAM = "sam@charter.local";

	static final String FROM = "charter@healthwatchportsmouth.local";

	/** 17:00 in London (GMT) on Thursday 26 November 2026. */
	static final Instant DUE = Instant.parse("2026-11-26T17:00:00Z");

	static final String DUE_IN_LONDON = "Thu 26 Nov 2026, 17:00";

	static final Duration ARRIVAL = Duration.ofSeconds(30);

	/** When the tests start: 10:00 on Wednesday 25 November 2026 in London (GMT). */
	static final Instant WORKING_MORNING = Instant.parse("2026-11-25T10:00:00Z");

	static final Duration QUIET = Duration.ofMillis(1500);

	static final int SMTP_PORT = freeSmtpPort();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		/**
		 * Starts at 10:00 on Wednesday 25 November 2026 in London, inside office hours,
		 * and runs on from there.
		 */
		@Bean
		VirtualClock clock() {
			Instant now = Instant.now();
			return new VirtualClock(Clock.offset(Clock.systemUTC(), Duration.between(now, WORKING_MORNING)));
		}

	}

	@Autowired
	VirtualClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StaffRoster roster;

	@Autowired
	StaffDirectory configuredStaff;

	@Value("${local.server.port}")
	int port;

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	private final HttpClient http = HttpClient.newHttpClient();

	private KafkaProducer<byte[], byte[]> producer;

	/** Publishes to charter.complaint-events as complaints-service's outbox does. */
	private EventPublisher complaints;

	@BeforeEach
	void connectProducer() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.complaints = new EventPublisher(this.brokers, COMPLAINT_EVENTS, "/complaints-service");
	}

	@AfterEach
	void closeProducer() {
		this.producer.close(Duration.ofSeconds(5));
		this.complaints.close();
	}

	@Test
	void aReminderEmailsTheAssigneeOnceWithTheDeadlineInLondonTime() throws Exception {
		String contactId = newContactId();
		ReminderDue reminder = reminder(contactId, "jo");

		publish(reminder);

		MimeMessage email = awaitCopies(reminder.eventId(), 1).getFirst();
		assertThat(email.getSubject())
			.isEqualTo("Reminder: contact " + contactId + " needs a reply by " + DUE_IN_LONDON);
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(email, Message.RecipientType.CC)).isEmpty();
		assertThat(email.getFrom()).extracting(Object::toString).containsExactly(FROM);
		assertThat(email.getHeader("Message-ID", null))
			.isEqualTo("<" + reminder.eventId() + "@charter.healthwatchportsmouth>");

		MimeMultipart parts = (MimeMultipart) email.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(textPart(email)).contains("Contact " + contactId + " needs a reply by " + DUE_IN_LONDON)
			.contains("reply to an email within 2 working days")
			.contains("http://localhost:8081/contacts/" + contactId);
		assertThat(htmlPart(email)).contains("font-size: 20px").contains("http://localhost:8081/contacts/" + contactId);

		assertCopiesStay(reminder.eventId(), 1);

		String json = get("/notifications/" + reminder.eventId()).body();
		assertThat(((Map<String, Object>) JsonPath.read(json, "$")).keySet()).containsExactlyInAnyOrder("id", "kind",
				"contactId", "clockId", "standard", "dueAt", "previousDueAt", "escalation", "reason", "needsSummary",
				"resendOf", "digestDay", "digestLines", "recipients", "subject", "messageId", "status", "attempts",
				"createdAt", "nextAttemptAt", "lastAttemptAt", "sentAt", "lastError", "failureReason", "duplicateOf",
				"complaint");
		assertThat((String) JsonPath.read(json, "$.id")).isEqualTo(reminder.eventId());
		assertThat((String) JsonPath.read(json, "$.dueAt")).isEqualTo("2026-11-26T17:00:00Z");
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("SENT");
		assertThat((Integer) JsonPath.read(json, "$.attempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.sentAt")).isNotNull();
		assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("REMINDER");
		assertThat((String) JsonPath.read(json, "$.contactId")).isEqualTo(contactId);
		assertThat((String) JsonPath.read(json, "$.clockId")).isEqualTo(reminder.clockId());
		assertThat((String) JsonPath.read(json, "$.subject")).isEqualTo(email.getSubject());
		assertThat((String) JsonPath.read(json, "$.messageId")).isEqualTo(email.getHeader("Message-ID", null));
		assertThat((List<String>) JsonPath.read(json, "$.recipients[*].staffId")).containsExactly("jo");
		assertThat((List<String>) JsonPath.read(json, "$.recipients[*].address")).containsExactly(JO);

		Document stored = this.mongo.getDb()
			.getCollection("notifications")
			.find(new Document("_id", reminder.eventId()))
			.first();
		assertThat(this.mongo.getDb().getName()).isEqualTo("notification");
		assertThat(stored).isNotNull();
		assertThat(stored.getString("status")).isEqualTo("SENT");
		assertThat(stored.get("sentAt")).isNotNull();

		assertThat(get("/actuator/prometheus").body())
			.containsPattern("charter_notifications_total\\{[^}]*kind=\"reminder\"[^}]*outcome=\"sent\"");
	}

	@Test
	void aBreachEmailsTheAssigneeWithTheirManagerInCc() throws Exception {
		String contactId = newContactId();
		Breached breach = breach(contactId, "jo");

		publish(breach);

		awaitCopies(breach.eventId(), 2);
		MimeMessage toJo = single(mailbox(JO, breach.eventId()));
		MimeMessage toSam = single(mailbox(SAM, breach.eventId()));
		for (MimeMessage copy : List.of(toJo, toSam)) {
			assertThat(copy.getSubject())
				.isEqualTo("Charter breached: contact " + contactId + " was due " + DUE_IN_LONDON);
			assertThat(addresses(copy, Message.RecipientType.TO)).containsExactly(JO);
			assertThat(addresses(copy, Message.RecipientType.CC)).containsExactly(SAM);
		}
		assertThat(textPart(toJo)).contains("Sam is copied in as your manager.").contains("say sorry for the delay");
		assertCopiesStay(breach.eventId(), 2);

		String json = get("/notifications/" + breach.eventId()).body();
		assertThat((List<String>) JsonPath.read(json, "$.recipients[*].role")).containsExactly("TO", "CC");
		assertThat((List<String>) JsonPath.read(json, "$.recipients[*].staffId")).containsExactly("jo", "sam");
	}

	@Test
	void aMissedAnswerphoneCheckEmailsTheAssigneeAndManagerAtOnceAboutTheAnswerphoneNotAContact() throws Exception {
		// sla-service's daily check for Wednesday 25 November 2026: due 10:00 London
		// (GMT)
		Instant tenOClock = Instant.parse("2026-11-25T10:00:00Z");
		Breached missed = new Breached(EventIds.of("breach", "answerphone-check", UUID.randomUUID().toString()),
				tenOClock, "answerphone-check-2026-11-25", "answerphone-check", "ANSWERPHONE_CHECK", "jo", tenOClock,
				tenOClock, tenOClock);

		publish(missed);

		awaitCopies(missed.eventId(), 2);
		MimeMessage toJo = single(mailbox(JO, missed.eventId()));
		single(mailbox(SAM, missed.eventId()));
		assertThat(toJo.getSubject())
			.isEqualTo("Answerphone not checked: messages were due to be checked by Wed 25 Nov 2026, 10:00");
		assertThat(addresses(toJo, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(toJo, Message.RecipientType.CC)).containsExactly(SAM);
		String text = textPart(toJo);
		assertThat(text).contains("check the answerphone messages every working day")
			.contains("reply to each message within 1 working day")
			.contains("http://localhost:8081/answerphone/checks")
			.doesNotContain("/contacts/");
		for (String shown : List.of(toJo.getSubject(), text, htmlPart(toJo))) {
			assertThat(shown).doesNotContainIgnoringCase("contact answerphone-check");
		}
		assertCopiesStay(missed.eventId(), 2);
	}

	@Test
	void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
		String contactId = newContactId();
		ReminderDue reminder = reminder(contactId, "jo");
		Breached later = breach(contactId, "jo");

		publish(reminder);
		publish(reminder);
		// same key, same partition: once this one is emailed the repeat has been consumed
		publish(later);

		awaitCopies(later.eventId(), 2);
		assertCopiesStay(reminder.eventId(), 1);
		assertThat((String) JsonPath.read(get("/notifications/" + reminder.eventId()).body(), "$.status"))
			.isEqualTo("SENT");

		// the repeat is on record, visible, and sent nothing
		Map<String, Object> repeat = assertSuppressedRepeatOf(reminder.eventId());
		assertThat(repeat).containsEntry("kind", "REMINDER")
			.containsEntry("contactId", contactId)
			.containsEntry("attempts", 0)
			.containsEntry("messageId", null)
			.containsEntry("sentAt", null);
		assertThat((List<String>) JsonPath.read(get("/notifications?recipient=jo&status=SUPPRESSED&limit=1000").body(),
				"$[?(@.contactId == '" + contactId + "')].id"))
			.containsExactly((String) repeat.get("id"));
		assertThat(this.mongo.getCollection("notifications")
			.countDocuments(new Document("contactId", contactId).append("kind", "REMINDER"))).isEqualTo(2);
		assertProblem(send("POST", "/notifications/" + pathSegment(repeat.get("id")) + "/resend", ""), 409, "id");
	}

	@Test
	void aNewComplaintEmailsItsHandlerOnceToAcknowledgeItWithinFiveWorkingDaysWithoutPersonalData() throws Exception {
		String complaintId = newComplaintId();
		ComplaintReceived received = complaintReceived(complaintId, "ABOUT_US", "jo", "large print");

		this.complaints.publish(received);
		this.complaints.publish(received);

		MimeMessage email = awaitCopies(received.eventId(), 1).getFirst();
		assertThat(email.getSubject()).isEqualTo("New complaint for you: acknowledge complaint " + complaintId
				+ " within 5 working days of Wednesday 25 November 2026");
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(email, Message.RecipientType.CC)).isEmpty();
		assertThat(email.getHeader("Message-ID", null))
			.isEqualTo("<" + received.eventId() + "@charter.healthwatchportsmouth>");
		MimeMultipart parts = (MimeMultipart) email.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		String text = textPart(email);
		String html = htmlPart(email);
		assertThat(text).startsWith("Hello Jo,")
			.contains("Complaint " + complaintId + " is yours to handle. It was received on Wed 25 Nov 2026, 09:30 "
					+ "(UK time) by email.")
			.contains("Please acknowledge it within 5 working days of Wednesday 25 November 2026.")
			.contains("the complainant's communication needs are large print.")
			.contains("http://localhost:8083/complaints/" + complaintId)
			.contains("http://localhost:8081/contacts/C-origin-" + complaintId);
		assertThat(html).contains("font-size: 20px")
			.contains("<a href=\"http://localhost:8083/complaints/" + complaintId + "\"");
		assertNoPersonalData(received, email);

		// the repeat is recorded as a suppressed duplicate and sends nothing
		assertCopiesStay(received.eventId(), 1);
		assertSuppressedRepeatOf(received.eventId());
		String json = get("/notifications/" + received.eventId()).body();
		assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("COMPLAINT_RECEIVED");
		assertThat((String) JsonPath.read(json, "$.contactId")).isEqualTo(complaintId);
		assertThat((String) JsonPath.read(json, "$.complaint.complaintKind")).isEqualTo("ABOUT_US");
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("SENT");

		// sla-service's reminder for the acknowledgement clock, keyed by the complaint
		ReminderDue reminder = new ReminderDue(EventIds.of("reminder", complaintId), WORKING_MORNING,
				"clock-ack-" + complaintId, complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "jo", DUE, WORKING_MORNING,
				WORKING_MORNING);
		publish(reminder);
		MimeMessage reminded = awaitCopies(reminder.eventId(), 1).getFirst();
		assertThat(reminded.getSubject())
			.isEqualTo("Reminder: complaint " + complaintId + " needs an acknowledgement by " + DUE_IN_LONDON);
		assertThat(textPart(reminded))
			.contains("Our charter promise for this complaint: acknowledge the complaint within 5 working days")
			.contains("the complainant's communication needs are large print.")
			.contains("http://localhost:8083/complaints/" + complaintId)
			.doesNotContainIgnoringCase("contact");
	}

	@Test
	void aNewComplaintAboutAProviderTellsTheHandlerToSignpostIt() throws Exception {
		String complaintId = newComplaintId();
		ComplaintReceived received = complaintReceived(complaintId, "ABOUT_PROVIDER", "jo", null);

		this.complaints.publish(received);

		MimeMessage email = awaitCopies(received.eventId(), 1).getFirst();
		assertThat(email.getSubject()).isEqualTo("New complaint for you: signpost complaint " + complaintId
				+ " within 5 working days of Wednesday 25 November 2026");
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(textPart(email)).contains("It is about an NHS or social care provider, so it is to be signposted")
			.contains("Recording it acknowledges the complaint.")
			.doesNotContain("communication needs");
		assertThat(htmlPart(email)).contains("to be signposted");
		assertNoPersonalData(received, email);
	}

	@Test
	void anEscalatedComplaintEmailsItsHandlerWithTheirManagerInCcWithTheStageAndItsTimescale() throws Exception {
		String complaintId = newComplaintId();
		ComplaintReceived received = complaintReceived(complaintId, "ABOUT_US", "jo", null);
		// the event leaves the handler out: the one the complaint was received with is
		// used
		ComplaintEscalated escalated = new ComplaintEscalated(EventIds.of("complaint-escalated", complaintId),
				WORKING_MORNING, complaintId, null, WORKING_MORNING, "BOARD", 1, 20);

		this.complaints.publish(received);
		this.complaints.publish(escalated);

		awaitCopies(escalated.eventId(), 2);
		MimeMessage toJo = single(mailbox(JO, escalated.eventId()));
		single(mailbox(SAM, escalated.eventId()));
		assertThat(toJo.getSubject()).isEqualTo("Complaint escalated: complaint " + complaintId
				+ " is at stage 1 (BOARD), response due within 20 working days");
		assertThat(addresses(toJo, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(toJo, Message.RecipientType.CC)).containsExactly(SAM);
		assertThat(textPart(toJo)).contains("has gone to stage 1 of the complaints procedure (BOARD)")
			.contains("The stage's response is due within 20 working days of Wednesday 25 November 2026.")
			.contains("Sam is copied in as your manager.")
			.contains("http://localhost:8083/complaints/" + complaintId);
		assertThat(htmlPart(toJo)).contains("http://localhost:8083/complaints/" + complaintId)
			.contains("20 working days");
		assertNoPersonalData(received, toJo);
		assertCopiesStay(escalated.eventId(), 2);
	}

	@Test
	void aReassignedComplaintEmailsTheNewHandlerOnly() throws Exception {
		String complaintId = newComplaintId();
		ComplaintReassigned reassigned = new ComplaintReassigned(EventIds.of("complaint-reassigned", complaintId),
				WORKING_MORNING, complaintId, "jo", "sam", WORKING_MORNING);
		// the complaint's acknowledgement clock, as sla-service starts it for jo
		ClockStarted clock = new ClockStarted(EventIds.of("started", complaintId), COMPLAINT_RECEIVED_AT,
				"clock-ack-" + complaintId, complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "jo", COMPLAINT_RECEIVED_AT, DUE,
				DUE.minus(Duration.ofHours(4)));
		publish(clock);
		await().atMost(ARRIVAL).until(() -> openClocksOf(complaintId, "jo") == 1);

		this.complaints.publish(reassigned);

		MimeMessage email = awaitCopies(reassigned.eventId(), 1).getFirst();
		assertThat(email.getSubject()).isEqualTo("Complaint passed to you: complaint " + complaintId);
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly(SAM);
		assertThat(addresses(email, Message.RecipientType.CC)).isEmpty();
		assertThat(textPart(email)).startsWith("Hello Sam,")
			.contains("Complaint " + complaintId + " has been passed to you from jo on Wed 25 Nov 2026, 10:00")
			.contains("http://localhost:8083/complaints/" + complaintId);
		assertThat(htmlPart(email)).contains("http://localhost:8083/complaints/" + complaintId);
		assertCopiesStay(reassigned.eventId(), 1);
		// the digest now lists the complaint's clock for sam
		await().atMost(ARRIVAL).until(() -> openClocksOf(complaintId, "sam") == 1);
		assertThat(openClocksOf(complaintId, "jo")).isZero();

		// closing the complaint cancels its clocks: nothing stays open for later digests
		publish(new ClockCancelled(EventIds.of("cancelled", complaintId), WORKING_MORNING, clock.clockId(), complaintId,
				"COMPLAINT_ACKNOWLEDGEMENT", "jo", DUE, WORKING_MORNING, "COMPLAINT_CLOSED"));
		await().atMost(ARRIVAL).until(() -> openClocksOf(complaintId, "sam") == 0);
	}

	@Test
	void anExtensionAResponseASignpostingAndAClosureSendNoEmailOfTheirOwn() throws Exception {
		String complaintId = newComplaintId();
		Instant at = WORKING_MORNING;
		List<CharterEvent> silent = List.of(
				new ComplaintExtensionAgreed(EventIds.of("complaint-extension", complaintId), at, complaintId, "jo", at,
						LocalDate.parse("2026-12-18"), null),
				new ComplaintResponded(EventIds.of("complaint-responded", complaintId), at, complaintId, "jo", at,
						"PARTLY_UPHELD", true, at),
				new ComplaintSignposted(EventIds.of("complaint-signposted", complaintId), at, complaintId, "jo", at,
						"PROVIDER_COMPLAINTS_TEAM", true),
				new ComplaintClosed(EventIds.of("complaint-closed", complaintId), at, complaintId, "jo", at));
		// one key, one partition: once this one is emailed, the ones before were read
		ComplaintReassigned last = new ComplaintReassigned(EventIds.of("complaint-reassigned", complaintId), at,
				complaintId, "jo", "sam", at);

		silent.forEach(this.complaints::publish);
		this.complaints.publish(last);

		awaitCopies(last.eventId(), 1);
		assertThat(emailsAbout(complaintId)).extracting(NotificationScenarios::subjectOf)
			.containsExactly("Complaint passed to you: complaint " + complaintId);
		for (CharterEvent event : silent) {
			assertThat(get("/notifications/" + event.eventId()).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aMissedComplaintAcknowledgementEmailsTheHandlerAndManagerAboutTheComplaint() throws Exception {
		String complaintId = newComplaintId();
		Breached breach = new Breached(EventIds.of("breach", complaintId), DUE, "clock-ack-" + complaintId, complaintId,
				"COMPLAINT_ACKNOWLEDGEMENT", "jo", DUE, DUE, DUE);

		publish(breach);

		awaitCopies(breach.eventId(), 2);
		MimeMessage toJo = single(mailbox(JO, breach.eventId()));
		MimeMessage toSam = single(mailbox(SAM, breach.eventId()));
		for (MimeMessage copy : List.of(toJo, toSam)) {
			assertThat(copy.getSubject()).isEqualTo(
					"Charter breached: complaint " + complaintId + " needed an acknowledgement by " + DUE_IN_LONDON);
			assertThat(addresses(copy, Message.RecipientType.TO)).containsExactly(JO);
			assertThat(addresses(copy, Message.RecipientType.CC)).containsExactly(SAM);
		}
		String text = textPart(toJo);
		assertThat(text).contains("Complaint " + complaintId + " needed an acknowledgement by " + DUE_IN_LONDON)
			.contains("acknowledge the complaint within 5 working days of receiving it")
			.contains("Sam is copied in as your manager.")
			.contains("http://localhost:8083/complaints/" + complaintId)
			.doesNotContainIgnoringCase("contact");
		assertThat(htmlPart(toJo)).contains("http://localhost:8083/complaints/" + complaintId)
			.doesNotContainIgnoringCase("contact");
		assertCopiesStay(breach.eventId(), 2);
	}

	@Test
	void aMalformedComplaintRecordIsDeadLetteredAndTheNextComplaintIsStillEmailed() throws Exception {
		String complaintId = newComplaintId();
		ComplaintReceived good = complaintReceived(complaintId, "ABOUT_US", "jo", null);

		try (TopicReader deadLetters = new TopicReader(this.brokers, COMPLAINT_DEAD_LETTERS)) {
			this.complaints.publishRaw(complaintId, "complaint.received.v1", "{\"eventId\": ");
			this.complaints.publish(good);

			awaitCopies(good.eventId(), 1);
			TopicReader.Received parked = deadLetters.await((record) -> complaintId.equals(record.key()), ARRIVAL);
			assertThat(new String(parked.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\": ");
		}
	}

	/**
	 * Only ids, codes and dates: no customer id and no email address but the staff's own
	 * in the headers.
	 */
	static void assertNoPersonalData(ComplaintReceived received, MimeMessage email) throws Exception {
		for (String part : List.of(email.getSubject(), textPart(email), htmlPart(email))) {
			assertThat(part).doesNotContain(received.customerId());
			assertThat(emailAddressesIn(part)).isEmpty();
		}
	}

	/**
	 * Asserts there is exactly one {@code SUPPRESSED} record of a repeat of the given
	 * notification, listed by {@code GET /notifications?status=SUPPRESSED}.
	 */
	Map<String, Object> assertSuppressedRepeatOf(String originalId) throws Exception {
		String filter = "$[?(@.duplicateOf == '" + originalId + "')]";
		List<Map<String, Object>> repeats = await().atMost(ARRIVAL)
			.until(() -> JsonPath.read(get("/notifications?status=SUPPRESSED&limit=1000").body(), filter),
					(found) -> !((List<?>) found).isEmpty());
		assertThat(repeats).hasSize(1);
		Map<String, Object> repeat = repeats.getFirst();
		assertThat((String) repeat.get("id")).startsWith(originalId + "#dup-");
		assertThat(repeat).containsEntry("status", "SUPPRESSED").containsEntry("duplicateOf", originalId);
		// '#' starts a URL fragment: the id goes into a path encoded
		String single = get("/notifications/" + pathSegment(repeat.get("id"))).body();
		assertThat((String) JsonPath.read(single, "$.id")).isEqualTo(repeat.get("id"));
		assertThat((String) JsonPath.read(single, "$.status")).isEqualTo("SUPPRESSED");
		return repeat;
	}

	static String pathSegment(Object id) {
		return java.net.URLEncoder.encode((String) id, StandardCharsets.UTF_8);
	}

	@Test
	void aMalformedRecordIsDeadLetteredAndTheNextOneIsStillEmailed() throws Exception {
		String contactId = newContactId();
		ReminderDue good = reminder(contactId, "jo");
		// proper CloudEvents headers, but a payload that is not a reminder
		byte[] garbage = "{\"eventId\": ".getBytes(StandardCharsets.UTF_8);

		Counter parkedCount = this.meters.counter("charter.dead.letters", "topic", DEAD_LETTERS);
		double parkedBefore = parkedCount.count();
		try (TopicReader deadLetters = new TopicReader(this.brokers, DEAD_LETTERS)) {
			publish(reminder(contactId, "jo"), garbage);
			publish(good);

			awaitCopies(good.eventId(), 1);
			TopicReader.Received parked = deadLetters.await((record) -> contactId.equals(record.key()), ARRIVAL);
			assertThat(parked.payload()).isEqualTo(garbage);
		}
		assertThat(parkedCount.count()).as("counted once, when parked").isEqualTo(parkedBefore + 1);
	}

	@Test
	void theMailServerShowsInHealthButAnOutageKeepsTheServiceReadyAndAlive() throws Exception {
		HttpResponse<String> smtp = get("/actuator/health/smtp");
		assertThat(smtp.statusCode()).as(smtp.body()).isEqualTo(200);
		assertThat(smtp.body()).contains("\"mail\"");

		greenMail.stop();
		try {
			assertThat(get("/actuator/health/smtp").statusCode()).isEqualTo(503);
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"mongo\"", "\"kafka\"").doesNotContain("\"mail\"");
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			greenMail.start();
		}
	}

	@Test
	void anSmtpOutageKeepsTheEmailPendingAndItIsDeliveredOnceWhenTheServerIsBack() throws Exception {
		String contactId = newContactId();
		ReminderDue reminder = reminder(contactId, "jo");
		String path = "/notifications/" + reminder.eventId();
		Counter retries = this.meters.counter("charter.notifications.retries", "kind", "reminder");
		double retriesBefore = retries.count();
		double smtpRetriesBefore = smtpRetryCalls();

		greenMail.stop();
		String pending;
		try {
			publish(reminder);
			pending = await().atMost(ARRIVAL).until(() -> get(path).body(), (json) -> json.contains("\"attempts\":1"));
		}
		finally {
			greenMail.start();
		}
		assertThat((String) JsonPath.read(pending, "$.status")).isEqualTo("PENDING");
		assertThat((String) JsonPath.read(pending, "$.lastError")).startsWith("The SMTP server could not be reached");
		Instant lastAttempt = Instant.parse(JsonPath.read(pending, "$.lastAttemptAt"));
		Instant nextAttempt = Instant.parse(JsonPath.read(pending, "$.nextAttemptAt"));
		assertThat(Duration.between(lastAttempt, nextAttempt)).isEqualTo(Duration.ofSeconds(20));

		// the server is back, but the next attempt is not due yet
		await().during(QUIET)
			.atMost(QUIET.multipliedBy(2))
			.until(() -> JsonPath.read(get(path).body(), "$.status"), "PENDING"::equals);
		assertThat(copiesOf(reminder.eventId())).isEmpty();

		this.clock.advance(Duration.between(this.clock.instant(), nextAttempt).plusSeconds(1));

		String sent = await().atMost(ARRIVAL).until(() -> get(path).body(), (json) -> json.contains("\"SENT\""));
		assertThat((Integer) JsonPath.read(sent, "$.attempts")).isEqualTo(2);
		assertThat((String) JsonPath.read(sent, "$.lastError")).isNull();
		awaitCopies(reminder.eventId(), 1);
		assertCopiesStay(reminder.eventId(), 1);
		assertThat(retries.count()).as("the retry job's second attempt").isEqualTo(retriesBefore + 1);
		assertThat(smtpRetryCalls()).as("Resilience4j's quick retry during the outage")
			.isGreaterThan(smtpRetriesBefore);
		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "smtp").gauges())
			.as("the breaker's state is exported")
			.isNotEmpty();
	}

	private double smtpRetryCalls() {
		return this.meters.find("resilience4j.retry.calls")
			.tag("name", "smtp")
			.functionCounters()
			.stream()
			.mapToDouble(FunctionCounter::count)
			.sum();
	}

	@Test
	void anUnknownAssigneeFailsVisiblyAndNothingIsSent() throws Exception {
		String contactId = newContactId();
		String ghost = "ghost-" + contactId;
		ReminderDue reminder = reminder(contactId, ghost);

		publish(reminder);

		String failed = await().atMost(ARRIVAL)
			.until(() -> get("/notifications?status=FAILED").body(), (json) -> json.contains(reminder.eventId()));
		String item = "$[?(@.id == '" + reminder.eventId() + "')]";
		assertThat((List<String>) JsonPath.read(failed, item + ".failureReason"))
			.containsExactly("Unknown staff member '" + ghost + "'");
		assertThat((List<Integer>) JsonPath.read(failed, item + ".attempts")).containsExactly(0);
		assertThat((List<String>) JsonPath.read(failed, "$[*].status")).containsOnly("FAILED");

		String theirs = get("/notifications?recipient=" + ghost).body();
		assertThat((List<String>) JsonPath.read(theirs, "$[*].id")).containsExactly(reminder.eventId());
		assertThat((List<String>) JsonPath.read(get("/notifications?recipient=" + ghost + "&status=SENT").body(),
				"$[*].id"))
			.isEmpty();
		assertThat(copiesOf(reminder.eventId())).isEmpty();
	}

	@Test
	void anEmailCarriesIdsAndFactsButNoCustomerData() throws Exception {
		String contactId = newContactId();
		Breached breach = breach(contactId, "jo");

		publish(breach);

		for (MimeMessage copy : awaitCopies(breach.eventId(), 2)) {
			String body = textPart(copy) + "\n" + htmlPart(copy);
			Set<String> addresses = new HashSet<>(emailAddressesIn(copy.getSubject() + "\n" + body));
			for (Header header : Collections.list(copy.getAllHeaders())) {
				if (!header.getName().equalsIgnoreCase("Message-ID")) {
					addresses.addAll(emailAddressesIn(header.getValue()));
				}
			}
			assertThat(addresses).contains(JO, SAM).isSubsetOf(JO, SAM, FROM);
			assertThat(emailAddressesIn(body)).as("the body names nobody by address").isEmpty();
			assertThat(body).contains(contactId).contains(breach.clockId()).contains(DUE_IN_LONDON);
		}
	}

	@Test
	void clockStartedAndMetEventsSendNothing() throws Exception {
		String contactId = newContactId();
		String clockId = "clock-" + contactId;
		ReminderDue marker = reminder(contactId, "jo");

		publish(new ClockStarted(EventIds.of("started", contactId), DUE.minusSeconds(3600 * 48), clockId, contactId,
				"EMAIL", "jo", DUE.minusSeconds(3600 * 48), DUE, DUE.minusSeconds(3600 * 4)));
		publish(new Met(EventIds.of("met", contactId), DUE.minusSeconds(60), clockId, contactId, "EMAIL", "jo", DUE,
				DUE.minusSeconds(60)));
		publish(marker);

		awaitCopies(marker.eventId(), 1);
		assertThat(
				Arrays.stream(greenMail.getReceivedMessages()).filter((email) -> subjectOf(email).contains(contactId)))
			.hasSize(1);
		assertThat(this.mongo.getCollection("notifications").countDocuments(new Document("contactId", contactId)))
			.isEqualTo(1);
	}

	@Test
	void theApiListsNewestFirstAndAnswersBadRequestsWithProblems() throws Exception {
		String ghost = "ghost-" + newContactId();
		ReminderDue older = reminder(newContactId(), ghost);
		ReminderDue newer = reminder(newContactId(), ghost);

		publish(older);
		await().atMost(ARRIVAL).until(() -> get("/notifications/" + older.eventId()).statusCode() == 200);
		this.clock.advance(Duration.ofSeconds(1));
		publish(newer);
		await().atMost(ARRIVAL).until(() -> get("/notifications/" + newer.eventId()).statusCode() == 200);

		assertThat((List<String>) JsonPath.read(get("/notifications?recipient=" + ghost).body(), "$[*].id"))
			.containsExactly(newer.eventId(), older.eventId());

		HttpResponse<String> missing = get("/notifications/no-such-event");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> badStatus = get("/notifications?status=LOST");
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((List<String>) JsonPath.read(badStatus.body(), "$.errors[*].field")).containsExactly("status");
		assertThat((List<String>) JsonPath.read(badStatus.body(), "$.errors[*].message"))
			.containsExactly("must be one of PENDING, SENT, FAILED, SUPPRESSED");

		HttpResponse<String> badLimit = get("/notifications?limit=0");
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(badLimit.body(), "$.errors[*].field")).containsExactly("limit");
	}

	// --- staff directory

	@Test
	void theStaffDirectoryIsSeededAndMaintainedThroughTheApi() throws Exception {
		String id = "staff-" + UUID.randomUUID().toString().substring(0, 8);

		String everyone = get("/staff").body();
		assertThat((List<String>) JsonPath.read(everyone, "$[*].id")).contains("jo", "sam");
		assertThat((String) JsonPath.read(get("/staff/jo").body(), "$.managerId")).isEqualTo("sam");

		HttpResponse<String> created = send("POST", "/staff", """
				{"id":"%s","name":"Lee","email":"%s@charter.local","team":"enquiries","managerId":"sam"}"""
			.formatted(id, id));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).contains("/staff/" + id);
		assertThat((Boolean) JsonPath.read(created.body(), "$.active")).isTrue();

		HttpResponse<String> again = send("POST", "/staff", """
				{"id":"%s","name":"Lee","email":"lee@charter.local"}""".formatted(id));
		assertProblem(again, 409, "id");
		assertProblem(send("POST", "/staff", """
				{"id":"x-%s","name":"Lee","email":"not-an-address"}""".formatted(id)), 400, "email");
		assertProblem(send("POST", "/staff", """
				{"id":"x-%s","name":"Lee","email":"lee@charter.local","managerId":"ghost"}""".formatted(id)), 400,
				"managerId");
		assertProblem(send("POST", "/staff", """
				{"id":"has space","name":"Lee","email":"lee@charter.local"}"""), 400, "id");
		assertProblem(send("PUT", "/staff/" + id, """
				{"name":"Lee","email":"lee@charter.local","managerId":"%s","active":true}""".formatted(id)), 400,
				"managerId");
		assertThat(send("PUT", "/staff/nobody-" + id, """
				{"name":"Lee","email":"lee@charter.local","active":true}""").statusCode()).isEqualTo(404);
		assertThat(get("/staff/nobody-" + id).statusCode()).isEqualTo(404);

		// a breach for the new member copies their manager in
		Breached breach = breach(newContactId(), id);
		publish(breach);
		assertThat(awaitCopies(breach.eventId(), 2)).allSatisfy((copy) -> {
			assertThat(addresses(copy, Message.RecipientType.TO)).containsExactly(id + "@charter.local");
			assertThat(addresses(copy, Message.RecipientType.CC)).containsExactly(SAM);
		});

		// deactivated, not deleted: they stay listed and receive nothing
		HttpResponse<String> deactivated = send("PUT", "/staff/" + id, """
				{"name":"Lee","email":"%s@charter.local","team":"enquiries","managerId":"sam","active":false}"""
			.formatted(id));
		assertThat(deactivated.statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(get("/staff/" + id).body(), "$.active")).isFalse();
		ReminderDue reminder = reminder(newContactId(), id);
		publish(reminder);
		String failed = await().atMost(ARRIVAL)
			.until(() -> get("/notifications/" + reminder.eventId()).body(), (json) -> json.contains("FAILED"));
		assertThat((String) JsonPath.read(failed, "$.failureReason"))
			.isEqualTo("Staff member '" + id + "' is not active");
	}

	@Test
	void seedingAgainAddsOnlyMissingIdsAndKeepsEditsMadeThroughTheApi() throws Exception {
		HttpResponse<String> edited = send("PUT", "/staff/sam", """
				{"name":"Sam","email":"sam@charter.local","team":"managers","active":true}""");
		assertThat(edited.statusCode()).isEqualTo(200);

		this.roster.seed(this.configuredStaff);

		assertThat((String) JsonPath.read(get("/staff/sam").body(), "$.team")).isEqualTo("managers");
		assertThat((List<String>) JsonPath.read(get("/staff").body(), "$[?(@.id == 'sam')].id")).hasSize(1);
	}

	// --- more kinds

	@Test
	void anEscalationEmailsTheAssigneeAndManagerOncePerEscalationNumber() throws Exception {
		String contactId = newContactId();
		Escalated first = escalated(contactId, 1, "a");
		Escalated firstAgainWithAnotherEventId = escalated(contactId, 1, "b");
		Escalated second = escalated(contactId, 2, "c");

		publish(first);
		publish(firstAgainWithAnotherEventId);
		publish(second);

		List<MimeMessage> all = await().atMost(ARRIVAL)
			.until(() -> emailsAbout(contactId), (found) -> found.size() >= 4);
		assertThat(all).extracting(NotificationScenarios::subjectOf)
			.containsOnly("Still unanswered: contact " + contactId + " was due " + DUE_IN_LONDON + " (reminder 1)",
					"Still unanswered: contact " + contactId + " was due " + DUE_IN_LONDON + " (reminder 2)");
		for (MimeMessage copy : all) {
			assertThat(addresses(copy, Message.RecipientType.TO)).containsExactly(JO);
			assertThat(addresses(copy, Message.RecipientType.CC)).containsExactly(SAM);
			assertThat(textPart(copy)).contains("is still unanswered");
		}
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> emailsAbout(contactId).size() == 4);
		String firstEscalation = EventIds.of("notification", "escalation", first.clockId(), "1");
		assertThat(assertSuppressedRepeatOf(firstEscalation)).containsEntry("escalation", 1);
		assertThat((List<String>) JsonPath.read(get("/notifications?status=SUPPRESSED&limit=1000").body(),
				"$[?(@.contactId == '" + contactId + "')].id"))
			.hasSize(1);
	}

	@Test
	void aDeadlineChangeTellsTheAssigneeTheOldAndNewDeadlineAndWhy() throws Exception {
		String contactId = newContactId();
		Instant later = DUE.plus(Duration.ofDays(1));
		DeadlineChanged changed = new DeadlineChanged(EventIds.of("changed", contactId), DUE.minusSeconds(7200),
				"clock-" + contactId, contactId, "EMAIL", "jo", DUE, later,
				"Bank holiday added: 2026-11-26 (One-off bank holiday)");

		publish(changed);
		publish(changed);

		MimeMessage email = awaitCopies(changed.eventId(), 1).getFirst();
		assertThat(email.getSubject())
			.isEqualTo("Deadline changed: contact " + contactId + " is now due Fri 27 Nov 2026, 17:00");
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(email, Message.RecipientType.CC)).isEmpty();
		assertThat(textPart(email)).contains("It is now Fri 27 Nov 2026, 17:00 (UK time). It was " + DUE_IN_LONDON)
			.contains("Bank holiday added: 2026-11-26 (One-off bank holiday)");
		assertCopiesStay(changed.eventId(), 1);
		assertThat(assertSuppressedRepeatOf(changed.eventId())).containsEntry("kind", "DEADLINE_CHANGED");
	}

	@Test
	void aReminderCarriesTheCommunicationNeedsFromTheContactEventsAndNothingElseIsKept() throws Exception {
		String withNeeds = newContactId();
		String withoutNeeds = newContactId();
		try (TopicReader deadLetters = new TopicReader(this.brokers, CONTACT_DEAD_LETTERS)) {
			publish(CONTACT_EVENTS, received(withNeeds, "large print"),
					"{\"contactId\": ".getBytes(StandardCharsets.UTF_8));
			publish(CONTACT_EVENTS, received(withNeeds, "large print"),
					EventCodec.encode(received(withNeeds, "large print")));
			publish(CONTACT_EVENTS, received(withoutNeeds, null), EventCodec.encode(received(withoutNeeds, null)));
			deadLetters.await((record) -> withNeeds.equals(record.key()), ARRIVAL);
		}
		await().atMost(ARRIVAL)
			.until(() -> this.mongo.getCollection("contact_needs").countDocuments(new Document("_id", withNeeds)) == 1);
		assertThat(this.mongo.getCollection("contact_needs").find(new Document("_id", withNeeds)).first())
			.containsOnlyKeys("_id", "needsSummary")
			.containsEntry("needsSummary", "large print");

		ReminderDue needy = reminder(withNeeds, "jo");
		ReminderDue plain = reminder(withoutNeeds, "jo");
		publish(needy);
		publish(plain);

		assertThat(textPart(awaitCopies(needy.eventId(), 1).getFirst()))
			.contains("the customer's communication needs are large print.");
		assertThat(htmlPart(awaitCopies(needy.eventId(), 1).getFirst())).contains("large print");
		assertThat(textPart(awaitCopies(plain.eventId(), 1).getFirst())).doesNotContain("communication needs");
		assertThat(this.mongo.getCollection("contact_needs").countDocuments(new Document("_id", withoutNeeds)))
			.isZero();
	}

	// --- delivery hardening

	@Test
	void aPermanentRefusalFailsAtOnceWithoutRetriesAndCanBeResentOnceTheAddressIsFixed() throws Exception {
		String id = "refused-" + UUID.randomUUID().toString().substring(0, 8);
		// GreenMail answers "500 Command too long" to a RCPT line over 4096 characters;
		// the
		// API would never accept such an address, so it is put straight into the
		// directory
		this.mongo.insert(new Document("_id", id).append("name", "Rae")
			.append("email", "r".repeat(4100) + "@charter.local")
			.append("active", true), "staff");
		ReminderDue reminder = reminder(newContactId(), id);
		String path = "/notifications/" + reminder.eventId();

		publish(reminder);

		String failed = await().atMost(ARRIVAL).until(() -> get(path).body(), (json) -> json.contains("FAILED"));
		assertThat((Integer) JsonPath.read(failed, "$.attempts")).isEqualTo(1);
		assertThat((String) JsonPath.read(failed, "$.failureReason"))
			.startsWith("The SMTP server refused the email (500)");
		await().during(QUIET)
			.atMost(QUIET.multipliedBy(3))
			.until(() -> (Integer) JsonPath.read(get(path).body(), "$.attempts"), (attempts) -> attempts == 1);
		assertThat((List<String>) JsonPath.read(get("/notifications?status=FAILED&recipient=" + id).body(), "$[*].id"))
			.containsExactly(reminder.eventId());

		assertThat(send("PUT", "/staff/" + id, """
				{"name":"Rae","email":"rae@charter.local","active":true}""").statusCode()).isEqualTo(200);
		HttpResponse<String> resent = send("POST", path + "/resend", "");
		assertThat(resent.statusCode()).isEqualTo(201);
		String resentId = JsonPath.read(resent.body(), "$.id");
		assertThat(resentId).isNotEqualTo(reminder.eventId());
		assertThat((String) JsonPath.read(resent.body(), "$.resendOf")).isEqualTo(reminder.eventId());
		assertThat((String) JsonPath.read(resent.body(), "$.status")).isEqualTo("SENT");
		MimeMessage email = awaitCopies(resentId, 1).getFirst();
		assertThat(addresses(email, Message.RecipientType.TO)).containsExactly("rae@charter.local");
		assertThat(email.getSubject()).isEqualTo(JsonPath.read(failed, "$.subject"));
		assertThat((String) JsonPath.read(get(path).body(), "$.status")).as("the original stays as it was")
			.isEqualTo("FAILED");

		assertThat(send("POST", "/notifications/no-such-notification/resend", "").statusCode()).isEqualTo(404);
	}

	@Test
	void aTenMinuteSmtpOutageLosesNothingAndEverythingGoesOnceWithinAMinuteOfRecovery() throws Exception {
		List<ReminderDue> reminders = List.of(reminder(newContactId(), "jo"), reminder(newContactId(), "jo"),
				reminder(newContactId(), "jo"));
		greenMail.stop();
		try {
			for (ReminderDue reminder : reminders) {
				publish(reminder);
			}
			for (ReminderDue reminder : reminders) {
				await().atMost(ARRIVAL)
					.until(() -> get("/notifications/" + reminder.eventId()).body(),
							(json) -> json.contains("PENDING") && json.contains("\"lastError\":\"The SMTP"));
			}
			HttpResponse<String> stillPending = send("POST",
					"/notifications/" + reminders.getFirst().eventId() + "/resend", "");
			assertProblem(stillPending, 409, "id");

			Instant outageOver = this.clock.advance(Duration.ofMinutes(10));

			// the retry job kept trying through the outage, and nothing was given up
			for (ReminderDue reminder : reminders) {
				String json = await().atMost(ARRIVAL)
					.until(() -> get("/notifications/" + reminder.eventId()).body(),
							(body) -> body.contains("\"lastAttemptAt\"")
									&& !Instant.parse(JsonPath.read(body, "$.lastAttemptAt")).isBefore(outageOver));
				assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("PENDING");
			}
		}
		finally {
			greenMail.start();
		}
		Instant recovered = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(1));

		for (ReminderDue reminder : reminders) {
			String sent = await().atMost(ARRIVAL)
				.until(() -> get("/notifications/" + reminder.eventId()).body(), (json) -> json.contains("\"SENT\""));
			assertThat(Instant.parse(JsonPath.read(sent, "$.sentAt")))
				.isBefore(recovered.plus(Duration.ofMinutes(1)).plus(ARRIVAL));
		}
		for (ReminderDue reminder : reminders) {
			assertCopiesStay(reminder.eventId(), 1);
		}
	}

	@Test
	void theListCanStartFromAnInstant() throws Exception {
		String ghost = "ghost-" + newContactId();
		ReminderDue older = reminder(newContactId(), ghost);
		ReminderDue newer = reminder(newContactId(), ghost);

		publish(older);
		await().atMost(ARRIVAL).until(() -> get("/notifications/" + older.eventId()).statusCode() == 200);
		Instant between = this.clock.advance(Duration.ofSeconds(1));
		publish(newer);
		await().atMost(ARRIVAL).until(() -> get("/notifications/" + newer.eventId()).statusCode() == 200);

		assertThat((List<String>) JsonPath.read(get("/notifications?recipient=" + ghost + "&from=" + between).body(),
				"$[*].id"))
			.containsExactly(newer.eventId());
		assertProblem(get("/notifications?from=yesterday"), 400, "from");
	}

	// --- office hours and the morning digest (these move the clock days ahead: run last)

	@Test
	@Order(Order.DEFAULT + 1)
	void nonUrgentMailIsHeldOutsideOfficeHoursButABreachGoesAtOnce() throws Exception {
		// Friday 27 November 2026, 18:00 in London (GMT): the office closed at 17:00
		moveClockTo(Instant.parse("2026-11-27T18:00:00Z"));
		String contactId = newContactId();
		ReminderDue reminder = reminder(contactId, "jo");
		DeadlineChanged changed = new DeadlineChanged(EventIds.of("changed", contactId), this.clock.instant(),
				"clock-" + contactId, contactId, "EMAIL", "jo", DUE, DUE.plus(Duration.ofDays(5)),
				"Office closure added: 2026-11-30");
		Breached breach = breach(newContactId(), "jo");
		// a complaint milestone is not urgent either
		ComplaintReceived complaint = complaintReceived(newComplaintId(), "ABOUT_US", "jo", null);

		publish(reminder);
		publish(changed);
		this.complaints.publish(complaint);
		publish(breach);

		awaitCopies(breach.eventId(), 2);
		for (String held : List.of(reminder.eventId(), changed.eventId(), complaint.eventId())) {
			String json = await().atMost(ARRIVAL)
				.until(() -> get("/notifications/" + held).body(), (body) -> body.contains("held until"));
			assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("PENDING");
			assertThat((String) JsonPath.read(json, "$.nextAttemptAt")).isEqualTo("2026-11-30T09:00:00Z");
			assertThat((Integer) JsonPath.read(json, "$.attempts")).isZero();
		}
		// Saturday morning: still closed
		moveClockTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertCopiesStay(reminder.eventId(), 0);
		assertThat(copiesOf(changed.eventId())).isEmpty();
		assertThat(copiesOf(complaint.eventId())).isEmpty();

		// Monday at opening
		moveClockTo(Instant.parse("2026-11-30T09:00:01Z"));
		awaitCopies(reminder.eventId(), 1);
		awaitCopies(changed.eventId(), 1);
		awaitCopies(complaint.eventId(), 1);
		assertCopiesStay(reminder.eventId(), 1);
		assertThat(copiesOf(changed.eventId())).hasSize(1);
		assertThat(copiesOf(complaint.eventId())).hasSize(1);
	}

	@Test
	@Order(Order.DEFAULT + 2)
	void theMorningDigestGoesAtHalfPastEightOnWorkingDaysOncePerPersonWithWhatIsDueAndOverdue() throws Exception {
		LocalDate day = LocalDate.parse("2026-12-29"); // Tuesday, the first working day
														// after Christmas
		String overdue = newContactId();
		String dueToday = newContactId();
		String answered = newContactId();
		String later = newContactId();
		String moved = newContactId();
		publish(started(overdue, "jo", Instant.parse("2026-12-24T17:00:00Z")));
		publish(started(moved, "jo", Instant.parse("2027-01-05T17:00:00Z")));
		// names no assignee: the clock stays Jo's
		publish(new DeadlineChanged(EventIds.of("changed", moved), Instant.parse("2026-11-30T10:00:00Z"),
				"clock-" + moved, moved, "EMAIL", null, Instant.parse("2027-01-05T17:00:00Z"),
				Instant.parse("2026-12-29T15:00:00Z"), "Office closure removed"));
		publish(started(dueToday, "jo", Instant.parse("2026-12-29T17:00:00Z")));
		publish(started(answered, "jo", Instant.parse("2026-12-29T12:00:00Z")));
		publish(new Met(EventIds.of("met", answered), Instant.parse("2026-11-30T10:00:00Z"), "clock-" + answered,
				answered, "EMAIL", "jo", Instant.parse("2026-12-29T12:00:00Z"), Instant.parse("2026-11-30T10:00:00Z")));
		publish(started(later, "jo", Instant.parse("2027-01-05T17:00:00Z")));
		await().atMost(ARRIVAL)
			.until(() -> this.mongo.getCollection("open_clocks")
				.countDocuments(new Document("contactId", new Document("$in", List.of(overdue, dueToday, later)))) == 3
					&& this.mongo.getCollection("open_clocks")
						.countDocuments(new Document("contactId", moved).append("dueAt",
								java.util.Date.from(Instant.parse("2026-12-29T15:00:00Z")))) == 1
					&& this.mongo.getCollection("open_clocks")
						.countDocuments(new Document("contactId", answered)) == 0);

		// sla-service's pauses, resumes and cancellations, each delivered twice, and the
		// day's answerphone check
		String paused = newContactId();
		String resumed = newContactId();
		String cancelled = newContactId();
		ClockPaused pause = new ClockPaused(EventIds.of("paused", paused), Instant.parse("2026-11-30T10:00:00Z"),
				"clock-" + paused, paused, "EMAIL", "jo", Instant.parse("2026-12-29T13:00:00Z"),
				Instant.parse("2026-11-30T10:00:00Z"));
		ClockPaused earlierPause = new ClockPaused(EventIds.of("paused", resumed),
				Instant.parse("2026-11-30T10:00:00Z"), "clock-" + resumed, resumed, "EMAIL", "jo",
				Instant.parse("2026-12-24T12:00:00Z"), Instant.parse("2026-11-30T10:00:00Z"));
		ClockResumed resume = new ClockResumed(EventIds.of("resumed", resumed), Instant.parse("2026-11-30T11:00:00Z"),
				"clock-" + resumed, resumed, "EMAIL", "jo", Instant.parse("2026-11-30T10:00:00Z"),
				Instant.parse("2026-11-30T11:00:00Z"), Instant.parse("2026-12-24T12:00:00Z"),
				Instant.parse("2026-12-29T16:30:00Z"));
		ClockCancelled cancel = new ClockCancelled(EventIds.of("cancelled", cancelled),
				Instant.parse("2026-11-30T10:00:00Z"), "clock-" + cancelled, cancelled, "EMAIL", "jo",
				Instant.parse("2026-12-29T14:30:00Z"), Instant.parse("2026-11-30T10:00:00Z"),
				"SUPERSEDED_BY_NEW_PROMISE");
		Instant checkDue = Instant.parse("2026-12-29T10:00:00Z");
		ClockStarted answerphoneCheck = new ClockStarted(EventIds.of("started", "answerphone-check", "2026-12-29"),
				Instant.parse("2026-12-29T00:00:00Z"), "answerphone-check-2026-12-29", "answerphone-check",
				"ANSWERPHONE_CHECK", "jo", Instant.parse("2026-12-29T00:00:00Z"), checkDue, null);
		for (CharterEvent event : List.of(started(paused, "jo", Instant.parse("2026-12-29T13:00:00Z")), pause, pause,
				started(resumed, "jo", Instant.parse("2026-12-24T12:00:00Z")), earlierPause, resume, resume,
				earlierPause, started(cancelled, "jo", Instant.parse("2026-12-29T14:30:00Z")), cancel, cancel,
				answerphoneCheck, answerphoneCheck)) {
			publish(event);
		}
		for (String contactId : List.of(paused, resumed, cancelled)) {
			// same key, so read after the clock events: marks that they were
			ReminderDue marker = reminder(contactId, "nobody");
			publish(marker);
			await().atMost(ARRIVAL).until(() -> get("/notifications/" + marker.eventId()).statusCode() == 200);
		}
		assertThat(this.mongo.getCollection("open_clocks")
			.countDocuments(new Document("_id", "clock-" + paused).append("paused", true))).isEqualTo(1);
		assertThat(this.mongo.getCollection("open_clocks")
			.countDocuments(new Document("_id", "clock-" + resumed).append("paused", false)
				.append("dueAt", java.util.Date.from(Instant.parse("2026-12-29T16:30:00Z")))))
			.isEqualTo(1);
		assertThat(this.mongo.getCollection("open_clocks").countDocuments(new Document("contactId", cancelled)))
			.isZero();

		// intake's lifecycle: Sam's contact is handed to Jo, two contacts are resolved
		String handedToJo = newContactId();
		String resolvedLater = newContactId();
		String resolvedFirst = newContactId();
		ClockStarted samsClock = started(handedToJo, "sam", Instant.parse("2026-12-29T16:00:00Z"));
		ClockStarted laterClock = started(resolvedLater, "jo", Instant.parse("2026-12-29T14:00:00Z"));
		ClockStarted firstClock = started(resolvedFirst, "jo", Instant.parse("2026-12-24T12:00:00Z"));
		publish(samsClock);
		publish(laterClock);
		await().atMost(ARRIVAL)
			.until(() -> openClocksOf(handedToJo, "sam") == 1 && openClocksOf(resolvedLater, "jo") == 1);
		ContactReassigned toJo = new ContactReassigned(EventIds.of("reassigned", handedToJo, "to-jo"),
				Instant.parse("2026-11-30T11:00:00Z"), handedToJo, "sam", "jo", "sam");
		ContactReassigned olderToSam = new ContactReassigned(EventIds.of("reassigned", handedToJo, "to-sam"),
				Instant.parse("2026-11-30T10:30:00Z"), handedToJo, "jo", "sam", "sam");
		for (CharterEvent lifecycle : List.of(toJo, toJo, olderToSam,
				new ContactResolved(EventIds.of("resolved", resolvedLater), Instant.parse("2026-11-30T11:00:00Z"),
						resolvedLater, Instant.parse("2026-11-30T11:00:00Z"), "jo"),
				new ContactResolvedAtFirstContact(EventIds.of("resolved-first", resolvedFirst),
						Instant.parse("2026-11-30T11:00:00Z"), resolvedFirst, Instant.parse("2026-11-30T11:00:00Z"),
						"jo"),
				// same key, so read after the lifecycle events: marks that they were
				received(handedToJo, "marker"))) {
			publish(CONTACT_EVENTS, lifecycle, EventCodec.encode(lifecycle));
		}
		await().atMost(ARRIVAL)
			.until(() -> this.mongo.getCollection("contact_needs").countDocuments(new Document("_id", handedToJo)) == 1
					&& openClocksOf(handedToJo, "jo") == 1 && openClocksOf(resolvedLater, "jo") == 0);
		// sla-service still names the first assignee, and its events may come late
		publish(samsClock);
		publish(laterClock);
		publish(firstClock);
		for (String contactId : List.of(handedToJo, resolvedLater, resolvedFirst)) {
			// same key, so read after the clock events: marks that they were
			ReminderDue marker = reminder(contactId, "nobody");
			publish(marker);
			await().atMost(ARRIVAL).until(() -> get("/notifications/" + marker.eventId()).statusCode() == 200);
		}
		assertThat(openClocksOf(handedToJo, "jo")).isEqualTo(1);
		assertThat(this.mongo.getCollection("open_clocks")
			.countDocuments(new Document("contactId", new Document("$in", List.of(resolvedLater, resolvedFirst)))))
			.isZero();

		String joToday = EventIds.of("notification", "digest", "jo", day.toString());
		// Saturday, Christmas Day, the Boxing Day substitute Monday, and 08:29 on the day
		for (String notYet : List.of("2026-12-26T08:31:00Z", "2026-12-25T08:31:00Z", "2026-12-28T08:31:00Z",
				"2026-12-29T08:29:00Z")) {
			Instant at = Instant.parse(notYet);
			if (at.isAfter(this.clock.instant())) {
				moveClockTo(at);
			}
			LocalDate thatDay = at.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
			await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> digestsOn(thatDay) == 0);
		}

		moveClockTo(Instant.parse("2026-12-29T08:30:05Z"));

		MimeMessage digest = awaitCopies(joToday, 1).getFirst();
		assertThat(digest.getSubject()).isEqualTo("Your Charter contacts for Tuesday 29 December 2026");
		assertThat(addresses(digest, Message.RecipientType.TO)).containsExactly(JO);
		assertThat(addresses(digest, Message.RecipientType.CC)).isEmpty();
		String text = textPart(digest);
		assertThat(text).contains("Contact " + overdue + ", was due Thu 24 Dec 2026, 17:00")
			.contains("Contact " + dueToday + ", due by Tue 29 Dec 2026, 17:00")
			.contains("Contact " + moved + ", due by Tue 29 Dec 2026, 15:00")
			.contains("Contact " + handedToJo + ", due by Tue 29 Dec 2026, 16:00")
			.contains("Contact " + resumed + ", due by Tue 29 Dec 2026, 16:30")
			.contains("Answerphone messages to check by 10:00")
			.contains("http://localhost:8081/answerphone/checks")
			.doesNotContainIgnoringCase("contact answerphone-check")
			.doesNotContain(paused)
			.doesNotContain(cancelled)
			.doesNotContain(answered)
			.doesNotContain(later)
			.doesNotContain(resolvedLater)
			.doesNotContain(resolvedFirst);
		assertThat(text.indexOf(overdue)).isLessThan(text.indexOf(dueToday));
		assertThat(htmlPart(digest)).contains("font-size: 20px").contains(dueToday);
		// sam has nothing open (his one contact went to Jo): no digest at all
		assertThat(this.mongo.getCollection("notifications")
			.countDocuments(new Document("_id", EventIds.of("notification", "digest", "sam", day.toString()))))
			.isZero();

		moveClockTo(Instant.parse("2026-12-29T11:00:00Z"));
		assertCopiesStay(joToday, 1);
		assertThat(digestsOn(day)).isEqualTo(1);
	}

	long openClocksOf(String contactId, String assigneeId) {
		return this.mongo.getCollection("open_clocks")
			.countDocuments(new Document("contactId", contactId).append("assigneeId", assigneeId));
	}

	/**
	 * Digests recorded for jo or sam on a day (their ids are derived from person and
	 * day).
	 */
	long digestsOn(LocalDate day) {
		return this.mongo.getCollection("notifications")
			.countDocuments(new Document("_id",
					new Document("$in", List.of(EventIds.of("notification", "digest", "jo", day.toString()),
							EventIds.of("notification", "digest", "sam", day.toString())))));
	}

	void moveClockTo(Instant target) {
		this.clock.advance(Duration.between(this.clock.instant(), target));
	}

	static ClockStarted started(String contactId, String assigneeId, Instant dueAt) {
		Instant startedAt = dueAt.minus(Duration.ofDays(2));
		return new ClockStarted(EventIds.of("started", contactId), startedAt, "clock-" + contactId, contactId, "EMAIL",
				assigneeId, startedAt, dueAt, dueAt.minus(Duration.ofHours(4)));
	}

	// --- events

	static String newContactId() {
		return "C-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String newComplaintId() {
		return "K-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static ComplaintReceived complaintReceived(String complaintId, String kind, String handlerId, String needsSummary) {
		return new ComplaintReceived(EventIds.of("complaint-received", complaintId), COMPLAINT_RECEIVED_AT, complaintId,
				kind, "EMAIL", COMPLAINT_RECEIVED_AT, handlerId, "C-origin-" + complaintId, "customer-" + complaintId,
				"PUBLIC", needsSummary);
	}

	static ReminderDue reminder(String contactId, String assigneeId) {
		Instant firedAt = DUE.minusSeconds(3600 * 4);
		return new ReminderDue(EventIds.of("reminder", contactId), firedAt, "clock-" + contactId, contactId, "EMAIL",
				assigneeId, DUE, firedAt, firedAt);
	}

	static Escalated escalated(String contactId, int escalation, String variant) {
		Instant morning = DUE.plus(Duration.ofHours(16)).plus(Duration.ofDays(escalation - 1));
		return new Escalated(EventIds.of("escalated", contactId, variant), morning, "clock-" + contactId, contactId,
				"EMAIL", "jo", DUE, escalation, morning, morning);
	}

	static ContactReceived received(String contactId, String needsSummary) {
		Instant at = DUE.minus(Duration.ofDays(2));
		return new ContactReceived(EventIds.of("received", contactId), at, contactId, "EMAIL", at, "jo", "PUBLIC",
				needsSummary);
	}

	static Breached breach(String contactId, String assigneeId) {
		return new Breached(EventIds.of("breach", contactId), DUE, "clock-" + contactId, contactId, "EMAIL", assigneeId,
				DUE, DUE, DUE);
	}

	/** Publishes the way sla-service does: key = contact id, CloudEvents headers. */
	void publish(CharterEvent event) throws Exception {
		publish(event, EventCodec.encode(event));
	}

	/** Publishes an event's key and headers with the given payload. */
	void publish(CharterEvent event, byte[] payload) throws Exception {
		publish(SLA_EVENTS, event, payload);
	}

	/** Publishes an event's key and headers with the given payload to a topic. */
	void publish(String topic, CharterEvent event, byte[] payload) throws Exception {
		org.springframework.messaging.Message<byte[]> message = EventMessages.toMessage(event, "/test");
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
				(byte[]) message.getHeaders().get(KafkaHeaders.KEY), payload);
		message.getHeaders().forEach((name, value) -> {
			if (name.startsWith("ce_")) {
				record.headers().add(name, (byte[]) value);
			}
		});
		record.headers().add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
		this.producer.send(record).get(10, TimeUnit.SECONDS);
	}

	// --- emails

	/** Every copy GreenMail received of the email an event caused (one per mailbox). */
	static List<MimeMessage> copiesOf(String eventId) {
		String messageId = "<" + eventId + "@charter.healthwatchportsmouth>";
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((email) -> messageId.equals(header(email, "Message-ID")))
			.toList();
	}

	static List<MimeMessage> mailbox(String address, String eventId) {
		String messageId = "<" + eventId + "@charter.healthwatchportsmouth>";
		return greenMail
			.findReceivedMessages((user) -> address.equals(user.getEmail()),
					(email) -> messageId.equals(header(email, "Message-ID")))
			.toList();
	}

	static List<MimeMessage> awaitCopies(String eventId, int copies) {
		return await().atMost(ARRIVAL).until(() -> copiesOf(eventId), (found) -> found.size() >= copies);
	}

	/** Waits a quiet period and checks no further copy arrived meanwhile. */
	static void assertCopiesStay(String eventId, int copies) {
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> copiesOf(eventId).size() == copies);
		assertThat(copiesOf(eventId)).hasSize(copies);
	}

	static MimeMessage single(List<MimeMessage> emails) {
		assertThat(emails).hasSize(1);
		return emails.getFirst();
	}

	static List<String> addresses(MimeMessage email, Message.RecipientType type) throws MessagingException {
		jakarta.mail.Address[] found = email.getRecipients(type);
		return (found != null)
				? Arrays.stream(found).map((address) -> ((InternetAddress) address).getAddress()).toList() : List.of();
	}

	static String textPart(MimeMessage email) throws Exception {
		return (String) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
	}

	static String htmlPart(MimeMessage email) throws Exception {
		return (String) ((MimeMultipart) email.getContent()).getBodyPart(1).getContent();
	}

	static List<String> emailAddressesIn(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static String header(MimeMessage email, String name) {
		try {
			return email.getHeader(name, null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<MimeMessage> emailsAbout(String contactId) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((email) -> subjectOf(email).contains(contactId))
			.toList();
	}

	static String subjectOf(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- API

	/** Changes (staff directory, resend) are manager work: signed in as sam. */
	HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
		return this.http
			.send(LocalUsers.SAM.signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)))
				.method(method, HttpRequest.BodyPublishers.ofString(json))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].field")).contains(field);
	}

	/** Reads are staff work (jo); actuator is for ops. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		LocalUsers.User user = path.startsWith("/actuator") ? LocalUsers.OPS : LocalUsers.JO;
		return this.http.send(
				user.signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freeSmtpPort() {
		// never the local stack's SMTP (2525) or GreenMail's default (3025)
		while (true) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = socket.getLocalPort();
				if (port != 2525 && port != 3025) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("No free port for the test SMTP server", ex);
			}
		}
	}

}
