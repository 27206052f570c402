package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;

/**
 * Where a complaint about a provider was sent.
 *
 * @param organisation the named body, e.g. the provider's name; free text, never
 * published
 */
public record Signposting(SignpostDestination signpostedTo, String organisation, Instant signpostedAt,
		boolean consentToShare) {

}
