package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/** "Ask for your views": how satisfied customers were, counted over a period. */
@RestController
@Tag(name = "Reports")
class FeedbackReportController {

	private final MongoContacts contacts;

	FeedbackReportController(MongoContacts contacts) {
		this.contacts = contacts;
	}

	/**
	 * Feedback given in [from, to): how much, the average score and the count per score.
	 */
	record FeedbackReport(Instant from, Instant to, int count, Double averageScore, Map<Integer, Integer> byScore) {

		static FeedbackReport of(Instant from, Instant to, List<Feedback> feedback) {
			Map<Integer, Integer> byScore = new TreeMap<>();
			for (int score = 1; score <= 5; score++) {
				byScore.put(score, 0);
			}
			feedback.forEach((given) -> byScore.merge(given.score(), 1, Integer::sum));
			Double average = feedback.isEmpty() ? null
					: Math.round(feedback.stream().mapToInt(Feedback::score).average().orElseThrow() * 100) / 100.0;
			return new FeedbackReport(from, to, feedback.size(), average, byScore);
		}

	}

	@GetMapping("/reports/feedback")
	@Operation(summary = "Count customer feedback given in a period",
			description = "Feedback given at or after from and before to. Scores only: comments are not reported.")
	FeedbackReport feedback(
			@Parameter(example = "2026-11-01T00:00:00Z") @RequestParam @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(example = "2026-12-01T00:00:00Z") @RequestParam @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidFieldException("to", "must be after from");
		}
		return FeedbackReport.of(from, to, this.contacts.feedbackGiven(from, to));
	}

}
