package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** Who the complainant is, from the charter's list of customers. */
public enum CustomerType {

	PATIENT, PUBLIC, COMMISSIONER, PROVIDER, COMMUNITY_ORGANISATION, OTHER

}
