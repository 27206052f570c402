package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New clocks are written as BSON directly (creation is the consumer's hot path), so the
 * document must be exactly what the mapping of {@link ClockDocument} writes, or reads
 * would find something else than was stored; and firing reads clocks from BSON directly,
 * which must give what the mapping reads.
 */
class NewClockDocumentTest {

	private static final Instant STARTED = Instant.parse("2026-01-05T09:00:00Z");

	private static final Instant DUE = Instant.parse("2026-01-07T09:00:00Z");

	private final MappingMongoConverter mapping = mapping();

	static Stream<Arguments> clocks() {
		return Stream.of(
				Arguments.of("a fresh clock with a reminder point",
						snapshot(ClockState.RUNNING, List.of(Instant.parse("2026-01-06T09:00:00Z")), 0, null, null,
								null)),
				Arguments.of("a fresh clock without reminders",
						snapshot(ClockState.RUNNING, List.of(), 0, null, null, null)),
				Arguments.of("a clock with a promised number of working days",
						new DeadlineClock.Snapshot("clock-3", "contact-3", "PROMISED_RESPONSE", 2, null, STARTED, DUE,
								List.of(), 0, ClockState.RUNNING, null, null, null, 0, null, null, null, null, false, 3,
								true)),
				Arguments.of("a paused clock", snapshot(ClockState.PAUSED, List.of(), 0, null, null, STARTED)),
				Arguments.of("a breached clock with an escalation to come",
						snapshot(ClockState.BREACHED, List.of(Instant.parse("2026-01-06T09:00:00Z")), 1,
								Instant.parse("2026-01-06T09:00:00Z"), DUE, null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clocks")
	void isWhatTheMappingWrites(String name, DeadlineClock.Snapshot snapshot) {
		DeadlineClock clock = DeadlineClock.restore(snapshot);
		PendingEvent started = PendingEvent.of(new ClockStarted(clock.id() + "-started", STARTED, clock.id(),
				clock.contactId(), clock.standard(), clock.assigneeId(), STARTED, clock.dueAt(), null));
		Document mapped = new Document();
		this.mapping.write(ClockDocument.of(clock, List.of(started), 7), mapped);

		assertThat(ClockStore.newClock(clock, started, 7)).isEqualTo(mapped);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clocks")
	void readsBackAsTheMappingReadsIt(String name, DeadlineClock.Snapshot snapshot) {
		DeadlineClock clock = DeadlineClock.restore(snapshot);
		Document stored = ClockStore.newClock(clock, PendingEvent.of(new ClockStarted(clock.id() + "-started", STARTED,
				clock.id(), clock.contactId(), clock.standard(), clock.assigneeId(), STARTED, clock.dueAt(), null)), 7);
		stored.remove("outbox");

		assertThat(ClockDocument.fromStored(stored)).isEqualTo(this.mapping.read(ClockDocument.class, stored));
		assertThat(ClockDocument.fromStored(stored).toClock().snapshot()).isEqualTo(snapshot);
	}

	@Test
	void aClockStoredBeforeItHadSeveralReminderPointsReadsBackAsTheMappingReadsIt() {
		Document stored = new Document("_id", "clock-9").append("contactId", "contact-9")
			.append("standard", "EMAIL")
			.append("startedAt", Date.from(STARTED))
			.append("dueAt", Date.from(DUE))
			.append("state", "RUNNING")
			.append("reminderAt", Date.from(Instant.parse("2026-01-06T09:00:00Z")))
			.append("reminderSentAt", Date.from(Instant.parse("2026-01-06T09:00:01Z")))
			.append("nextTimerKind", "BREACH")
			.append("nextTimerAt", Date.from(DUE))
			.append("remindersSent", 1L);

		ClockDocument read = ClockDocument.fromStored(stored);

		assertThat(read).isEqualTo(this.mapping.read(ClockDocument.class, stored));
		assertThat(read.toClock().snapshot().reminderPoints()).containsExactly(Instant.parse("2026-01-06T09:00:00Z"));
	}

	private static DeadlineClock.Snapshot snapshot(ClockState state, List<Instant> reminders, int remindersSent,
			Instant reminderSentAt, Instant breachedAt, Instant pausedAt) {
		return new DeadlineClock.Snapshot("clock-1", "contact-1", "EMAIL", 1, "jo", STARTED, DUE, reminders,
				remindersSent, state, reminderSentAt, breachedAt, null, 0, null, pausedAt, null, null, false);
	}

	private static MappingMongoConverter mapping() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

}
