package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The BSON size of a document, or of one field, so that an update made in place can keep
 * the collection's data size as the wire server counts it (the size of each whole
 * document) by measuring only the fields it changed. The common types are counted without
 * encoding them (every in-place update measures the fields it changes, the outbox's
 * entries among them, and encoding them only to count their bytes cost as much as the
 * rest of the update); any other value is encoded and its bytes counted.
 */
final class EncodedSize {

	// a document's length prefix and terminating byte
	private static final int DOCUMENT_OVERHEAD = 5;

	// a value's type byte
	private static final int TYPE = 1;

	private EncodedSize() {
	}

	static int ofField(String key, Object value) {
		return TYPE + cStringLength(key) + ofValue(value);
	}

	static int ofDocument(Map<String, ?> document) {
		return ofMap(document);
	}

	private static int ofValue(Object value) {
		return switch (value) {
			case null -> 0;
			case String string -> 4 + utf8Length(string) + 1;
			case Boolean flag -> 1;
			case Integer number -> 4;
			case Long number -> 8;
			case Double number -> 8;
			case Instant instant -> 8;
			case ObjectId objectId -> 12;
			case Map<?, ?> document -> ofMap(document);
			case Collection<?> elements -> ofArray(elements);
			default -> encoded(value);
		};
	}

	private static int ofMap(Map<?, ?> document) {
		int size = DOCUMENT_OVERHEAD;
		for (Map.Entry<?, ?> field : document.entrySet()) {
			size += ofField((String) field.getKey(), field.getValue());
		}
		return size;
	}

	// an array is a document whose keys are the indexes "0", "1", ...
	private static int ofArray(Collection<?> elements) {
		int size = DOCUMENT_OVERHEAD;
		int index = 0;
		for (Object element : elements) {
			size += TYPE + digits(index) + 1 + ofValue(element);
			index++;
		}
		return size;
	}

	private static int encoded(Object value) {
		ByteBuf buffer = Unpooled.buffer();
		try {
			BsonEncoder.encodeDocument(new Document("v", value), buffer);
			return buffer.writerIndex() - DOCUMENT_OVERHEAD - TYPE - cStringLength("v");
		}
		finally {
			buffer.release();
		}
	}

	private static int cStringLength(String string) {
		return utf8Length(string) + 1;
	}

	/**
	 * The length of the string in UTF-8 as {@link String#getBytes} encodes it (an
	 * unpaired surrogate becomes {@code ?}).
	 */
	private static int utf8Length(String string) {
		int length = string.length();
		int bytes = 0;
		for (int i = 0; i < length; i++) {
			char c = string.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(string.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				bytes++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static int digits(int index) {
		int digits = 1;
		for (int rest = index / 10; rest > 0; rest /= 10) {
			digits++;
		}
		return digits;
	}

}
