package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on embedded infrastructure: Kafka, the Mongo wire server, an SMTP
 * server and the four services. {@code ./run-local.sh} runs {@link #main}; the end-to-end
 * tests start it on free ports.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(150);

	private final Path repository;

	private final Path dataDirectory;

	private final StackPorts ports;

	private final KafkaBroker kafka;

	private final MongoWireServer mongo;

	private final MailCatcher mail;

	private final Map<ServiceName, ServiceProcess> services = new EnumMap<>(ServiceName.class);

	private LocalStack(Path repository, Path dataDirectory, StackPorts ports) {
		this.repository = repository;
		this.dataDirectory = dataDirectory;
		this.ports = ports;
		this.kafka = new KafkaBroker(dataDirectory, ports.kafka(), ports.kafkaController());
		this.mongo = new MongoWireServer(dataDirectory, ports.mongo());
		this.mail = new MailCatcher(ports.smtp(), ports.mailApi());
	}

	public static void main(String[] args) throws Exception {
		boolean infrastructureOnly = List.of(args).contains("--infra-only");
		Path repository = findRepository();
		Path data = repository.resolve(".local-data");
		long started = System.nanoTime();
		LocalStack stack = new LocalStack(repository, data, StackPorts.defaults());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping the local stack...");
			stack.close();
			stopped.countDown();
		}, "local-stack-shutdown"));
		try {
			stack.startInfrastructure();
			if (!infrastructureOnly) {
				stack.startServices(List.of(ServiceName.values()));
			}
		}
		catch (RuntimeException ex) {
			log.error("The local stack could not start: {}", ex.getMessage());
			System.exit(1);
		}
		System.out.println(stack.describe(infrastructureOnly, Duration.ofNanos(System.nanoTime() - started)));
		stopped.await();
	}

	/**
	 * Starts Kafka, Mongo and mail on the given ports with data in the given directory.
	 */
	public static LocalStack startInfrastructure(Path repository, Path dataDirectory, StackPorts ports) {
		LocalStack stack = new LocalStack(repository, dataDirectory, ports);
		try {
			stack.startInfrastructure();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startInfrastructure() {
		try {
			Files.createDirectories(logDirectory());
			this.mongo.start();
			this.mail.start();
			this.kafka.start(logDirectory().resolve("kafka.log"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the infrastructure: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting", ex);
		}
	}

	/** Starts the services together and waits until each is ready. */
	public void startServices(List<ServiceName> names) {
		List<ServiceProcess> starting = new ArrayList<>();
		try {
			for (ServiceName name : names) {
				ServiceProcess process = newProcess(name);
				process.start();
				this.services.put(name, process);
				starting.add(process);
			}
			for (ServiceProcess process : starting) {
				process.awaitReady(SERVICE_START_TIMEOUT);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a service: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting services", ex);
		}
	}

	/** Kills a service as {@code kill -9} would. */
	public void kill(ServiceName name) throws InterruptedException {
		ServiceProcess process = this.services.remove(name);
		if (process != null) {
			process.kill();
		}
	}

	/** Stops a service gracefully. */
	public void stop(ServiceName name) {
		ServiceProcess process = this.services.remove(name);
		if (process != null) {
			process.close();
		}
	}

	/**
	 * Stops the Kafka broker, as an outage would; its data stays for
	 * {@link #startKafka()}.
	 */
	public void stopKafka() {
		this.kafka.close();
	}

	/** Starts the Kafka broker again on the same port with the same data. */
	public void startKafka() {
		try {
			this.kafka.start(logDirectory().resolve("kafka.log"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not restart Kafka: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while restarting Kafka", ex);
		}
	}

	public URI uri(ServiceName name) {
		return URI.create("http://127.0.0.1:" + this.ports.of(name));
	}

	public String kafkaBootstrap() {
		return this.ports.kafkaBootstrap();
	}

	public MailCatcher mail() {
		return this.mail;
	}

	public StackPorts ports() {
		return this.ports;
	}

	private ServiceProcess newProcess(ServiceName name) throws IOException {
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", Integer.toString(this.ports.of(name)));
		environment.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + this.ports.mongo() + "/" + name.database());
		environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", this.ports.kafkaBootstrap());
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.ports.kafkaBootstrap());
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", Integer.toString(this.ports.smtp()));
		environment.put("CHARTER_NOTIFICATION_LINKS_INTAKE_BASE_URL", uri(ServiceName.INTAKE).toString());
		Path jar = this.repository.resolve(name.module()).resolve("target").resolve(name.module() + ".jar");
		return new ServiceProcess(name, jar, this.ports.of(name), environment,
				logDirectory().resolve(name.module() + ".log"));
	}

	private Path logDirectory() {
		return this.dataDirectory.resolve("logs");
	}

	String describe(boolean infrastructureOnly, Duration startup) {
		StringBuilder table = new StringBuilder();
		table.append("\nCharter SLA platform: local stack up in ")
			.append(startup.toSeconds())
			.append(" s (profile 'local', virtual clock; data in ")
			.append(this.repository.relativize(this.dataDirectory))
			.append(", logs in ")
			.append(this.repository.relativize(logDirectory()))
			.append(")\n\n");
		row(table, "COMPONENT", "ADDRESS", "SWAGGER UI", "METRICS");
		row(table, "Kafka broker (KRaft)", this.ports.kafkaBootstrap(), "", "");
		row(table, "Mongo wire server", "mongodb://127.0.0.1:" + this.ports.mongo(), "", "");
		row(table, "SMTP server", "127.0.0.1:" + this.ports.smtp(), "", "");
		row(table, "Received mail", "http://127.0.0.1:" + this.ports.mailApi() + "/messages", "", "");
		if (!infrastructureOnly) {
			for (ServiceName name : ServiceName.values()) {
				String base = uri(name).toString();
				row(table, name.module(), base, base + "/swagger-ui.html", base + "/actuator/prometheus");
			}
			row(table, "Virtual clock", uri(ServiceName.SLA) + "/admin/clock", "", "");
			table.append("\nSign in (HTTP Basic): jo/jo staff, sam/sam manager, ops/ops metrics and admin.\n");
		}
		table.append("\nPress Ctrl-C to stop everything.\n");
		return table.toString();
	}

	private static void row(StringBuilder table, String component, String address, String swagger, String metrics) {
		table.append(String.format("  %-22s %-38s %-44s %s%n", component, address, swagger, metrics));
	}

	private static Path findRepository() {
		Path candidate = Path.of("").toAbsolutePath();
		while (candidate != null) {
			if (Files.exists(candidate.resolve("local-stack").resolve("pom.xml"))) {
				return candidate;
			}
			candidate = candidate.getParent();
		}
		throw new IllegalStateException("Run from inside the repository (no local-stack/pom.xml found above "
				+ Path.of("").toAbsolutePath() + ")");
	}

	@Override
	public void close() {
		List<Thread> stopping = new ArrayList<>();
		for (ServiceProcess process : this.services.values()) {
			stopping.add(Thread.ofPlatform().start(process::close));
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.services.clear();
		this.kafka.close();
		this.mail.close();
		this.mongo.close();
	}

}
