package uk.co.healthwatchportsmouth.charter.intake.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.co.healthwatchportsmouth.charter.intake.IntakeApplication;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.MachineReadings;

/**
 * A load harness, not a test (so {@code ./mvnw verify} never runs it): starts the
 * embedded Kafka broker and Mongo wire server on free ports and intake-service on a
 * random port, all in this JVM, then POSTs contacts open-loop at a fixed rate and reports
 * throughput, latency percentiles, the time until every event was published, and RSS.
 *
 * <p>
 * Arguments: {@code rate} contacts per second (default 1000), {@code seconds} (default
 * 30), {@code warmupSeconds} (default 10). See docs/benchmarks.md for the command.
 */
public final class IntakeLoadBenchmark {

	private static final String DATABASE = "intake-benchmark";

	private IntakeLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rate = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int warmup = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		// further arguments are service settings to try, e.g. --charter.outbox.lanes=8
		List<String> settings = (args.length > 3) ? List.of(args).subList(3, args.length) : List.of();
		System.out.printf("settings: %s%nload average at the start: %s%n", settings, MachineReadings.loadAverage());
		Map<String, Supplier<Object>> infrastructure = new HashMap<>();
		EmbeddedInfrastructure.register(infrastructure::put, DATABASE);
		String mongoUri = infrastructure.get("spring.mongodb.uri").get().toString();
		String brokers = infrastructure.get("spring.cloud.stream.kafka.binder.brokers").get().toString();
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IntakeApplication.class)
			.run(LocalUsers.withLocalUsers(Stream
				.concat(Stream.of("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
						"--spring.cloud.stream.kafka.binder.brokers=" + brokers,
						"--spring.kafka.bootstrap-servers=" + brokers,
						"--logging.level.uk.co.healthwatchportsmouth=WARN"), settings.stream())
				.toArray(String[]::new)));
				MongoClient mongo = MongoClients.create(mongoUri);
				HttpClient http = HttpClient.newBuilder()
					.executor(Executors.newVirtualThreadPerTaskExecutor())
					.build()) {
			URI contacts = URI.create("http://127.0.0.1:"
					+ service.getEnvironment().getRequiredProperty("local.server.port") + "/contacts");
			// one request first: the first HTTP Basic sign-in of a service computes
			// Spring
			// Security's bcrypt dummy for unknown users (timing-attack protection), and
			// hundreds of first requests at once would all compute it
			HttpResponse<Void> first = http.send(request(contacts, -1), HttpResponse.BodyHandlers.discarding());
			System.out.printf("first request: %d%n", first.statusCode());
			// the warm-up climbs from a tenth of the rate to the rate: a cold service
			// offered the full rate at once queues thousands of requests, each on a
			// connection of its own, until the process runs out of file descriptors
			System.out.printf("warm-up: %d s rising from %d/s to %d/s%n", warmup, rate / 10, rate);
			Result warm = run(http, contacts, rate / 10.0, rate, warmup);
			System.out.printf("warm-up: 201: %d, other: %d, errors: %d%n", warm.created(), warm.otherStatus(),
					warm.errors());
			awaitPublished(mongo, Duration.ofSeconds(120));
			System.out.printf("measured: %d s at %d/s%n", seconds, rate);
			long start = System.nanoTime();
			Result result = run(http, contacts, rate, rate, seconds);
			long accepted = System.nanoTime();
			long publishedAfterMs = awaitPublished(mongo, Duration.ofSeconds(300));
			double sendSeconds = (accepted - start) / 1e9;
			double allPublishedSeconds = (accepted - start) / 1e9 + publishedAfterMs / 1000.0;
			long[] latencies = result.latenciesMicros();
			Arrays.sort(latencies);
			System.out.println("---- intake-service load benchmark ----");
			System.out.printf("requests: %d, 201: %d, other: %d, errors: %d%n", latencies.length, result.created(),
					result.otherStatus(), result.errors());
			System.out.printf("accepted throughput: %.0f contacts/s over %.1f s%n", result.created() / sendSeconds,
					sendSeconds);
			System.out.printf("stored and published: %.0f contacts/s (outbox empty %d ms after the last 201)%n",
					result.created() / allPublishedSeconds, publishedAfterMs);
			System.out.printf("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
					percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
					percentile(latencies, 99.9), latencies[latencies.length - 1] / 1000.0);
			System.out.printf("load average at the end: %s%n", MachineReadings.loadAverage());
			System.out.printf("RSS of this JVM (service + embedded Kafka + Mongo wire server): %s%n",
					MachineReadings.rss());
			System.out.printf("stored contacts: %d%n",
					mongo.getDatabase(DATABASE).getCollection("contacts").countDocuments());
		}
		System.exit(0);
	}

	private record Result(long[] latenciesMicros, int created, int otherStatus, int errors) {
	}

	/**
	 * Sends requests for {@code seconds} at a rate rising evenly from {@code fromRate} to
	 * {@code toRate} a second, on schedule whatever the latency.
	 */
	private static Result run(HttpClient http, URI contacts, double fromRate, double toRate, int seconds)
			throws InterruptedException {
		int total = (int) Math.round((fromRate + toRate) / 2 * seconds);
		long[] latencies = new long[total];
		AtomicInteger created = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		long start = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long due = start + dueAfterNanos(i, fromRate, toRate, seconds);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				int n = i;
				clients.execute(() -> {
					// latency counts from when the request was due, so a stalled server
					// cannot hide its queueing (no coordinated omission)
					try {
						HttpResponse<Void> response = http.send(request(contacts, n),
								HttpResponse.BodyHandlers.discarding());
						(response.statusCode() == 201 ? created : other).incrementAndGet();
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					finally {
						latencies[n] = (System.nanoTime() - due) / 1000;
						done.countDown();
					}
				});
			}
			done.await();
		}
		return new Result(latencies, created.get(), other.get(), errors.get());
	}

	/**
	 * When the n-th request is due: the time at which the requests sent so far, at a rate
	 * rising evenly, add up to n.
	 */
	private static long dueAfterNanos(int n, double fromRate, double toRate, int seconds) {
		double slope = (toRate - fromRate) / seconds;
		double at = (slope == 0) ? n / fromRate : (-fromRate + Math.sqrt(fromRate * fromRate + 2 * slope * n)) / slope;
		return (long) (at * 1e9);
	}

	private static HttpRequest request(URI contacts, int n) {
		String body = """
				{"channel":"EMAIL","subject":"Load test %d","customer":{"name":"Load Tester","email":"load%d@example.org",
				"type":"PUBLIC","needs":{"largePrintFontSize":18}},"assigneeId":"jo"}"""
			.formatted(n, n);
		return LocalUsers.JO.signIn(HttpRequest.newBuilder(contacts))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Waits until no contact has an unpublished event; answers how long that took. */
	private static long awaitPublished(MongoClient mongo, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (mongo.getDatabase(DATABASE).getCollection("contacts").countDocuments(Filters.exists("outbox.0")) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Events still unpublished after " + timeout);
			}
			Thread.sleep(20);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static double percentile(long[] sortedMicros, double percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
		return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
	}

}
