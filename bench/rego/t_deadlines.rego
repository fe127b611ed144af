# T-DEADLINES: deadlines inside the plan's period; needs the period (else error).
package cchc

import rego.v1

no_period if not input.period_start

no_period if not input.period_end

t_deadlines := "error" if {
	no_period
} else := "partial" if {
	some a in input.activities
	a.deadline_in_period == false
	some b in input.activities
	b.deadline_in_period == true
} else := "fail" if {
	some a in input.activities
	a.deadline_in_period == false
} else := "pass"

status["T-DEADLINES"] := t_deadlines
