package uk.co.healthwatchportsmouth.charter.sla.benchmark;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.SlaApplication;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockMetrics;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerShards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.MachineReadings;

/**
 * A load harness for the timer engine, not a test (so {@code ./mvnw verify} never runs
 * it). Starts the embedded Kafka broker and Mongo wire server on free ports (in a JVM of
 * their own unless {@code -Dbench.infrastructure-jvm=none}; the wire server's data in an
 * H2 file, as {@code ./run-local.sh} keeps it, unless {@code -Dbench.mongo-store=memory})
 * and sla-service in this JVM with a virtual clock that runs at the wall clock's pace and
 * can be moved forward (kept across restarts of the service, as the wall clock would be).
 *
 * <ol>
 * <li>stores {@code clocks} open clocks directly in the store in bulk (no events: as if
 * their {@code sla.clock-started.v1} was published long ago); {@code rate x seconds} of
 * them have their breach due in a steady window at {@code rate} per second,
 * {@code backlog} in a later five-minute window, the rest weeks later;</li>
 * <li>restarts the service and times start-up recovery with every open clock;</li>
 * <li>publishes {@code contacts} {@code contact.received.v1} events and times until every
 * clock exists (the real consumer path);</li>
 * <li>moves the clock to the steady window and reads {@code charter.sla-events} back:
 * lateness from each event's {@code scheduledAt} and {@code firedAt}, early, duplicate
 * and missing firings;</li>
 * <li>stops the service, moves the clock past the five-minute window (the service was
 * down), starts it again and times the catch-up;</li>
 * <li>runs db-scheduler (H2 file store, 100 ms polling) on the same offered load and the
 * same work per firing: a small durable update (findAndModify in the same wire server)
 * and the same Kafka send of a {@code sla.breached.v1} event with acks=all.</li>
 * </ol>
 *
 * <p>
 * Arguments: {@code clocks} (default 100000), {@code rate} firings/s (10000),
 * {@code seconds} of steady window (10), {@code contacts} (20000), {@code backlog}
 * (50000), {@code dbSchedulerSeconds} of the same rate (same as seconds; 0 skips it),
 * {@code warmUpSeconds} of firings at the same rate before the window, not measured (0).
 * See docs/benchmarks.md.
 */
public final class TimerEngineBenchmark {

	static final String DATABASE = "sla-benchmark";

	/**
	 * The value of {@code bench.infrastructure-jvm} that keeps the broker and the wire
	 * server in the harness's JVM; any other value is the options of their own JVM.
	 */
	private static final String IN_THIS_JVM = "none";

	/**
	 * The value of {@code bench.mongo-store} that keeps the wire server's data in memory
	 * (as the tests do); by default it is in an H2 file, as {@code ./run-local.sh} keeps
	 * it.
	 */
	private static final String MEMORY_STORE = "memory";

	/** The binding that starts the clocks of contacts received. */
	private static final String CONTACT_BINDING = "contactEvents-in-0";

	/**
	 * The infrastructure JVM's options unless given: room for the wire server's copy of
	 * 1,000,000 clocks (in memory with either store: the file store journals changes);
	 * values written into stored documents live as long as the documents, so they are
	 * promoted at once rather than copied between survivor spaces at every young
	 * collection; and a pause goal keeps G1 from growing a young generation whose
	 * collection stalls every reply. G1 keeps at least 5 % of the heap young by default,
	 * 600 MB here, whose collections took up to 470 ms while firing; allowed down to 1 %
	 * it keeps the young generation near 100 MB and the pauses shorter.
	 */
	private static final String DEFAULT_INFRASTRUCTURE_JVM = "-Xmx12g -XX:MaxTenuringThreshold=1 -XX:MaxGCPauseMillis=50"
			+ " -XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=1";

	/**
	 * The next Wednesday morning (the virtual clock starts at the wall clock and only
	 * moves forward), so every timer of the run falls in one working day.
	 */
	private static final Instant BUSINESS_MORNING = nextWednesdayMorning(ZoneId.of("Europe/London"));

