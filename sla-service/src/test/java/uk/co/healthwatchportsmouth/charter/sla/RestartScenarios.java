package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.event;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.newContactId;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.received;

/**
 * Timers live in the store, not in the process: a service that was down while its timers
 * fell due fires them as soon as it is back, each exactly once.
 */
abstract class RestartScenarios {

	private static final String DATABASE = "sla_restart";

	private static final Duration AWAIT = Duration.ofSeconds(20);

	/** One clock for both lives of the service, as the wall clock would be. */
	private static final VirtualClock CLOCK = new VirtualClock(Clock.systemUTC());

	/** Not a {@code @Configuration}: component scanning must not find it elsewhere. */
	static class SurvivingTime {

		@Bean
		VirtualClock clock() {
			return CLOCK;
		}

	}

	abstract void infrastructure(DynamicPropertyRegistry registry, String database);

	@Test
	void timersThatFellDueWhileTheServiceWasDownFireAtOnceAfterARestartEachExactlyOnce() {
		String contactId = newContactId();
		ClockStarted started;
		String brokers;
		try (ConfigurableApplicationContext service = startService()) {
			brokers = service.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers");
			try (EventPublisher contacts = new EventPublisher(brokers, Topics.CONTACTS, "/intake-service");
					TopicReader slaEvents = new TopicReader(brokers, Topics.SLA)) {
				contacts.publish(received(contactId, "ANSWERPHONE", CLOCK.instant()));
				started = (ClockStarted) slaEvents.await(event(contactId, "sla.clock-started.v1"), AWAIT).event();
			}
		}

		CLOCK.advance(Duration.between(CLOCK.instant(), started.dueAt()).plusHours(3));

		Instant restarting = CLOCK.instant();
		try (ConfigurableApplicationContext service = startService();
				TopicReader slaEvents = new TopicReader(brokers, Topics.SLA)) {
			slaEvents.await(event(contactId, "sla.breached.v1"), AWAIT);

			List<Received> events = new ArrayList<>(slaEvents.drain(ClockLifecycleScenarios.QUIET)
				.stream()
				.filter((record) -> contactId.equals(record.key()))
				.toList());
			assertThat(events).extracting(Received::type)
				.containsExactly("sla.clock-started.v1", "sla.reminder-due.v1", "sla.breached.v1");
			ReminderDue reminder = (ReminderDue) events.get(1).event();
			Breached breach = (Breached) events.get(2).event();
			assertThat(reminder.scheduledAt()).as("one reminder, for the latest of the overdue reminder points")
				.isEqualTo(started.dueAt().minus(Duration.ofHours(2)));
			assertThat(breach.scheduledAt()).isEqualTo(started.dueAt());
			assertThat(reminder.firedAt()).as("overdue, so fired at once on start-up")
				.isBetween(restarting, restarting.plusSeconds(60));
			assertThat(breach.firedAt()).isAfterOrEqualTo(reminder.firedAt());
			assertThat(Duration.between(breach.scheduledAt(), breach.firedAt())).isGreaterThan(Duration.ofHours(3));
			assertThat(service.getBean(VirtualClock.class)).isSameAs(CLOCK);
		}
	}

	@Test
	void aClosureDayConfiguredWhileTheServiceWasDownMovesOpenDeadlinesAtStartUp() {
		String contactId = newContactId();
		ClockStarted started;
		String brokers;
		try (ConfigurableApplicationContext service = startService()) {
			brokers = service.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers");
			try (EventPublisher contacts = new EventPublisher(brokers, Topics.CONTACTS, "/intake-service");
					TopicReader slaEvents = new TopicReader(brokers, Topics.SLA)) {
				contacts.publish(received(contactId, "LETTER", CLOCK.instant()));
				started = (ClockStarted) slaEvents.await(event(contactId, "sla.clock-started.v1"), AWAIT).event();
			}
		}
		LocalDate closed = started.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate();

		try (ConfigurableApplicationContext service = startService("--charter.sla.calendar.closures=" + closed);
				TopicReader slaEvents = new TopicReader(brokers, Topics.SLA)) {
			DeadlineChanged changed = (DeadlineChanged) slaEvents
				.await(event(contactId, "sla.deadline-changed.v1"), AWAIT)
				.event();

			assertThat(changed.previousDueAt()).isEqualTo(started.dueAt());
			assertThat(changed.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate()).isAfter(closed);
			assertThat(changed.reason()).contains(closed + " (office closed)");
		}
	}

	private ConfigurableApplicationContext startService(String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of(extraArguments));
		infrastructure((name, value) -> arguments.add("--" + name + "=" + value.get()), DATABASE);
		arguments.add("--server.port=0");
		return new SpringApplicationBuilder(SlaApplication.class, SurvivingTime.class)
			.run(arguments.toArray(String[]::new));
	}

}
