package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** The client changed a complaint from a version that is no longer current (412). */
public class StaleComplaintException extends RuntimeException {

	public StaleComplaintException(String complaintId, long expected, long current) {
		super("Complaint " + complaintId + " is at version " + current + ", not " + expected
				+ ": read it again and retry");
	}

}
