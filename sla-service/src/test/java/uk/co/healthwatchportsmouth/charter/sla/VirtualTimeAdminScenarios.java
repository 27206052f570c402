package uk.co.healthwatchportsmouth.charter.sla;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.clock.SharedVirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.event;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.newContactId;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.received;

/**
 * The local stack's time machine: under the {@code local} profile the service runs on the
 * Kafka-shared virtual clock, and {@code /admin/clock} moves it.
 */
@SpringBootTest(classes = SlaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
abstract class VirtualTimeAdminScenarios {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	@Autowired
	SharedVirtualClock shared;

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	@Value("${local.server.port}")
	int port;

	@Test
	void readingTheClockShowsVirtualNowAndItsOffset() {
		HttpResponse<String> reading = http().get("/admin/clock");

		assertThat(reading.statusCode()).isEqualTo(200);
		JsonNode body = ServiceHttp.json(reading);
		assertThat(Duration.parse(body.get("offset").asString())).isEqualTo(this.shared.clock().offset());
		assertThat(Instant.parse(body.get("now").asString())).isBetween(this.shared.clock().instant().minusSeconds(5),
				this.shared.clock().instant());
	}

	@Test
	void advancingByADurationMovesTheServicesClock() {
		Duration offsetBefore = this.shared.clock().offset();

		HttpResponse<String> advanced = http().post("/admin/clock/advance?by=P2D");

		assertThat(advanced.statusCode()).isEqualTo(200);
		assertThat(this.shared.clock().offset()).isEqualTo(offsetBefore.plus(Duration.ofDays(2)));
		assertThat(Instant.parse(ServiceHttp.json(advanced).get("now").asString()))
			.isBetween(this.shared.clock().instant().minusSeconds(5), this.shared.clock().instant());
		assertThat(ServiceHttp.json(http().get("/admin/clock")).get("offset").asString())
			.isEqualTo(offsetBefore.plus(Duration.ofDays(2)).toString());
	}

	@Test
	void advancingPastADeadlineFiresItsTimers() {
		String contactId = newContactId();
		try (EventPublisher contacts = new EventPublisher(this.brokers, Topics.CONTACTS, "/intake-service");
				TopicReader slaEvents = new TopicReader(this.brokers, Topics.SLA)) {
			contacts.publish(received(contactId, "EMAIL", this.shared.clock().instant()));
			ClockStarted started = (ClockStarted) slaEvents.await(event(contactId, "sla.clock-started.v1"), AWAIT)
				.event();

			HttpResponse<String> advanced = http().post("/admin/clock/advance?to=" + started.dueAt().plusSeconds(1));

			assertThat(advanced.statusCode()).isEqualTo(200);
			slaEvents.await(event(contactId, "sla.reminder-due.v1"), AWAIT);
			slaEvents.await(event(contactId, "sla.breached.v1"), AWAIT);
		}
	}

	@Test
	void aNegativeOrMalformedDurationIsRejectedNamingBy() {
		Duration offsetBefore = this.shared.clock().offset();

		assertRejected(http().post("/admin/clock/advance?by=-PT1H"), "by");
		assertRejected(http().post("/admin/clock/advance?by=two-days"), "by");
		assertRejected(http().post("/admin/clock/advance"), "by");
		assertThat(this.shared.clock().offset()).isEqualTo(offsetBefore);
	}

	@Test
	void anInstantInThePastIsRejectedNamingTo() {
		assertRejected(http().post("/admin/clock/advance?to=2020-01-01T00:00:00Z"), "to");
		assertRejected(http().post("/admin/clock/advance?to=tomorrow"), "to");
	}

	private static void assertRejected(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private ServiceHttp http() {
		return new ServiceHttp(this.port);
	}

}
