package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.sla.calendar.CalendarSource;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockVersion;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.clock.Firing;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardLeases;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardingProperties;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerHandoff;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerShards;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerFiring;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerScheduler;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerShardCoordinator;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.newContactId;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.received;

/**
 * Two instances of the service on one broker and store share the timer work by shard
 * leases: every timer fires exactly once in effect, whichever instance consumed the
 * contact, and when one instance dies the other takes its shards over after the lease
 * runs out. Each scenario has its own database and topics, so nothing else in the test
 * run consumes its contact events or writes to its clock events.
 */
abstract class SeveralInstancesScenarios {

	private static final int CLOCKS = 200;

	private static final int SHARDS = 32;

	private static final Duration LEASE_TTL = Duration.ofSeconds(3);

	private static final Duration AWAIT = Duration.ofSeconds(90);

	/** Business time, shared by both instances as the wall clock would be. */
	private static final VirtualClock CLOCK = new VirtualClock(Clock.systemUTC());

	/** Not a {@code @Configuration}: component scanning must not find it elsewhere. */
	static class SharedTime {

		@Bean
		VirtualClock clock() {
			return CLOCK;
		}

	}

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	abstract void infrastructure(DynamicPropertyRegistry registry, String database);

	@AfterEach
	void stopInstances() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesShareTheShardsAndFireEveryTimerExactlyOnce() {
		Scenario scenario = new Scenario("shared");
		ConfigurableApplicationContext first = scenario.start("sla-a");
		ConfigurableApplicationContext second = scenario.start("sla-b");
		awaitShardsHeld(first, SHARDS / 2);
		awaitShardsHeld(second, SHARDS / 2);

		try (TopicReader slaEvents = new TopicReader(scenario.brokers(), scenario.slaTopic())) {
			List<ClockStarted> started = scenario.receiveContacts(slaEvents);
			assertThat(first.getBean(MongoTemplate.class).getCollection(TimerHandoff.COLLECTION).countDocuments())
				.as("timers of clocks started on the instance that does not own their shard were handed over")
				.isPositive();
			Instant deadline = started.get(0).dueAt();
			assertThat(started).extracting(ClockStarted::dueAt).containsOnly(deadline);
			// the reminders are overdue at once; the breaches all fall due a few seconds
			// later in real time, so their lateness is the engine's own
			CLOCK.advance(Duration.between(CLOCK.instant(), deadline).minusSeconds(5));

			List<Received> events = scenario.awaitBreaches(slaEvents);

			assertEveryTimerFiredOnce(events, started);
			assertThat(firedBy(first)).as("timers fired by the first instance").isPositive();
			assertThat(firedBy(second)).as("timers fired by the second instance").isPositive();
			for (ConfigurableApplicationContext instance : List.of(first, second)) {
				MeterRegistry meters = instance.getBean(MeterRegistry.class);
				assertThat(meters.get("sla.timers.shards.owned").gauge().value()).isEqualTo(SHARDS / 2);
				assertThat(meters.get("sla.timers.backlog").gauge().value()).as("nothing due is left unfired").isZero();
			}
			List<Duration> lateness = events.stream()
				.filter((record) -> record.event() instanceof Breached)
				.map((record) -> (Breached) record.event())
				.map((breach) -> Duration.between(breach.scheduledAt(), breach.firedAt()))
				.sorted()
				.toList();
			assertThat(lateness).as("never early").allMatch((late) -> !late.isNegative());
			System.out.printf("Two instances, %d breaches due at one instant: lateness p50 %s, p99 %s, max %s%n",
					lateness.size(), lateness.get(lateness.size() / 2), lateness.get(lateness.size() * 99 / 100),
					lateness.get(lateness.size() - 1));
		}
	}

	@Test
	void whenAnInstanceDiesTheOtherTakesOverItsShardsAndFiresTheirTimersOnce() {
		Scenario scenario = new Scenario("takeover");
		ConfigurableApplicationContext survivor = scenario.start("sla-a");
		ConfigurableApplicationContext dying = scenario.start("sla-b");
		awaitShardsHeld(survivor, SHARDS / 2);
		awaitShardsHeld(dying, SHARDS / 2);

		try (TopicReader slaEvents = new TopicReader(scenario.brokers(), scenario.slaTopic())) {
			List<ClockStarted> started = scenario.receiveContacts(slaEvents);
			// the instance stops dead: no more renewals, no more firings, nothing given
			// up
			dying.getBean(TimerShardCoordinator.class).suspendRenewal();
			dying.getBean(TimerScheduler.class).stop();
			CLOCK.advance(Duration.between(CLOCK.instant(), started.get(0).dueAt()).plusHours(1));

			List<Received> events = scenario.awaitBreaches(slaEvents);

			assertEveryTimerFiredOnce(events, started);
			assertThat(firedBy(dying)).as("the dead instance fired nothing").isZero();
			assertThat(firedBy(survivor)).as("the survivor fired every timer").isEqualTo(2.0 * CLOCKS);
			assertThat(survivor.getBean(ShardLeases.class).heldShards()).hasSize(SHARDS);
		}
	}

