package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** A step the complaint's current state does not allow (409). */
public class ComplaintTransitionRefusedException extends RuntimeException {

	private final ComplaintState state;

	private final String action;

	public ComplaintTransitionRefusedException(String complaintId, ComplaintState state, String action, String reason) {
		super("Complaint " + complaintId + " is " + state + ": cannot " + action + " (" + reason + ")");
		this.state = state;
		this.action = action;
	}

	public ComplaintState state() {
		return this.state;
	}

	public String action() {
		return this.action;
	}

}
