package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.co.healthwatchportsmouth.charter.embedded.mongo.JournaledBackend;

/**
 * The Mongo wire server (mongo-java-server) with the documents in memory and every change
 * journaled in an H2 file, so the services' data survives a restart. Real MongoDB cannot
 * be installed here; production uses it (docker-compose.yml).
 */
final class MongoWireServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

	private final Path file;

	private final int port;

	private MVStore store;

	private MongoServer server;

	MongoWireServer(Path dataDirectory, int port) {
		this.file = dataDirectory.resolve("mongo").resolve("charter.mv");
		this.port = port;
	}

	void start() throws IOException {
		Files.createDirectories(this.file.getParent());
		this.store = JournaledBackend.openStore(this.file);
		this.server = new MongoServer(new JournaledBackend(this.store));
		this.server.bind("127.0.0.1", this.port);
		log.info("Mongo wire server ready on 127.0.0.1:{} (data in {})", this.port, this.file);
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.shutdown();
		}
		if (this.store != null && !this.store.isClosed()) {
			this.store.close();
		}
	}

}
