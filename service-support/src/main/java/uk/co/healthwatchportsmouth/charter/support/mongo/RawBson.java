package uk.co.healthwatchportsmouth.charter.support.mongo;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;

/**
 * Encodes a query or an update of plain values as BSON bytes at once. The driver encodes
 * a {@link org.bson.Document} through its codec registry, looking up a codec for every
 * value, and its BSON writer checks its state at every step; for the hottest writes (a
 * batch of timer firings, the outbox relay's removals) that costs more than the write
 * itself, while a {@link RawBsonDocument} is sent as it is. The bytes are those the
 * driver's default codecs write.
 */
public final class RawBson {

	private static final byte DOUBLE = 0x01;

	private static final byte STRING = 0x02;

	private static final byte DOCUMENT = 0x03;

	private static final byte ARRAY = 0x04;

	private static final byte OBJECT_ID = 0x07;

	private static final byte BOOLEAN = 0x08;

	private static final byte DATE_TIME = 0x09;

	private static final byte NULL = 0x0A;

	private static final byte INT32 = 0x10;

	private static final byte INT64 = 0x12;

	private RawBson() {
	}

	/**
	 * The document as BSON.
	 * @param document field names to strings, numbers, booleans, dates (or instants),
	 * object ids, nulls, nested documents and collections of these
	 * @throws IllegalArgumentException for a value of any other type
	 */
	public static RawBsonDocument of(Map<String, ?> document) {
		Output output = new Output();
		output.document(document);
		return new RawBsonDocument(output.bytes, 0, output.length);
	}

	private static final class Output {

		private byte[] bytes = new byte[256];

		private int length;

		void document(Map<?, ?> document) {
			int start = this.length;
			int32(0);
			for (Map.Entry<?, ?> field : document.entrySet()) {
				element((String) field.getKey(), field.getValue());
			}
			write((byte) 0);
			lengthAt(start, this.length - start);
		}

		void array(Collection<?> elements) {
			int start = this.length;
			int32(0);
			int index = 0;
			for (Object element : elements) {
				element(Integer.toString(index++), element);
			}
			write((byte) 0);
			lengthAt(start, this.length - start);
		}

		private void element(String name, Object value) {
			switch (value) {
				case null -> name(NULL, name);
				case String string -> {
					name(STRING, name);
					string(string);
				}
				case Date date -> {
					name(DATE_TIME, name);
					int64(date.getTime());
				}
				case Instant instant -> {
					name(DATE_TIME, name);
					int64(instant.toEpochMilli());
				}
				case Integer number -> {
					name(INT32, name);
					int32(number);
				}
				case Long number -> {
					name(INT64, name);
					int64(number);
				}
				case Double number -> {
					name(DOUBLE, name);
					int64(Double.doubleToRawLongBits(number));
				}
				case Boolean flag -> {
					name(BOOLEAN, name);
					write((byte) (flag ? 1 : 0));
				}
				case ObjectId objectId -> {
					name(OBJECT_ID, name);
					for (byte b : objectId.toByteArray()) {
						write(b);
					}
				}
				case Map<?, ?> nested -> {
					name(DOCUMENT, name);
					document(nested);
				}
				case Collection<?> elements -> {
					name(ARRAY, name);
					array(elements);
				}
				default -> throw new IllegalArgumentException("No BSON encoding for a " + value.getClass().getName());
			}
		}

		private void name(byte type, String name) {
			write(type);
			if (name.indexOf('\0') >= 0) {
				throw new IllegalArgumentException("A BSON field name cannot contain a null character: " + name);
			}
			utf8(name);
			write((byte) 0);
		}

		private void string(String string) {
			int start = this.length;
			int32(0);
			utf8(string);
			write((byte) 0);
			lengthAt(start, this.length - start - 4);
		}

		// as the driver's output buffer writes characters: code point by code point, an
		// unpaired surrogate as the three bytes of its value
		private void utf8(String string) {
			int length = string.length();
			for (int i = 0; i < length;) {
				int c = Character.codePointAt(string, i);
				if (c < 0x80) {
					write((byte) c);
				}
				else if (c < 0x800) {
					write((byte) (0xc0 | (c >> 6)));
					write((byte) (0x80 | (c & 0x3f)));
				}
				else if (c < 0x10000) {
					write((byte) (0xe0 | (c >> 12)));
					write((byte) (0x80 | ((c >> 6) & 0x3f)));
					write((byte) (0x80 | (c & 0x3f)));
				}
				else {
					write((byte) (0xf0 | (c >> 18)));
					write((byte) (0x80 | ((c >> 12) & 0x3f)));
					write((byte) (0x80 | ((c >> 6) & 0x3f)));
					write((byte) (0x80 | (c & 0x3f)));
				}
				i += Character.charCount(c);
			}
		}

		private void int32(int value) {
			ensure(4);
			this.bytes[this.length++] = (byte) value;
			this.bytes[this.length++] = (byte) (value >> 8);
			this.bytes[this.length++] = (byte) (value >> 16);
			this.bytes[this.length++] = (byte) (value >> 24);
		}

		private void int64(long value) {
			int32((int) value);
			int32((int) (value >> 32));
		}

		private void lengthAt(int position, int value) {
			this.bytes[position] = (byte) value;
			this.bytes[position + 1] = (byte) (value >> 8);
			this.bytes[position + 2] = (byte) (value >> 16);
			this.bytes[position + 3] = (byte) (value >> 24);
		}

		private void write(byte value) {
			ensure(1);
			this.bytes[this.length++] = value;
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

	}

}
