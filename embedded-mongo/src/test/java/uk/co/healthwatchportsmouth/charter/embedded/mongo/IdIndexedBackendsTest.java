package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdIndexedBackendsTest {

	@TempDir
	static Path files;

	static Stream<Arguments> backends() {
		return Stream.of(Arguments.of("memory", (Supplier<MongoBackend>) IdIndexedMemoryBackend::new),
				Arguments.of("journal file", (Supplier<MongoBackend>) () -> new JournaledBackend(
						MVStore.open(files.resolve("backend-" + System.nanoTime() + ".mv").toString()))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void aConditionalUpdateByIdAppliesOnlyWhileTheConditionHolds(String name, Supplier<MongoBackend> backend) {
		try (Running running = new Running(backend.get())) {
			MongoCollection<Document> clocks = running.clocks(100);
			var firstFiring = clocks.updateOne(
					Filters.and(Filters.eq("_id", "clock-8"), Filters.eq("state", "RUNNING")),
					Updates.set("state", "BREACHED"));
			var secondFiring = clocks.updateOne(
					Filters.and(Filters.eq("_id", "clock-8"), Filters.eq("state", "RUNNING")),
					Updates.set("state", "BREACHED_TWICE"));

			assertThat(firstFiring.getModifiedCount()).isEqualTo(1);
			assertThat(secondFiring.getMatchedCount()).isZero();
			assertThat(clocks.find(Filters.eq("_id", "clock-8")).first().getString("state")).isEqualTo("BREACHED");
			assertThat(clocks.countDocuments(Filters.eq("state", "BREACHED"))).isEqualTo(1);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void findAndModifyByIdAndVersionReturnsNothingForAStaleVersion(String name, Supplier<MongoBackend> backend) {
		try (Running running = new Running(backend.get())) {
			MongoCollection<Document> clocks = running.clocks(50);

			Document current = clocks.findOneAndUpdate(
					Filters.and(Filters.eq("_id", "clock-3"), Filters.eq("version", 3)), Updates.inc("version", 1));
			Document stale = clocks.findOneAndUpdate(
					Filters.and(Filters.eq("_id", "clock-3"), Filters.eq("version", 3)), Updates.inc("version", 1));

			assertThat(current).isNotNull();
			assertThat(stale).isNull();
			assertThat(clocks.find(Filters.eq("_id", "clock-3")).first().getInteger("version")).isEqualTo(4);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void aListOfIdsWithAConditionFindsTheMatchingOnesInTheRequestedOrder(String name, Supplier<MongoBackend> backend) {
		try (Running running = new Running(backend.get())) {
			MongoCollection<Document> clocks = running.clocks(100);

			List<String> ids = clocks
				.find(Filters.and(Filters.in("_id", "clock-10", "clock-11", "clock-12", "clock-13", "clock-99", "none"),
						Filters.eq("state", "RUNNING")))
				.sort(Sorts.descending("version"))
				.map((document) -> document.getString("_id"))
				.into(new ArrayList<>());

			// odd versions are paused
			assertThat(ids).containsExactly("clock-12", "clock-10");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void aListOfIdsAloneFindsExactlyThoseDocumentsAndUpdatesOnlyThem(String name, Supplier<MongoBackend> backend) {
		try (Running running = new Running(backend.get())) {
			MongoCollection<Document> clocks = running.clocks(100);
			List<String> wanted = new ArrayList<>();
			for (int i = 0; i < 100; i += 3) {
				wanted.add("clock-" + i);
			}
			wanted.add("none");

			List<String> found = clocks.find(Filters.in("_id", wanted))
				.projection(new Document("state", 1))
				.map((document) -> document.getString("_id"))
				.into(new ArrayList<>());
			long updated = clocks
				.updateMany(Filters.in("_id", wanted), new Document("$set", new Document("seen", true)))
				.getModifiedCount();

			assertThat(found).containsExactlyInAnyOrderElementsOf(wanted.subList(0, wanted.size() - 1));
			assertThat(updated).isEqualTo(34);
			assertThat(clocks.countDocuments(Filters.eq("seen", true))).isEqualTo(34);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void queriesWithoutAnIdStillScanTheCollection(String name, Supplier<MongoBackend> backend) {
		try (Running running = new Running(backend.get())) {
			MongoCollection<Document> clocks = running.clocks(100);

			assertThat(clocks.countDocuments(Filters.eq("state", "PAUSED"))).isEqualTo(50);
			assertThat(clocks.countDocuments(Filters.and(Filters.eq("_id", "clock-1"), Filters.eq("state", "PAUSED"))))
				.isEqualTo(1);
			assertThat(clocks.deleteMany(Filters.and(Filters.eq("_id", "clock-1"), Filters.eq("state", "RUNNING")))
				.getDeletedCount()).isZero();
		}
	}

	static Stream<Arguments> plainAndIndexed() {
		return Stream.of(
				Arguments.of("memory", (Supplier<MongoBackend>) MemoryBackend::new,
						(Supplier<MongoBackend>) IdIndexedMemoryBackend::new),
				Arguments.of("journal file", (Supplier<MongoBackend>) MemoryBackend::new,
						(Supplier<MongoBackend>) () -> new JournaledBackend(
								MVStore.open(files.resolve("indexed-" + System.nanoTime() + ".mv").toString()))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainAndIndexed")
	void uniqueIndexesRefuseAndFindWhatThePlainWireServerDoes(String name, Supplier<MongoBackend> plain,
			Supplier<MongoBackend> indexed) {
		List<Document> inserts = List.of(new Document("_id", 1), new Document("_id", 1L), new Document("_id", 1.0),
				new Document("_id", 2.5), new Document("_id", "clock-1"), new Document("_id", "clock-1"),
				new Document("_id", "clock-2").append("ref", "a"), new Document("_id", "clock-3").append("ref", "a"),
				new Document("_id", "clock-4").append("ref", "b"), new Document("_id", "clock-5"),
				new Document("_id", "clock-6"), new Document("_id", new Document("contact", "c-1").append("n", 1)),
				new Document("_id", new Document("contact", "c-1").append("n", 1)));
		List<Object> lookups = List.of(1, 1L, 1.0, 2.5, "clock-1", "clock-6", "none",
				new Document("contact", "c-1").append("n", 1));

		try (Running reference = new Running(plain.get()); Running tried = new Running(indexed.get())) {
			for (Running running : List.of(reference, tried)) {
				running.collection().createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
			}
			for (Document insert : inserts) {
				assertThat(inserted(tried.collection(), insert)).as("%s", insert)
					.isEqualTo(inserted(reference.collection(), insert));
			}
			for (Object id : lookups) {
				assertThat(tried.collection().find(Filters.eq("_id", id)).into(new ArrayList<>())).as("%s", id)
					.isEqualTo(reference.collection().find(Filters.eq("_id", id)).into(new ArrayList<>()));
			}
			assertThat(tried.collection().find(Filters.eq("ref", "a")).into(new ArrayList<>()))
				.isEqualTo(reference.collection().find(Filters.eq("ref", "a")).into(new ArrayList<>()));
		}
	}

	private static String inserted(MongoCollection<Document> collection, Document document) {
		try {
			collection.insertOne(new Document(document));
			return "inserted";
		}
		catch (MongoException ex) {
			return "refused: " + ex.getCode();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainAndIndexed")
	void pullingEntriesFromAnArrayByIdLeavesWhatThePlainWireServerLeaves(String name, Supplier<MongoBackend> plain,
			Supplier<MongoBackend> indexed) {
		List<Document> documents = List.of(
				new Document("_id", "doc-1").append("state", "BREACHED")
					.append("outbox",
							List.of(entry("e1"), entry("e2"), entry("e3"), new Document("eventId", 4),
									"not a document")),
				new Document("_id", "doc-2").append("state", "RUNNING"),
				new Document("_id", "doc-3").append("outbox", "not an array"),
				new Document("_id", "doc-4").append("outbox", List.of(entry("e1"))));
		List<Document[]> updates = List.of(pull("doc-1", "e1", "e3"), pull("doc-1", "e1", "e3"), pull("none", "e1"),
				pull("doc-2", "e1"), pull("doc-3", "e1"), pull("doc-4", "e9"),
				new Document[] { new Document("_id", "doc-1"),
						new Document("$pull",
								new Document("outbox", new Document("eventId", new Document("$in", List.of(4))))) },
				new Document[] { new Document("_id", "doc-4").append("state", "RUNNING"),
						new Document("$pull",
								new Document("outbox", new Document("eventId", new Document("$in", List.of("e1"))))) },
				pull("doc-4", "e1"));

		try (Running reference = new Running(plain.get()); Running tried = new Running(indexed.get())) {
			reference.collection().insertMany(documents.stream().map(Document::new).toList());
			tried.collection().insertMany(documents.stream().map(Document::new).toList());
			for (Document[] update : updates) {
				assertThat(outcome(tried.collection(), update)).as("%s", (Object) update)
					.isEqualTo(outcome(reference.collection(), update));
			}

			assertThat(tried.collection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
				.isEqualTo(reference.collection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
			assertThat(tried.size()).as("collStats size").isEqualTo(reference.size());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainAndIndexed")
	void pullingEntriesFromSeveralDocumentsAtOnceLeavesWhatThePlainWireServerLeaves(String name,
			Supplier<MongoBackend> plain, Supplier<MongoBackend> indexed) {
		List<Document> documents = List.of(
				new Document("_id", "doc-1").append("outbox", List.of(entry("e1"), entry("e2"), entry("e3"))),
				new Document("_id", "doc-2").append("outbox", List.of(entry("e4"))),
				new Document("_id", "doc-3").append("outbox", List.of(entry("e5"), entry("e6"))),
				new Document("_id", "doc-4").append("outbox", "not an array"), new Document("_id", "doc-5"));
		Document pullEvents = new Document("$pull",
				new Document("outbox", new Document("eventId", new Document("$in", List.of("e1", "e3", "e4", "e6")))));
		List<Document[]> updates = List.of(
				new Document[] { new Document("_id", new Document("$in", List.of("doc-1", "doc-2", "none"))),
						pullEvents },
				new Document[] { new Document("_id", new Document("$in", List.of("doc-1", "doc-2"))), pullEvents },
				new Document[] { new Document("_id", new Document("$in", List.of("doc-3", "doc-5"))), pullEvents },
				new Document[] { new Document("_id", new Document("$in", List.of("doc-3", "doc-4"))), pullEvents },
				new Document[] { new Document("_id", new Document("$in", List.of("doc-1", 7))), pullEvents });

		try (Running reference = new Running(plain.get()); Running tried = new Running(indexed.get())) {
			reference.collection().insertMany(documents.stream().map(Document::new).toList());
			tried.collection().insertMany(documents.stream().map(Document::new).toList());
			for (Document[] update : updates) {
				assertThat(outcomeOfMany(tried.collection(), update)).as("%s", (Object) update)
					.isEqualTo(outcomeOfMany(reference.collection(), update));
			}
			// an update of one document with a list of ids changes only the first match
			Document[] one = { new Document("_id", new Document("$in", List.of("doc-3", "doc-1"))), new Document(
					"$pull",
					new Document("outbox", new Document("eventId", new Document("$in", List.of("e2", "e5"))))) };
			assertThat(outcome(tried.collection(), one)).isEqualTo(outcome(reference.collection(), one));

			assertThat(tried.collection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
				.isEqualTo(reference.collection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
			assertThat(tried.size()).as("collStats size").isEqualTo(reference.size());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainAndIndexed")
	void conditionalUpdatesOfTopLevelFieldsLeaveWhatThePlainWireServerLeaves(String name, Supplier<MongoBackend> plain,
			Supplier<MongoBackend> indexed) {
		java.util.Date due = new java.util.Date(1_800_000_000_000L);
		List<Document> documents = List.of(
				new Document("_id", "clock-1").append("state", "RUNNING")
					.append("dueAt", due)
					.append("remindersSent", 0)
					.append("reminderAt", due)
					.append("outbox", List.of(entry("e0"))),
				new Document("_id", "clock-2").append("state", "PAUSED").append("count", 1).append("outbox", "text"),
				new Document("_id", "clock-3").append("state", "RUNNING").append("fence", 7L).append("note", null));
		Document firing = new Document("$set",
				new Document("state", "BREACHED").append("remindersSent", 1)
					.append("breachedAt", due)
					.append("fence", 8L))
			.append("$unset", new Document("reminderAt", ""))
			.append("$push", new Document("outbox", new Document("$each", List.of(entry("e1"), entry("e2")))));
		Document fenced = new Document("_id", "clock-3").append("state", "RUNNING")
			.append("$or", List.of(new Document("fence", new Document("$exists", false)),
					new Document("fence", new Document("$lte", 8L))));
		List<Document[]> updates = List.of(
				new Document[] { new Document("_id", "clock-1").append("state", "RUNNING").append("dueAt", due),
						firing },
				// the same firing again: the condition no longer holds
				new Document[] { new Document("_id", "clock-1").append("state", "RUNNING").append("dueAt", due),
						firing },
				// nothing changes: matched, not modified
				new Document[] { new Document("_id", "clock-1"),
						new Document("$set", new Document("state", "BREACHED")).append("$unset",
								new Document("missing", "")) },
				new Document[] { new Document("_id", "none"), firing },
				new Document[] { fenced, new Document("$set", new Document("state", "MET").append("fence", 8L)) },
				new Document[] { fenced.append("state", "MET"), new Document("$push", new Document("log", "first")) },
				// a number equal to the stored one only after normalisation; null over
				// null and over a value
				new Document[] { new Document("_id", "clock-2"), new Document("$set", new Document("count", 1L)) },
				new Document[] { new Document("_id", "clock-3"), new Document("$set", new Document("note", null)) },
				new Document[] { new Document("_id", "clock-2"), new Document("$set", new Document("state", null)) },
				// a push onto a field that is not an array, and a field under two
				// operators
				new Document[] { new Document("_id", "clock-2"),
						new Document("$push", new Document("outbox", entry("e3"))) },
				new Document[] { new Document("_id", "clock-2"),
						new Document("$set", new Document("count", 2)).append("$unset", new Document("count", "")) },
				// an empty $each creates the array; $each with another modifier
				new Document[] { new Document("_id", "clock-3"),
						new Document("$push", new Document("empty", new Document("$each", List.of()))) },
				new Document[] { new Document("_id", "clock-3"),
						new Document("$push",
								new Document("log", new Document("$each", List.of("b", "a")).append("$sort", 1))) },
				// added fields land in the order the operators are named
				new Document[] { new Document("_id", "clock-2"), new Document("$push", new Document("added", "x"))
					.append("$set", new Document("alsoAdded", "y")) });

		try (Running reference = new Running(plain.get()); Running tried = new Running(indexed.get())) {
			for (Running running : List.of(reference, tried)) {
				running.collection().insertMany(documents.stream().map(Document::new).toList());
				// declared as the services declare theirs: the wire server keeps no
				// entries for
				// a non-unique index, but does for a unique one
				running.collection().createIndex(Indexes.ascending("state", "dueAt"));
				running.collection()
					.createIndex(Indexes.ascending("count"), new IndexOptions().unique(true).sparse(true));
			}
			for (Document[] update : updates) {
				assertThat(outcome(tried.collection(), update)).as("%s", (Object) update)
					.isEqualTo(outcome(reference.collection(), update));
			}

			List<Document> expected = reference.collection()
				.find()
				.sort(Sorts.ascending("_id"))
				.into(new ArrayList<>());
			List<Document> found = tried.collection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
			assertThat(found).isEqualTo(expected);
			assertThat(found.stream().map((document) -> List.copyOf(document.keySet()))).as("field order")
				.containsExactlyElementsOf(
						expected.stream().map((document) -> List.copyOf(document.keySet())).toList());
			assertThat(found.stream().map(IdIndexedBackendsTest::typedCount)).as("number types")
				.containsExactlyElementsOf(expected.stream().map(IdIndexedBackendsTest::typedCount).toList());
			assertThat(tried.size()).as("collStats size").isEqualTo(reference.size());
		}
	}

	@Test
	void entriesPulledFromAnArrayStayPulledWhenTheFileIsOpenedAgain() {
		String file = files.resolve("pulled.mv").toString();
		try (Running running = new Running(new JournaledBackend(MVStore.open(file)))) {
			running.collection()
				.insertOne(new Document("_id", "doc-1").append("outbox", List.of(entry("e1"), entry("e2"))));
			Document[] update = pull("doc-1", "e1");
			assertThat(running.collection().updateOne(update[0], update[1]).getModifiedCount()).isEqualTo(1);
		}
		try (Running reopened = new Running(new JournaledBackend(MVStore.open(file)))) {
			assertThat(reopened.collection().find().first().getList("outbox", Document.class))
				.containsExactly(entry("e2"));
		}
	}

	@Test
	void aClockChangedInPlaceStaysChangedWhenTheFileIsOpenedAgain() {
		String file = files.resolve("fired.mv").toString();
		try (Running running = new Running(new JournaledBackend(MVStore.open(file)))) {
			running.collection()
				.insertOne(new Document("_id", "clock-1").append("state", "RUNNING")
					.append("reminderAt", new java.util.Date(0)));
		}
		// changed after the insert was written, so only the change can mark it for
		// writing
		try (Running running = new Running(new JournaledBackend(MVStore.open(file)))) {
			var fired = running.collection()
				.updateOne(new Document("_id", "clock-1").append("state", "RUNNING"),
						Updates.combine(Updates.set("state", "BREACHED"), Updates.unset("reminderAt"),
								Updates.push("outbox", entry("e1"))));
			assertThat(fired.getModifiedCount()).isEqualTo(1);
		}
		try (Running reopened = new Running(new JournaledBackend(MVStore.open(file)))) {
			assertThat(reopened.collection().find().first()).isEqualTo(
					new Document("_id", "clock-1").append("state", "BREACHED").append("outbox", List.of(entry("e1"))));
		}
	}

	private static String typedCount(Document document) {
		Object count = document.get("count");
		return (count != null) ? count.getClass().getSimpleName() + " " + count : "none";
	}

	private static Document entry(String eventId) {
		return new Document("eventId", eventId).append("type", "sla.breached.v1");
	}

	private static Document[] pull(String id, String... eventIds) {
		return new Document[] { new Document("_id", id), new Document("$pull",
				new Document("outbox", new Document("eventId", new Document("$in", List.of(eventIds))))) };
	}

	private static String outcomeOfMany(MongoCollection<Document> collection, Document[] update) {
		return outcome(() -> collection.updateMany(update[0], update[1]));
	}

	private static String outcome(MongoCollection<Document> collection, Document[] update) {
		return outcome(() -> collection.updateOne(update[0], update[1]));
	}

	private static String outcome(Supplier<UpdateResult> update) {
		try {
			UpdateResult result = update.get();
			return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount();
		}
		catch (MongoException ex) {
			return "refused: " + ex.getCode();
		}
	}

	@Test
	void aFileWrittenByThePlainH2BackendOpensWithItsDataAndIdIndex() {
		String file = files.resolve("plain.mv").toString();
		try (Running plain = new Running(new H2Backend(MVStore.open(file)))) {
			plain.clocks(20);
		}
		try (Running indexed = new Running(new JournaledBackend(MVStore.open(file)))) {
			MongoCollection<Document> clocks = indexed.collection();

			assertThat(clocks.countDocuments()).isEqualTo(20);
			assertThat(clocks.find(Filters.and(Filters.eq("_id", "clock-4"), Filters.eq("state", "RUNNING"))).first())
				.isNotNull();
			clocks.insertOne(new Document("_id", "clock-21").append("state", "RUNNING"));
			assertThat(clocks.find(Filters.eq("_id", "clock-21")).first()).isNotNull();
			// a document read from the plain backend's file, changed: journaled
			clocks.updateOne(Filters.eq("_id", "clock-6"), Updates.set("state", "MET"));
		}
		try (Running reopened = new Running(new JournaledBackend(MVStore.open(file)))) {
			MongoCollection<Document> clocks = reopened.collection();

			assertThat(clocks.countDocuments()).isEqualTo(21);
			assertThat(clocks.find(Filters.eq("_id", "clock-6")).first())
				.isEqualTo(new Document("_id", "clock-6").append("state", "MET").append("version", 6));
			assertThat(clocks.find(Filters.eq("_id", "clock-7")).first())
				.isEqualTo(new Document("_id", "clock-7").append("state", "PAUSED").append("version", 7));
		}
	}

	@Test
	void aCollectionDroppedAndMadeAgainKeepsNoKeysOfTheOldOne() {
		String file = files.resolve("dropped.mv").toString();
		try (Running running = new Running(new JournaledBackend(MVStore.open(file)))) {
			running.collection().createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
			running.collection().insertOne(new Document("_id", "clock-1").append("ref", "a"));
			running.collection().drop();

			running.collection().insertOne(new Document("_id", "clock-1").append("ref", "a"));
			assertThat(running.collection().countDocuments()).isEqualTo(1);
		}
		try (Running reopened = new Running(new JournaledBackend(MVStore.open(file)))) {
			assertThat(inserted(reopened.collection(), new Document("_id", "clock-1"))).startsWith("refused");
			assertThat(inserted(reopened.collection(), new Document("_id", "clock-2"))).isEqualTo("inserted");
		}
	}

	@Test
	void everyKindOfValueReadsBackTheSameWhenTheFileIsOpenedAgain() {
		String file = files.resolve("values.mv").toString();
		Document stored = new Document("_id", "clock-1").append("text", "Café ☕")
			.append("int", 42)
			.append("long", 1L << 40)
			.append("double", 2.5)
			.append("flag", true)
			.append("nothing", null)
			.append("at", new java.util.Date(1_796_302_805_924L))
			.append("objectId", new org.bson.types.ObjectId("6750a1b2c3d4e5f601234567"))
			.append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.345")))
			.append("binary", new org.bson.types.Binary(new byte[] { 1, 2, 3 }))
			.append("list", List.of(1, "two", new Document("three", 3)))
			.append("nested", new Document("outbox", List.of(entry("e1"), entry("e2"))));
		try (Running running = new Running(new JournaledBackend(MVStore.open(file)))) {
			running.collection().insertOne(stored);
		}
		try (Running reopened = new Running(new JournaledBackend(MVStore.open(file)))) {
			assertThat(reopened.collection().find().first()).isEqualTo(stored);
		}
	}

	private static final class Running implements AutoCloseable {

		private final MongoServer server;

		private final MongoClient client;

		Running(MongoBackend backend) {
			this.server = new MongoServer(backend);
			this.client = MongoClients.create("mongodb://" + hostAndPort(this.server.bind()));
		}

		private static String hostAndPort(java.net.InetSocketAddress address) {
			return address.getHostString() + ":" + address.getPort();
		}

		MongoCollection<Document> collection() {
			return this.client.getDatabase("charter").getCollection("clocks");
		}

		Object size() {
			return this.client.getDatabase("charter").runCommand(new Document("collStats", "clocks")).get("size");
		}

		MongoCollection<Document> clocks(int count) {
			MongoCollection<Document> clocks = collection();
			clocks.insertMany(IntStream.range(0, count)
				.mapToObj((i) -> new Document("_id", "clock-" + i).append("state", (i % 2 == 0) ? "RUNNING" : "PAUSED")
					.append("version", i))
				.toList());
			return clocks;
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
		}

	}

}
