package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A conditional update by {@code _id} that sets, unsets and appends to top-level fields,
 * {@code {_id: X, state: "RUNNING", ...}} with {@code {$set: {...}, $unset: {...}, $push:
 * {outbox: {$each: [...]}}}}, applied to the stored document in place. It is the shape of
 * every clock change, a timer firing above all. The wire server's general update path
 * deep-clones the whole document, rebuilds it field by field, compares old and new and
 * measures both, all under the collection's lock, which every other write to the
 * collection waits for. Only this shape is taken here: the selector names one {@code _id}
 * (a string) and any other conditions the server's own matcher checks; the update has
 * only {@code $set}, {@code $unset} and {@code $push} (a value, or {@code $each} alone)
 * on top-level fields that no index covers, each field under one operator; no upsert, no
 * array filters. A document on which the general path could answer differently (a
 * {@code $push} onto a field that is not an array, a value equal to the stored one only
 * after the server's number normalisation) makes the whole update go the general way,
 * before anything is changed.
 */
final class TopLevelFieldUpdate {

	private static final String ID = "_id";

	private static final Object ABSENT = new Object();

	private final Document set;

	private final Set<String> unset;

	private final Map<String, List<Object>> pushed;

	// the operators in the order the update names them, which is the order the general
	// path applies them in (and so the order of the fields they add)
	private final List<String> operators;

	private TopLevelFieldUpdate(Document set, Set<String> unset, Map<String, List<Object>> pushed,
			List<String> operators) {
		this.set = set;
		this.unset = unset;
		this.pushed = pushed;
		this.operators = operators;
	}

	static <P> Optional<TopLevelFieldUpdate> of(Document selector, Document update, ArrayFilters arrayFilters,
			boolean upsert, List<Index<P>> indexes) {
		if (upsert || !arrayFilters.isEmpty() || !(selector.get(ID) instanceof String) || update.isEmpty()) {
			return Optional.empty();
		}
		Document set = new Document();
		Set<String> unset = new HashSet<>();
		Map<String, List<Object>> pushed = new LinkedHashMap<>();
		Set<String> touched = new HashSet<>();
		for (Map.Entry<String, Object> operation : update.entrySet()) {
			if (!(operation.getValue() instanceof Document fields)) {
				return Optional.empty();
			}
			for (Map.Entry<String, Object> field : fields.entrySet()) {
				String key = field.getKey();
				if (!topLevel(key) || !touched.add(key) || IndexedFields.covers(indexes, key)) {
					return Optional.empty();
				}
				switch (operation.getKey()) {
					case "$set" -> {
						if (!storable(field.getValue())) {
							return Optional.empty();
						}
						set.put(key, field.getValue());
					}
					case "$unset" -> unset.add(key);
					case "$push" -> {
						Optional<List<Object>> values = pushedValues(field.getValue());
						if (values.isEmpty() || !storable(values.get())) {
							return Optional.empty();
						}
						pushed.put(key, values.get());
					}
					default -> {
						return Optional.empty();
					}
				}
			}
		}
		return Optional.of(new TopLevelFieldUpdate(set, unset, pushed, List.copyOf(update.keySet())));
	}

	// the general path refuses field names the server would not store
	private static boolean storable(Object value) {
		if (value instanceof Document document) {
			for (Map.Entry<String, Object> field : document.entrySet()) {
				if (field.getKey().startsWith("$") || field.getKey().contains(".") || !storable(field.getValue())) {
					return false;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object element : list) {
				if (!storable(element)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean topLevel(String key) {
		return !key.isEmpty() && !key.contains(".") && !key.startsWith("$") && !ID.equals(key);
	}

	private static Optional<List<Object>> pushedValues(Object value) {
		if (value instanceof Document modifiers && !modifiers.isEmpty()
				&& modifiers.keySet().iterator().next().startsWith("$")) {
			if (modifiers.size() == 1 && modifiers.get("$each") instanceof List<?> each) {
				return Optional.of(new ArrayList<>(each));
			}
			return Optional.empty();
		}
		List<Object> one = new ArrayList<>(1);
		one.add(value);
		return Optional.of(one);
	}

	/**
	 * Applies the update to the document the selector names if it matches the selector.
	 * Called with the collection's lock held.
	 * @param documents the stored document at a position
	 * @param stored records a changed document and its change in size with the backend
	 * @return the update's reply, or empty when the general path must answer (nothing has
	 * been changed)
	 */
	<P> Optional<Document> update(Document selector, Document update, List<Index<P>> indexes,
			Function<P, Document> documents, ArrayPull.Stored<P> stored, String namespace, Oplog oplog) {
		Optional<IdLookup.Narrowed<P>> narrowed = IdLookup.narrow(selector, indexes);
		if (narrowed.isEmpty()) {
			return Optional.empty();
		}
		DefaultQueryMatcher matcher = new DefaultQueryMatcher();
		Map<P, Document> matched = new LinkedHashMap<>();
		for (P position : narrowed.get().positions()) {
			Document document = documents.apply(position);
			if (document != null && matcher.matches(document, selector)) {
				if (!appliesTo(document)) {
					return Optional.empty();
				}
				matched.put(position, document);
			}
		}
		List<Object> modified = new ArrayList<>();
		matched.forEach((position, document) -> {
			Set<String> fields = new LinkedHashSet<>();
			int sizeChange = applyTo(document, fields);
			if (!fields.isEmpty()) {
				stored.changed(position, document, sizeChange, fields);
				modified.add(document.get(ID));
			}
		});
		oplog.handleUpdate(namespace, selector, update, modified);
		return Optional.of(new Document("n", matched.size()).append("nModified", modified.size()));
	}

	/**
	 * Whether this update does to the document exactly what the general path would: every
	 * pushed field is absent or an array, and every set value is either equal to the
	 * stored one in the plain Java sense or different in the server's sense too.
	 */
	private boolean appliesTo(Document document) {
		for (String key : this.pushed.keySet()) {
			Object current = document.get(key);
			if (current != null && !(current instanceof List<?>)) {
				return false;
			}
		}
		ValueComparator comparator = ValueComparator.asc();
		for (Map.Entry<String, Object> field : this.set.entrySet()) {
			Object current = document.containsKey(field.getKey()) ? document.get(field.getKey()) : ABSENT;
			if (current != ABSENT && !Objects.equals(current, field.getValue()) && (current == null
					|| field.getValue() == null || sameToTheServer(comparator, current, field.getValue()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameToTheServer(ValueComparator comparator, Object current, Object value) {
		try {
			return comparator.compare(current, value) == 0;
		}
		catch (RuntimeException ex) {
			// values it cannot order: leave the decision to the general path
			return true;
		}
	}

	/**
	 * Changes the document in place.
	 * @param changed where the fields it changed are added
	 * @return the change in its encoded size
	 */
	private int applyTo(Document document, Set<String> changed) {
		int sizeChange = 0;
		for (String operator : this.operators) {
			switch (operator) {
				case "$set" -> {
					for (Map.Entry<String, Object> field : this.set.entrySet()) {
						String key = field.getKey();
						boolean present = document.containsKey(key);
						Object current = document.get(key);
						if (present && Objects.equals(current, field.getValue())) {
							continue;
						}
						sizeChange += EncodedSize.ofField(key, field.getValue())
								- (present ? EncodedSize.ofField(key, current) : 0);
						document.put(key, field.getValue());
						changed.add(key);
					}
				}
				case "$unset" -> {
					for (String key : this.unset) {
						if (document.containsKey(key)) {
							sizeChange -= EncodedSize.ofField(key, document.get(key));
							document.remove(key);
							changed.add(key);
						}
					}
				}
				default -> {
					for (Map.Entry<String, List<Object>> field : this.pushed.entrySet()) {
						String key = field.getKey();
						boolean present = document.containsKey(key);
						if (field.getValue().isEmpty() && present) {
							continue;
						}
						Object current = document.get(key);
						List<Object> values = new ArrayList<>((current instanceof List<?> list) ? list : List.of());
						values.addAll(field.getValue());
						sizeChange += EncodedSize.ofField(key, values)
								- (present ? EncodedSize.ofField(key, current) : 0);
						document.put(key, values);
						changed.add(key);
					}
				}
			}
		}
		return sizeChange;
	}

}