	@Test
	void anInstanceWhoseLeaseWasTakenOverCannotApplyAFiring() {
		Scenario scenario = new Scenario("fencing");
		ConfigurableApplicationContext instance = scenario.start("sla-a");
		awaitShardsHeld(instance, SHARDS);
		ClockStore store = instance.getBean(ClockStore.class);

		ClockStarted started;
		try (EventPublisher contacts = new EventPublisher(scenario.brokers(), scenario.contactTopic(),
				"/intake-service"); TopicReader slaEvents = new TopicReader(scenario.brokers(), scenario.slaTopic())) {
			String contactId = newContactId();
			contacts.publish(received(contactId, "ANSWERPHONE", CLOCK.instant()));
			started = (ClockStarted) slaEvents.await(Contacts.event(contactId, "sla.clock-started.v1"), AWAIT).event();
		}
		int shard = instance.getBean(TimerShards.class).of(started.clockId());
		long ownEpoch = instance.getBean(ShardLeases.class).currentEpoch(shard).orElseThrow();

		// another instance, whose wall clock is past every lease, takes the shards over
		// and
		// fences them as the coordinator does
		VirtualClock later = new VirtualClock(Clock.systemUTC());
		later.advance(LEASE_TTL.multipliedBy(10));
		ShardLeases usurper = new ShardLeases(instance.getBean(MongoTemplate.class),
				instance.getBean(TimerShards.class),
				new ShardingProperties(SHARDS, LEASE_TTL, Duration.ofMillis(500), Duration.ofMillis(200),
						Duration.ofMillis(250), Duration.ofMinutes(1), Duration.ofMinutes(5), "usurper"),
				later, instance.getBean(MeterRegistry.class));
		long newEpoch = usurper.renew().gained().get(shard);
		assertThat(newEpoch).isGreaterThan(ownEpoch);
		store.fenceShard(shard, newEpoch);

		DeadlineClock clock = store.find(started.clockId()).orElseThrow();
		Timer pending = clock.pendingTimer().orElseThrow();
		CLOCK.advance(Duration.between(CLOCK.instant(), pending.at()).plusSeconds(1));
		assertThat(instance.getBean(TimerFiring.class).fire(new ClockTimer(clock.id(), pending)))
			.as("the old owner's firing is refused")
			.isEmpty();
		CalendarSource calendar = instance.getBean(CalendarSource.class);
		assertThat(fired(store, calendar, clock.id(), ownEpoch)).as("a write under the old epoch").isFalse();
		assertThat(store.find(clock.id()).orElseThrow().pendingTimer()).as("the timer is still pending")
			.contains(pending);
		assertThat(fired(store, calendar, clock.id(), newEpoch)).as("a write under the new owner's epoch").isTrue();
		assertThat(store.find(clock.id()).orElseThrow().pendingTimer()).as("the timer has fired")
			.isNotEqualTo(Optional.of(pending));
	}

	@Test
	void aClockStoredByAnInstanceThatDiedBeforeHandingItsTimerOverStillFires() {
		Scenario scenario = new Scenario("reconcile");
		ConfigurableApplicationContext owner = scenario.start("sla-a", "--charter.sla.sharding.reconcile-interval=1s");
		awaitShardsHeld(owner, SHARDS);

		// stored the way a consumer stores it, but nobody is told: its instance died
		// between the write and the handoff
		String contactId = newContactId();
		Instant now = CLOCK.instant();
		DeadlineClock.Started started = DeadlineClock.start(contactId, "staff-7",
				owner.getBean(CharterStandards.class).deadlineFor("ANSWERPHONE", now).orElseThrow(), now);
		assertThat(owner.getBean(ClockStore.class).insert(started.clock(), started.event())).isTrue();
		CLOCK.advance(Duration.between(CLOCK.instant(), started.clock().dueAt()).plusMinutes(1));

		try (TopicReader slaEvents = new TopicReader(scenario.brokers(), scenario.slaTopic())) {
			Breached breach = (Breached) slaEvents.await(Contacts.event(contactId, "sla.breached.v1"), AWAIT).event();

			assertThat(breach.scheduledAt()).isEqualTo(started.clock().dueAt());
		}
	}