	private static final Duration DOWN = Duration.ofMinutes(5);

	private static Instant nextWednesdayMorning(ZoneId london) {
		return LocalDate.now(london)
			.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
			.atTime(9, 30)
			.atZone(london)
			.toInstant();
	}

	private TimerEngineBenchmark() {
	}

	public static void main(String[] args) {
		int status = 1;
		try {
			run(args);
			status = 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
		// the embedded broker's threads would keep the JVM alive
		System.exit(status);
	}

	private static void run(String[] args) throws Exception {
		Report report = new Report();
		boolean fileStore = !MEMORY_STORE.equals(System.getProperty("bench.mongo-store", "file"));
		String infrastructureJvm = System.getProperty("bench.infrastructure-jvm", DEFAULT_INFRASTRUCTURE_JVM);
		if (IN_THIS_JVM.equals(infrastructureJvm)) {
			report.line("broker and wire server in this JVM, wire server store: memory");
			Map<String, Supplier<Object>> infrastructure = new HashMap<>();
			EmbeddedInfrastructure.register(infrastructure::put, DATABASE);
			run(args, report, infrastructure.get("spring.mongodb.uri").get().toString(),
					infrastructure.get("spring.cloud.stream.kafka.binder.brokers").get().toString(), null);
			return;
		}
		Path storeDirectory = Files.createTempDirectory("sla-benchmark-mongo");
		Path storeFile = fileStore ? storeDirectory.resolve("charter.mv") : null;
		report.line("broker and wire server in a JVM of their own (%s), wire server store: %s", infrastructureJvm,
				fileStore ? "journal in an H2 file " + storeFile : "memory");
		try (InfrastructureProcess infrastructure = InfrastructureProcess.start(infrastructureJvm, DATABASE,
				storeFile)) {
			run(args, report, infrastructure.mongoUri, infrastructure.brokers, infrastructure);
		}
		finally {
			if (storeFile != null) {
				report.line("wire server store file at the end: %d MB", Files.size(storeFile) >> 20);
				Files.deleteIfExists(storeFile);
			}
			Files.deleteIfExists(storeDirectory);
		}
	}

	private static void run(String[] args, Report report, String mongoUri, String brokers,
			InfrastructureProcess infrastructure) throws Exception {
		int clocks = intArg(args, 0, 100_000);
		int rate = intArg(args, 1, 10_000);
		int seconds = intArg(args, 2, 10);
		int contacts = intArg(args, 3, 20_000);
		int backlog = intArg(args, 4, 50_000);
		int dbSchedulerSeconds = intArg(args, 5, seconds);
		int warmupSeconds = intArg(args, 6, 0);
		int steady = rate * seconds;
		int warmup = rate * warmupSeconds;
		if (steady + backlog + warmup > clocks) {
			throw new IllegalArgumentException("clocks must be at least rate x (seconds + warm-up seconds) + backlog");
		}
		report.line(
				"args: clocks %d, rate %d/s, seconds %d, contacts %d, backlog %d, db-scheduler seconds %d,"
						+ " warm-up seconds %d",
				clocks, rate, seconds, contacts, backlog, dbSchedulerSeconds, warmupSeconds);
		report.line("load average at start: %s", MachineReadings.loadAverage());
		VirtualClock clock = new VirtualClock(Clock.systemUTC());
		moveTo(clock, BUSINESS_MORNING);

		Instant steadyStart = BUSINESS_MORNING.plus(Duration.ofHours(1));
		Instant backlogStart = BUSINESS_MORNING.plus(Duration.ofHours(3));
		Instant farAway = BUSINESS_MORNING.plus(Duration.ofDays(30));
		// the same work at the same rate half an hour earlier, so that the measured
		// window
		// runs on compiled code, as a service that has been up for a while does
		Instant warmupStart = steadyStart.minus(Duration.ofMinutes(30));
		List<String> steadyIds = new ArrayList<>(steady);
		List<String> backlogIds = new ArrayList<>(backlog);
		List<String> warmupIds = new ArrayList<>(warmup);

		// 1. the open clocks, stored in bulk through the service's own mapping
		try (ConfigurableApplicationContext service = start(clock, mongoUri, brokers)) {
			MongoTemplate mongo = service.getBean(MongoTemplate.class);
			TimerShards shards = service.getBean(TimerShards.class);
			ClockDocuments documents = new ClockDocuments();
			long begin = System.nanoTime();
			List<Object> batch = new ArrayList<>(2000);
			for (int i = 0; i < clocks; i++) {
				String contactId = "bench-" + i;
				Instant due;
				if (i < steady) {
					due = steadyStart.plusNanos(i * (1_000_000_000L / rate));
				}
				else if (i < steady + backlog) {
					due = backlogStart.plusNanos((i - steady) * (DOWN.toNanos() / backlog));
				}
				else if (i < steady + backlog + warmup) {
					due = warmupStart.plusNanos((i - steady - backlog) * (1_000_000_000L / rate));
				}
				else {
					due = farAway.plusSeconds(i);
				}
				DeadlineClock open = DeadlineClock
					.start(contactId, "jo", new Deadline("EMAIL", 1, BUSINESS_MORNING, due, List.of()),
							BUSINESS_MORNING)
					.clock();
				if (i < steady) {
					steadyIds.add(open.id());
				}
				else if (i < steady + backlog) {
					backlogIds.add(open.id());
				}
				else if (i < steady + backlog + warmup) {
					warmupIds.add(open.id());
				}
				batch.add(documents.of(open, shards.of(open.id())));
				if (batch.size() == 2000) {
					mongo.insert(batch, ClockStore.COLLECTION);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				mongo.insert(batch, ClockStore.COLLECTION);
			}
			double took = (System.nanoTime() - begin) / 1e9;
			report.line("bulk-stored %d open clocks in %.1f s (%.0f/s), directly through MongoTemplate", clocks, took,
					clocks / took);
		}
		report.line("RSS after storing: %s", rss(infrastructure));

		try (SlaEventReader events = new SlaEventReader(brokers, Topics.SLA, clock)) {
			// 2. start-up recovery with every clock open
			long begin = System.nanoTime();
			ConfigurableApplicationContext service = start(clock, mongoUri, brokers);
			report.line("start-up with %d open clocks: %.1f s (context start incl. loading every pending timer)",
					clocks, (System.nanoTime() - begin) / 1e9);
			report.line("RSS after start-up: %s", rss(infrastructure));

			// 3. clock creation through the real consumer path
			creation(report, clock, brokers, service, contacts);

			// 4. the steady window, after a warm-up at the same rate if asked for
			if (warmup > 0) {
				moveTo(clock, warmupStart.minusSeconds(2));
				events.awaitBreaches(warmupIds, Duration.ofSeconds(Math.max(180, warmup / 80)));
				events.summarise(report, "warm-up (not measured), offered " + rate + "/s for " + warmupSeconds + " s",
						warmupIds, warmupStart);
			}
			moveTo(clock, steadyStart.minusSeconds(2));
			report.line("load average before the steady window: %s", MachineReadings.loadAverage());
			events.awaitBreaches(steadyIds, Duration.ofSeconds(Math.max(180, steady / 80)));
			report.line("load average after: %s", MachineReadings.loadAverage());
			events.summarise(report, "sla-service steady, offered " + rate + "/s for " + seconds + " s", steadyIds,
					steadyStart);
			report.line("RSS after the steady window: %s", rss(infrastructure));
			Timer recounts = service.getBean(MeterRegistry.class).get(ClockMetrics.OPEN + ".recount").timer();
			report.line("open clocks recounted %d times since start-up, %.1f s in all, the longest %.1f s",
					recounts.count(), recounts.totalTime(TimeUnit.SECONDS), recounts.max(TimeUnit.SECONDS));

			// 5. five minutes down, then catch up
			service.close();
			Instant upAgainAt = backlogStart.plus(DOWN);
			moveTo(clock, upAgainAt);
			begin = System.nanoTime();
			service = start(clock, mongoUri, brokers);
			double startup = (System.nanoTime() - begin) / 1e9;
			report.line("restart after %s down with %d timers overdue: start-up %.1f s", DOWN, backlog, startup);
			events.awaitBreaches(backlogIds, Duration.ofSeconds(Math.max(180, backlog / 80)));
			events.summarise(report, "sla-service catch-up of " + backlog + " overdue", backlogIds, upAgainAt);
			report.line("load average after: %s", MachineReadings.loadAverage());
			report.line("RSS after catch-up: %s", rss(infrastructure));
			service.close();
		}

		// 6. db-scheduler at the same offered rate and work
		if (dbSchedulerSeconds > 0) {
			try (MongoClientHolder mongo = new MongoClientHolder(mongoUri);
					SlaEventReader events = new SlaEventReader(brokers, DbSchedulerRun.TOPIC, null)) {
				new DbSchedulerRun(mongo.client(), brokers, rate, dbSchedulerSeconds, warmupSeconds).run(report,
						events);
			}
			report.line("RSS after db-scheduler: %s", rss(infrastructure));
		}
		report.line("load average at the end: %s", MachineReadings.loadAverage());
		report.print();
	}

	/**
	 * Clock creation through the consumer, measured three times: while the events are
	 * being published (32 threads, each waiting for acks=all, so the publishing can be
	 * the limit), and twice as a backlog the consumer drains, which is the consumer's own
	 * rate: its binding paused while they are published, then resumed (a running service
	 * that falls behind), and stopped, then started (a service that starts with a
	 * backlog, its consumer joining the group first). The consumer commits a poll's
	 * offsets once its clocks are stored, so the harness watches the group's committed
	 * offsets (which costs the store nothing) and checks every clock once at the end.
	 */
	private static void creation(Report report, VirtualClock clock, String brokers,
			ConfigurableApplicationContext service, int contacts) throws Exception {
		if (contacts <= 0) {
			return;
		}
		MongoTemplate mongo = service.getBean(MongoTemplate.class);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			long begin = System.nanoTime();
			List<String> live = publishContacts(clock, brokers, "bench-received-", contacts);
			awaitCommitted(admin, endOffsets(admin));
			double took = (System.nanoTime() - begin) / 1e9;
			requireStored(mongo, live);
			report.line(
					"clock creation through the consumer while publishing: %d contact.received.v1 (32 threads,"
							+ " acks=all), all clocks stored %.1f s after the first publish: %.0f clocks/s",
					contacts, took, contacts / took);

			BindingsLifecycleController bindings = service.getBean(BindingsLifecycleController.class);
			drainBacklog(report, clock, brokers, admin, mongo, contacts, "bench-paused-", "paused (still in its group)",
					() -> bindings.pause(CONTACT_BINDING), () -> bindings.resume(CONTACT_BINDING));
			drainBacklog(report, clock, brokers, admin, mongo, contacts, "bench-backlog-",
					"stopped (so it joins its group again)", () -> bindings.stop(CONTACT_BINDING),
					() -> bindings.start(CONTACT_BINDING));
		}
	}

	/**
	 * Clock creation from a backlog the consumer drains: published while its binding is
	 * held back, then timed from the moment it is let go until every record is committed.
	 */
	private static void drainBacklog(Report report, VirtualClock clock, String brokers, Admin admin,
			MongoTemplate mongo, int contacts, String prefix, String heldBack, Runnable holdBack, Runnable letGo)
			throws Exception {
		holdBack.run();
		long publishing = System.nanoTime();
		List<String> backlog = publishContacts(clock, brokers, prefix, contacts);
		double published = (System.nanoTime() - publishing) / 1e9;
		Map<TopicPartition, Long> end = endOffsets(admin);
		// a pause takes effect at the consumer's next poll, so some records may have been
		// stored meanwhile: the rate counts only those still waiting when it is let go
		long waiting = settledWaiting(admin, end);
		long started = System.nanoTime();
		letGo.run();
		FirstCommit first = awaitCommitted(admin, end);
		long finished = System.nanoTime();
		double drained = (finished - started) / 1e9;
		requireStored(mongo, backlog);
		// the second rate leaves out the consumer's start (joining the group, when it was
		// stopped) and its first batch, as the firing rates leave out the time to the
		// first firing
		double afterFirst = (finished - first.at()) / 1e9;
		report.line(
				"clock creation from a backlog: %d contact.received.v1 published in %.1f s with the consumer %s,"
						+ " %d of them still waiting when it was let go, all stored %.1f s after that: %.0f clocks/s;"
						+ " the first %d committed %.1f s after it was let go, the other %d in %.1f s: %.0f clocks/s",
				contacts, published, heldBack, waiting, drained, waiting / drained, first.records(),
				(first.at() - started) / 1e9, waiting - first.records(), afterFirst,
				(waiting - first.records()) / afterFirst);
	}

	/**
	 * How many records up to {@code end} the group has not committed, once that number
	 * has stayed the same for half a second (nothing is being consumed).
	 */
	private static long settledWaiting(Admin admin, Map<TopicPartition, Long> end) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		long last = -1;
		long endSum = end.values().stream().mapToLong(Long::longValue).sum();
		while (true) {
			long waiting = endSum - committedSum(committedOffsets(admin), end);
			if (waiting == last || System.nanoTime() > deadline) {
				return waiting;
			}
			last = waiting;
			Thread.sleep(500);
		}
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		for (var partition : admin.describeTopics(List.of(Topics.CONTACTS))
			.allTopicNames()
			.get()
			.get(Topics.CONTACTS)
			.partitions()) {
			latest.put(new TopicPartition(Topics.CONTACTS, partition.partition()), OffsetSpec.latest());
		}
		Map<TopicPartition, Long> end = new HashMap<>();
		admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
		return end;
	}

