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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification service end to end: SLA events in through Kafka, notifications in
 * MongoDB, emails out to a GreenMail SMTP server on a free port. Written once, run on
 * embedded infrastructure and (where Docker exists) on containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "charter.clock.mode=system",
		// a retry must wait for the test's clock, which only the test moves
		"charter.notification.retry.initial=PT1M", "charter.notification.retry.poll-interval=PT0.2S" })
@ActiveProfiles("local")
@Import(NotificationScenarios.MovableClock.class)
abstract class NotificationScenarios {

	static final String SLA_EVENTS = "charter.sla-events";

	static final String DEAD_LETTERS = "charter.sla-events.dlq.notification-service";

	static final String JO = "jo@charter.local";

	static final String SAM = "sam@charter.local";

	static final String FROM = "charter@healthwatchportsmouth.local";

	/** 17:00 in London (GMT) on Thursday 26 November 2026. */
	static final Instant DUE = Instant.parse("2026-11-26T17:00:00Z");

	static final String DUE_IN_LONDON = "Thu 26 Nov 2026, 17:00";

	static final Duration ARRIVAL = Duration.ofSeconds(30);

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

		@Bean
		VirtualClock clock() {
			return new VirtualClock(Clock.systemUTC());
		}

	}

	@Autowired
	VirtualClock clock;

	@Autowired
	MongoTemplate mongo;

	@Value("${local.server.port}")
	int port;

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	private final HttpClient http = HttpClient.newHttpClient();

	private KafkaProducer<byte[], byte[]> producer;

	@BeforeEach
	void connectProducer() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void closeProducer() {
		this.producer.close(Duration.ofSeconds(5));
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
				"contactId", "clockId", "standard", "dueAt", "recipients", "subject", "messageId", "status", "attempts",
				"createdAt", "nextAttemptAt", "lastAttemptAt", "sentAt", "lastError", "failureReason");
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
		assertThat(this.mongo.getCollection("notifications")
			.countDocuments(new Document("contactId", contactId).append("kind", "REMINDER"))).isEqualTo(1);
	}

	@Test
	void aMalformedRecordIsDeadLetteredAndTheNextOneIsStillEmailed() throws Exception {
		String contactId = newContactId();
		ReminderDue good = reminder(contactId, "jo");
		// proper CloudEvents headers, but a payload that is not a reminder
		byte[] garbage = "{\"eventId\": ".getBytes(StandardCharsets.UTF_8);

		try (TopicReader deadLetters = new TopicReader(this.brokers, DEAD_LETTERS)) {
			publish(reminder(contactId, "jo"), garbage);
			publish(good);

			awaitCopies(good.eventId(), 1);
			TopicReader.Received parked = deadLetters.await((record) -> contactId.equals(record.key()), ARRIVAL);
			assertThat(parked.payload()).isEqualTo(garbage);
		}
	}

	@Test
	void anSmtpOutageKeepsTheEmailPendingAndItIsDeliveredOnceWhenTheServerIsBack() throws Exception {
		String contactId = newContactId();
		ReminderDue reminder = reminder(contactId, "jo");
		String path = "/notifications/" + reminder.eventId();

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
		assertThat(Duration.between(lastAttempt, nextAttempt)).isEqualTo(Duration.ofMinutes(1));

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
			.containsExactly("must be one of PENDING, SENT, FAILED");

		HttpResponse<String> badLimit = get("/notifications?limit=0");
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(badLimit.body(), "$.errors[*].field")).containsExactly("limit");
	}

	// --- events

	static String newContactId() {
		return "C-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static ReminderDue reminder(String contactId, String assigneeId) {
		Instant firedAt = DUE.minusSeconds(3600 * 4);
		return new ReminderDue(EventIds.of("reminder", contactId), firedAt, "clock-" + contactId, contactId, "EMAIL",
				assigneeId, DUE, firedAt, firedAt);
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
		org.springframework.messaging.Message<byte[]> message = EventMessages.toMessage(event, "/sla-service");
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(SLA_EVENTS,
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

	private static String subjectOf(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- API

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
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
