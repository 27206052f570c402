package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
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
 * {@link IdLookup}). What the local stack runs.
 */
public class IdIndexedH2Backend extends H2Backend {

	// the names H2Database gives a collection's maps, so that files written by the plain
	// backend open unchanged
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	public IdIndexedH2Backend(MVStore store) {
		super(store);
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
			MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName);
			MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
			return new Collection(this, collectionName, options, data, meta, this.cursorRegistry);
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
				.apply(selector, update, arrayFilters, isUpsert, getIndexes(), this::getDocument, this::changedInPlace,
						getFullName(), oplog)
				.orElseGet(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
		}

		private void changedInPlace(Object position, Document document, int sizeChange) {
			if (tracksDataSize()) {
				updateDataSize(sizeChange);
			}
			handleUpdate(position, document, document);
		}

	}

}
