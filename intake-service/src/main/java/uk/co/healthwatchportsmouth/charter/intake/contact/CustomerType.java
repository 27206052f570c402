package uk.co.healthwatchportsmouth.charter.intake.contact;

/** Who the customer is, from the charter's list of those it applies to. */
public enum CustomerType {

	PATIENT, PUBLIC, COMMISSIONER, PROVIDER, COMMUNITY_ORGANISATION, OTHER

}
