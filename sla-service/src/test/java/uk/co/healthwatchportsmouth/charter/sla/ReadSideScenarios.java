package uk.co.healthwatchportsmouth.charter.sla;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockMetrics;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockState;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side over real HTTP and a real store: the queue view with its filters, order
 * and pages, and the compliance report as JSON and CSV. Clocks are stored directly in the
 * states a scenario needs, with deadlines far from now so no timer is due.
 */
@SpringBootTest(classes = SlaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
abstract class ReadSideScenarios {

	@Autowired
	ClockStore store;

	@Autowired
	ClockMetrics clockMetrics;

	@Autowired
	MeterRegistry meters;

	@Value("${local.server.port}")
	int port;

	ServiceHttp http;

	@BeforeEach
	void connect() {
		this.http = new ServiceHttp(this.port);
	}

	@Test
	void theQueueListsAnAssigneesClocksByDeadlineFilteredAndInPages() {
		String assignee = "queue-" + UUID.randomUUID();
		String third = store(clock(assignee, "EMAIL", ClockState.RUNNING, "2031-01-03T12:00:00Z", null, false));
		String first = store(clock(assignee, "EMAIL", ClockState.BREACHED, "2031-01-01T12:00:00Z", null, false));
		String second = store(clock(assignee, "PHONE", ClockState.RUNNING, "2031-01-02T12:00:00Z", null, false));
		store(clock("someone-else", "EMAIL", ClockState.RUNNING, "2031-01-01T09:00:00Z", null, false));

		assertThat(ids("/clocks?assigneeId=" + assignee)).containsExactly(first, second, third);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&state=RUNNING")).containsExactly(second, third);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&standard=PHONE")).containsExactly(second);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&dueBefore=2031-01-02T12:00:00Z"))
			.as("strictly before the instant")
			.containsExactly(first);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&size=2")).containsExactly(first, second);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&size=2&page=1")).containsExactly(third);
		assertThat(ids("/clocks?assigneeId=" + assignee + "&size=2&page=2")).isEmpty();
	}

	@Test
	void withoutAFilterEveryClockIsListedByDeadlineFiftyAtATime() {
		for (int i = 0; i < 55; i++) {
			store(clock("bulk", "EMAIL", ClockState.RUNNING,
					Instant.parse("2032-01-01T00:00:00Z").plusSeconds(i * 60L).toString(), null, false));
		}
		JsonNode page = ServiceHttp.json(this.http.get("/clocks"));
		assertThat(page).hasSize(50);
		List<Instant> deadlines = page.valueStream()
			.map((clock) -> Instant.parse(clock.get("dueAt").asString()))
			.toList();
		assertThat(deadlines).isSorted();
		assertThat(ServiceHttp.json(this.http.get("/clocks?size=500")).size()).isGreaterThanOrEqualTo(55);
	}

	@Test
	void badQueueParametersAreProblemsNamingTheParameter() {
		assertProblemNaming("/clocks?state=LATE", "state");
		assertProblemNaming("/clocks?dueBefore=tomorrow", "dueBefore");
		assertProblemNaming("/clocks?size=501", "size");
		assertProblemNaming("/clocks?size=0", "size");
		assertProblemNaming("/clocks?page=-1", "page");
		assertProblemNaming("/clocks?assigneeId=", "assigneeId");
	}

	@Test
	void complianceCountsEachStandardPerLondonMonthOfTheDeadline() {
		String standard = "EMAIL";
		// Monday 6 January 2025, 09:00 in London (GMT)
		store(clock("fcr", standard, ClockState.MET, "2025-01-08T17:00:00Z", "2025-01-06T10:00:00Z", true));
		store(clock("late", standard, ClockState.MET_AFTER_BREACH, "2025-01-08T17:00:00Z", "2025-01-09T11:00:00Z",
				false));
		// 23:30 on 31 January in London
		store(clock("open-breach", standard, ClockState.BREACHED, "2025-01-31T23:30:00Z", null, false));
		// 23:30 on 31 March in London (BST): March
		store(clock("running", standard, ClockState.RUNNING, "2025-03-31T22:30:00Z", null, false));
		// 00:30 on 1 April in London: outside the period
		store(clock("april", standard, ClockState.RUNNING, "2025-03-31T23:30:00Z", null, false));

		HttpResponse<String> response = this.http.get("/compliance?from=2025-01-01&to=2025-03-31");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode report = ServiceHttp.json(response);
		assertThat(report.get("zone").asString()).isEqualTo("Europe/London");
		JsonNode january = row(report, standard, "2025-01");
		assertThat(january.get("met").asInt()).isEqualTo(1);
		assertThat(january.get("breached").asInt()).isEqualTo(2);
		assertThat(january.get("open").asInt()).isZero();
		assertThat(january.get("medianTimeToRespond").asString()).isEqualTo("PT1H");
		assertThat(january.get("p90TimeToRespond").asString()).as("8+8+8+2 working hours").isEqualTo("PT26H");
		assertThat(january.get("firstContactResolutionRate").asDouble()).isEqualTo(0.5);
		JsonNode february = row(report, standard, "2025-02");
		assertThat(february.get("met").asInt() + february.get("breached").asInt() + february.get("open").asInt())
			.isZero();
		assertThat(february.get("medianTimeToRespond").isNull()).isTrue();
		assertThat(february.get("firstContactResolutionRate").isNull()).isTrue();
		JsonNode march = row(report, standard, "2025-03");
		assertThat(march.get("open").asInt()).as("the clock due in April London time is not counted").isEqualTo(1);

		HttpResponse<String> csv = send(LocalUsers.SAM
			.signIn(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/compliance?from=2025-01-01&to=2025-03-31")))
			.header("Accept", "text/csv")
			.build());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("standard,month,met,breached,open,cancelled,median_time_to_respond,"
				+ "p90_time_to_respond,first_contact_resolution_rate");
		assertThat(lines).contains("EMAIL,2025-01,1,2,0,0,PT1H,PT26H,0.5", "EMAIL,2025-02,0,0,0,0,,,",
				"EMAIL,2025-03,0,0,1,0,,,");
	}

	@Test
	void badCompliancePeriodsAreProblemsNamingTheParameter() {
		assertProblemNaming("/compliance?to=2025-01-31", "from");
		assertProblemNaming("/compliance?from=2025-01-01", "to");
		assertProblemNaming("/compliance?from=January&to=2025-01-31", "from");
		assertProblemNaming("/compliance?from=2025-02-01&to=2025-01-31", "to");
		assertProblemNaming("/compliance?from=2025-01-01&to=2026-01-02", "to");
		assertThat(this.http.get("/compliance?from=2025-01-01&to=2026-01-01").statusCode()).as("366 days")
			.isEqualTo(200);
	}

	private JsonNode row(JsonNode report, String standard, String month) {
		return report.get("rows")
			.valueStream()
			.filter((row) -> row.get("standard").asString().equals(standard)
					&& row.get("month").asString().equals(month))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + standard + " in " + month + ": " + report));
	}

	private List<String> ids(String path) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return ServiceHttp.json(response).valueStream().map((clock) -> clock.get("id").asString()).toList();
	}

	private void assertProblemNaming(String path, String field) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceHttp.json(response).get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
	}

	@Test
	void openClocksAreCountedByStandardStateAndTheLondonDayTheirDeadlineFallsOn() {
		ZoneId london = ZoneId.of("Europe/London");
		Instant now = Instant.now();
		Instant tomorrowNoon = LocalDate.now(london).plusDays(1).atTime(12, 0).atZone(london).toInstant();
		Map<String, Double> before = openLetterClocks();

		store(clock("counted", "LETTER", ClockState.BREACHED, now.minus(Duration.ofDays(3)).toString(), null, false));
		store(clock("counted", "LETTER", ClockState.PAUSED, tomorrowNoon.toString(), null, false));
		store(clock("counted", "LETTER", ClockState.RUNNING, now.plus(Duration.ofDays(30)).toString(), null, false));
		store(clock("counted", "LETTER", ClockState.RUNNING, now.plus(Duration.ofDays(31)).toString(), null, false));
		store(clock("counted", "LETTER", ClockState.MET, now.plus(Duration.ofDays(30)).toString(), now.toString(),
				false));

		Map<String, Double> after = openLetterClocks();
		assertThat(after.getOrDefault("breached|overdue", 0.0) - before.getOrDefault("breached|overdue", 0.0))
			.isEqualTo(1);
		assertThat(after.getOrDefault("paused|tomorrow", 0.0) - before.getOrDefault("paused|tomorrow", 0.0))
			.isEqualTo(1);
		assertThat(after.getOrDefault("running|later", 0.0) - before.getOrDefault("running|later", 0.0)).isEqualTo(2);
		assertThat(after.values().stream().mapToDouble(Double::doubleValue).sum()
				- before.values().stream().mapToDouble(Double::doubleValue).sum())
			.as("a met clock is not open")
			.isEqualTo(4);
	}

	/** The LETTER open-clock gauges by state and due day, recounted now. */
	private Map<String, Double> openLetterClocks() {
		long recountsBefore = this.meters.get(ClockMetrics.OPEN + ".recount").timer().count();
		this.clockMetrics.refreshOpen();
		assertThat(this.meters.get(ClockMetrics.OPEN + ".recount").timer().count())
			.as("each recount is timed, for operations to see its cost")
			.isEqualTo(recountsBefore + 1);
		Map<String, Double> counts = new HashMap<>();
		this.meters.find(ClockMetrics.OPEN)
			.tag("standard", "LETTER")
			.gauges()
			.forEach((gauge) -> counts.merge(gauge.getId().getTag("state") + "|" + gauge.getId().getTag("due"),
					gauge.value(), Double::sum));
		return counts;
	}

	private String store(DeadlineClock clock) {
		ClockStarted started = new ClockStarted(clock.id() + "-started", clock.startedAt(), clock.id(),
				clock.contactId(), clock.standard(), clock.assigneeId(), clock.startedAt(), clock.dueAt(), null);
		assertThat(this.store.insert(clock, started)).isTrue();
		return clock.id();
	}

	/**
	 * A first-response clock of a fresh contact, started at 09:00 on Monday 6 January
	 * 2025 in London.
	 */
	private static DeadlineClock clock(String assignee, String standard, ClockState state, String dueAt,
			String respondedAt, boolean resolvedAtFirstContact) {
		String contactId = Contacts.newContactId();
		return DeadlineClock
			.restore(new DeadlineClock.Snapshot(DeadlineClock.idFor(contactId), contactId, standard, 1, assignee,
					Instant.parse("2025-01-06T09:00:00Z"), Instant.parse(dueAt), List.of(), 0, state, null,
					(state == ClockState.BREACHED || state == ClockState.MET_AFTER_BREACH) ? Instant.parse(dueAt)
							: null,
					(respondedAt != null) ? Instant.parse(respondedAt) : null, 0, null, null, null, null,
					resolvedAtFirstContact));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
