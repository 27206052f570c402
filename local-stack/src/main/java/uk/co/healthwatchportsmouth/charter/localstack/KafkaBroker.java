package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * run as a child process from the Kafka jars on this module's class path. Its log
 * directory persists under the data directory, so topics and consumer offsets survive a
 * restart of the stack.
 */
final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private Process process;

	KafkaBroker(Path dataDirectory, int port, int controllerPort) {
		this.directory = dataDirectory.resolve("kafka");
		this.port = port;
		this.controllerPort = controllerPort;
	}

	void start(Path logFile) throws IOException, InterruptedException {
		Files.createDirectories(this.directory);
		Path config = writeConfig();
		if (!Files.exists(this.directory.resolve("logs").resolve("meta.properties"))) {
			run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
					config.toString(), "--ignore-formatted"), logFile);
		}
		this.process = JavaProcess
			.builder(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"), "kafka.Kafka", List.of(config.toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		awaitReady(logFile);
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	private Path writeConfig() throws IOException {
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + this.controllerPort);
		config.put("listeners",
				"PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + this.port);
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("log.dirs", this.directory.resolve("logs").toString());
		config.put("num.partitions", "3");
		config.put("auto.create.topics.enable", "true");
		config.put("offsets.topic.replication.factor", "1");
		config.put("offsets.topic.num.partitions", "3");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		Path file = this.directory.resolve("server.properties");
		try (var out = Files.newBufferedWriter(file)) {
			config.store(out, "Local stack broker: single node, KRaft");
		}
		return file;
	}

	private static void run(List<String> mainAndArgs, Path logFile) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(mainAndArgs.subList(1, mainAndArgs.size()));
		Process format = JavaProcess.builder(List.of("-Xmx256m"), mainAndArgs.get(0), args)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
			throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
		}
	}

	private void awaitReady(Path logFile) throws InterruptedException {
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + this.port);
		admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
		admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Kafka exited during start-up; see " + logFile);
			}
			try (Admin client = Admin.create(admin)) {
				client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
				log.info("Kafka broker ready on 127.0.0.1:{}", this.port);
				return;
			}
			catch (Exception ex) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("Kafka did not become ready within 60 s; see " + logFile);
	}

	@Override
	public void close() {
		JavaProcess.stop(this.process, Duration.ofSeconds(20));
	}

}
