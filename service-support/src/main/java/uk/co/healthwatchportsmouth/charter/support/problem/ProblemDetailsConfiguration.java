package uk.co.healthwatchportsmouth.charter.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the problem+json error handling in every service. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class ProblemDetailsConfiguration {

}
