package uk.co.healthwatchportsmouth.charter.sla.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import uk.co.healthwatchportsmouth.charter.embedded.mongo.JournaledBackend;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.MachineReadings;

/**
 * The embedded Kafka broker and Mongo wire server in a JVM of their own, as
 * {@code ./run-local.sh} runs them beside the services: the harness's service then has a
 * heap of its own, and the wire server's copy of every clock is collected by another
 * JVM's garbage collector. The child prints where it listens and runs until its standard
 * input closes (the harness stops it, or dies).
 */
final class InfrastructureProcess implements AutoCloseable {

	private static final String READY = "infrastructure ready: ";

	// what the wire server's journal logs when it compacts
	private static final String COMPACTED = "Journal compacted";

	private final Process process;

	final String mongoUri;

	final String brokers;

	private InfrastructureProcess(Process process, String mongoUri, String brokers) {
		this.process = process;
		this.mongoUri = mongoUri;
		this.brokers = brokers;
	}

	/**
	 * Starts the child with this JVM's Java and class path.
	 * @param jvmOptions the child's JVM options, separated by spaces
	 */
	static InfrastructureProcess start(String jvmOptions, String database, Path storeFile) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String option : jvmOptions.trim().split("\\s+")) {
			if (!option.isEmpty()) {
				command.add(option);
			}
		}
		command.addAll(
				List.of("-cp", System.getProperty("java.class.path"), InfrastructureProcess.class.getName(), database));
		if (storeFile != null) {
			command.add(storeFile.toString());
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith(READY)) {
				String[] addresses = line.substring(READY.length()).split(" ");
				// the rest of its output (broker logs) is drained, so the child never
				// blocks on a full pipe; the wire server's journal compactions are
				// reported
				Thread.ofPlatform().daemon().name("infrastructure-output").start(() -> drain(output));
				return new InfrastructureProcess(process, addresses[0], addresses[1]);
			}
		}
		throw new IllegalStateException("the infrastructure process ended before it was ready (exit "
				+ process.onExit().join().exitValue() + ")");
	}

	private static void drain(BufferedReader output) {
		try {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.contains(COMPACTED)) {
					System.out.println(">> wire server: " + line.substring(line.indexOf(COMPACTED)));
				}
			}
		}
		catch (IOException ex) {
			// the child has gone
		}
	}

	String rss() {
		return MachineReadings.rss(this.process.toHandle());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Arguments: the database name and, for the wire server's H2 file store (as
	 * {@code ./run-local.sh} runs it), the store's file; without it the in-memory store
	 * of the tests.
	 */
	public static void main(String[] args) throws IOException {
		String brokers = EmbeddedInfrastructure.kafkaBrokers();
		String mongoUri = (args.length > 1) ? fileBackedMongoUri(Path.of(args[1]), args[0])
				: EmbeddedInfrastructure.mongoUri(args[0]);
		System.out.println(READY + mongoUri + " " + brokers);
		System.out.flush();
		while (System.in.read() != -1) {
			// runs until the harness closes its end
		}
		System.exit(0);
	}

	/**
	 * The wire server on a store file, as local-stack's wire server runs it; with
	 * {@code -Dbench.journal-entries-per-document=N} among this JVM's options, its
	 * journal is compacted once it holds N entries per document instead of 4 (1:
	 * compacting again as soon as a compaction ends, to measure what compactions cost).
	 */
	private static String fileBackedMongoUri(Path file, String database) {
		MVStore store = JournaledBackend.openStore(file);
		Integer entriesPerDocument = Integer.getInteger("bench.journal-entries-per-document");
		JournaledBackend backend = (entriesPerDocument != null)
				? new JournaledBackend(store, JournaledBackend.MINIMUM_ENTRIES_TO_COMPACT, entriesPerDocument)
				: new JournaledBackend(store);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
	}

}
