package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/**
 * Where a complaint about a provider was signposted (the complaint.signposted.v1 enum).
 */
public enum SignpostDestination {

	PROVIDER_COMPLAINTS_TEAM, PALS, NHS_COMPLAINTS_ADVOCACY, HEALTH_SERVICE_OMBUDSMAN, LOCAL_GOVERNMENT_OMBUDSMAN,
	CARE_QUALITY_COMMISSION, OTHER

}