	@Test
	void aBatchOfFiringsStoresOnlyThoseWhoseClocksAreStillAsTheyWereRead() {
		Scenario scenario = new Scenario("batch");
		ConfigurableApplicationContext instance = scenario.start("sla-a");
		awaitShardsHeld(instance, SHARDS);
		ClockStore store = instance.getBean(ClockStore.class);
		CalendarSource calendar = instance.getBean(CalendarSource.class);
		ShardLeases leases = instance.getBean(ShardLeases.class);
		TimerShards shards = instance.getBean(TimerShards.class);
		Instant now = CLOCK.instant();
		List<DeadlineClock> clocks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			DeadlineClock.Started started = DeadlineClock.start(newContactId(), "staff-7",
					instance.getBean(CharterStandards.class).deadlineFor("LETTER", now).orElseThrow(), now);
			assertThat(store.insert(started.clock(), started.event())).isTrue();
			clocks.add(store.find(started.clock().id()).orElseThrow());
		}
		List<Timer> pendingBefore = clocks.stream().map((clock) -> clock.pendingTimer().orElseThrow()).toList();
		List<Firing> firings = new ArrayList<>();
		for (DeadlineClock clock : clocks) {
			DeadlineClock.Snapshot before = clock.snapshot();
			Timer pending = clock.pendingTimer().orElseThrow();
			CharterEvent event = clock.fire(pending, pending.at(), calendar.get());
			firings
				.add(new Firing(before, true, clock, event, leases.currentEpoch(shards.of(clock.id())).orElseThrow()));
		}
		// meanwhile the middle clock is answered
		DeadlineClock middle = store.find(clocks.get(1).id()).orElseThrow();
		ClockVersion middleBefore = ClockVersion.of(middle);
		assertThat(store.update(middleBefore, middle, middle.respond(now, now))).isTrue();

		Set<String> stored = store.storeFirings(firings);

