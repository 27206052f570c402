package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire server's durable backend, what the local stack runs: every document in memory,
 * served as the in-memory backend serves it (queries naming an {@code _id} through the
 * {@code _id} index, see {@link IdLookup}), and every change appended to a
 * {@link Journal} in an H2 MVStore file, from which the documents are read back at the
 * next start. A file written by the wire server's H2 backend (a B-tree of documents,
 * rewritten around every change) is read into the journal at its first start here.
 *
 * <p>
 * The journal is compacted in the background once it holds several times as many entries
 * as there are documents: the live documents are written again and the older entries
 * dropped.
 */
public class JournaledBackend extends MemoryBackend {

	private static final Logger log = LoggerFactory.getLogger(JournaledBackend.class);

	// often, so that a stack killed at once loses at most this much of its last writes
	// (H2's default is a second); MongoDB's own journal is committed as often
	private static final int COMMIT_DELAY_MILLIS = 100;

	/** The least number of entries the journal holds before it is compacted. */
	public static final long MINIMUM_ENTRIES_TO_COMPACT = 100_000;

	private static final int ENTRIES_PER_DOCUMENT_TO_COMPACT = 4;

	// documents written by a compaction with the collection's lock held, at a time, so
	// that requests wait for a few milliseconds at most
	private static final int SNAPSHOT_CHUNK = 1_000;

	private final MVStore store;

	private final Journal journal;

	// documents read back from the journal, handed to each collection as it opens
	private final Map<String, Map<JournalEntry.Key, Document>> recovered;

	private final Set<Collection> collections = ConcurrentHashMap.newKeySet();

	private final long minimumEntriesToCompact;

	private final int entriesPerDocumentToCompact;

	private final ScheduledExecutorService compactor;

	private final Object compacting = new Object();

	/** On the store, compacting the journal in the background when it is due. */
	public JournaledBackend(MVStore store) {
		this(store, MINIMUM_ENTRIES_TO_COMPACT, ENTRIES_PER_DOCUMENT_TO_COMPACT);
	}

