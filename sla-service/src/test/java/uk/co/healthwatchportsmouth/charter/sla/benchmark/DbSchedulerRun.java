package uk.co.healthwatchportsmouth.charter.sla.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.jdbcx.JdbcConnectionPool;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.MachineReadings;

/**
 * db-scheduler (H2 file store, 100 ms polling, its default 10 executor threads) firing
 * the same offered load with the same work per firing as sla-service: a small durable
 * conditional update in the same Mongo wire server, then a {@code sla.breached.v1} event
 * sent with acks=all and waited for.
 */
final class DbSchedulerRun {

	static final String TOPIC = "benchmark.db-scheduler-events";

	private static final Path STORE = Path.of("target", "db-scheduler-benchmark");

	private static final int MAX_WARMUP_SECONDS = 3;

	private final MongoClient mongo;

	private final String brokers;

	private final int rate;

	private final int seconds;

	private final int warmupSeconds;

	DbSchedulerRun(MongoClient mongo, String brokers, int rate, int seconds, int warmupSeconds) {
		this.warmupSeconds = warmupSeconds;
		this.mongo = mongo;
		this.brokers = brokers;
		this.rate = rate;
		this.seconds = seconds;
	}

	void run(TimerEngineBenchmark.Report report, SlaEventReader events) throws Exception {
		int measured = this.rate * this.seconds;
		// a warm-up at the same rate first, as for sla-service; only the window after it
		// is measured. At most 3 s of it: db-scheduler fires a few hundred a second here,
		// so a longer warm-up at 10,000/s would take half an hour and still be running
		// when the measured window starts
		int warmupSeconds = Math.min(this.warmupSeconds, MAX_WARMUP_SECONDS);
		int warmup = this.rate * warmupSeconds;
		int count = warmup + measured;
		deleteStore();
		JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + STORE.toAbsolutePath().resolve("db"),
				"sa", "");
		createTable(pool);
		MongoCollection<Document> clocks = this.mongo.getDatabase(TimerEngineBenchmark.DATABASE)
			.getCollection("db_scheduler_clocks");
		List<Document> batch = new ArrayList<>();
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String id = EventIds.of("dbs-" + i, "FIRST_RESPONSE");
			ids.add(id);
			batch.add(new Document("_id", id).append("state", "RUNNING"));
			if (batch.size() == 2000) {
				clocks.insertMany(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			clocks.insertMany(batch);
		}
		try (EventPublisher publisher = new EventPublisher(this.brokers, TOPIC, "/db-scheduler-benchmark")) {
			OneTimeTask<Void> breach = Tasks.oneTime("breach").execute((instance, context) -> {
				Instant firedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
				Instant scheduledAt = context.getExecution().executionTime.truncatedTo(ChronoUnit.MILLIS);
				String id = instance.getId();
				Document before = clocks.findOneAndUpdate(
						Filters.and(Filters.eq("_id", id), Filters.eq("state", "RUNNING")),
						Updates.combine(Updates.set("state", "BREACHED"),
								Updates.set("breachedAt", java.util.Date.from(firedAt))));
				if (before != null) {
					publisher.publish(new Breached(EventIds.of(id, "breached"), firedAt, id, id, "EMAIL", "jo",
							scheduledAt, scheduledAt, firedAt));
				}
			});
			Scheduler scheduler = Scheduler.create(pool, breach).pollingInterval(Duration.ofMillis(100)).build();
			long step = 1_000_000_000L / this.rate;
			scheduler.start();
			if (warmup > 0) {
				Instant warmupStart = scheduleWindow(scheduler, breach, ids.subList(0, warmup), step);
				events.awaitBreaches(ids.subList(0, warmup), Duration.ofSeconds(Math.max(120, warmup / 100)));
				events.summarise(report,
						"db-scheduler warm-up (not measured), offered " + this.rate + "/s for " + warmupSeconds + " s",
						ids.subList(0, warmup), warmupStart);
			}
			List<String> measuredIds = ids.subList(warmup, count);
			long begin = System.nanoTime();
			Instant windowStart = scheduleWindow(scheduler, breach, measuredIds, step);
			report.line("db-scheduler: scheduled %d executions in %.1f s; window starts %s after that", measured,
					(System.nanoTime() - begin) / 1e9, Duration.between(Instant.now(), windowStart));
			report.line("load average before the db-scheduler window: %s", MachineReadings.loadAverage());
			events.awaitBreaches(measuredIds, Duration.ofSeconds(Math.max(120, measured / 100)));
			report.line("load average after: %s", MachineReadings.loadAverage());
			events.summarise(report, "db-scheduler, offered " + this.rate + "/s for " + this.seconds + " s",
					measuredIds, windowStart);
			scheduler.stop();
		}
		pool.dispose();
	}

	/**
	 * Schedules one execution per id, {@code step} apart, in a window far enough ahead
	 * that scheduling them all finishes first.
	 * @return the window's start
	 */
	private static Instant scheduleWindow(Scheduler scheduler, OneTimeTask<Void> breach, List<String> ids, long step) {
		// assume at least 2,000 schedules per second into H2, plus a margin
		Instant windowStart = Instant.now().plusSeconds(10 + ids.size() / 2000);
		for (int i = 0; i < ids.size(); i++) {
			scheduler.schedule(breach.instance(ids.get(i)), windowStart.plusNanos(i * step));
		}
		return windowStart;
	}

	private static void createTable(JdbcConnectionPool pool) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create table scheduled_tasks (
					  task_name varchar(100) not null,
					  task_instance varchar(100) not null,
					  task_data blob,
					  execution_time timestamp(6) with time zone not null,
					  picked boolean not null,
					  picked_by varchar(50),
					  last_success timestamp(6) with time zone,
					  last_failure timestamp(6) with time zone,
					  consecutive_failures int,
					  last_heartbeat timestamp(6) with time zone,
					  version bigint not null,
					  priority smallint,
					  primary key (task_name, task_instance))""");
			statement.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
			statement.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
			statement.execute(
					"create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
		}
	}

	private static void deleteStore() throws IOException {
		if (!Files.exists(STORE)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(STORE)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
