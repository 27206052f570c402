package uk.co.healthwatchportsmouth.charter.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * England and Wales bank holidays. A gov.uk {@code bank-holidays.json} is authoritative
 * for every year it lists (one-off holidays are announced at short notice and only the
 * file knows them); years it does not list are computed from the standard rules by
 * jollyday, so any year from 2000 to 2100 has its holidays.
 */
public final class BankHolidays {

	/** The classpath copy shipped with this library (England and Wales, 2018-2027). */
	public static final String SHIPPED_RESOURCE = "/uk/co/healthwatchportsmouth/charter/calendar/bank-holidays.json";

	static final String DIVISION = "england-and-wales";

	private final Map<LocalDate, BankHoliday> listed;

	private final Set<Integer> listedYears;

	private final IntFunction<Map<LocalDate, BankHoliday>> computedYear;

	private final Map<Integer, Map<LocalDate, BankHoliday>> computedByYear = new ConcurrentHashMap<>();

	private final String fingerprint;

	BankHolidays(Map<LocalDate, BankHoliday> listed, IntFunction<Map<LocalDate, BankHoliday>> computedYear) {
		this.listed = Map.copyOf(listed);
		TreeSet<Integer> years = new TreeSet<>();
		listed.keySet().forEach((date) -> years.add(date.getYear()));
		this.listedYears = Set.copyOf(years);
		this.computedYear = Objects.requireNonNull(computedYear, "computedYear");
		this.fingerprint = fingerprintOf(listed);
	}

	/** The copy shipped on the classpath. */
	public static BankHolidays shipped() {
		try (InputStream in = BankHolidays.class.getResourceAsStream(SHIPPED_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + SHIPPED_RESOURCE);
			}
			return fromJson(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A newer gov.uk file that operations put on disk. */
	public static BankHolidays fromFile(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return fromJson(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read bank holidays from " + file, ex);
		}
	}

	/**
	 * Reads gov.uk's format: {@code {"england-and-wales": {"division": ..., "events":
	 * [{"title", "date", "notes", "bunting"}]}}}.
	 * @throws IllegalArgumentException when the document is not in that format
	 */
	public static BankHolidays fromJson(InputStream json) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(json);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Bank holidays are not readable JSON: " + ex.getMessage(), ex);
		}
		JsonNode events = root.path(DIVISION).path("events");
		if (!events.isArray()) {
			throw new IllegalArgumentException("Bank holidays JSON has no " + DIVISION + ".events array");
		}
		Map<LocalDate, BankHoliday> listed = new HashMap<>();
		for (JsonNode event : events) {
			String title = event.path("title").asString("");
			String date = event.path("date").asString("");
			if (title.isBlank()) {
				throw new IllegalArgumentException("A bank holiday on '" + date + "' has no title");
			}
			try {
				LocalDate day = LocalDate.parse(date);
				listed.put(day, new BankHoliday(day, title, event.path("notes").asString("")));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Bank holiday '" + title + "' has a malformed date '" + date + "'");
			}
		}
		return new BankHolidays(listed, RuleBasedBankHolidays::forYear);
	}

	/** The bank holiday on a day, if any. */
	public Optional<BankHoliday> on(LocalDate date) {
		int year = date.getYear();
		if (this.listedYears.contains(year)) {
			return Optional.ofNullable(this.listed.get(date));
		}
		return Optional.ofNullable(this.computedByYear.computeIfAbsent(year, this.computedYear::apply).get(date));
	}

	/** The years the file lists; all others are computed. */
	public Set<Integer> listedYears() {
		return new TreeSet<>(this.listedYears);
	}

	/** Every listed holiday, by date. */
	public Map<LocalDate, BankHoliday> listed() {
		return new TreeMap<>(this.listed);
	}

	/** Changes whenever the listed holidays change: compare it to spot a new file. */
	public String fingerprint() {
		return this.fingerprint;
	}

	private static String fingerprintOf(Map<LocalDate, BankHoliday> listed) {
		StringBuilder canonical = new StringBuilder();
		new TreeMap<>(listed).values()
			.forEach((holiday) -> canonical.append(holiday.date())
				.append('|')
				.append(holiday.title())
				.append('|')
				.append(holiday.notes())
				.append('\n'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
