package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's H2 backend (data in an MVStore file, so it survives a restart),
 * answering queries that name an {@code _id} through the {@code _id} index (see
 * {@link IdLookup}), storing documents as BSON ({@link BsonDocumentType}) and keeping
 * unique indexes with keys ordered as MongoDB orders values ({@link StoredUniqueIndex}).
 * What the local stack runs.
 */
public class IdIndexedH2Backend extends H2Backend {

	// the names H2Database gives a collection's maps, so that files written by the plain
	// backend open unchanged
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private static final String INDEX_INFIX = "._index_";

	// the map of an index with StoredKeyType keys
	private static final String KEYS_SUFFIX = ":bson-keys";

	// often, so that a stack killed at once loses at most this much of its last writes
	// (H2's default is a second)
	private static final int COMMIT_DELAY_MILLIS = 100;

	public IdIndexedH2Backend(MVStore store) {
		super(store);
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

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	// an inner class: the H2Database constructor opens the stored collections, before a
	// field of this subclass could be set, so the store comes from the backend
	private final class Database extends H2Database {

		Database(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			MVStore store = getMvStore();
			MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName,
					new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
			MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
			return new Collection(this, collectionName, options, data, meta, this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVStore store = getMvStore();
			String plainName = indexMapName(collectionName, indexName);
			// the plain backend's map is ordered by serialized keys, which this index's
			// keys are not: dropped, and the collection fills the new one from its
			// documents when it finds the index empty
			if (store.hasMap(plainName)) {
				store.removeMap(plainName);
			}
			MVMap<KeyValue, Object> positions = store.openMap(plainName + KEYS_SUFFIX,
					new MVMap.Builder<KeyValue, Object>().keyType(StoredKeyType.INSTANCE));
			return new StoredUniqueIndex(positions, indexName, keys, sparse);
		}

		@Override
		protected void dropIndex(MongoCollection<Object> collection, String indexName) {
			super.dropIndex(collection, indexName);
			getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName) + KEYS_SUFFIX);
		}

		private String indexMapName(String collectionName, String indexName) {
			return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
		}

	}

	private static final class Collection extends H2Collection {

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, data, meta, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			return IdLookup.narrow(query, getIndexes())
				.map((narrowed) -> matchDocuments(narrowed.rest(), narrowed.positions(), orderBy, numberToSkip, limit,
						batchSize, fieldSelector))
				.orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
				boolean isMulti, boolean isUpsert, Oplog oplog) {
			return InPlaceUpdates
				.apply(selector, update, arrayFilters, isUpsert, getIndexes(), this::copyOfDocument,
						this::changedInPlace, getFullName(), oplog)
				.orElseGet(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
		}

		/**
		 * A copy to change: the store writes its values out in the background, so a
		 * stored document is never changed once it is in the map (changing it while it is
		 * written fails the write, and the store closes itself).
		 */
		private Document copyOfDocument(Object position) {
			Document stored = getDocument(position);
			return (stored != null) ? stored.cloneDeeply() : null;
		}

		private void changedInPlace(Object position, Document document, int sizeChange) {
			if (tracksDataSize()) {
				updateDataSize(sizeChange);
			}
			handleUpdate(position, document, document);
		}

	}

}
