package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running from its executable jar under the {@code local} profile, logging to
 * a file.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ServiceName service;

	private final Path jar;

	private final int port;

	private final Map<String, String> environment;

	private final Path logFile;

	private Process process;

	ServiceProcess(ServiceName service, Path jar, int port, Map<String, String> environment, Path logFile) {
		this.service = service;
		this.jar = jar;
		this.port = port;
		this.environment = environment;
		this.logFile = logFile;
	}

	void start() throws IOException {
		if (!Files.exists(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing: build first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>(
				List.of(JavaProcess.javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString(), "--spring.profiles.active=local"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
		this.environment.forEach(builder.environment()::putIfAbsent);
		this.process = builder.start();
	}

	/** Waits until the service reports itself ready to take traffic. */
	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		URI readiness = URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness");
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.service.module() + " exited during start-up; see " + this.logFile);
			}
			try {
				HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					log.info("{} ready on http://127.0.0.1:{}", this.service.module(), this.port);
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				this.service.module() + " was not ready within " + timeout + "; see " + this.logFile);
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Kills the service at once, as {@code kill -9} would: no shutdown hooks, no
	 * flushing.
	 */
	void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly().waitFor();
		}
	}

	@Override
	public void close() {
		JavaProcess.stop(this.process, Duration.ofSeconds(15));
	}

}