		assertThat(stored).containsExactlyInAnyOrder(clocks.get(0).id(), clocks.get(2).id());
		assertThat(store.find(clocks.get(0).id()).orElseThrow().pendingTimer()).as("fired")
			.isNotEqualTo(Optional.of(pendingBefore.get(0)));
		assertThat(store.find(clocks.get(2).id()).orElseThrow().pendingTimer()).as("fired")
			.isNotEqualTo(Optional.of(pendingBefore.get(2)));
		DeadlineClock answered = store.find(clocks.get(1).id()).orElseThrow();
		assertThat(answered.state()).as("the answer stands, the stale firing is not stored").isEqualTo(middle.state());
		assertThat(answered.pendingTimer()).isEmpty();
	}

	private static boolean fired(ClockStore store, CalendarSource calendar, String clockId, long epoch) {
		DeadlineClock clock = store.find(clockId).orElseThrow();
		DeadlineClock.Snapshot before = clock.snapshot();
		Timer pending = clock.pendingTimer().orElseThrow();
		CharterEvent event = clock.fire(pending, CLOCK.instant(), calendar.get());
		return store.storeFirings(List.of(new Firing(before, true, clock, event, epoch))).contains(clockId);
	}

	private static void awaitShardsHeld(ConfigurableApplicationContext instance, int shards) {
		await().atMost(AWAIT).until(() -> instance.getBean(ShardLeases.class).heldShards().size() == shards);
	}

	private static double firedBy(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class)
			.find("sla.timers.fired")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	/**
	 * One reminder and one breach per clock, each once: an event id that appears twice (a
	 * redelivery) must carry the same content.
	 */
	private static void assertEveryTimerFiredOnce(List<Received> events, List<ClockStarted> started) {
		Set<String> contacts = started.stream().map(ClockStarted::contactId).collect(Collectors.toSet());
		Map<String, List<Received>> firings = events.stream()
			.filter((record) -> contacts.contains(record.key()))
			.filter((record) -> record.event() instanceof ReminderDue || record.event() instanceof Breached)
			.collect(Collectors.groupingBy(Received::key));
		assertThat(firings).hasSize(CLOCKS);
		firings.forEach((contactId, records) -> {
			Map<String, Set<String>> contentById = records.stream()
				.collect(Collectors.groupingBy(Received::eventId,
						Collectors.mapping((record) -> record.event().toString(), Collectors.toSet())));
			assertThat(contentById.values()).as("one content per event id for %s", contactId)
				.allMatch((contents) -> contents.size() == 1);
			assertThat(records.stream().filter((record) -> record.event() instanceof Breached).map(Received::eventId))
				.as("breaches of %s", contactId)
				.containsOnly(records.stream()
					.filter((record) -> record.event() instanceof Breached)
					.findFirst()
					.orElseThrow()
					.eventId());
			assertThat(records.stream()
				.filter((record) -> record.event() instanceof ReminderDue)
				.map(Received::eventId)
				.distinct()).as("reminders of %s", contactId).hasSize(1);
		});
	}

	/** One scenario's database, topics and instances. */
	private final class Scenario {

		private final String name;

		private String brokers;

		Scenario(String name) {
			this.name = name;
		}

		String contactTopic() {
			return "charter.contact-events.instances-" + this.name;
		}

		String slaTopic() {
			return "charter.sla-events.instances-" + this.name;
		}

		String brokers() {
			return this.brokers;
		}

		ConfigurableApplicationContext start(String instanceId, String... extraArguments) {
			List<String> arguments = new ArrayList<>(List.of(extraArguments));
			infrastructure((name, value) -> arguments.add("--" + name + "=" + value.get()),
					"sla_instances_" + this.name);
			arguments.addAll(List.of("--server.port=0", "--charter.sla.answerphone.enabled=false",
					"--charter.sla.sharding.instance-id=" + instanceId, "--charter.sla.sharding.shards=" + SHARDS,
					"--charter.sla.sharding.lease-ttl=" + LEASE_TTL.toMillis() + "ms",
					"--charter.sla.sharding.renew-interval=500ms", "--charter.sla.sharding.max-clock-skew=200ms",
					"--spring.cloud.stream.bindings.contactEvents-in-0.destination=" + contactTopic(),
					"--spring.cloud.stream.bindings.contactEvents-in-0.group=sla-instances-" + this.name,
					"--spring.cloud.stream.bindings.complaintEvents-in-0.destination=charter.complaint-events.instances-"
							+ this.name,
					"--spring.cloud.stream.bindings.complaintEvents-in-0.group=sla-instances-" + this.name,
					"--spring.cloud.stream.bindings.slaEvents-out-0.destination=" + slaTopic(),
					"--spring.cloud.stream.kafka.binder.min-partition-count=2"));
			ConfigurableApplicationContext instance = new SpringApplicationBuilder(SlaApplication.class,
					SharedTime.class)
				.run(arguments.toArray(String[]::new));
			SeveralInstancesScenarios.this.running.add(instance);
			this.brokers = instance.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers");
			return instance;
		}

		/** Contacts received now, one clock each, started on whichever instance. */
		List<ClockStarted> receiveContacts(TopicReader slaEvents) {
			List<String> contactIds = new ArrayList<>();
			try (EventPublisher contacts = new EventPublisher(this.brokers, contactTopic(), "/intake-service")) {
				Instant now = CLOCK.instant();
				for (int i = 0; i < CLOCKS; i++) {
					String contactId = newContactId();
					contactIds.add(contactId);
					contacts.publish(received(contactId, "ANSWERPHONE", now));
				}
			}
			Set<String> expected = Set.copyOf(contactIds);
			await().atMost(AWAIT)
				.until(() -> slaEvents.drain(Duration.ofMillis(300))
					.stream()
					.filter((record) -> expected.contains(record.key()) && record.event() instanceof ClockStarted)
					.map(Received::key)
					.distinct()
					.count() == CLOCKS);
			return slaEvents.drain(Duration.ofMillis(300))
				.stream()
				.filter((record) -> expected.contains(record.key()) && record.event() instanceof ClockStarted)
				.map((record) -> (ClockStarted) record.event())
				.collect(Collectors.toMap(ClockStarted::contactId, (event) -> event, (one, other) -> one))
				.values()
				.stream()
				.sorted(Comparator.comparing(ClockStarted::contactId))
				.toList();
		}

		/** Every event once each clock has breached, and whatever follows shortly. */
		List<Received> awaitBreaches(TopicReader slaEvents) {
			await().atMost(AWAIT)
				.until(() -> slaEvents.drain(Duration.ofMillis(300))
					.stream()
					.filter((record) -> record.event() instanceof Breached)
					.map(Received::key)
					.distinct()
					.count() == CLOCKS);
			return slaEvents.drain(Duration.ofSeconds(2));
		}

	}

}