	/**
	 * Waits until the group has committed every record up to {@code end}.
	 * @return when it first committed some of them, and how many that was
	 */
	private static FirstCommit awaitCommitted(Admin admin, Map<TopicPartition, Long> end) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		long before = -1;
		FirstCommit first = null;
		while (true) {
			Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin);
			long now = System.nanoTime();
			long sum = committedSum(committed, end);
			if (before < 0) {
				before = sum;
			}
			if (first == null && sum > before) {
				first = new FirstCommit(now, sum - before);
			}
			if (caughtUp(committed, end)) {
				return (first != null) ? first : new FirstCommit(now, 0);
			}
			if (now > deadline) {
				throw new IllegalStateException("contact events not all consumed within 10 minutes");
			}
			Thread.sleep(20);
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin) throws Exception {
		return admin.listConsumerGroupOffsets("sla-service").partitionsToOffsetAndMetadata().get();
	}

	/** The group's committed offsets on the partitions of {@code end}, added up. */
	private static long committedSum(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> end) {
		return end.keySet()
			.stream()
			.mapToLong((partition) -> (committed.get(partition) != null) ? committed.get(partition).offset() : 0)
			.sum();
	}

	/** The first commit seen while waiting: when, and of how many records. */
	private record FirstCommit(long at, long records) {

	}

	private static boolean caughtUp(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> end) {
		return end.entrySet()
			.stream()
			.allMatch((partition) -> committed.get(partition.getKey()) != null
					&& committed.get(partition.getKey()).offset() >= partition.getValue());
	}

	private static List<String> publishContacts(VirtualClock clock, String brokers, String prefix, int contacts)
			throws InterruptedException {
		List<String> ids = new ArrayList<>(contacts);
		for (int i = 0; i < contacts; i++) {
			ids.add(DeadlineClock.idFor(prefix + i));
		}
		AtomicInteger next = new AtomicInteger();
		try (EventPublisher publisher = new EventPublisher(brokers, Topics.CONTACTS, "/intake-service");
				ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < 32; t++) {
				senders.execute(() -> {
					int n;
					while ((n = next.getAndIncrement()) < contacts) {
						String contactId = prefix + n;
						Instant now = clock.instant();
						publisher.publish(new ContactReceived(EventIds.of(contactId, "received"), now, contactId,
								"EMAIL", now, "jo", null, null));
					}
				});
			}
			senders.shutdown();
			senders.awaitTermination(10, TimeUnit.MINUTES);
		}
		return ids;
	}

	private static void requireStored(MongoTemplate mongo, List<String> ids) {
		Set<String> missing = new HashSet<>(ids);
		Query stored = Query.query(Criteria.where("_id").in(ids));
		stored.fields().include("_id");
		mongo.find(stored, org.bson.Document.class, ClockStore.COLLECTION)
			.forEach((document) -> missing.remove(document.getString("_id")));
		if (!missing.isEmpty()) {
			throw new IllegalStateException(missing.size() + " clocks missing after their events were consumed");
		}
	}

	static ConfigurableApplicationContext start(VirtualClock clock, String mongoUri, String brokers) {
		return new SpringApplicationBuilder(SlaApplication.class)
			// the service's Clock bean gives way to one supplied: this one survives
			// restarts
			.initializers((context) -> context.getBeanFactory().registerSingleton("benchmarkClock", clock))
			.run(LocalUsers.withLocalUsers("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
					"--spring.cloud.stream.kafka.binder.brokers=" + brokers,
					"--spring.kafka.bootstrap-servers=" + brokers, "--charter.sla.answerphone.enabled=false",
					"--logging.level.uk.co.healthwatchportsmouth=WARN"));
	}

	/** This JVM's memory, and the infrastructure's if it has a JVM of its own. */
	private static String rss(InfrastructureProcess infrastructure) {
		return (infrastructure != null)
				? "harness and service " + MachineReadings.rss() + "; broker and wire server " + infrastructure.rss()
				: MachineReadings.rss();
	}

	private static void moveTo(VirtualClock clock, Instant target) {
		Duration by = Duration.between(clock.instant(), target);
		if (by.isNegative()) {
			throw new IllegalStateException("the run fell behind its schedule: it is " + clock.instant()
					+ " (virtual) and the next phase starts at " + target);
		}
		clock.advance(by);
	}

	private static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index].replace("_", "")) : fallback;
	}

	/**
	 * The service's own document mapping ({@code ClockDocument} is package-private in
	 * main code), reached by reflection so the benchmark stores exactly what the service
	 * stores.
	 */
	private static final class ClockDocuments {

		private final Method of;

		ClockDocuments() throws ReflectiveOperationException {
			this.of = Class.forName("uk.co.healthwatchportsmouth.charter.sla.clock.ClockDocument")
				.getDeclaredMethod("of", DeadlineClock.class, List.class, int.class);
			this.of.setAccessible(true);
		}

		Object of(DeadlineClock clock, int shard) throws ReflectiveOperationException {
			return this.of.invoke(null, clock, List.of(), shard);
		}

	}

	/** Lines printed together at the end, and as they come. */
	static final class Report {

		private final List<String> lines = new ArrayList<>();

		void line(String format, Object... args) {
			String line = String.format(format, args);
			System.out.println(">> " + line);
			this.lines.add(line);
		}

		void print() {
			System.out.println("---- timer engine benchmark ----");
			this.lines.forEach(System.out::println);
		}

	}

	record MongoClientHolder(com.mongodb.client.MongoClient client) implements AutoCloseable {

		MongoClientHolder(String uri) {
			this(com.mongodb.client.MongoClients.create(uri));
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

}
