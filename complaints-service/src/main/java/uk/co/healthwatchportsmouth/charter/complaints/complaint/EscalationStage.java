package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** A stage a complainant who is not satisfied can escalate to, in configured order. */
public record EscalationStage(String code, String name, int workingDays) {

}
