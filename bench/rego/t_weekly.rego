# T-WEEKLY: a television or radio segment at least weekly, 15 minutes, at peak time.
package cchc

import rego.v1

broadcast := {"television", "radio"}

t_weekly := "pass" if {
	some a in input.activities
	a.form in broadcast
	a.per_year >= 52
	a.minutes >= 15
	a.peak_time == true
} else := "partial" if {
	some a in input.activities
	a.form in broadcast
} else := "fail"

status["T-WEEKLY"] := t_weekly
