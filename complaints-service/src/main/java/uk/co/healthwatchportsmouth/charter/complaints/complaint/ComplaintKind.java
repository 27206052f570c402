package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/**
 * Complaints about us follow the complaints procedure; complaints about an NHS or social
 * care provider are signposted, not investigated.
 */
public enum ComplaintKind {

	ABOUT_US, ABOUT_PROVIDER

}