	/**
	 * On the store, compacting the journal in the background once it holds more than
	 * {@code entriesPerDocumentToCompact} entries for each live document and more than
	 * {@code minimumEntriesToCompact} (the default: 4 and 100,000). Each compaction
	 * writes every live document once more, so a lower ratio keeps the file smaller and
	 * costs more work.
	 */
	public JournaledBackend(MVStore store, long minimumEntriesToCompact, int entriesPerDocumentToCompact) {
		this.store = store;
		this.minimumEntriesToCompact = minimumEntriesToCompact;
		this.entriesPerDocumentToCompact = entriesPerDocumentToCompact;
		this.journal = new Journal(store);
		EarlierFileFormat.moveIntoJournal(store, this.journal);
		this.recovered = replay(this.journal);
		this.recovered.keySet()
			.stream()
			.map((namespace) -> namespace.substring(0, namespace.indexOf('.')))
			.distinct()
			.toList()
			.forEach(this::resolveDatabase);
		dropUnlisted();
		this.compactor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "journal-compactor");
			thread.setDaemon(true);
			return thread;
		});
		this.compactor.scheduleWithFixedDelay(this::compactIfDue, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * Opens (or creates) the store file as the local stack keeps it: committed every 100
	 * ms.
	 */
	public static MVStore openStore(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
		return store;
	}

	/**
	 * Drops what the journal holds of collections no database lists (written by a request
	 * racing its collection's drop, before such writes were passed over), so that a
	 * collection made later under the same name starts empty.
	 */
	private void dropUnlisted() {
		for (String namespace : List.copyOf(this.recovered.keySet())) {
			log.warn("Journal holds documents of {}, which no database lists: dropped", namespace);
			this.journal.append(JournalEntry.drop(namespace));
			this.recovered.remove(namespace);
		}
	}

	private static Map<String, Map<JournalEntry.Key, Document>> replay(Journal journal) {
		Map<String, Map<JournalEntry.Key, Document>> documents = new ConcurrentHashMap<>();
		journal.replay((bytes) -> JournalEntry.read(bytes).replayInto(documents));
		return documents;
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getCursorRegistry());
	}

	/**
	 * Writes every live document into a new generation of the journal and drops the older
	 * ones. Runs in the background when due; requests go on meanwhile.
	 */
	void compact() {
		synchronized (this.compacting) {
			long started = System.nanoTime();
			long entriesBefore = this.journal.entriesSinceBase();
			long generation = this.journal.startGeneration();
			long written = 0;
			for (Collection collection : List.copyOf(this.collections)) {
				written += collection.writeSnapshot();
			}
			this.journal.makeBase(generation);
			log.info("Journal compacted: {} entries replaced by {} live documents in {} ms", entriesBefore, written,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
	}

	void compactIfDue() {
		try {
			long documents = this.collections.stream().mapToLong(Collection::count).sum();
			if (this.journal.entriesSinceBase() > Math.max(this.minimumEntriesToCompact,
					this.entriesPerDocumentToCompact * documents)) {
				compact();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Journal compaction failed; the journal keeps every entry until the next one", ex);
		}
	}

	@Override
	public void close() {
		this.compactor.shutdown();
		try {
			// a compaction in progress is let finish: interrupted, the store would close
			// itself mid-write
			this.compactor.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		super.close();
		if (!this.store.isClosed()) {
			this.store.close();
		}
	}

	// an inner class: the MemoryDatabase constructor opens the recovered collections,
	// which it finds through the backend
	private final class Database extends MemoryDatabase {

		Database(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			Collection collection = new Collection(this, collectionName, options, this.cursorRegistry);
			collection.load(JournaledBackend.this.recovered.remove(getFullCollectionNamespace(collectionName)));
			JournaledBackend.this.collections.add(collection);
			return collection;
		}

	}

	private final class Collection extends IdIndexedMemoryBackend.Collection {

		private volatile boolean dropped;

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		/** Takes the documents read back from the journal, before any index is added. */
		synchronized void load(Map<JournalEntry.Key, Document> documents) {
			if (documents == null) {
				return;
			}
			int size = 0;
			for (Document document : documents.values()) {
				super.addDocumentInternal(document);
				size += EncodedSize.ofDocument(document);
			}
			updateDataSize(size);
		}

		@Override
		protected Integer addDocumentInternal(Document document) {
			Integer position = super.addDocumentInternal(document);
			journal(JournalEntry.put(getFullName(), JournalEntry.keyOf(document), document));
			return position;
		}

		/**
		 * Journals only the fields changed in place: for a timer's firing a few small
		 * fields instead of the whole clock.
		 */
		@Override
		protected void changedInPlace(Integer position, Document document, int sizeChange, Set<String> fields) {
			if (tracksDataSize()) {
				updateDataSize(sizeChange);
			}
			journal(JournalEntry.fields(getFullName(), JournalEntry.keyOf(document), document, fields));
		}

		@Override
		protected void removeDocument(Integer position) {
			Document document = getDocument(position);
			super.removeDocument(position);
			journal(JournalEntry.remove(getFullName(), JournalEntry.keyOf(document)));
		}

		@Override
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			super.handleUpdate(position, oldDocument, newDocument);
			Object oldKey = JournalEntry.keyOf(oldDocument);
			Object newKey = JournalEntry.keyOf(newDocument);
			// the new document first: a crash in between leaves both, not neither
			journal(JournalEntry.put(getFullName(), newKey, newDocument));
			if (!Objects.equals(oldKey, newKey)) {
				journal(JournalEntry.remove(getFullName(), oldKey));
			}
		}

		@Override
		public synchronized void drop() {
			super.drop();
			journal(JournalEntry.drop(getFullName()));
			this.dropped = true;
			JournaledBackend.this.collections.remove(this);
		}

		@Override
		public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
			journal(JournalEntry.drop(getFullName()));
			super.renameTo(newDatabase, newCollectionName);
			streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument)
				.forEach(
						(document) -> journal(JournalEntry.put(getFullName(), JournalEntry.keyOf(document), document)));
		}

		/**
		 * Appends the entry, unless the collection has been dropped: a request that found
		 * it just before its drop still changes it, but its change must not outlive the
		 * drop in the journal.
		 */
		private void journal(byte[] entry) {
			if (!this.dropped) {
				JournaledBackend.this.journal.append(entry);
			}
		}

		/**
		 * Writes every document into the journal as it is now, a chunk at a time with the
		 * collection's lock held (documents are changed in place, under that lock).
		 * @return how many were written
		 */
		long writeSnapshot() {
			List<Integer> positions;
			synchronized (this) {
				if (this.dropped) {
					return 0;
				}
				positions = streamAllDocumentsWithPosition().map(DocumentWithPosition::getPosition).toList();
			}
			long written = 0;
			long previousChunk = 0;
			for (int from = 0; from < positions.size(); from += SNAPSHOT_CHUNK) {
				// a pause as long as the chunk before took: the compaction takes at most
				// half of one core and of the collection's lock, requests the rest (a
				// compaction that finishes later costs only a longer journal meanwhile)
				LockSupport.parkNanos(previousChunk);
				long chunkStarted = System.nanoTime();
				synchronized (this) {
					// dropped meanwhile: its drop is in the journal after what was
					// written
					if (this.dropped) {
						return written;
					}
					for (Integer position : positions.subList(from,
							Math.min(from + SNAPSHOT_CHUNK, positions.size()))) {
						Document document = getDocument(position);
						if (document != null) {
							JournaledBackend.this.journal
								.append(JournalEntry.put(getFullName(), JournalEntry.keyOf(document), document));
							written++;
						}
					}
				}
				previousChunk = System.nanoTime() - chunkStarted;
			}
			return written;
		}

	}

}
