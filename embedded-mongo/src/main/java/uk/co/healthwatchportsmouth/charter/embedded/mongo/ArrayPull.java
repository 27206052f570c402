package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The update an outbox relay makes after every publish, {@code {_id: X}} with
 * {@code {$pull: {outbox: {eventId: {$in: ["a", "b"]}}}}}, applied to the stored document
 * directly, and the same for several documents at once, {@code {_id: {$in: [X, Y]}}} in
 * an update of every match (a relay removes a whole batch's entries in one update). The
 * wire server's general update path deep-clones the whole document, builds a new one
 * field by field, compares the two and measures both, all while holding the collection's
 * lock; for a clock that is most of the cost of removing one small entry from one array,
 * and it is paid once per event published, so every other write to the collection waited
 * for it. Only this exact shape is taken: an {@code _id} equality (or {@code $in} when
 * every match is updated), one top-level array that no index covers, elements matched by
 * one field against strings, no upsert and no array filters. Anything else, including a
 * field that is not an array, goes the general way.
 */
final class ArrayPull {

	private static final String ID = "_id";

	private final String field;

	private final String key;

	private final Set<String> values;

	private ArrayPull(String field, String key, Set<String> values) {
		this.field = field;
		this.key = key;
		this.values = values;
	}

	static <P> Optional<ArrayPull> of(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
			boolean upsert, List<Index<P>> indexes) {
		if (upsert || !arrayFilters.isEmpty() || selector.size() != 1 || !namesIds(selector.get(ID), multi)
				|| update.size() != 1 || !(update.get("$pull") instanceof Document pull) || pull.size() != 1) {
			return Optional.empty();
		}
		Map.Entry<String, Object> pulled = pull.entrySet().iterator().next();
		String field = pulled.getKey();
		if (field.contains(".") || field.startsWith("$") || IndexedFields.covers(indexes, field)
				|| !(pulled.getValue() instanceof Document condition) || condition.size() != 1) {
			return Optional.empty();
		}
		Map.Entry<String, Object> matched = condition.entrySet().iterator().next();
		String key = matched.getKey();
		if (key.contains(".") || key.startsWith("$") || !(matched.getValue() instanceof Document in) || in.size() != 1
				|| !(in.get("$in") instanceof List<?> listed) || !listed.stream().allMatch(String.class::isInstance)) {
			return Optional.empty();
		}
		return Optional.of(new ArrayPull(field, key, Set.copyOf(listed.stream().map(String.class::cast).toList())));
	}

	// one id, or (for an update of every match) a list of them
	private static boolean namesIds(Object condition, boolean multi) {
		return condition instanceof String || (multi && condition instanceof Document operators && operators.size() == 1
				&& operators.get("$in") instanceof List<?> ids && ids.stream().allMatch(String.class::isInstance));
	}

	/**
	 * Applies the pull to the documents the selector names, found through the {@code _id}
	 * index. Called with the collection's lock held.
	 * @param documents the stored document at a position
	 * @param stored records a changed document and its change in size with the backend
	 * @return the update's reply, or empty when a document cannot take the pull here (the
	 * general path must answer; nothing has been changed)
	 */
	<P> Optional<Document> update(Document selector, Document update, List<Index<P>> indexes,
			Function<P, Document> documents, Stored<P> stored, String namespace, Oplog oplog) {
		Optional<IdLookup.Narrowed<P>> narrowed = IdLookup.narrow(selector, indexes);
		if (narrowed.isEmpty()) {
			return Optional.empty();
		}
		Map<P, Document> found = new LinkedHashMap<>();
		for (P position : narrowed.get().positions()) {
			Document document = documents.apply(position);
			if (document != null) {
				if (!appliesTo(document)) {
					return Optional.empty();
				}
				found.put(position, document);
			}
		}
		List<Object> modified = new ArrayList<>();
		found.forEach((position, document) -> applyTo(document).ifPresent((sizeChange) -> {
			stored.changed(position, document, sizeChange, Set.of(this.field));
			modified.add(document.get(ID));
		}));
		oplog.handleUpdate(namespace, selector, update, modified);
		return Optional.of(new Document("n", found.size()).append("nModified", modified.size()));
	}

	/**
	 * Whether the stored document's field can be pulled from here (absent, or an array).
	 */
	private boolean appliesTo(Document stored) {
		Object value = stored.get(this.field);
		return value == null || value instanceof List<?>;
	}

	/**
	 * Removes the matching elements from the stored document, in place.
	 * @return the change in the document's encoded size, or empty if nothing matched
	 */
	private Optional<Integer> applyTo(Document stored) {
		if (!(stored.get(this.field) instanceof List<?> elements)) {
			return Optional.empty();
		}
		List<Object> kept = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (!(element instanceof Document entry && entry.get(this.key) instanceof String value
					&& this.values.contains(value))) {
				kept.add(element);
			}
		}
		if (kept.size() == elements.size()) {
			return Optional.empty();
		}
		int before = EncodedSize.ofField(this.field, elements);
		stored.put(this.field, kept);
		return Optional.of(EncodedSize.ofField(this.field, kept) - before);
	}

	/** A backend's record of a document changed in place. */
	@FunctionalInterface
	interface Stored<P> {

		/**
		 * @param fields the top-level fields the change set, replaced or removed
		 */
		void changed(P position, Document document, int sizeChange, Set<String> fields);

	}

}
