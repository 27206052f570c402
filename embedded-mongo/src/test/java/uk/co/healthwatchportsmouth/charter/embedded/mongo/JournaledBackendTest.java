package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JournaledBackendTest {

	@TempDir
	Path files;

	@Test
	void documentsAndIndexesComeBackAfterACompactionAndARestart() {
		String file = file("compacted");
		List<Document> expected;
		try (Running running = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = running.clocks();
			clocks.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
			clocks.insertMany(IntStream.range(0, 300).mapToObj(JournaledBackendTest::clock).toList());
			clocks.updateMany(Filters.in("_id", ids(0, 50)), Updates.set("state", "BREACHED"));
			clocks.deleteMany(Filters.in("_id", ids(50, 80)));
			running.backend.compact();
			clocks.updateOne(Filters.eq("_id", "clock-100"), Updates.push("outbox", "e1"));
			clocks.deleteOne(Filters.eq("_id", "clock-101"));
			clocks.insertOne(clock(300));
			expected = all(clocks);
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = reopened.clocks();

			assertThat(all(clocks)).hasSize(300 - 30 - 1 + 1).isEqualTo(expected);
			assertThat(clocks.find(Filters.eq("_id", "clock-7")).first().getString("state")).isEqualTo("BREACHED");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> clocks.insertOne(new Document("_id", "other").append("ref", "ref-9")));
			assertThat(reopened.indexNames()).containsExactlyInAnyOrder("_id_", "ref_1");
		}
	}

	@Test
	void aCompactionReplacesTheOlderEntriesByTheLiveDocuments() {
		String file = file("smaller");
		try (Running running = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = running.clocks();
			clocks.insertMany(IntStream.range(0, 20).mapToObj(JournaledBackendTest::clock).toList());
			for (int change = 0; change < 200; change++) {
				clocks.updateOne(Filters.eq("_id", "clock-" + (change % 20)), Updates.inc("version", 1));
			}
			assertThat(entries(running.store)).isGreaterThan(220);

			running.backend.compact();

			// the clocks, the collection's name and its _id index
			assertThat(entries(running.store)).isEqualTo(22);
			assertThat(clocks.find(Filters.eq("_id", "clock-3")).first().getInteger("version")).isEqualTo(13);
		}
	}

	@Test
	void changesMadeWhileACompactionRunsComeBackAsTheyWereLeft() throws Exception {
		String file = file("busy");
		List<Document> expected;
		try (Running running = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = running.clocks();
			clocks.insertMany(IntStream.range(0, 5_000).mapToObj(JournaledBackendTest::clock).toList());
			Thread changes = Thread.ofPlatform().start(() -> {
				for (int change = 0; change < 3_000; change++) {
					String id = "clock-" + ((change * 7919) % 5_000);
					if (change % 10 == 0) {
						clocks.deleteOne(Filters.eq("_id", id));
						clocks.insertOne(clock(5_000 + change));
					}
					else if (change % 3 == 0) {
						clocks.updateOne(Filters.eq("_id", id), Updates.inc("version", 1));
					}
					else {
						// changes made in place: journaled as the fields they changed
						clocks.updateOne(Filters.eq("_id", id),
								Updates.combine(Updates.set("state", "BREACHED"), Updates.set("step", change),
										Updates.push("outbox", new Document("eventId", "e" + change))));
						clocks.updateOne(Filters.eq("_id", id), new Document("$pull", new Document("outbox",
								new Document("eventId", new Document("$in", List.of("e" + (change - 1)))))));
					}
				}
			});
			// compactions one after another for as long as the changes go on
			int compactions = 0;
			while (changes.isAlive() || compactions < 2) {
				running.backend.compact();
				compactions++;
			}
			changes.join();
			expected = all(clocks);
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			List<Document> found = all(reopened.clocks());
			assertThat(found).isEqualTo(expected);
			assertThat(found.stream().map((document) -> List.copyOf(document.keySet()))).as("field order")
				.containsExactlyElementsOf(
						expected.stream().map((document) -> List.copyOf(document.keySet())).toList());
		}
	}

	@Test
	void fieldsChangedInPlaceComeBackWithTheirOrderAndRemovals() {
		String file = file("fields");
		try (Running running = Running.journaled(MVStore.open(file))) {
			running.clocks()
				.insertOne(new Document("_id", "clock-1").append("state", "RUNNING")
					.append("reminderAt", "09:00")
					.append("version", 1));
			running.clocks()
				.updateOne(Filters.eq("_id", "clock-1"), Updates.combine(Updates.set("state", "BREACHED"),
						Updates.unset("reminderAt"), Updates.push("outbox", "e1"), Updates.set("breachedAt", "17:00")));
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			Document clock = reopened.clocks().find().first();
			assertThat(clock).isEqualTo(new Document("_id", "clock-1").append("state", "BREACHED")
				.append("version", 1)
				.append("breachedAt", "17:00")
				.append("outbox", List.of("e1")));
			assertThat(List.copyOf(clock.keySet())).containsExactly("_id", "state", "version", "breachedAt", "outbox");
		}
	}

	@Test
	void aCompactionIsDueOnceTheJournalHoldsSeveralEntriesPerDocument() {
		String file = file("due");
		try (Running running = new Running(MVStore.open(file), 50, 3)) {
			MongoCollection<Document> clocks = running.clocks();
			clocks.insertMany(IntStream.range(0, 20).mapToObj(JournaledBackendTest::clock).toList());
			for (int change = 0; change < 40; change++) {
				clocks.updateOne(Filters.eq("_id", "clock-1"), Updates.inc("version", 1));
			}
			running.backend.compactIfDue();
			assertThat(entries(running.store)).as("62 entries: not yet over three for each of the 22 documents")
				.isEqualTo(62);

			for (int change = 0; change < 20; change++) {
				clocks.updateOne(Filters.eq("_id", "clock-1"), Updates.inc("version", 1));
			}
			running.backend.compactIfDue();
			assertThat(entries(running.store)).isEqualTo(22);
		}
	}

	@Test
	void aCompactionCutShortByACrashLosesNothing() {
		String file = file("crashed");
		MVStore store = MVStore.open(file);
		Journal journal = journalOfClocks(store);
		for (String id : List.of("clock-1", "clock-2", "clock-3", "clock-4")) {
			journal.append(JournalEntry.put("charter.clocks", id, wireDocument(id, "RUNNING")));
		}
		// a compaction that ended: before it wrote clock-2, a request changed clock-2 in
		// place and removed clock-4
		long compacted = journal.startGeneration();
		journal.append(JournalEntry.fields("charter.clocks", "clock-2", wireDocument("clock-2", "MET"),
				java.util.Set.of("state")));
		journal.append(JournalEntry.put("charter.system.namespaces", "n", namespace("charter.clocks")));
		journal.append(JournalEntry.put("charter.clocks", "clock-1", wireDocument("clock-1", "RUNNING")));
		journal.append(JournalEntry.remove("charter.clocks", "clock-4"));
		journal.append(JournalEntry.put("charter.clocks", "clock-2", wireDocument("clock-2", "MET")));
		journal.append(JournalEntry.put("charter.clocks", "clock-3", wireDocument("clock-3", "RUNNING")));
		journal.makeBase(compacted);
		// the next compaction wrote one clock, a request changed another, then the
		// process died
		journal.startGeneration();
		journal.append(JournalEntry.put("charter.system.namespaces", "n", namespace("charter.clocks")));
		journal.append(JournalEntry.put("charter.clocks", "clock-1", wireDocument("clock-1", "RUNNING")));
		journal.append(JournalEntry.put("charter.clocks", "clock-3", wireDocument("clock-3", "MET")));
		store.commit();
		store.closeImmediately();

		try (Running reopened = Running.journaled(MVStore.open(file))) {
			assertThat(all(reopened.clocks())).containsExactly(
					new Document("_id", "clock-1").append("state", "RUNNING"),
					new Document("_id", "clock-2").append("state", "MET"),
					new Document("_id", "clock-3").append("state", "MET"));
		}
	}

	@Test
	void documentsOfACollectionNoDatabaseListsDoNotComeBackInALaterOneOfTheSameName() {
		String file = file("unlisted");
		MVStore store = MVStore.open(file);
		Journal journal = journalOfClocks(store);
		journal.append(JournalEntry.put("charter.clocks", "clock-1", wireDocument("clock-1", "RUNNING")));
		// as a write racing the collection's drop left it
		journal.append(JournalEntry.drop("charter.drafts"));
		journal.append(JournalEntry.put("charter.drafts", "draft-1", wireDocument("draft-1", "RUNNING")));
		store.close();

		try (Running reopened = Running.journaled(MVStore.open(file))) {
			reopened.database().getCollection("drafts").insertOne(new Document("_id", "draft-2"));
			assertThat(reopened.database().getCollection("drafts").countDocuments()).isEqualTo(1);
			assertThat(reopened.clocks().countDocuments()).isEqualTo(1);
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			assertThat(all(reopened.database().getCollection("drafts")))
				.containsExactly(new Document("_id", "draft-2"));
		}
	}

	@Test
	void whatWasCommittedBeforeTheProcessDiedIsThereAtTheNextStart() {
		String file = file("killed");
		MVStore store = MVStore.open(file);
		Running running = Running.journaled(store);
		running.clocks().insertMany(IntStream.range(0, 10).mapToObj(JournaledBackendTest::clock).toList());
		running.clocks().updateOne(Filters.eq("_id", "clock-4"), Updates.set("state", "MET"));
		running.clocks().deleteOne(Filters.eq("_id", "clock-5"));
		// the store commits every 100 ms in the local stack; a kill loses what came after
		store.commit();
		store.closeImmediately();
		running.client.close();
		running.server.shutdownNow();

		try (Running reopened = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = reopened.clocks();
			assertThat(clocks.countDocuments()).isEqualTo(9);
			assertThat(clocks.find(Filters.eq("_id", "clock-4")).first().getString("state")).isEqualTo("MET");
			assertThat(clocks.find(Filters.eq("_id", "clock-5")).first()).isNull();
		}
	}

	@Test
	void droppedAndRenamedCollectionsStayAsTheyWereLeft() {
		String file = file("renamed");
		try (Running running = Running.journaled(MVStore.open(file))) {
			running.clocks().insertMany(IntStream.range(0, 5).mapToObj(JournaledBackendTest::clock).toList());
			running.database().getCollection("drafts").insertOne(clock(0));
			running.database().getCollection("drafts").drop();
			running.clocks().renameCollection(new MongoNamespace("charter", "deadlines"));
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			assertThat(reopened.database().listCollectionNames().into(new ArrayList<>())).containsExactly("deadlines");
			assertThat(reopened.database().getCollection("deadlines").countDocuments()).isEqualTo(5);
		}
	}

	@Test
	void aFileOfTheWireServersH2BackendIsReadIntoTheJournalOnce() {
		String file = file("earlier");
		try (Running plain = new Running(new H2Backend(MVStore.open(file)))) {
			plain.clocks().createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
			plain.clocks().insertMany(IntStream.range(0, 30).mapToObj(JournaledBackendTest::clock).toList());
		}
		// some documents as BSON, as the store's own BSON value type wrote them
		MVStore earlier = MVStore.open(file);
		MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = earlier.openMap("databases.charter.clocks",
				new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
		documents.put("clock-3", documents.get("clock-3"));
		earlier.close();

		try (Running migrated = Running.journaled(MVStore.open(file))) {
			MongoCollection<Document> clocks = migrated.clocks();
			assertThat(clocks.countDocuments()).isEqualTo(30);
			assertThat(clocks.find(Filters.eq("_id", "clock-3")).first()).isEqualTo(clock(3));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> clocks.insertOne(new Document("_id", "other").append("ref", "ref-9")));
			clocks.updateOne(Filters.eq("_id", "clock-6"), Updates.set("state", "MET"));
			assertThat(migrated.store.getMapNames()).allMatch((name) -> name.startsWith("journal-"));
		}
		try (Running reopened = Running.journaled(MVStore.open(file))) {
			assertThat(reopened.clocks().countDocuments()).isEqualTo(30);
			assertThat(reopened.clocks().find(Filters.eq("_id", "clock-6")).first().getString("state"))
				.isEqualTo("MET");
		}
	}

	/** A journal on a new store, listing the clocks collection. */
	private static Journal journalOfClocks(MVStore store) {
		Journal journal = new Journal(store);
		journal.replay((entry) -> {
		});
		journal.append(JournalEntry.put("charter.system.namespaces", "n", namespace("charter.clocks")));
		return journal;
	}

	private static long entries(MVStore store) {
		return store.getMapNames()
			.stream()
			.filter((name) -> name.startsWith("journal-") && !name.equals("journal-meta"))
			.mapToLong((name) -> store.openMap(name).sizeAsLong())
			.sum();
	}

	private String file(String name) {
		return this.files.resolve(name + ".mv").toString();
	}

	private static Document clock(int number) {
		return new Document("_id", "clock-" + number).append("state", "RUNNING")
			.append("ref", "ref-" + number)
			.append("version", number);
	}

	private static de.bwaldvogel.mongo.bson.Document wireDocument(String id, String state) {
		de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", id);
		document.put("state", state);
		return document;
	}

	private static de.bwaldvogel.mongo.bson.Document namespace(String name) {
		return new de.bwaldvogel.mongo.bson.Document("name", name);
	}

	private static List<String> ids(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "clock-" + i).toList();
	}

	private static List<Document> all(MongoCollection<Document> collection) {
		return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}

	private static final class Running implements AutoCloseable {

		final MVStore store;

		final JournaledBackend backend;

		final MongoServer server;

		final MongoClient client;

		static Running journaled(MVStore store) {
			return new Running(store, new JournaledBackend(store));
		}

		Running(MVStore store, long minimumEntriesToCompact, int entriesPerDocumentToCompact) {
			this(store, new JournaledBackend(store, minimumEntriesToCompact, entriesPerDocumentToCompact));
		}

		private Running(MVStore store, JournaledBackend backend) {
			this.backend = backend;
			this.store = store;
			this.server = new MongoServer(backend);
			InetSocketAddress address = this.server.bind();
			this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		}

		Running(de.bwaldvogel.mongo.MongoBackend plain) {
			this.backend = null;
			this.store = null;
			this.server = new MongoServer(plain);
			InetSocketAddress address = this.server.bind();
			this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		}

		com.mongodb.client.MongoDatabase database() {
			return this.client.getDatabase("charter");
		}

		MongoCollection<Document> clocks() {
			return database().getCollection("clocks");
		}

		List<String> indexNames() {
			return clocks().listIndexes().map((index) -> index.getString("name")).into(new ArrayList<>());
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
		}

	}

}
